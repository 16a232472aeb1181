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
