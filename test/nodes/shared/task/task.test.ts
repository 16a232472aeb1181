import {
	failureOf,
	keepSubmitFacts,
	isTerminal,
	normaliseTask,
	taskIdFromCallback,
	toProgress,
	toUnixSeconds,
	type Task,
} from '../../../../nodes/shared/task/task';

describe('normaliseTask', () => {
	it('lifts the seed shape (url array, seconds) and keeps every API field', () => {
		const task = normaliseTask({
			task_id: 'task_1',
			status: 'completed',
			model: 'sora-2',
			progress: 100,
			created_at: 1760000000,
			cost: 0.4,
			result: {
				videos: [
					{
						url: ['https://cdn.example/a.mp4', 'https://cdn.example/b.mp4'],
						expires_at: 1760086400,
					},
				],
			},
		});
		expect(task).toMatchObject({
			task_id: 'task_1',
			status: 'completed',
			model: 'sora-2',
			cost: 0.4,
			created_at: 1760000000,
			progress: 100,
			video_url: 'https://cdn.example/a.mp4',
			video_urls: ['https://cdn.example/a.mp4', 'https://cdn.example/b.mp4'],
			expires_at: 1760086400,
		});
	});

	it('accepts the later shape: "45%" progress, ms timestamps, url as a plain string', () => {
		const processing = normaliseTask({ task_id: 't', status: 'processing', progress: '45%' });
		expect(processing.progress).toBe(45);
		expect(processing.video_url).toBeUndefined();

		const done = normaliseTask({
			task_id: 't',
			status: 'completed',
			progress: '100%',
			result: { videos: [{ url: 'https://cdn.example/x.mp4', expires_at: 1760086400123 }] },
		});
		expect(done.video_urls).toEqual(['https://cdn.example/x.mp4']);
		expect(done.expires_at).toBe(1760086400);
	});

	it('turns an empty or missing progress into 0 and a completed task into 100', () => {
		expect(normaliseTask({ task_id: 't', status: 'queued', progress: '' }).progress).toBe(0);
		expect(normaliseTask({ task_id: 't', status: 'queued' }).progress).toBe(0);
		expect(normaliseTask({ task_id: 't', status: 'completed' }).progress).toBe(100);
	});

	it('lower-cases the status and falls back to `id`', () => {
		expect(normaliseTask({ id: 'abc', status: 'FAILED' })).toMatchObject({
			task_id: 'abc',
			status: 'failed',
		});
	});

	it('maps other spellings of a status to the five statuses, keeping the original', () => {
		expect(normaliseTask({ task_id: 't', status: 'succeeded' })).toMatchObject({
			status: 'completed',
			api_status: 'succeeded',
			progress: 100,
		});
		expect(normaliseTask({ task_id: 't', status: 'canceled' }).status).toBe('cancelled');
		expect(normaliseTask({ task_id: 't', status: 'processing' })).not.toHaveProperty('api_status');
	});

	it('unwraps a task nested under `data`', () => {
		expect(
			normaliseTask({
				task_id: 't9',
				data: { task_id: 't9', status: 'processing', progress: '5%' },
			}),
		).toMatchObject({ task_id: 't9', status: 'processing', progress: 5 });
	});
});

describe('helpers', () => {
	it('reads timestamps in seconds or milliseconds', () => {
		expect(toUnixSeconds(1760000000)).toBe(1760000000);
		expect(toUnixSeconds(1760000000000)).toBe(1760000000);
		expect(toUnixSeconds('1760000000')).toBe(1760000000);
		expect(toUnixSeconds(null)).toBeUndefined();
	});

	it('clamps progress to 0-100', () => {
		expect(toProgress(140, 'processing')).toBe(100);
		expect(toProgress(-3, 'processing')).toBe(0);
		expect(toProgress('12.5%', 'processing')).toBe(12.5);
	});

	it('knows the terminal statuses', () => {
		expect(['completed', 'failed', 'cancelled'].every(isTerminal)).toBe(true);
		expect(isTerminal('processing')).toBe(false);
	});

	it('finds the task id in every callback shape and rejects junk', () => {
		expect(taskIdFromCallback({ task_id: 'task_a' })).toBe('task_a');
		expect(taskIdFromCallback({ event: 'task.completed', data: { task_id: 'task_b' } })).toBe(
			'task_b',
		);
		expect(taskIdFromCallback({ task: { id: 'task_c' } })).toBe('task_c');
		expect(taskIdFromCallback({ task_id: '../../etc' })).toBeUndefined();
		expect(taskIdFromCallback('task_x')).toBeUndefined();
		expect(taskIdFromCallback({})).toBeUndefined();
	});

	it('adds the USD figures beside the raw quota (500,000 = 1 USD), which stays as sent', () => {
		const queued = normaliseTask({ task_id: 't', status: 'queued', pre_consumed_cost: 288000 });
		expect(queued).toMatchObject({ pre_consumed_cost: 288000, pre_consumed_cost_usd: 0.576 });
		expect(queued.cost_usd).toBeUndefined();
		const done = normaliseTask({ task_id: 't', status: 'completed', cost: '288000' });
		expect(done).toMatchObject({ cost: '288000', cost_usd: 0.576 });
		expect(normaliseTask({ task_id: 't', status: 'cancelled', cost: 0 }).cost_usd).toBe(0);
		expect(normaliseTask({ task_id: 't', status: 'queued' })).not.toHaveProperty(
			'pre_consumed_cost_usd',
		);
	});

	it('keeps a known reservation on a task whose status answer omits it, and never overwrites one', () => {
		const settled = normaliseTask({ task_id: 't', status: 'completed', cost: 288000 });
		expect(keepSubmitFacts(settled, { pre_consumed_cost: 288000 })).toMatchObject({
			pre_consumed_cost: 288000,
			pre_consumed_cost_usd: 0.576,
			cost_usd: 0.576,
		});
		const own = normaliseTask({ task_id: 't', status: 'queued', pre_consumed_cost: 1000 });
		expect(keepSubmitFacts(own, { pre_consumed_cost: 288000 }).pre_consumed_cost).toBe(1000);
		expect(keepSubmitFacts(settled, undefined)).toBe(settled);
	});
});

describe('failureOf: a terminal task as the error its row or the node shows', () => {
	const task = (fields: Partial<Task>) => ({ task_id: 'task_1', progress: 100, ...fields }) as Task;

	it('is nothing for a completed task', () => {
		expect(failureOf(task({ status: 'completed' }))).toBeUndefined();
	});

	it("names the task and QingBo's reason for a failed one", () => {
		const failure = failureOf(
			task({ status: 'failed', error: { message: 'render failed', code: 'task_failed' } }),
		);
		expect(failure?.message).toBe('Task task_1 failed: render failed (task_failed)');
		expect(failure?.description).toMatch(/^QingBo could not render this task/);
	});

	it('says a cancelled task was cancelled, and how to get a new task for one given back', () => {
		expect(failureOf(task({ status: 'cancelled' }))?.message).toBe('Task task_1 was cancelled');
		expect(failureOf(task({ status: 'failed', reused: true }))?.description).toMatch(
			/change the prompt, a field or the key\.$/,
		);
	});
});
