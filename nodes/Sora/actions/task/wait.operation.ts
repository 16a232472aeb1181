import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { taskOutput, type OutputOptions } from '../../../shared/download';
import { toNodeError } from '../../../shared/errors';
import { mapWithConcurrency } from '../../../shared/pause';
import { QingboClient } from '../../../shared/transport';
import { waitForTasks } from '../../../shared/waiting';
import { DEFAULT_POLL_INTERVAL_S, DEFAULT_TIMEOUT_S, taskWaitOptions } from '../common';
import { failed, type ItemResult } from '../results';
import { readTaskId, taskIdProperty } from './common';

const properties: INodeProperties[] = [taskIdProperty];

export const description = [
	...updateDisplayOptions({ show: { resource: ['task'], operation: ['wait'] } }, properties),
	taskWaitOptions,
];

interface WaitOptions extends OutputOptions {
	pollInterval?: number;
	timeout?: number;
}

/** Waits for every item's task together, with the same engine as the video operations' poll mode. */
export async function execute(this: IExecuteFunctions): Promise<ItemResult[]> {
	const results: ItemResult[] = [];
	const waiting: Array<{ itemIndex: number; taskId: string; options: WaitOptions }> = [];
	this.getInputData().forEach((_item, itemIndex) => {
		try {
			const options = this.getNodeParameter('options', itemIndex, {}) as WaitOptions;
			waiting.push({ itemIndex, taskId: readTaskId(this, itemIndex), options });
		} catch (error) {
			if (!this.continueOnFail()) throw toNodeError(this.getNode(), error, { itemIndex });
			results[itemIndex] = failed(itemIndex, error);
		}
	});

	const client = await QingboClient.create(this);
	const outcomes = await waitForTasks(
		client,
		waiting.map((w) => ({
			taskId: w.taskId,
			timeoutMs: (w.options.timeout ?? DEFAULT_TIMEOUT_S) * 1000,
			pollIntervalMs: (w.options.pollInterval ?? DEFAULT_POLL_INTERVAL_S) * 1000,
		})),
		{ signal: this.getExecutionCancelSignal() },
	);
	await mapWithConcurrency(waiting, 3, async (w, n) => {
		const outcome = outcomes[n];
		if ('error' in outcome) {
			results[w.itemIndex] = failed(
				w.itemIndex,
				outcome.error,
				outcome.task ?? { task_id: w.taskId },
			);
			return;
		}
		try {
			results[w.itemIndex] = {
				itemIndex: w.itemIndex,
				...(await taskOutput(this, outcome.task, client.origin, w.options)),
			};
		} catch (error) {
			results[w.itemIndex] = failed(w.itemIndex, error, outcome.task);
		}
	});
	return results.filter(Boolean);
}
