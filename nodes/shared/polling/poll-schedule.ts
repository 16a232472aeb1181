import type { Task } from '../task/task';

/** Never read one task more often than this, whatever the prediction or the server says. */
export const MIN_READ_GAP_MS = 2_000;
/**
 * The pace of a plain 5 s poll: with nothing better to go on, a task is read this often (give or
 * take its jitter), so it is never seen finished later than such a poll would see it.
 */
export const QUIET_CADENCE_MS = 5_000;
/** The first read after a submit: where a 5 s poll reads first; its progress starts the prediction. */
export const FIRST_READ_MS = QUIET_CADENCE_MS;
/** After failed reads, retries start this far apart and grow by BACKOFF_FACTOR up to BACKOFF_CAP_MS. */
export const BACKOFF_FACTOR = 1.5;
export const BACKOFF_CAP_MS = 30_000;
/** How late a read may land after the earliest finish the progress allows. */
export const LAG_BUDGET_MS = 3_000;
/** A prediction is trusted this far ahead at most; a render that speeds up is then caught in time. */
export const MAX_PREDICTED_GAP_MS = 120_000;
/** Progress is an integer percentage: each reading may be off by this much. */
const PROGRESS_ERROR = 1;
/** Cadence jitter, ±: tasks submitted together do not read in lockstep, and the mean stays the cadence. */
const JITTER = 0.1;

interface Sighting {
	at: number;
	progress: number;
}

/** `next_poll_after_seconds` from a status answer, in ms, when the server sent a usable one. */
export function serverPollHintMs(task: Task): number | undefined {
	const raw = task.next_poll_after_seconds;
	const seconds = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
	if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) return undefined;
	return seconds * 1000;
}

/** When a task cannot be expected to finish before, from what its batch has seen (RenderPace). */
export type NotBefore = () => number | undefined;

/**
 * When to read one task next, from what its reads have shown (adaptive mode):
 * - progress that moves gives a rate; from its uncertainty (integer percentages) follow the
 *   earliest and latest plausible finish. Read at the latest finish when the two are close, else at
 *   most LAG_BUDGET_MS after the earliest one; each read lengthens the baseline and narrows the gap.
 * - progress that says nothing (queued, stuck, coarse steps, missing): read at the quiet cadence of
 *   a 5 s poll, so the finish is seen no later than such a poll would see it; but not before the
 *   batch's own finished renders of the same model say it can be done (`notBefore`).
 * - a task past its predicted finish is read again soon, then at the quiet cadence.
 * - the server's `next_poll_after_seconds` wins over all of this.
 * Every delay is at least MIN_READ_GAP_MS.
 */
export class PollSchedule {
	private sightings: Sighting[] = [];
	private overdueReads = 0;
	private failedReads = 0;

	constructor(
		private readonly random: () => number = Math.random,
		private readonly notBefore: NotBefore = () => undefined,
	) {}

	/** Delay (ms) before the next read, after a read that returned `task` at time `at`. */
	afterRead(task: Task, at: number): number {
		this.failedReads = 0;
		this.observe(task, at);
		const hint = serverPollHintMs(task);
		if (hint !== undefined) return Math.max(MIN_READ_GAP_MS, hint);

		const finish = this.predictFinish(at);
		if (!finish) {
			this.overdueReads = 0;
			const quiet = this.jittered(QUIET_CADENCE_MS);
			const learnt = this.notBefore();
			return Math.max(MIN_READ_GAP_MS, learnt !== undefined ? Math.max(quiet, learnt - at) : quiet);
		}
		if (finish.earliest <= at + MIN_READ_GAP_MS / 2) {
			// It should be about done: close in, then ease off to the quiet cadence if it lingers (99 %).
			this.overdueReads++;
			return Math.min(
				QUIET_CADENCE_MS,
				Math.max(MIN_READ_GAP_MS, MIN_READ_GAP_MS * BACKOFF_FACTOR ** (this.overdueReads - 1)),
			);
		}
		this.overdueReads = 0;
		const target = Math.min(finish.latest + 500, finish.earliest + LAG_BUDGET_MS);
		return Math.min(MAX_PREDICTED_GAP_MS, Math.max(MIN_READ_GAP_MS, target - at));
	}

	/** Delay (ms) before trying again after a read that failed transiently (not rate limiting). */
	afterFailure(): number {
		this.failedReads++;
		const base = Math.min(
			BACKOFF_CAP_MS,
			MIN_READ_GAP_MS * BACKOFF_FACTOR ** (this.failedReads - 1),
		);
		return Math.min(BACKOFF_CAP_MS, Math.max(MIN_READ_GAP_MS, base));
	}

	private jittered(base: number): number {
		return base * (1 - JITTER + 2 * JITTER * this.random());
	}

	/** Keeps the readings that can show a pace: processing, strictly between 0 and 100 %. */
	private observe(task: Task, at: number): void {
		const progress = Number(task.progress);
		if (task.status !== 'processing' || !(progress > 0 && progress < 100)) return;
		const last = this.sightings.at(-1);
		// Progress that went back means the render restarted: the old pace says nothing.
		if (last && progress < last.progress) this.sightings = [];
		this.sightings.push({ at, progress });
	}

	/** Earliest and latest plausible finish, or nothing while the progress shows no pace. */
	private predictFinish(now: number): { earliest: number; latest: number } | undefined {
		const first = this.sightings[0];
		const last = this.sightings.at(-1);
		if (!first || !last || last === first) return undefined;
		const span = (a: Sighting, b: Sighting) => {
			const moved = b.progress - a.progress;
			const took = Math.max(1, b.at - a.at);
			return {
				fastest: (moved + 2 * PROGRESS_ERROR) / took,
				slowest: (moved - 2 * PROGRESS_ERROR) / took,
			};
		};
		const whole = span(first, last);
		// Coarse steps or a stall: the whole span must show real movement, not just rounding.
		if (whole.slowest <= 0) return undefined;
		const recent = span(this.sightings[this.sightings.length - 2], last);
		const left = 100 - last.progress;
		const fastest = Math.max(whole.fastest, recent.fastest);
		return {
			earliest: now + Math.max(0, left - PROGRESS_ERROR) / fastest,
			latest: now + (left + PROGRESS_ERROR) / whole.slowest,
		};
	}
}

/** A learnt finish is trusted only from this many finished renders of the model. */
const PACE_MIN_RENDERS = 2;
/** ... and with this much room below the shortest of them. */
const PACE_MARGIN = 0.8;

/**
 * What a batch has seen of its renders: how long the tasks of each model took that finished. A task
 * of that model is not expected to finish before PACE_MARGIN of the shortest (from its own start).
 */
export class RenderPace {
	private readonly shortest = new Map<string, { ms: number; renders: number }>();

	record(model: string, startedAt: number, finishedAt: number): void {
		const took = finishedAt - startedAt;
		if (!(took > 0)) return;
		const seen = this.shortest.get(model);
		this.shortest.set(model, {
			ms: Math.min(seen?.ms ?? took, took),
			renders: (seen?.renders ?? 0) + 1,
		});
	}

	notBefore(model: string, startedAt: number): number | undefined {
		const seen = this.shortest.get(model);
		if (!seen || seen.renders < PACE_MIN_RENDERS) return undefined;
		return startedAt + PACE_MARGIN * seen.ms;
	}
}
