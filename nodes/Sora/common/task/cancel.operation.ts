import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ItemResult } from '../../../shared/task/results';
import { forEachTask, taskIdProperty } from './task-input';

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
	return await forEachTask(this, async (client, taskId) => ({
		json: await client.cancelTask(taskId),
	}));
}
