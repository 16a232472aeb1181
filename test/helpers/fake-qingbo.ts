import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { FakeApi, type Route } from './fake-api';

/** Video › Generate parameters for sora-2, polling; `prompt` differs per item. */
export const generateParams = {
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

/**
 * A tiny QingBo: numbered tasks that complete on their second status read; prompts with [fail]
 * fail. `refuseSubmit`: the n-th submit (1-based) is refused with 402. `bodies`: accepted submits.
 */
export function qingbo(refuseSubmit?: number) {
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
	for (let n = 0; n < 30; n++) api.always('GET', `/v1/tasks/task_${n}`, read);
	return { api, bodies };
}

/**
 * A QingBo that honours `Idempotency-Key` as documented: a repeat of a key gives back the task it
 * first created, by repeating that first submit answer (so `created_at` is the original's). Tasks
 * reserve `pre_consumed_cost` 288000 ($0.576), complete on their second status read ([fail]: fail).
 * Answers carry a `Date` header. `created`: tasks made; `keys`: the key of every submit, in order.
 */
export function keyedQingbo() {
	const api = new FakeApi();
	const byKey = new Map<string, IDataObject>();
	const tasks = new Map<string, { reads: number; prompt: string }>();
	const keys: string[] = [];
	const date = () => ({ date: new Date().toUTCString() });
	api.always('POST', '/v1/tasks', (options: IHttpRequestOptions) => {
		const key = String((options.headers as IDataObject)['Idempotency-Key']);
		keys.push(key);
		const earlier = byKey.get(key);
		if (earlier) return { statusCode: 200, headers: date(), body: earlier };
		const body = options.body as IDataObject;
		const id = `task_${tasks.size}`;
		tasks.set(id, { reads: 0, prompt: String(body.prompt) });
		const answer = {
			task_id: id,
			status: 'queued',
			progress: 0,
			created_at: Math.floor(Date.now() / 1000),
			pre_consumed_cost: 288000,
		};
		byKey.set(key, answer);
		return { statusCode: 200, headers: date(), body: answer };
	});
	const read: Route = (options) => {
		const id = new URL(options.url).pathname.split('/').pop()!;
		const task = tasks.get(id)!;
		task.reads++;
		const base = { task_id: id, pre_consumed_cost: 288000 };
		if (task.reads < 2) return { statusCode: 200, body: { ...base, status: 'processing' } };
		if (task.prompt.includes('[fail]')) {
			return {
				statusCode: 200,
				body: {
					...base,
					status: 'failed',
					cost: 0,
					error: { message: 'refused', code: 'task_failed' },
				},
			};
		}
		return {
			statusCode: 200,
			body: {
				...base,
				status: 'completed',
				cost: 288000,
				result: { videos: [{ url: [`https://cdn/${id}.mp4`] }] },
			},
		};
	};
	for (let n = 0; n < 30; n++) api.always('GET', `/v1/tasks/task_${n}`, read);
	return { api, keys, created: () => tasks.size, reads: (id: string) => tasks.get(id)?.reads ?? 0 };
}
