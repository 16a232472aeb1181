import { mockDeep } from 'jest-mock-extended';
import type { IExecuteFunctions } from 'n8n-workflow';

import { TaskFailure } from '../../../../nodes/shared/errors';
import { QingboClient } from '../../../../nodes/shared/transport/transport';
import { waitForTasks } from '../../../../nodes/shared/polling/waiting';
import { FakeApi, ok, status } from '../../../helpers/fake-api';
import { useFakeClock } from '../../../helpers/fake-clock';

jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(async (ms: number) => jest.setSystemTime(Date.now() + ms)),
}));
useFakeClock();

async function clientFor(api: FakeApi, signal?: AbortSignal) {
	const ctx = mockDeep<IExecuteFunctions>();
	ctx.getCredentials.mockResolvedValue({ apiKey: 'k', baseUrl: 'https://qingbo.test' });
	ctx.helpers.httpRequestWithAuthentication.mockImplementation(api.request as never);
	ctx.getExecutionCancelSignal.mockReturnValue(signal);
	return await QingboClient.create(ctx);
}

const processing = (id: string) => ok({ task_id: id, status: 'processing', progress: 50 });
const completed = (id: string) =>
	ok({
		task_id: id,
		status: 'completed',
		progress: 100,
		result: { videos: [{ url: [`https://cdn/${id}.mp4`] }] },
	});

describe('waitForTasks', () => {
	it('waits on a batch together: wall time is the slowest task, not the sum', async () => {
		const api = new FakeApi();
		for (let n = 0; n < 10; n++)
			api.on(
				'GET',
				`/v1/tasks/t${n}`,
				...Array(n % 3).fill(processing(`t${n}`)),
				completed(`t${n}`),
			);
		const client = await clientFor(api);
		const start = Date.now();
		const outcomes = await waitForTasks(
			client,
			Array.from({ length: 10 }, (_, n) => ({ taskId: `t${n}`, timeoutMs: 60_000 })),
			{ pollIntervalMs: 1000 },
		);
		expect(outcomes.every((o) => o.task?.status === 'completed')).toBe(true);
		expect(Date.now() - start).toBeLessThanOrEqual(2000 + 100);
		expect(api.calls).toHaveLength(10 + 2 * 3 + 1 * 3); // one read per task per round it is unfinished
	});

	it('does not read a just-submitted task before one interval has passed', async () => {
		const api = new FakeApi().on('GET', '/v1/tasks/t1', completed('t1'));
		const client = await clientFor(api);
		const start = Date.now();
		await waitForTasks(
			client,
			[
				{
					taskId: 't1',
					timeoutMs: 60_000,
					known: { task_id: 't1', status: 'queued', progress: 0 },
				},
			],
			{
				pollIntervalMs: 5000,
			},
		);
		expect(Date.now() - start).toBeGreaterThanOrEqual(5000);
	});

	it('ends a task at its timeout with its ID and last status, while others complete', async () => {
		const api = new FakeApi()
			.always('GET', '/v1/tasks/slow', processing('slow'))
			.on('GET', '/v1/tasks/fast', completed('fast'));
		const client = await clientFor(api);
		const [slow, fast] = await waitForTasks(
			client,
			[
				{ taskId: 'slow', timeoutMs: 10_000 },
				{ taskId: 'fast', timeoutMs: 10_000 },
			],
			{ pollIntervalMs: 2000 },
		);
		expect('error' in slow && slow.error).toBeInstanceOf(TaskFailure);
		expect('error' in slow && slow.error.message).toMatch(
			/Task slow is still processing, 50% done after 10 s/,
		);
		expect(fast.task?.video_url).toBe('https://cdn/fast.mp4');
	});

	it('says so when a timeout follows unreadable statuses', async () => {
		const api = new FakeApi().always('GET', '/v1/tasks/dark', status(503));
		const client = await clientFor(api);
		const [dark] = await waitForTasks(client, [{ taskId: 'dark', timeoutMs: 5_000 }], {
			pollIntervalMs: 1000,
		});
		expect('error' in dark && dark.error.message).toMatch(
			/^Task dark is still unknown after 5 s of waiting \(its status could not be read lately: HTTP 503\)$/,
		);
	});

	it('reports failed and cancelled tasks with the API reason', async () => {
		const api = new FakeApi()
			.on(
				'GET',
				'/v1/tasks/bad',
				ok({
					task_id: 'bad',
					status: 'failed',
					error: { message: 'content policy', code: 'task_failed' },
				}),
			)
			.on('GET', '/v1/tasks/gone', ok({ task_id: 'gone', status: 'cancelled' }));
		const client = await clientFor(api);
		const [bad, gone] = await waitForTasks(
			client,
			[
				{ taskId: 'bad', timeoutMs: 10_000 },
				{ taskId: 'gone', timeoutMs: 10_000 },
			],
			{ pollIntervalMs: 1000 },
		);
		expect('error' in bad && bad.error.message).toBe(
			'Task bad failed: content policy (task_failed)',
		);
		expect('error' in gone && gone.error.message).toBe('Task gone was cancelled');
		expect(bad.task).toMatchObject({ task_id: 'bad', status: 'failed' });
	});

	it('rides out transient read failures and stops on a permanent one', async () => {
		const api = new FakeApi()
			.on('GET', '/v1/tasks/flaky', ...Array(7).fill(status(502)), completed('flaky'))
			.always('GET', '/v1/tasks/missing', status(404, { code: 'task_not_found' }));
		const client = await clientFor(api);
		const [flaky, missing] = await waitForTasks(
			client,
			[
				{ taskId: 'flaky', timeoutMs: 600_000 },
				{ taskId: 'missing', timeoutMs: 600_000 },
			],
			{ pollIntervalMs: 1000 },
		);
		expect(flaky.task?.status).toBe('completed');
		expect('error' in missing && missing.error).toMatchObject({
			status: 404,
			code: 'task_not_found',
		});
		expect(api.count('GET', '/v1/tasks/missing')).toBe(1);
	});

	it('stops promptly when the execution is cancelled', async () => {
		const controller = new AbortController();
		const api = new FakeApi().always('GET', '/v1/tasks/t1', () => {
			controller.abort();
			return { statusCode: 200, body: { task_id: 't1', status: 'processing' } };
		});
		const client = await clientFor(api, controller.signal);
		const start = Date.now();
		await expect(
			waitForTasks(client, [{ taskId: 't1', timeoutMs: 600_000 }], {
				pollIntervalMs: 60_000,
				signal: controller.signal,
			}),
		).rejects.toMatchObject({ name: 'ExecutionCancelled' });
		expect(Date.now() - start).toBeLessThan(1000);
	});
});

/** Renders like the simulator: queued, then processing for `renderMs`, progress per `shape`. */
interface Render {
	id: string;
	renderMs: number;
	queuedMs?: number;
	shape?: 'linear' | 'coarse' | 'none';
	hintSeconds?: number;
}

/**
 * A batch of renders on the fake clock, answering status reads from the time, and recording when
 * each task was read: to count reads, check the 2 s floor and measure completion → read lag.
 */
function renderFarm(renders: Render[]) {
	const api = new FakeApi();
	const t0 = Date.now();
	const reads = new Map<string, number[]>();
	const doneAt = (r: Render) => t0 + (r.queuedMs ?? 500) + r.renderMs;
	for (const r of renders) {
		reads.set(r.id, []);
		api.always('GET', `/v1/tasks/${r.id}`, () => {
			const now = Date.now();
			reads.get(r.id)!.push(now);
			const started = t0 + (r.queuedMs ?? 500);
			if (now >= doneAt(r)) return completed(r.id)({} as never);
			const linear = now < started ? 0 : Math.floor(((now - started) / r.renderMs) * 100);
			const progress =
				now < started || r.shape === 'none'
					? 0
					: r.shape === 'coarse'
						? linear >= 50
							? 50
							: 0
						: linear;
			const body: Record<string, unknown> = {
				task_id: r.id,
				status: now < started ? 'queued' : 'processing',
				progress,
			};
			if (r.hintSeconds !== undefined) body.next_poll_after_seconds = r.hintSeconds;
			return { statusCode: 200, body };
		});
	}
	const requests = (timeoutMs = 600_000) =>
		renders.map((r) => ({
			taskId: r.id,
			timeoutMs,
			known: { task_id: r.id, status: 'queued', progress: 0 },
		}));
	const stats = () => {
		const lags = renders.map((r) => reads.get(r.id)!.at(-1)! - doneAt(r)).sort((a, b) => a - b);
		const gaps = renders.flatMap((r) => {
			const times = reads.get(r.id)!;
			return times.slice(1).map((t, i) => t - times[i]);
		});
		return {
			readsPerTask: [...reads.values()].reduce((n, t) => n + t.length, 0) / renders.length,
			p50Lag: lags[Math.floor(lags.length / 2)],
			maxLag: lags.at(-1)!,
			minGap: Math.min(...gaps),
			maxGap: Math.max(...gaps),
		};
	};
	return { api, reads, requests, stats, t0 };
}

/** 20 renders spread evenly over 30-90 s, like the benchmark's realistic batch. */
const spread = (shape: Render['shape'] = 'linear'): Render[] =>
	Array.from({ length: 20 }, (_, i) => ({ id: `r${i}`, renderMs: 30_000 + i * 3_150, shape }));

async function measure(renders: Render[], pollIntervalMs?: number) {
	const farm = renderFarm(renders);
	const client = await clientFor(farm.api);
	const outcomes = await waitForTasks(client, farm.requests(), {
		pollIntervalMs,
		random: () => 0.5,
	});
	expect(outcomes.every((o) => o.task?.status === 'completed')).toBe(true);
	return farm.stats();
}

describe('waitForTasks with the adaptive schedule (no Poll Interval)', () => {
	it('reads a linear-progress batch at most 0.4× as often as a 5 s poll, with no later results', async () => {
		const fixed = await measure(spread(), 5000);
		const adaptive = await measure(spread());
		expect(adaptive.readsPerTask).toBeLessThanOrEqual(0.4 * fixed.readsPerTask);
		expect(adaptive.p50Lag).toBeLessThanOrEqual(fixed.p50Lag);
		expect(adaptive.maxLag).toBeLessThanOrEqual(10_000);
		expect(adaptive.minGap).toBeGreaterThanOrEqual(2000);
	});

	it('with coarse or no progress backs off to a 30 s cap, never reading more than a 5 s poll', async () => {
		for (const shape of ['coarse', 'none'] as const) {
			const fixed = await measure(spread(shape), 5000);
			const adaptive = await measure(spread(shape));
			expect(adaptive.readsPerTask).toBeLessThanOrEqual(fixed.readsPerTask);
			expect(adaptive.minGap).toBeGreaterThanOrEqual(2000);
			expect(adaptive.maxGap).toBeLessThanOrEqual(30_000);
		}
	});

	it('reads a task whose progress says nothing at the cadence of a 5 s poll, and ends it at its timeout', async () => {
		const farm = renderFarm([{ id: 'stuck', renderMs: 3_600_000, shape: 'none' }]);
		const client = await clientFor(farm.api);
		const [stuck] = await waitForTasks(client, farm.requests(300_000), { random: () => 0.5 });
		expect('error' in stuck && stuck.error.message).toMatch(
			/^Task stuck is still processing, 0% done after 300 s of waiting$/,
		);
		const times = farm.reads.get('stuck')!.map((t) => t - farm.t0);
		const gaps = times.slice(1).map((t, i) => t - times[i]);
		expect(times[0]).toBe(5000); // where a 5 s poll reads first
		expect(new Set(gaps)).toEqual(new Set([5000]));
		expect(times.length).toBeLessThanOrEqual(300 / 5); // as many as a 5 s poll, never more
	});

	it('finishes a short task promptly', async () => {
		const stats = await measure([{ id: 'quick', renderMs: 1500, queuedMs: 300 }]);
		expect(stats.readsPerTask).toBe(1);
		expect(stats.maxLag).toBeLessThanOrEqual(3200); // first read 5 s after submit, as a 5 s poll's
	});

	it('follows next_poll_after_seconds from the status answer, within the 2 s floor', async () => {
		for (const [hintSeconds, gap] of [
			[7, 7000],
			[0.5, 2000],
		]) {
			const farm = renderFarm([{ id: 'hinted', renderMs: 40_000, hintSeconds }]);
			const client = await clientFor(farm.api);
			await waitForTasks(client, farm.requests(), { random: () => 0.5 });
			const times = farm.reads.get('hinted')!;
			const gaps = times.slice(1).map((t, i) => t - times[i]);
			expect(new Set(gaps)).toEqual(new Set([gap]));
		}
	});

	it('pauses reads of the whole batch until reset_at after a 429, then completes every task', async () => {
		const farm = renderFarm(
			Array.from({ length: 4 }, (_, i) => ({ id: `q${i}`, renderMs: 20_000 + i * 1000 })),
		);
		let limitedAt = 0;
		const resetAfterMs = 15_000;
		const limited = farm.api.request;
		let calls = 0;
		const api = {
			request: async (credential: string, options: Parameters<typeof limited>[1]) => {
				// The second status read of the batch hits the quota window.
				if (++calls === 2) {
					limitedAt = Date.now();
					return await status(429, {
						code: 'quota_window_exceeded',
						reset_at: Math.ceil((limitedAt + resetAfterMs) / 1000),
					})(options);
				}
				return await limited(credential, options);
			},
		} as unknown as FakeApi;
		const client = await clientFor(api);
		const outcomes = await waitForTasks(client, farm.requests(), { random: () => 0.5 });
		expect(outcomes.every((o) => o.task?.status === 'completed')).toBe(true);
		const allReads = [...farm.reads.values()].flat();
		const during = allReads.filter((t) => t > limitedAt && t < limitedAt + resetAfterMs - 1000);
		expect(limitedAt).toBeGreaterThan(0);
		expect(during).toEqual([]);
		expect(allReads.some((t) => t >= limitedAt + resetAfterMs - 1000)).toBe(true);
	});

	it('stops within a second of the Stop button during a long adaptive wait', async () => {
		const controller = new AbortController();
		const farm = renderFarm([{ id: 'long', renderMs: 600_000, shape: 'none' }]);
		const client = await clientFor(farm.api, controller.signal);
		let stoppedAt = 0;
		const { sleep } = jest.requireMock('n8n-workflow') as { sleep: jest.Mock };
		sleep.mockImplementation(async (ms: number) => {
			jest.setSystemTime(Date.now() + ms);
			if (!stoppedAt && Date.now() - farm.t0 > 40_000) {
				stoppedAt = Date.now();
				controller.abort();
			}
		});
		try {
			await expect(
				waitForTasks(client, farm.requests(), { signal: controller.signal }),
			).rejects.toMatchObject({ name: 'ExecutionCancelled' });
			expect(Date.now() - stoppedAt).toBeLessThan(1000);
		} finally {
			sleep.mockImplementation(async (ms: number) => jest.setSystemTime(Date.now() + ms));
		}
	});

	it('lets a Poll Interval on one task keep its fixed cadence while the others adapt', async () => {
		const farm = renderFarm([
			{ id: 'fixed', renderMs: 40_000 },
			{ id: 'adaptive', renderMs: 40_000 },
		]);
		const client = await clientFor(farm.api);
		const [fixedRequest, adaptiveRequest] = farm.requests();
		await waitForTasks(client, [{ ...fixedRequest, pollIntervalMs: 4000 }, adaptiveRequest], {
			random: () => 0.5,
		});
		const fixedTimes = farm.reads.get('fixed')!;
		expect(new Set(fixedTimes.slice(1).map((t, i) => t - fixedTimes[i]))).toEqual(new Set([4000]));
		expect(farm.reads.get('adaptive')!.length).toBeLessThan(fixedTimes.length / 2);
	});
});
