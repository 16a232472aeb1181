import type { IBinaryData } from 'n8n-workflow';

import {
	waitThenOutput,
	type TaskToFinish,
} from '../../../../nodes/shared/polling/wait-then-output';
import { TaskFailure } from '../../../../nodes/shared/errors';
import type { Task } from '../../../../nodes/shared/task/task';
import { QingboClient } from '../../../../nodes/shared/transport/transport';
import { executeContext } from '../../../helpers/execute-context';
import { FakeApi, ok, status, type Route } from '../../../helpers/fake-api';
import { useFakeClock } from '../../../helpers/fake-clock';

jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(async (ms: number) => jest.setSystemTime(Date.now() + ms)),
}));
useFakeClock();

const stored: IBinaryData = { data: '', mimeType: 'video/mp4', fileName: 'x.mp4' };

const processing = (id: string, progress = 40) =>
	ok({ task_id: id, status: 'processing', progress });
const completed = (id: string) =>
	ok({ task_id: id, status: 'completed', result: { videos: [{ url: `https://cdn/${id}.mp4` }] } });

const queued = (id: string): Task => ({ task_id: id, status: 'queued', progress: 0 });

/** The execute context with the fake API; CDN downloads answer with `cdn(url)`. */
async function setup(api: FakeApi, cdn: (url: string) => unknown = () => undefined) {
	const ctx = executeContext(api, {});
	ctx.helpers.httpRequest.mockImplementation((async (options: { url: string }) =>
		cdn(options.url)) as never);
	ctx.helpers.prepareBinaryData.mockResolvedValue(stored);
	return { ctx, client: await QingboClient.create(ctx) };
}

/** Records when (fake clock, ms since `start`) each read of a task happened. */
function timed(route: Route, at: number[], start: () => number): Route {
	return (options) => {
		at.push(Date.now() - start());
		return route(options);
	};
}

const task = (fields: Partial<TaskToFinish> & { taskId: string }): TaskToFinish => ({
	itemIndex: 0,
	options: {},
	wait: true,
	...fields,
});

describe('waitThenOutput', () => {
	it("waits only the tasks marked wait; a Don't Wait task is output as known without a read", async () => {
		const api = new FakeApi().on(
			'GET',
			'/v1/tasks/task_w',
			processing('task_w'),
			completed('task_w'),
		);
		const { ctx, client } = await setup(api);
		const known = { ...queued('task_n'), note: 'as submitted' };
		const results = await waitThenOutput(ctx, client, [
			task({
				itemIndex: 0,
				taskId: 'task_w',
				known: queued('task_w'),
				options: { pollInterval: 1 },
			}),
			task({ itemIndex: 1, taskId: 'task_n', known, wait: false, options: { download: true } }),
		]);
		expect(results[0]).toMatchObject({
			itemIndex: 0,
			json: { task_id: 'task_w', status: 'completed', video_url: 'https://cdn/task_w.mp4' },
		});
		expect(results[1]).toEqual({ itemIndex: 1, json: known });
		expect(api.count('GET', '/v1/tasks/task_w')).toBe(2);
		expect(api.count('GET', '/v1/tasks/task_n')).toBe(0);
		// Not completed, so Download Video does not fetch anything for the Don't Wait task.
		expect(ctx.helpers.httpRequest).not.toHaveBeenCalled();
	});

	it('keeps the input order and each item index, whatever order the tasks finish in', async () => {
		const api = new FakeApi()
			.on('GET', '/v1/tasks/slow', processing('slow'), processing('slow'), completed('slow'))
			.on('GET', '/v1/tasks/fast', completed('fast'));
		const { ctx, client } = await setup(api);
		const results = await waitThenOutput(ctx, client, [
			task({ itemIndex: 4, taskId: 'slow', options: { pollInterval: 1 } }),
			task({ itemIndex: 2, taskId: 'known', known: queued('known'), wait: false }),
			task({ itemIndex: 0, taskId: 'fast', options: { pollInterval: 1 } }),
		]);
		expect(results.map((r) => [r.itemIndex, r.json?.task_id, r.json?.status])).toEqual([
			[4, 'slow', 'completed'],
			[2, 'known', 'queued'],
			[0, 'fast', 'completed'],
		]);
	});

	it('turns a failed, a cancelled and a timed-out task into failed rows that keep their task', async () => {
		const api = new FakeApi()
			.on(
				'GET',
				'/v1/tasks/bad',
				ok({ task_id: 'bad', status: 'failed', error: { message: 'moderation', code: 'blocked' } }),
			)
			.on('GET', '/v1/tasks/gone', ok({ task_id: 'gone', status: 'cancelled' }))
			.always('GET', '/v1/tasks/late', processing('late', 70));
		const { ctx, client } = await setup(api);
		const results = await waitThenOutput(ctx, client, [
			task({ itemIndex: 0, taskId: 'bad' }),
			task({ itemIndex: 1, taskId: 'gone' }),
			task({ itemIndex: 2, taskId: 'late', options: { pollInterval: 5, timeout: 20 } }),
		]);
		expect(results.every((r) => r.json === undefined && r.error instanceof TaskFailure)).toBe(true);
		expect(results.map((r) => (r.error as Error).message)).toEqual([
			'Task bad failed: moderation (blocked)',
			'Task gone was cancelled',
			'Task late is still processing, 70% done after 20 s of waiting',
		]);
		expect(results.map((r) => [r.itemIndex, r.task?.task_id, r.task?.status])).toEqual([
			[0, 'bad', 'failed'],
			[1, 'gone', 'cancelled'],
			[2, 'late', 'processing'],
		]);
	});

	it('keeps at least the task ID when a read fails for good before anything was known', async () => {
		const api = new FakeApi().on(
			'GET',
			'/v1/tasks/task_x',
			status(404, { code: 'task_not_found' }),
		);
		const { ctx, client } = await setup(api);
		const [result] = await waitThenOutput(ctx, client, [task({ itemIndex: 3, taskId: 'task_x' })]);
		expect(result.itemIndex).toBe(3);
		expect(result.error).toBeInstanceOf(Error);
		expect(result.json).toBeUndefined();
		expect(result.task).toEqual({ task_id: 'task_x' });
	});

	it('keeps the submitted task when a read fails for good after submit', async () => {
		const api = new FakeApi().on('GET', '/v1/tasks/task_x', status(401));
		const { ctx, client } = await setup(api);
		const known = queued('task_x');
		const [result] = await waitThenOutput(ctx, client, [
			task({ taskId: 'task_x', known, options: { pollInterval: 1 } }),
		]);
		expect(result.error).toBeInstanceOf(Error);
		expect(result.task).toEqual(known);
	});

	it('downloads the video when asked; a failed download keeps the completed task on the row', async () => {
		const api = new FakeApi()
			.on('GET', '/v1/tasks/task_ok', completed('task_ok'))
			.on('GET', '/v1/tasks/task_410', completed('task_410'));
		const { ctx, client } = await setup(api, (url) =>
			url.includes('task_410')
				? { statusCode: 410, headers: {}, body: { resume: jest.fn() } }
				: { statusCode: 200, headers: {}, body: { resume: jest.fn() } },
		);
		const options = { download: true, binaryPropertyName: 'clip' };
		const [good, bad] = await waitThenOutput(ctx, client, [
			task({ itemIndex: 0, taskId: 'task_ok', options }),
			task({ itemIndex: 1, taskId: 'task_410', options }),
		]);
		expect(good).toMatchObject({
			itemIndex: 0,
			json: { task_id: 'task_ok' },
			binary: { clip: stored },
		});
		expect(good.error).toBeUndefined();
		expect(bad.itemIndex).toBe(1);
		expect(bad.json).toBeUndefined();
		expect((bad.error as Error).message).toMatch(/task_410.*HTTP 410/);
		expect(bad.task).toMatchObject({
			task_id: 'task_410',
			status: 'completed',
			video_url: 'https://cdn/task_410.mp4',
		});
	});

	it('gives each task its own Poll Interval and Timeout', async () => {
		const start = Date.now();
		const reads: Record<string, number[]> = { a: [], b: [] };
		const api = new FakeApi();
		for (const id of ['a', 'b'])
			api.always(
				'GET',
				`/v1/tasks/${id}`,
				timed(processing(id), reads[id], () => start),
			);
		const { ctx, client } = await setup(api);
		const results = await waitThenOutput(ctx, client, [
			task({
				itemIndex: 0,
				taskId: 'a',
				known: queued('a'),
				options: { pollInterval: 2, timeout: 10 },
			}),
			task({
				itemIndex: 1,
				taskId: 'b',
				known: queued('b'),
				options: { pollInterval: 5, timeout: 30 },
			}),
		]);
		expect(reads.a).toEqual([2000, 4000, 6000, 8000]);
		expect(reads.b).toEqual([5000, 10000, 15000, 20000, 25000]);
		expect(results.map((r) => (r.error as Error).message)).toEqual([
			'Task a is still processing, 40% done after 10 s of waiting',
			'Task b is still processing, 40% done after 30 s of waiting',
		]);
	});

	it('waits 1200 s on the adaptive schedule when Poll Interval and Timeout are unset', async () => {
		const start = Date.now();
		const reads: number[] = [];
		const api = new FakeApi().always(
			'GET',
			'/v1/tasks/c',
			timed(processing('c'), reads, () => start),
		);
		const { ctx, client } = await setup(api);
		const [result] = await waitThenOutput(ctx, client, [task({ taskId: 'c', known: queued('c') })]);
		expect((result.error as Error).message).toBe(
			'Task c is still processing, 40% done after 1200 s of waiting',
		);
		expect(reads[reads.length - 1]).toBeLessThan(1_200_000);
		// Adaptive, not a fixed cadence: the gaps between reads vary.
		const gaps = reads.slice(1).map((at, n) => at - reads[n]);
		expect(new Set(gaps).size).toBeGreaterThan(1);
	});

	it('passes the Stop button signal to the wait', async () => {
		const api = new FakeApi().always('GET', '/v1/tasks/task_s', processing('task_s'));
		const { ctx, client } = await setup(api);
		const stop = new AbortController();
		stop.abort();
		ctx.getExecutionCancelSignal.mockReturnValue(stop.signal);
		await expect(
			waitThenOutput(ctx, client, [task({ taskId: 'task_s', known: queued('task_s') })]),
		).rejects.toThrow('The execution was stopped while waiting for task task_s');
		expect(api.calls).toHaveLength(0);
	});
});
