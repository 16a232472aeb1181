import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { taskOutput, type OutputOptions } from '../../../shared/download';
import { mapWithConcurrency } from '../../../shared/pause';
import { QingboClient } from '../../../shared/transport';
import { taskGetOptions } from '../common';
import { failed, type ItemResult } from '../results';
import { readTaskId, taskIdProperty } from './common';

const properties: INodeProperties[] = [taskIdProperty];

export const description = [
	...updateDisplayOptions({ show: { resource: ['task'], operation: ['get'] } }, properties),
	taskGetOptions,
];

/** One status read per item, whatever the status; downloads the video of completed tasks when asked. */
export async function execute(this: IExecuteFunctions): Promise<ItemResult[]> {
	const client = await QingboClient.create(this);
	return await mapWithConcurrency(this.getInputData(), 5, async (_item, itemIndex) => {
		let taskId: string | undefined;
		try {
			taskId = readTaskId(this, itemIndex);
			const task = await client.getTask(taskId);
			const options = this.getNodeParameter('options', itemIndex, {}) as OutputOptions;
			return { itemIndex, ...(await taskOutput(this, task, client.origin, options)) };
		} catch (error) {
			return failed(itemIndex, error, taskId ? { task_id: taskId } : undefined);
		}
	});
}
