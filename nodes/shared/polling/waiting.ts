import { ApiFailure, TaskFailure } from '../errors';
import { IN_FLIGHT, mapWithConcurrency } from '../transport/concurrency';
import { pause } from '../transport/pause';
import { FIRST_READ_MS, PollSchedule, RenderPace } from './poll-schedule';
import { failureOf, isTerminal, toUnixSeconds, type Task } from '../task/task';
import type { QingboClient } from '../transport/transport';

/** A failed read is retried once at once, then simply again at its next read. */
const READ_ATTEMPTS = 2;

export interface WaitRequest {
	taskId: string;
	timeoutMs: number;
	/** The status we already know (e.g. from submit); lets the first read wait one interval. */
	known?: Task;
	/** This task's fixed Poll Interval in ms; 0 or unset: the batch's, else adaptive. */
	pollIntervalMs?: number;
}

export type WaitOutcome = { task: Task } | { error: Error; task?: Task };

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

/** A 429 without a server hint pauses the batch this long, doubling while they continue. */
const RATE_LIMIT_START_MS = 2_000;
/** A server asking for a longer pause than this is not taken literally: the timeout still rules. */
const MAX_SERVER_PAUSE_MS = 60_000;

interface Lane {
	request: WaitRequest;
	/** The model and the moment its render began (the task's created_at, else the wait's start). */
	model: string;
	startedAt: number;
	deadline: number;
	/** Fixed cadence in ms, or undefined for the adaptive schedule. */
	intervalMs: number | undefined;
	schedule: PollSchedule;
	nextReadAt: number;
	last?: Task;
	lastError?: Error;
	outcome?: WaitOutcome;
}

/**
 * The one waiting engine. Each task is read when it is due, at most IN_FLIGHT.statusReads at a time,
 * and ends at completion, failure or its own timeout; the Stop button ends the wait within a
 * quarter second. With a Poll Interval a task is read at that fixed cadence; without one
 * (`pollIntervalMs` 0 or unset) its reads follow its progress (see PollSchedule). A 429 pauses
 * reads for the whole batch for as long as the server asks. Transient read failures are retried in
 * the transport and then on the next read; only a permanent one (401, 404, ...) ends a wait early.
 */
export async function waitForTasks(
	client: QingboClient,
	requests: WaitRequest[],
	options: { pollIntervalMs?: number; signal?: AbortSignal; random?: () => number },
): Promise<WaitOutcome[]> {
	const start = Date.now();
	// What the batch's finished renders say of the rest, per model.
	const pace = new RenderPace();
	const lanes: Lane[] = requests.map((request) => {
		const interval = request.pollIntervalMs ?? options.pollIntervalMs;
		const intervalMs = interval && interval > 0 ? interval : undefined;
		// A task just submitted is not read at once: it cannot have finished yet.
		const firstDelay =
			request.known && !isTerminal(request.known.status) ? (intervalMs ?? FIRST_READ_MS) : 0;
		const model = String(request.known?.model ?? '');
		const created = toUnixSeconds(request.known?.created_at);
		const startedAt = created !== undefined ? Math.min(start, created * 1000) : start;
		return {
			request,
			model,
			startedAt,
			deadline: start + request.timeoutMs,
			intervalMs,
			schedule: new PollSchedule(options.random, () => pace.notBefore(model, startedAt)),
			nextReadAt: start + firstDelay,
			last: request.known,
		};
	});
	let pausedUntil = 0;
	let rateLimits = 0;

	const read = async (lane: Lane) => {
		if (Date.now() < pausedUntil) {
			lane.nextReadAt = pausedUntil;
			return;
		}
		try {
			const task = await client.getTask(lane.request.taskId, {
				maxAttempts: READ_ATTEMPTS,
				retryRateLimits: false,
			});
			const at = Date.now();
			lane.last = task;
			lane.lastError = undefined;
			rateLimits = 0;
			if (isTerminal(task.status)) {
				if (task.status === 'completed') pace.record(lane.model, lane.startedAt, at);
				const failure = failureOf(task);
				lane.outcome = failure ? { error: failure, task } : { task };
				return;
			}
			lane.nextReadAt = at + (lane.intervalMs ?? lane.schedule.afterRead(task, at));
		} catch (error) {
			if (!(error instanceof ApiFailure && error.transient)) {
				lane.outcome = { error: error as Error, task: lane.last };
				return;
			}
			lane.lastError = error;
			const at = Date.now();
			if (error.status === 429) {
				// One rate limit covers the whole key: hold every read, not just this lane's.
				rateLimits++;
				const asked = error.retryAfterMs ?? RATE_LIMIT_START_MS * 2 ** Math.min(4, rateLimits - 1);
				pausedUntil = Math.max(pausedUntil, at + Math.min(MAX_SERVER_PAUSE_MS, asked));
				lane.nextReadAt = pausedUntil;
				return;
			}
			lane.nextReadAt = at + (lane.intervalMs ?? lane.schedule.afterFailure());
		}
	};

	for (;;) {
		const now = Date.now();
		for (const lane of lanes) {
			if (!lane.outcome && now >= lane.deadline)
				lane.outcome = {
					error: timedOut(lane.request.taskId, lane.request.timeoutMs, lane.last, lane.lastError),
					task: lane.last,
				};
		}
		const pending = lanes.filter((lane) => !lane.outcome);
		if (pending.length === 0) break;

		if (now >= pausedUntil) {
			const due = pending.filter((lane) => lane.nextReadAt <= now);
			await mapWithConcurrency(due, IN_FLIGHT.statusReads, read);
		}

		const waiting = lanes.filter((lane) => !lane.outcome);
		if (waiting.length === 0) break;
		const wakeAt = Math.min(
			...waiting.map((lane) => Math.min(lane.deadline, Math.max(lane.nextReadAt, pausedUntil))),
		);
		const ids = waiting.map((lane) => lane.request.taskId);
		await pause(
			Math.max(0, wakeAt - Date.now()),
			options.signal,
			`waiting for ${ids.length === 1 ? `task ${ids[0]}` : `${ids.length} tasks`}`,
		);
	}
	return lanes.map((lane) => lane.outcome as WaitOutcome);
}
