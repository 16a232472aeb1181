import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { mapWithConcurrency } from '../../../shared/pause';
import { QingboClient } from '../../../shared/transport';
import { failed, type ItemResult } from '../results';
import { readTaskId, taskIdProperty } from './common';

const properties: INodeProperties[] = [
	taskIdProperty,
	{
		displayName: 'Only a queued task can be cancelled; once it is processing it runs to the end.',
		name: 'cancelNotice',
		type: 'notice',
		default: '',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['task'], operation: ['cancel'] } },
	properties,
);

export async function execute(this: IExecuteFunctions): Promise<ItemResult[]> {
	const client = await QingboClient.create(this);
	return await mapWithConcurrency(this.getInputData(), 5, async (_item, itemIndex) => {
		let taskId: string | undefined;
		try {
			taskId = readTaskId(this, itemIndex);
			return { itemIndex, json: await client.cancelTask(taskId) };
		} catch (error) {
			return failed(itemIndex, error, taskId ? { task_id: taskId } : undefined);
		}
	});
}
