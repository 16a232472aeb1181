import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { taskOutput, type OutputOptions } from '../../../shared/transport/download';
import { taskGetOptions } from '../properties';
import type { ItemResult } from '../../../shared/task/results';
import { forEachTask, taskIdProperty } from './task-input';

const properties: INodeProperties[] = [taskIdProperty, taskGetOptions];

export const description = updateDisplayOptions(
	{ show: { resource: ['task'], operation: ['get'] } },
	properties,
);

/** One status read per item, whatever the status; downloads the video of completed tasks when asked. */
export async function execute(this: IExecuteFunctions): Promise<ItemResult[]> {
	return await forEachTask(this, async (client, taskId, itemIndex) => {
		const task = await client.getTask(taskId);
		const options = this.getNodeParameter('options', itemIndex, {}) as OutputOptions;
		return await taskOutput(this, task, client, options);
	});
}
