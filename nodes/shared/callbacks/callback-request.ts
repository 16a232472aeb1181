import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { ApiFailure } from '../errors';
import { taskIdFromCallback, type Task } from '../task/task';
import { CALLBACK_READ, QingboClient } from '../transport/transport';

/**
 * What every callback handler does first (the QingBo Trigger and a parked execution's resume URL):
 * find the task the body names, and read it from the API with our own key. The body is never
 * trusted: it only names the task.
 */

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

/** The task ID the callback body names, if it names one of a sane shape. */
export function callbackTaskId(ctx: IWebhookFunctions): string | undefined {
	return taskIdFromCallback(ctx.getBodyData());
}

/** How a callback reads its task: a few seconds of retries at most while the sender waits. */
export function callbackReader(client: QingboClient): (taskId: string) => Promise<Task> {
	return async (taskId) => await client.getTask(taskId, CALLBACK_READ);
}

export type CallbackRead = { task: Task } | { answered: IWebhookResponseData };

/**
 * Reads a callback's task while the sender waits: a few seconds at most, then 503 so it can retry.
 * Answers 404 (unknown to this account) and 503 (API unreachable) itself.
 */
export async function readForCallback(
	ctx: IWebhookFunctions,
	taskId: string,
	read: (taskId: string) => Promise<Task>,
): Promise<CallbackRead> {
	const task = await read(taskId).catch((error: Error) => error);
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
	return { task };
}

/** The task a callback to the QingBo Trigger is about: 400 when the body names none. */
export async function readCallbackTask(
	ctx: IWebhookFunctions,
): Promise<{ task: Task; client: QingboClient } | { answered: IWebhookResponseData }> {
	const taskId = callbackTaskId(ctx);
	if (!taskId)
		return { answered: reply(ctx, 400, { error: 'The callback body names no task_id' }) };
	const client = await QingboClient.create(ctx);
	const read = await readForCallback(ctx, taskId, callbackReader(client));
	return 'answered' in read ? read : { task: read.task, client };
}
