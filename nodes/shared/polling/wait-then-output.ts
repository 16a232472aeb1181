import type { IExecuteFunctions } from 'n8n-workflow';

import { IN_FLIGHT, mapWithConcurrency } from '../transport/concurrency';
import { taskOutput, type OutputOptions } from '../transport/download';
import { failureOf, isTerminal, keepSubmitFacts, type Task } from '../task/task';
import type { QingboClient } from '../transport/transport';
import { DEFAULT_POLL_INTERVAL_S, DEFAULT_TIMEOUT_S } from '../option-defaults';
import { waitForTasks, type WaitOutcome } from './waiting';
import { failed, type ItemResult } from '../task/results';

export interface WaitOptions extends OutputOptions {
	pollInterval?: number;
	timeout?: number;
}

export interface TaskToFinish {
	itemIndex: number;
	taskId: string;
	/** What is already known of it (e.g. from submit). */
	known?: Task;
	options: WaitOptions;
	/** false: output the task as known, without waiting (Don't Wait). */
	wait: boolean;
}

/** Not waited on: Don't Wait outputs it as known; a finished one waited for is judged as waiting would. */
function knownOutcome(t: TaskToFinish): WaitOutcome {
	const task = t.known as Task;
	const failure = t.wait ? failureOf(task) : undefined;
	return failure ? { error: failure, task } : { task };
}

/**
 * Poll in This Node and Task › Wait: every task is waited on together by the one waiting engine,
 * then each becomes its item's output (its video downloaded when asked). A failure keeps its task
 * on the item's result, so no paid task is lost.
 */
export async function waitThenOutput(
	ctx: IExecuteFunctions,
	client: QingboClient,
	tasks: TaskToFinish[],
): Promise<ItemResult[]> {
	// A task already known to be finished (given back by an idempotency key) is not read again.
	const waiting = tasks.filter((t) => t.wait && !isTerminal(t.known?.status));
	const outcomes = await waitForTasks(
		client,
		waiting.map((t) => ({
			taskId: t.taskId,
			timeoutMs: (t.options.timeout ?? DEFAULT_TIMEOUT_S) * 1000,
			known: t.known,
			pollIntervalMs: (t.options.pollInterval ?? DEFAULT_POLL_INTERVAL_S) * 1000,
		})),
		{ signal: ctx.getExecutionCancelSignal() },
	);
	const outcomeOf = new Map(waiting.map((t, n) => [t, outcomes[n]]));

	return await mapWithConcurrency(tasks, IN_FLIGHT.downloads, async (t): Promise<ItemResult> => {
		const waited = outcomeOf.get(t) ?? knownOutcome(t);
		const outcome = waited.task
			? { ...waited, task: keepSubmitFacts(waited.task, t.known) }
			: waited;
		if ('error' in outcome)
			return failed(t.itemIndex, outcome.error, outcome.task ?? t.known ?? { task_id: t.taskId });
		try {
			return {
				itemIndex: t.itemIndex,
				...(await taskOutput(ctx, outcome.task, client, t.options)),
			};
		} catch (error) {
			return failed(t.itemIndex, error, outcome.task);
		}
	});
}
