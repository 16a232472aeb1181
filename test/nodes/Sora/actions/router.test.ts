import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { router } from '../../../../nodes/Sora/actions/router';
import { executeContext } from '../../../helpers/execute-context';
import { FakeApi, ok, status, type Route } from '../../../helpers/fake-api';
import { useFakeClock } from '../../../helpers/fake-clock';

jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(async (ms: number) => jest.setSystemTime(Date.now() + ms)),
}));
useFakeClock();

const generate = {
	resource: 'video',
	operation: 'generate',
	model: 'sora-2',
	prompt: (i: number) => `A paper boat, take ${i}`,
	aspectRatio: '16:9',
	duration: 4,
	resolution: '720p',
	imageUrls: '',
	characters: {},
	waitMode: 'poll',
	options: { pollInterval: 1, timeout: 60 },
};

/** A tiny QingBo: numbered tasks that complete on their second status read; prompts with [fail] fail. */
function qingbo(refuseSubmit?: number) {
	const api = new FakeApi();
	let submits = 0;
	const tasks = new Map<string, { reads: number; prompt: string }>();
	const bodies: IDataObject[] = [];
	api.always('POST', '/v1/tasks', (options: IHttpRequestOptions) => {
		const body = options.body as IDataObject;
		if (++submits === refuseSubmit) {
			return {
				statusCode: 402,
				body: { error: { message: 'Insufficient balance', code: 'insufficient_balance' } },
			};
		}
		bodies.push(body);
		const id = `task_${tasks.size}`;
		tasks.set(id, { reads: 0, prompt: String(body.prompt) });
		return { statusCode: 200, body: { task_id: id, status: 'queued', progress: 0 } };
	});
	const read: Route = (options) => {
		const id = new URL(options.url).pathname.split('/').pop()!;
		const task = tasks.get(id)!;
		task.reads++;
		if (task.reads < 2)
			return { statusCode: 200, body: { task_id: id, status: 'processing', progress: '50%' } };
		if (task.prompt.includes('[fail]')) {
			return {
				statusCode: 200,
				body: {
					task_id: id,
					status: 'failed',
					error: { message: 'render failed', code: 'task_failed' },
				},
			};
		}
		return {
			statusCode: 200,
			body: {
				task_id: id,
				status: 'completed',
				result: { videos: [{ url: [`https://cdn/${id}.mp4`] }] },
			},
		};
	};
	for (let n = 0; n < 20; n++) api.always('GET', `/v1/tasks/task_${n}`, read);
	return { api, bodies };
}

describe('Video → Generate', () => {
	it('submits every item, waits on all together and keeps input order and pairedItem', async () => {
		const { api, bodies } = qingbo();
		const [output] = await router.call(executeContext(api, generate, { items: 3 }));
		expect(output.map((item) => item.json.task_id)).toEqual(['task_0', 'task_1', 'task_2']);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output[1].json).toMatchObject({
			status: 'completed',
			progress: 100,
			video_url: 'https://cdn/task_1.mp4',
		});
		expect(bodies[0]).toEqual({
			model: 'sora-2',
			action: 'generate',
			prompt: 'A paper boat, take 0',
			aspect_ratio: '16:9',
			duration: 4,
			resolution: '720p',
		});
	});

	it('sends an idempotency key that is stable for the same execution and item, and differs per item', async () => {
		const first = qingbo();
		await router.call(executeContext(first.api, generate, { items: 2 }));
		const again = qingbo();
		await router.call(executeContext(again.api, generate, { items: 2 }));
		const keys = (api: FakeApi) =>
			api.calls
				.filter((c) => c.method === 'POST')
				.map((c) => (c.headers as IDataObject)['Idempotency-Key']);
		expect(keys(again.api)).toEqual(keys(first.api));
		expect(new Set(keys(first.api)).size).toBe(2);
		const otherExecution = qingbo();
		await router.call(
			executeContext(otherExecution.api, generate, { items: 2, executionId: 'exec-2' }),
		);
		expect(keys(otherExecution.api)[0]).not.toEqual(keys(first.api)[0]);
	});

	it('rejects bad input before any billed call, naming the field and item', async () => {
		const { api } = qingbo();
		const params = { ...generate, resolution: (i: number) => (i === 2 ? '1080p' : '720p') };
		const error = await router.call(executeContext(api, params, { items: 3 })).catch((e) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('Resolution: 1080p needs sora-2-pro, not sora-2');
		expect(error.description).toMatch(/sora-2-pro/);
		expect(error.context.itemIndex).toBe(2);
		expect(api.count('POST', '/v1/tasks')).toBe(0);
	});

	it('with continue-on-fail, keeps the task ID on the row of a failed render', async () => {
		const { api } = qingbo();
		const params = { ...generate, prompt: (i: number) => (i === 1 ? 'boat [fail]' : 'boat') };
		const [output] = await router.call(
			executeContext(api, params, { items: 3, continueOnFail: true }),
		);
		expect(output).toHaveLength(3);
		expect(output[1].json).toMatchObject({
			task_id: 'task_1',
			status: 'failed',
			error: 'Task task_1 failed: render failed (task_failed)',
		});
		expect(output[0].json.status).toBe('completed');
		expect(output[1].pairedItem).toEqual({ item: 1 });
	});

	it('fails on a refused submit, naming the tasks other items already started', async () => {
		const { api } = qingbo(2);
		const error = await router.call(executeContext(api, generate, { items: 3 })).catch((e) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Your QingBo balance is too low (HTTP 402)');
		expect(error.description).toMatch(/task_0 \(item 0\)/);
		expect(error.description).toMatch(/\(item 2\)/);
	});

	it('moves extra fields to the body root when the API rejects `extra`', async () => {
		const api = new FakeApi().on(
			'POST',
			'/v1/tasks',
			status(400, { code: 'capability_violation', param: 'extra' }),
			ok({ task_id: 'task_r', status: 'queued' }),
		);
		const params = {
			resource: 'video',
			operation: 'remix',
			model: 'sora-2',
			prompt: 'neon',
			sourceTaskId: 'task_src',
			strength: '3',
			waitMode: 'none',
			options: {},
		};
		const [output] = await router.call(executeContext(api, params));
		expect(output[0].json).toMatchObject({ task_id: 'task_r', status: 'queued' });
		const [rejected, accepted] = api.calls.map((c) => c.body as IDataObject);
		expect(rejected.extra).toEqual({ video_id: 'task_src', strength: 3 });
		expect(accepted).toEqual({
			model: 'sora-2',
			action: 'remix',
			prompt: 'neon',
			video_id: 'task_src',
			strength: 3,
		});
		expect(api.calls[0].headers).not.toEqual(api.calls[1].headers);
	});

	it('merges Options › Extra and Additional Fields, and sends no empty extra', async () => {
		const { api, bodies } = qingbo();
		const params = {
			...generate,
			model: 'veo3.1-fast',
			waitMode: 'none',
			options: {
				extra: '{"seed": 7}',
				additionalFields: { generate_audio: true },
				callbackUrl: 'https://n8n.test/webhook/x/sora?secret=s',
			},
		};
		await router.call(executeContext(api, params));
		expect(bodies[0]).toMatchObject({
			model: 'veo3.1-fast',
			extra: { seed: 7 },
			generate_audio: true,
			callback_url: 'https://n8n.test/webhook/x/sora?secret=s',
		});
		const plain = qingbo();
		await router.call(executeContext(plain.api, { ...generate, waitMode: 'none' }));
		expect(plain.bodies[0]).not.toHaveProperty('extra');
	});

	it('refuses callback mode for more than one item before submitting', async () => {
		const { api } = qingbo();
		const error = await router
			.call(executeContext(api, { ...generate, waitMode: 'callback' }, { items: 2 }))
			.catch((e) => e);
		expect(error.message).toMatch(/Wait Mode: Pause Until Callback handles one item per execution/);
		expect(error.description).toMatch(/Loop Over Items/);
		expect(api.count('POST', '/v1/tasks')).toBe(0);
	});
});

describe('Task operations', () => {
	it('Get returns the normalised status whatever it is', async () => {
		const api = new FakeApi().on(
			'GET',
			'/v1/tasks/task_9',
			ok({ task_id: 'task_9', status: 'processing', progress: '12%' }),
		);
		const [output] = await router.call(
			executeContext(api, { resource: 'task', operation: 'get', taskId: 'task_9', options: {} }),
		);
		expect(output[0].json).toMatchObject({ task_id: 'task_9', status: 'processing', progress: 12 });
	});

	it('Cancel of a processing task explains that it can no longer be cancelled', async () => {
		const api = new FakeApi().on(
			'POST',
			'/v1/tasks/task_9/cancel',
			status(400, { code: 'task_not_cancellable', message: 'Task is processing' }),
		);
		const error = await router
			.call(executeContext(api, { resource: 'task', operation: 'cancel', taskId: 'task_9' }))
			.catch((e) => e);
		expect(error.message).toBe('Task task_9 can no longer be cancelled');
		expect(error.description).toMatch(/Only queued tasks/);
	});

	it('Get of an unknown task names it', async () => {
		const api = new FakeApi().on('GET', '/v1/tasks/nope', status(404, { code: 'task_not_found' }));
		const [output] = await router.call(
			executeContext(
				api,
				{ resource: 'task', operation: 'get', taskId: 'nope', options: {} },
				{ continueOnFail: true },
			),
		);
		expect(output[0].json).toMatchObject({
			task_id: 'nope',
			error: 'Task nope was not found (HTTP 404)',
		});
	});
});
