import { ApiFailure, TaskFailure } from './errors';
import { mapWithConcurrency, pause } from './pause';
import { isTerminal, type Task } from './task';
import type { QingboClient } from './transport';

/** Status reads in flight at once, so a batch of hundreds does not burst the API. */
const POLL_CONCURRENCY = 8;
/** A failed read is retried once at once, then simply again next round: a lane never sits in backoff. */
const READ_ATTEMPTS = 2;

export interface WaitRequest {
	taskId: string;
	timeoutMs: number;
	/** The status we already know (e.g. from submit); lets the first read wait one interval. */
	known?: Task;
}

export type WaitOutcome = { task: Task } | { error: Error; task?: Task };

function failureOf(task: Task): TaskFailure | undefined {
	if (task.status === 'completed') return undefined;
	const apiError = (task.error ?? {}) as { message?: string; code?: string };
	if (task.status === 'cancelled') {
		return new TaskFailure(
			`Task ${task.task_id} was cancelled`,
			task,
			'The task was cancelled before it finished; submit it again if you still need the video.',
		);
	}
	const reason = apiError.message ? `: ${apiError.message}` : '';
	const code = apiError.code ? ` (${apiError.code})` : '';
	return new TaskFailure(
		`Task ${task.task_id} failed${reason}${code}`,
		task,
		"QingBo could not render this task. Check the prompt and inputs against the model's rules, then submit again.",
	);
}

function timedOut(
	taskId: string,
	timeoutMs: number,
	last: Task | undefined,
	readError?: Error,
): TaskFailure {
	const status = last?.status ?? 'unknown';
	const progress = last ? `, ${last.progress}% done` : '';
	const unreadable = readError
		? ` (its status could not be read lately: ${readError.message})`
		: '';
	return new TaskFailure(
		`Task ${taskId} is still ${status}${progress} after ${Math.round(timeoutMs / 1000)} s of waiting${unreadable}`,
		last ?? { task_id: taskId, status },
		'The task keeps running upstream and is not billed again. Raise Options › Timeout, or pick it up later with Task › Wait using this task ID.',
	);
}

/**
 * The one waiting engine: polls every unfinished task each round (a batch waits about as long as
 * its slowest task), ends each at completion, failure or its own timeout, and stops promptly when
 * the user stops the execution. Transient read failures are retried in the transport and then on
 * the next round; only a permanent one (401, 404, ...) ends a task's wait early.
 */
export async function waitForTasks(
	client: QingboClient,
	requests: WaitRequest[],
	options: { pollIntervalMs: number; signal?: AbortSignal },
): Promise<WaitOutcome[]> {
	const start = Date.now();
	const state = requests.map((request) => ({
		request,
		deadline: start + request.timeoutMs,
		last: request.known,
		lastError: undefined as Error | undefined,
		outcome: undefined as WaitOutcome | undefined,
	}));
	let firstRound = true;

	for (;;) {
		const pending = state.filter((s) => !s.outcome);
		if (pending.length === 0) break;
		const now = Date.now();
		for (const s of pending) {
			if (now >= s.deadline)
				s.outcome = {
					error: timedOut(s.request.taskId, s.request.timeoutMs, s.last, s.lastError),
					task: s.last,
				};
		}
		const due = pending.filter(
			(s) => !s.outcome && !(firstRound && s.last && !isTerminal(s.last.status)),
		);
		firstRound = false;

		await mapWithConcurrency(due, POLL_CONCURRENCY, async (s) => {
			try {
				const task = await client.getTask(s.request.taskId, READ_ATTEMPTS);
				s.last = task;
				s.lastError = undefined;
				if (isTerminal(task.status)) {
					const failure = failureOf(task);
					s.outcome = failure ? { error: failure, task } : { task };
				}
			} catch (error) {
				if (error instanceof ApiFailure && error.transient) {
					s.lastError = error;
					return;
				}
				s.outcome = { error: error as Error, task: s.last };
			}
		});

		const stillPending = state.filter((s) => !s.outcome);
		if (stillPending.length === 0) break;
		const nextDeadline = Math.min(...stillPending.map((s) => s.deadline));
		const wait = Math.max(0, Math.min(options.pollIntervalMs, nextDeadline - Date.now()));
		const ids = stillPending.map((s) => s.request.taskId);
		await pause(
			wait,
			options.signal,
			`waiting for ${ids.length === 1 ? `task ${ids[0]}` : `${ids.length} tasks`}`,
		);
	}
	return state.map((s) => s.outcome as WaitOutcome);
}
