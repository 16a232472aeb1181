import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { IN_FLIGHT, mapWithConcurrency } from '../../../shared/transport/concurrency';
import { QingboClient } from '../../../shared/transport/transport';
import { requireText } from '../../../shared/submit/input';
import { failed, type ItemResult } from '../../../shared/task/results';

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

/** One API call per item's task ID (a few at a time); a failure keeps the task ID on the item's result. */
export async function forEachTask(
	ctx: IExecuteFunctions,
	work: (
		client: QingboClient,
		taskId: string,
		itemIndex: number,
	) => Promise<Omit<ItemResult, 'itemIndex'>>,
): Promise<ItemResult[]> {
	const client = await QingboClient.create(ctx);
	return await mapWithConcurrency(
		ctx.getInputData(),
		IN_FLIGHT.taskCalls,
		async (_item, itemIndex) => {
			let taskId: string | undefined;
			try {
				taskId = readTaskId(ctx, itemIndex);
				return { itemIndex, ...(await work(client, taskId, itemIndex)) };
			} catch (error) {
				return failed(itemIndex, error, taskId ? { task_id: taskId } : undefined);
			}
		},
	);
}
