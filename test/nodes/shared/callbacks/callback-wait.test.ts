import type { IDataObject } from 'n8n-workflow';

import { parkedRow, resumeFromCallback } from '../../../../nodes/shared/callbacks/callback-wait';
import { callbackToken } from '../../../../nodes/shared/callbacks/callback-token';
import type { Task } from '../../../../nodes/shared/task/task';
import { FakeApi } from '../../../helpers/fake-api';
import { webhookContext } from '../../../helpers/webhook-context';

let batches = 0;

/**
 * A parked batch, as the resume webhook sees it: the node's stored input rows (one per item), an API
 * whose tasks the test finishes one by one, and callbacks to one execution's resume URL.
 */
function batch(size: number, refusedItems: number[] = [], { signed = false } = {}) {
	const api = new FakeApi();
	const states = new Map<string, IDataObject>();
	const ids: string[] = [];
	const rows: IDataObject[] = [];
	for (let item = 0; item < size; item++) {
		if (refusedItems.includes(item)) {
			rows.push({ error: 'Max Spend (USD) of $1 reached: this item was not submitted' });
			continue;
		}
		const taskId = `task_${item}`;
		ids.push(taskId);
		states.set(taskId, { task_id: taskId, status: 'processing', progress: '10%' });
		const submitted = { task_id: taskId, status: 'queued', progress: 0, pre_consumed_cost: 100000 };
		const row = parkedRow(submitted as Task, 600_000, size - refusedItems.length);
		rows.push(signed ? { ...row, callback_signed: true } : row);
		api.always('GET', `/v1/tasks/${taskId}`, () => ({ statusCode: 200, body: states.get(taskId) }));
	}
	const executionId = `exec-batch-${++batches}`;
	const finish = (taskId: string, status = 'completed') =>
		states.set(taskId, {
			task_id: taskId,
			status,
			...(status === 'completed'
				? { result: { videos: [{ url: `https://cdn.test/${taskId}.mp4` }] }, cost: 100000 }
				: { error: { message: 'render failed', code: 'task_failed' } }),
		});
	const callback = async (body: IDataObject, query: IDataObject = {}) => {
		const { ctx, response } = webhookContext(api, { body, query, executionId }, { options: {} });
		ctx.evaluateExpression.mockReturnValue(rows.map((json) => ({ json })) as never);
		const result = await resumeFromCallback.call(ctx);
		return { result, response };
	};
	const reads = () => api.calls.filter((call) => call.method === 'GET').length;
	return { api, ids, finish, callback, reads, executionId };
}

describe('resumeFromCallback: one parked execution for a batch', () => {
	afterEach(() => jest.restoreAllMocks());

	it('resumes a single task with its row, keeping the reservation the submit reported', async () => {
		const { finish, callback } = batch(1);
		finish('task_0');
		const { result, response } = await callback({ task_id: 'task_0', status: 'completed' });
		expect(response).toEqual({
			status: 200,
			body: { received: true, task_id: 'task_0', status: 'completed', resumed: true },
		});
		expect(result.noWebhookResponse).toBe(true);
		expect(result.workflowData).toEqual([
			[
				{
					json: expect.objectContaining({
						task_id: 'task_0',
						video_url: 'https://cdn.test/task_0.mp4',
						cost_usd: 0.2,
						pre_consumed_cost: 100000,
						pre_consumed_cost_usd: 0.2,
					}),
					pairedItem: { item: 0 },
				},
			],
		]);
		expect(result.workflowData?.[0][0].json).not.toHaveProperty('timed_out');
	});

	it('with Download Video, puts every completed video of the batch into its row', async () => {
		const { finish, api } = batch(2);
		finish('task_0');
		finish('task_1');
		// This callback carries Options › Download Video on.
		const { ctx } = webhookContext(
			api,
			{ body: { task_id: 'task_1' }, executionId: 'exec-download' },
			{ options: { download: true } },
		);
		ctx.evaluateExpression.mockReturnValue(
			['task_0', 'task_1'].map((id) => ({
				json: parkedRow({ task_id: id, status: 'queued', progress: 0 } as Task, 600_000, 2),
			})) as never,
		);
		ctx.helpers.httpRequest.mockResolvedValue({
			statusCode: 200,
			headers: { 'content-type': 'video/mp4' },
			body: 'bytes',
		});
		ctx.helpers.prepareBinaryData.mockImplementation(async (_data, fileName) => ({
			data: '',
			mimeType: 'video/mp4',
			fileName,
		}));
		const result = await resumeFromCallback.call(ctx);
		const rows = result.workflowData![0];
		expect(rows.map((row) => row.binary?.data?.fileName)).toEqual(['task_0.mp4', 'task_1.mp4']);
		expect(ctx.helpers.httpRequest).toHaveBeenCalledTimes(2); // the CDN, without the key
	});

	it('stays parked on a progress callback (202), reading only that task', async () => {
		const { callback, reads } = batch(1);
		const { result, response } = await callback({ task_id: 'task_0', status: 'processing' });
		expect(result).toEqual({ noWebhookResponse: true });
		expect(response).toMatchObject({ status: 202, body: { resumed: false, status: 'processing' } });
		expect(reads()).toBe(1);
	});

	it('goes on once every task is terminal, with one row per item in item order', async () => {
		const { finish, callback } = batch(4, [2]);
		finish('task_3');
		const third = await callback({ task_id: 'task_3' });
		expect(third.result.workflowData).toBeUndefined();
		expect(third.response.body).toMatchObject({ task_id: 'task_3', resumed: false });
		finish('task_1', 'failed');
		expect((await callback({ task_id: 'task_1' })).result.workflowData).toBeUndefined();
		finish('task_0');
		const last = await callback({ task_id: 'task_0' });
		expect(last.response.body).toMatchObject({ task_id: 'task_0', resumed: true });
		const rows = last.result.workflowData![0];
		expect(rows.map((row) => row.pairedItem)).toEqual([0, 1, 2, 3].map((item) => ({ item })));
		expect(rows[0].json).toMatchObject({ task_id: 'task_0', status: 'completed' });
		expect(rows[1].json).toMatchObject({
			task_id: 'task_1',
			status: 'failed',
			error: 'Task task_1 failed: render failed (task_failed)',
		});
		expect(rows[2].json).toEqual({
			error: 'Max Spend (USD) of $1 reached: this item was not submitted',
		});
		expect(rows[3].json).toMatchObject({ task_id: 'task_3', video_url: expect.any(String) });
	});

	it('finds a task whose callback was lost when a later callback comes, without waiting for Timeout', async () => {
		const { finish, callback } = batch(3);
		finish('task_1'); // its callback never arrives
		finish('task_0');
		await callback({ task_id: 'task_0' });
		finish('task_2');
		const last = await callback({ task_id: 'task_2' });
		expect(last.response.body).toMatchObject({ resumed: true });
		expect(last.result.workflowData![0][1].json).toMatchObject({
			task_id: 'task_1',
			status: 'completed',
		});
	});

	it("still looks for missing outcomes when a task's own callback comes after a sweep already found it", async () => {
		jest.useFakeTimers();
		try {
			const { finish, callback, reads } = batch(3);
			finish('task_0');
			finish('task_1');
			await callback({ task_id: 'task_0' }); // its sweep finds task_2 running: the batch waits for it
			expect(reads()).toBe(2);
			finish('task_2'); // its callback goes to another n8n process
			const late = callback({ task_id: 'task_1' }); // task_2 was read running moments ago
			await jest.advanceTimersByTimeAsync(1_000);
			expect(reads()).toBe(3); // its own task only: nothing to learn from task_2 yet
			await jest.advanceTimersByTimeAsync(6_000); // task_2 is worth reading again: the handler sweeps
			const { result, response } = await late;
			expect(response.body).toMatchObject({ task_id: 'task_1', resumed: false });
			expect(result.workflowData![0]).toHaveLength(3);
			expect(reads()).toBe(4);
		} finally {
			jest.useRealTimers();
		}
	});

	it('sweeps once for many callbacks: only the latest one waits, and it retries a sweep that failed', async () => {
		jest.useFakeTimers();
		try {
			const { api, finish, callback, reads } = batch(4);
			finish('task_0');
			await callback({ task_id: 'task_0' }); // sweeps: task_3 (last submitted) still runs
			finish('task_1');
			finish('task_2');
			finish('task_3'); // its callback is lost
			const waiting = [callback({ task_id: 'task_1' }), callback({ task_id: 'task_2' })];
			await jest.advanceTimersByTimeAsync(100);
			expect(reads()).toBe(4); // task_0, task_3, then each callback's own task
			// The sweep's first read fails; the latest handler tries again after a back-off.
			api.on('GET', '/v1/tasks/task_3', () => ({ statusCode: 500, body: {} }));
			await jest.advanceTimersByTimeAsync(6_000);
			expect(reads()).toBe(5);
			await jest.advanceTimersByTimeAsync(3_000);
			const [earlier, latest] = await Promise.all(waiting);
			expect(earlier.result.workflowData).toBeUndefined();
			expect(latest.result.workflowData![0].map((row) => row.json.status)).toEqual(
				Array(4).fill('completed'),
			);
			expect(reads()).toBe(6);
		} finally {
			jest.useRealTimers();
		}
	});

	/** Callbacks of a batch whose tasks finish at `finishAt` (ms), some never called back; reads and the resume. */
	async function playBatch(finishAt: number[], lost: Set<number>) {
		const parked = batch(finishAt.length);
		jest.spyOn(Math, 'random').mockReturnValue(0.5); // poll cadences without jitter
		const order = finishAt.map((at, i) => ({ at, i })).sort((a, b) => a.at - b.at);
		const handlers: Promise<{ resumedAt?: number }>[] = [];
		let now = 0;
		for (const { at, i } of order) {
			await jest.advanceTimersByTimeAsync(at - now);
			now = at;
			parked.finish(`task_${i}`);
			if (lost.has(i)) continue;
			handlers.push(
				parked.callback({ task_id: `task_${i}` }).then(({ result }) => ({
					resumedAt: result.workflowData ? Date.now() : undefined,
				})),
			);
		}
		const lastCallbackAt = Date.now();
		await jest.advanceTimersByTimeAsync(60_000);
		const resumes = (await Promise.all(handlers)).filter((h) => h.resumedAt !== undefined);
		return {
			reads: parked.reads(),
			resumes: resumes.length,
			wentOnAfterMs: resumes[0].resumedAt! - lastCallbackAt,
		};
	}

	/** Renders of 30-90 s drawn from a fixed seed, so every run plays the same batch. */
	function renders(count: number, seed: number): number[] {
		let state = seed;
		const next = () => (state = (state * 48271) % 2147483647) / 2147483647;
		return Array.from({ length: count }, () => Math.round(30_000 + 60_000 * next()));
	}

	it.each([1, 2, 3])(
		'reads about once per task: 100 tasks finishing in random order, every callback arriving (seed %i)',
		async (seed) => {
			jest.useFakeTimers();
			try {
				const played = await playBatch(renders(100, seed), new Set());
				expect(played.resumes).toBe(1);
				expect(played.wentOnAfterMs).toBe(0); // the last callback resumes it
				expect(played.reads).toBeLessThanOrEqual(120);
			} finally {
				jest.useRealTimers();
			}
		},
	);

	it('reads about once per task when the tasks finish in the order they were submitted', async () => {
		jest.useFakeTimers();
		try {
			const played = await playBatch(
				Array.from({ length: 100 }, (_, i) => 60_000 + 300 * i),
				new Set(),
			);
			expect(played.resumes).toBe(1);
			// The last submitted task is the one a sweep stops at; it says nothing of its progress, so
			// it is read again every 5 s while the others finish (30 s here).
			expect(played.reads).toBeLessThanOrEqual(108);
		} finally {
			jest.useRealTimers();
		}
	});

	it.each([1, 2, 3])(
		'with five callbacks lost, still reads about once per task and goes on soon after the last callback (seed %i)',
		async (seed) => {
			jest.useFakeTimers();
			try {
				const played = await playBatch(renders(100, seed), new Set([7, 23, 48, 61, 90]));
				expect(played.resumes).toBe(1);
				expect(played.reads).toBeLessThanOrEqual(120);
				// At once, unless the task read running last was itself lost: then at its next read.
				expect(played.wentOnAfterMs).toBeLessThanOrEqual(5_500);
			} finally {
				jest.useRealTimers();
			}
		},
	);

	it('goes on exactly once when six tasks finish together and every callback comes three times at once', async () => {
		const { ids, finish, callback, reads } = batch(6);
		for (const taskId of ids) finish(taskId);
		const answers = await Promise.all(
			[...ids, ...ids, ...ids].map(async (taskId) => await callback({ task_id: taskId })),
		);
		const resumed = answers.filter(({ result }) => result.workflowData);
		expect(resumed).toHaveLength(1);
		expect(resumed[0].result.workflowData![0]).toHaveLength(6);
		expect(
			answers.filter(({ response }) => response.body && (response.body as IDataObject).resumed),
		).toHaveLength(1);
		expect(answers.every(({ response }) => [200, 202].includes(response.status))).toBe(true);
		expect(reads()).toBeLessThanOrEqual(12);
		// After it went on, a late copy is answered without a read.
		const before = reads();
		const late = await callback({ task_id: 'task_0' });
		expect(late.result.workflowData).toBeUndefined();
		expect(late.response.body).toMatchObject({ resumed: false, duplicate: true });
		expect(reads()).toBe(before);
	});

	it('refuses a task that is not of this batch with 409, without reading it, and stays parked', async () => {
		const single = batch(1);
		const one = await single.callback({ task_id: 'task_B', status: 'completed' });
		expect(one.result).toEqual({ noWebhookResponse: true });
		expect(one.response).toMatchObject({
			status: 409,
			body: { received: false, task_id: 'task_B', expected_tasks: 1 },
		});
		// It names only the task the caller named.
		expect(JSON.stringify(one.response.body)).not.toContain('task_0');
		const many = batch(3);
		const other = await many.callback({ task_id: 'task_B' });
		expect(other.response).toMatchObject({
			status: 409,
			body: { received: false, task_id: 'task_B', expected_tasks: 3 },
		});
		expect(single.reads() + many.reads()).toBe(0);
	});

	it('reads the only task of a one-item batch when the body names none; a bigger batch answers 400', async () => {
		const single = batch(1);
		single.finish('task_0');
		expect((await single.callback({})).result.workflowData).toBeDefined();
		const many = batch(2);
		const unnamed = await many.callback({ hello: 1 });
		expect(unnamed.result.workflowData).toBeUndefined();
		expect(unnamed.response.status).toBe(400);
	});

	it('fails closed: when its input is not the parked batch, it answers 503 and resumes nothing', async () => {
		const api = new FakeApi();
		for (const input of [[{ json: { task_id: 'task_A' } }], undefined, 'garbage']) {
			const { ctx, response } = webhookContext(
				api,
				{ body: { task_id: 'task_A' } },
				{ options: {} },
			);
			ctx.evaluateExpression.mockReturnValue(input as never);
			const result = await resumeFromCallback.call(ctx);
			expect(result).toEqual({ noWebhookResponse: true });
			expect(response.status).toBe(503);
		}
		expect(api.calls).toHaveLength(0);
	});

	it('answers 503 when its task cannot be read, so the sender retries, and stays parked', async () => {
		const { api, callback } = batch(1);
		api.always('GET', '/v1/tasks/task_0', () => ({ statusCode: 500, body: {} }));
		const { result, response } = await callback({ task_id: 'task_0' });
		expect(result.workflowData).toBeUndefined();
		expect(response).toMatchObject({ status: 503, body: { task_id: 'task_0' } });
	});

	describe('a batch parked with a token in its callback URL', () => {
		// What the node put in the URL it gave QingBo: the credential's key, the execution, the node.
		const tokenFor = (executionId: string) => callbackToken('sk-secret', executionId, 'trigger-1');

		it('answers a callback without the token, or with another, 404 with nothing in it, and reads nothing', async () => {
			const parked = batch(2, [], { signed: true });
			parked.finish('task_0');
			parked.finish('task_1');
			for (const query of [
				{},
				{ qingbo_token: 'guess' },
				{ qingbo_token: tokenFor('exec-other') },
			]) {
				const { result, response } = await parked.callback({ task_id: 'task_0' }, query);
				expect(response).toEqual({ status: 404, body: { error: 'Not found' } });
				expect(result.workflowData).toBeUndefined();
			}
			// An empty POST learns nothing either.
			expect((await parked.callback({})).response.status).toBe(404);
			expect(parked.reads()).toBe(0);
		});

		it('goes on with the token the node gave QingBo', async () => {
			const parked = batch(1, [], { signed: true });
			parked.finish('task_0');
			const { result } = await parked.callback(
				{ task_id: 'task_0' },
				{ qingbo_token: tokenFor(parked.executionId) },
			);
			expect(result.workflowData?.[0]).toHaveLength(1);
		});
	});

	it('answers a repeated progress callback of a task read moments ago from that read', async () => {
		const { callback, reads } = batch(2);
		for (let n = 0; n < 20; n++) {
			const { response } = await callback({ task_id: 'task_0', status: 'processing' });
			expect(response).toMatchObject({ status: 202, body: { status: 'processing' } });
		}
		expect(reads()).toBe(1);
		// A callback that claims an end, or claims nothing, is read.
		await callback({ task_id: 'task_0', status: 'completed' });
		await callback({ task_id: 'task_0' });
		expect(reads()).toBe(3);
	});
});
