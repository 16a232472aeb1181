import type {
	IDataObject,
	IWebhookDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { ANSWER_WITH_WEBHOOK_RESPONSE, readCallbackTask, reply } from '../shared/callback-request';
import { taskOutput, type OutputOptions } from '../shared/download';
import { isTerminal, keepReservation, type Task } from '../shared/task';

/**
 * Pause Until Callback, its waking half: the resume webhook, and the row it reads the parked task
 * from. (The parking half is `parkUntilCallback` in actions/video/submit-and-wait.ts.)
 */

/** Its own module: n8n's lint takes an inline `webhooks` array in a regular node for a trigger's. */
export const resumeWebhooks: IWebhookDescription[] = [
	{
		name: 'default',
		httpMethod: 'POST',
		responseMode: 'onReceived',
		responseData: ANSWER_WITH_WEBHOOK_RESPONSE,
		path: '',
		restartWebhook: true,
		isFullPath: true,
	},
];

/**
 * What a parked execution leaves as this node's input. Two readers: n8n, which at the wait limit
 * resumes without running the node and passes this input on (so a missed callback names the task),
 * and `resumeFromCallback`, which reads the parked task's ID from it (the execution's own stored
 * data: it survives restarts and the hand-off to another worker).
 */
export function parkedRow(task: Task, timeoutMs: number): IDataObject {
	return {
		...task,
		timed_out: true,
		error: `No callback for task ${task.task_id} within ${Math.round(timeoutMs / 1000)} s; it was ${task.status} when last seen and keeps running upstream`,
		errorDescription:
			'Pick it up with Task › Wait or Task › Get using this task ID. Check that QingBo can reach this n8n (WEBHOOK_URL), or use Poll in This Node.',
	};
}

/** The row of the task this execution parked for, or undefined where n8n gives the webhook no input. */
function parkedTask(ctx: IWebhookFunctions): IDataObject | undefined {
	try {
		const row = ctx.evaluateExpression('{{ $json }}', 0) as IDataObject | undefined;
		return row?.timed_out === true && typeof row.task_id === 'string' ? row : undefined;
	} catch {
		return undefined;
	}
}

/**
 * QingBo called this execution's resume URL. Only a terminal status of the task the execution
 * parked for resumes it; anything else is answered and ignored, leaving the execution parked.
 */
export async function resumeFromCallback(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const parked = parkedTask(this);
	const read = await readCallbackTask(this, parked?.task_id as string | undefined);
	if ('answered' in read) return read.answered;
	const { client } = read;
	const task = keepReservation(read.task, parked);
	if (!isTerminal(task.status)) {
		return reply(this, 202, {
			received: true,
			task_id: task.task_id,
			status: task.status,
			resumed: false,
		});
	}

	const options = this.getNodeParameter('options', {}) as OutputOptions;
	const output = await taskOutput(this, task, client, options);
	return {
		webhookResponse: { received: true, task_id: task.task_id, status: task.status, resumed: true },
		workflowData: [[{ ...output, pairedItem: { item: 0 } }]],
	};
}
