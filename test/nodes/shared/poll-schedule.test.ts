import {
	BACKOFF_CAP_MS,
	MIN_READ_GAP_MS,
	PollSchedule,
	serverPollHintMs,
} from '../../../nodes/shared/poll-schedule';
import type { Task } from '../../../nodes/shared/task';

const task = (status: string, progress: number, extra: Record<string, unknown> = {}): Task => ({
	task_id: 't',
	status,
	progress,
	...extra,
});

/** A render that starts at 0 and moves linearly to 100 % over `renderMs`, read as the schedule asks. */
function follow(renderMs: number, startAt = 2000, random = () => 0.5) {
	const schedule = new PollSchedule(random);
	const reads: number[] = [];
	let at = startAt;
	while (at < renderMs) {
		reads.push(at);
		at += schedule.afterRead(task('processing', Math.floor((at / renderMs) * 100)), at);
	}
	reads.push(at); // this read sees it completed
	return { reads, lag: at - renderMs };
}

describe('PollSchedule', () => {
	it.each([
		[30_000, 4],
		[60_000, 4],
		[90_000, 4],
		[600_000, 12], // 0 % for the first reads; then steps of 120 s at most
	])(
		'on steady progress (%i ms render) reads %i times and lands within 3.5 s of the finish',
		(renderMs, most) => {
			const { reads, lag } = follow(renderMs);
			expect(lag).toBeGreaterThanOrEqual(0);
			expect(lag).toBeLessThanOrEqual(3500);
			expect(reads.length).toBeLessThanOrEqual(most); // a 5 s poll: renderMs / 5000
		},
	);

	it('backs off with jitter from 3 s to the 30 s cap while progress says nothing', () => {
		for (const random of [() => 0, () => 0.5, () => 0.999]) {
			const schedule = new PollSchedule(random);
			const delays = Array.from({ length: 12 }, (_, i) =>
				schedule.afterRead(task(i < 3 ? 'queued' : 'processing', 0), i * 10_000),
			);
			expect(Math.min(...delays)).toBeGreaterThanOrEqual(MIN_READ_GAP_MS);
			expect(Math.max(...delays)).toBeLessThanOrEqual(BACKOFF_CAP_MS);
			expect(delays.at(-1)).toBeGreaterThanOrEqual(0.8 * BACKOFF_CAP_MS);
		}
		const steady = new PollSchedule(() => 0.5);
		const delays = [0, 1, 2, 3].map((i) => steady.afterRead(task('queued', 0), i));
		expect(delays).toEqual([3000, 4500, 6750, 10125]);
	});

	it('treats coarse steps (0/50/100) as no pace, so it keeps backing off', () => {
		const schedule = new PollSchedule(() => 0.5);
		const seen = [0, 0, 50, 50, 50].map((progress, i) =>
			schedule.afterRead(task('processing', progress), i * 10_000),
		);
		expect(seen).toEqual([3000, 4500, 6750, 10125, 15187.5]);
	});

	it('closes in when the predicted finish has passed, then eases off if the task lingers', () => {
		const schedule = new PollSchedule(() => 0.5);
		schedule.afterRead(task('processing', 10), 10_000);
		schedule.afterRead(task('processing', 50), 50_000);
		const lingering = [99, 99, 99, 99].map((p, i) =>
			schedule.afterRead(task('processing', p), 100_000 + i * 5000),
		);
		expect(lingering).toEqual([2000, 3000, 4500, 6750]);
	});

	it('starts over when progress goes back (a restarted render)', () => {
		const schedule = new PollSchedule(() => 0.5);
		schedule.afterRead(task('processing', 40), 10_000);
		schedule.afterRead(task('processing', 80), 20_000);
		// Back to 5 %: one sighting only, so no pace: it backs off (second idle read) instead of
		// predicting from the old pace, which would say "done in 5 s".
		expect(schedule.afterRead(task('processing', 5), 30_000)).toBe(4500);
	});

	it('follows next_poll_after_seconds, never below the 2 s floor', () => {
		const schedule = new PollSchedule(() => 0.5);
		expect(schedule.afterRead(task('processing', 10, { next_poll_after_seconds: 12 }), 0)).toBe(
			12_000,
		);
		expect(schedule.afterRead(task('processing', 20, { next_poll_after_seconds: '1' }), 1)).toBe(
			2000,
		);
		expect(serverPollHintMs(task('processing', 0, { next_poll_after_seconds: 'soon' }))).toBe(
			undefined,
		);
		expect(serverPollHintMs(task('processing', 0, { next_poll_after_seconds: -1 }))).toBe(
			undefined,
		);
	});

	it('backs off after failed reads and starts again from the floor after a good one', () => {
		const schedule = new PollSchedule(() => 0.5);
		expect([1, 2, 3].map(() => schedule.afterFailure())).toEqual([2000, 3000, 4500]);
		schedule.afterRead(task('queued', 0), 0);
		expect(schedule.afterFailure()).toBe(2000);
	});
});
