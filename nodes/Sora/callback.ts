import type { IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { taskOutput, type OutputOptions } from '../shared/download';
import { ApiFailure } from '../shared/errors';
import { isTerminal, taskIdFromCallback } from '../shared/task';
import { CALLBACK_READ_ATTEMPTS, QingboClient } from '../shared/transport';

function reply(ctx: IWebhookFunctions, status: number, body: object): IWebhookResponseData {
	ctx.getResponseObject().status(status).json(body);
	return { noWebhookResponse: true };
}

/**
 * QingBo called this execution's resume URL. The body is not trusted: the task is read from the
 * API, and only a terminal status resumes the execution; anything else is answered and ignored,
 * leaving the execution parked.
 */
export async function resumeFromCallback(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const taskId = taskIdFromCallback(this.getBodyData());
	if (!taskId) return reply(this, 400, { error: 'The callback body names no task_id' });

	const client = await QingboClient.create(this);
	let task;
	try {
		task = await client.getTask(taskId, CALLBACK_READ_ATTEMPTS);
	} catch (error) {
		const status = error instanceof ApiFailure && error.status === 404 ? 404 : 503;
		return reply(this, status, {
			error: `Task ${taskId} could not be read from QingBo`,
			task_id: taskId,
		});
	}
	if (!isTerminal(task.status)) {
		return reply(this, 202, {
			received: true,
			task_id: taskId,
			status: task.status,
			resumed: false,
		});
	}

	const options = this.getNodeParameter('options', {}) as OutputOptions;
	const output = await taskOutput(this, task, client.origin, options);
	return {
		webhookResponse: { received: true, task_id: taskId, status: task.status, resumed: true },
		workflowData: [[{ ...output, pairedItem: { item: 0 } }]],
	};
}
