import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { ApiFailure } from './errors';
import { taskIdFromCallback, type Task } from './task';
import { CALLBACK_READ, QingboClient } from './transport';

/**
 * For webhook descriptions in `onReceived` mode: without it n8n evaluates `responseData` to its
 * default `firstEntryJson` and sends that string instead of our `webhookResponse` JSON.
 */
export const ANSWER_WITH_WEBHOOK_RESPONSE = '';

/** Answers the callback ourselves and starts or resumes nothing. */
export function reply(
	ctx: IWebhookFunctions,
	status: number,
	body: IDataObject,
): IWebhookResponseData {
	ctx.getResponseObject().status(status).json(body);
	return { noWebhookResponse: true };
}

/**
 * The task a callback is about, read from the API with our own key: the body is never trusted,
 * it only names the task. Answers 400 (no task ID), 404 (unknown to this account) or 503 (API
 * unreachable: the sender may retry) itself. With `expectedTaskId` (a parked execution) a body
 * naming another task is answered 409 without any API call, and a body naming none reads the
 * expected task.
 */
export async function readCallbackTask(
	ctx: IWebhookFunctions,
	expectedTaskId?: string,
): Promise<{ task: Task; client: QingboClient } | { answered: IWebhookResponseData }> {
	const namedTaskId = taskIdFromCallback(ctx.getBodyData());
	if (expectedTaskId && namedTaskId && namedTaskId !== expectedTaskId) {
		return {
			answered: reply(ctx, 409, {
				received: false,
				task_id: namedTaskId,
				expected_task_id: expectedTaskId,
				error: `This execution waits for task ${expectedTaskId}, not ${namedTaskId}; it stays parked`,
			}),
		};
	}
	const taskId = namedTaskId ?? expectedTaskId;
	if (!taskId)
		return { answered: reply(ctx, 400, { error: 'The callback body names no task_id' }) };
	const client = await QingboClient.create(ctx);
	const task = await client.getTask(taskId, CALLBACK_READ).catch((error: Error) => error);
	if (task instanceof ApiFailure && task.status === 404) {
		return {
			answered: reply(ctx, 404, {
				error: `Task ${taskId} is not known to this QingBo account`,
				task_id: taskId,
			}),
		};
	}
	if (task instanceof Error) {
		return {
			answered: reply(ctx, 503, {
				error: `Task ${taskId} could not be read from QingBo; try again`,
				task_id: taskId,
			}),
		};
	}
	return { task, client };
}
