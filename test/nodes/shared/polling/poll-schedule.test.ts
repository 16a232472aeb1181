import {
	PollSchedule,
	QUIET_CADENCE_MS,
	RenderPace,
	serverPollHintMs,
} from '../../../../nodes/shared/polling/poll-schedule';
import type { Task } from '../../../../nodes/shared/task/task';

const task = (status: string, progress: number, extra: Record<string, unknown> = {}): Task => ({
	task_id: 't',
	status,
	progress,
	...extra,
});

/** A render that starts at 0 and moves linearly to 100 % over `renderMs`, read as the schedule asks. */
function follow(renderMs: number, startAt = 5000, random = () => 0.5) {
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

	it('reads at the quiet cadence of a 5 s poll (±10 % jitter) while progress says nothing', () => {
		for (const random of [() => 0, () => 0.5, () => 0.999]) {
			const schedule = new PollSchedule(random);
			const delays = Array.from({ length: 12 }, (_, i) =>
				schedule.afterRead(task(i < 3 ? 'queued' : 'processing', 0), i * 10_000),
			);
			expect(Math.min(...delays)).toBeGreaterThanOrEqual(0.9 * QUIET_CADENCE_MS);
			expect(Math.max(...delays)).toBeLessThanOrEqual(1.1 * QUIET_CADENCE_MS);
		}
		const steady = new PollSchedule(() => 0.5);
		expect([0, 1, 2, 3].map((i) => steady.afterRead(task('queued', 0), i))).toEqual([
			5000, 5000, 5000, 5000,
		]);
	});

	it('treats coarse steps (0/50/100) as no pace, so it keeps the quiet cadence', () => {
		const schedule = new PollSchedule(() => 0.5);
		const seen = [0, 0, 50, 50, 50].map((progress, i) =>
			schedule.afterRead(task('processing', progress), i * 5000),
		);
		expect(seen).toEqual([5000, 5000, 5000, 5000, 5000]);
	});

	/** A render with no usable progress, read as the schedule asks; returns the reads and the lag. */
	function followBlind(renderMs: number, schedule: PollSchedule, startAt = 5000) {
		const reads: number[] = [];
		let at = startAt;
		while (at < renderMs) {
			reads.push(at);
			at += schedule.afterRead(task('processing', 0), at);
		}
		reads.push(at);
		return { reads, lag: at - renderMs };
	}

	it.each([30_000, 47_000, 60_000, 90_000])(
		'with no usable progress (%i ms) it reads no more than a 5 s poll and sees the finish no later',
		(renderMs) => {
			const naiveReads = Math.ceil(renderMs / 5000);
			// The jitter of many tasks averages out: a seeded uniform draw stands for them.
			let seed = 7;
			const uniform = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
			const { reads, lag } = followBlind(renderMs, new PollSchedule(uniform));
			expect(reads.length).toBeLessThanOrEqual(naiveReads + 1);
			expect(lag).toBeLessThanOrEqual(5500);
			// Whatever the draws, the finish is seen within the cadence's upper bound.
			for (const random of [() => 0, () => 0.999])
				expect(followBlind(renderMs, new PollSchedule(random)).lag).toBeLessThanOrEqual(5500);
		},
	);

	it("does not read before the batch's finished renders of the same model say the task can be done", () => {
		const pace = new RenderPace();
		expect(pace.notBefore('veo', 0)).toBeUndefined();
		pace.record('veo', 0, 40_000);
		expect(pace.notBefore('veo', 0)).toBeUndefined(); // one render is no pace yet
		pace.record('veo', 0, 50_000);
		expect(pace.notBefore('veo', 100_000)).toBe(132_000); // 80 % of the shortest, 40 s
		expect(pace.notBefore('kling', 0)).toBeUndefined();
		// A task of that model started at 100 s: one read at its first read, the next at 132 s.
		const schedule = new PollSchedule(
			() => 0.5,
			() => pace.notBefore('veo', 100_000),
		);
		expect(schedule.afterRead(task('processing', 0), 105_000)).toBe(27_000);
		expect(schedule.afterRead(task('processing', 0), 132_000)).toBe(5000);
		const learnt = followBlind(
			150_000,
			new PollSchedule(
				() => 0.5,
				() => pace.notBefore('veo', 100_000),
			),
			105_000,
		);
		expect(learnt.reads).toEqual([105_000, 132_000, 137_000, 142_000, 147_000, 152_000]);
	});

	it('closes in when the predicted finish has passed, then eases off if the task lingers', () => {
		const schedule = new PollSchedule(() => 0.5);
		schedule.afterRead(task('processing', 10), 10_000);
		schedule.afterRead(task('processing', 50), 50_000);
		const lingering = [99, 99, 99, 99].map((p, i) =>
			schedule.afterRead(task('processing', p), 100_000 + i * 5000),
		);
		expect(lingering).toEqual([2000, 3000, 4500, 5000]);
	});

	it('starts over when progress goes back (a restarted render)', () => {
		const schedule = new PollSchedule(() => 0.5);
		schedule.afterRead(task('processing', 40), 10_000);
		schedule.afterRead(task('processing', 80), 20_000);
		// Back to 5 %: one sighting only, so no pace: the quiet cadence, instead of predicting from
		// the old pace, which would say "done in 5 s".
		expect(schedule.afterRead(task('processing', 5), 30_000)).toBe(5000);
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
