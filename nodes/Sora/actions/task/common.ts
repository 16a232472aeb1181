import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireText } from '../../../shared/validation';

export const taskIdProperty: INodeProperties = {
	displayName: 'Task ID',
	name: 'taskId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. task_abc123',
	description: 'The ID returned when the task was submitted',
};

export function readTaskId(ctx: IExecuteFunctions, itemIndex: number): string {
	return requireText(
		ctx.getNodeParameter('taskId', itemIndex),
		'Task ID',
		'Give the task ID, e.g. {{ $json.task_id }}.',
	);
}
