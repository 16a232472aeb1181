import type { IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { readCallbackTask, reply } from '../shared/callbacks';
import { taskOutput, type OutputOptions } from '../shared/download';
import { isTerminal } from '../shared/task';

/**
 * QingBo called this execution's resume URL. Only a terminal status resumes the execution;
 * anything else is answered and ignored, leaving the execution parked.
 */
export async function resumeFromCallback(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const read = await readCallbackTask(this);
	if ('answered' in read) return read.answered;
	const { task, client } = read;
	if (!isTerminal(task.status)) {
		return reply(this, 202, {
			received: true,
			task_id: task.task_id,
			status: task.status,
			resumed: false,
		});
	}

	const options = this.getNodeParameter('options', {}) as OutputOptions;
	const output = await taskOutput(this, task, client.origin, options);
	return {
		webhookResponse: { received: true, task_id: task.task_id, status: task.status, resumed: true },
		workflowData: [[{ ...output, pairedItem: { item: 0 } }]],
	};
}
