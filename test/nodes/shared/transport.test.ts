import { mockDeep } from 'jest-mock-extended';
import type { IExecuteFunctions } from 'n8n-workflow';

import { ApiFailure } from '../../../nodes/shared/errors';
import { apiOrigin, QingboClient, serverDelayMs } from '../../../nodes/shared/transport';
import { FakeApi, ok, status } from '../../helpers/fake-api';
import { useFakeClock } from '../../helpers/fake-clock';

// Waiting runs on a fake clock: `sleep` moves time forward instead of passing it.
jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(async (ms: number) => jest.setSystemTime(Date.now() + ms)),
}));
useFakeClock();

async function clientFor(api: FakeApi, baseUrl = 'https://qingbo.dev/v1/') {
	const ctx = mockDeep<IExecuteFunctions>();
	ctx.getCredentials.mockResolvedValue({ apiKey: 'sk-secret', baseUrl });
	ctx.helpers.httpRequestWithAuthentication.mockImplementation(api.request as never);
	ctx.getExecutionCancelSignal.mockReturnValue(undefined);
	return await QingboClient.create(ctx);
}

describe('apiOrigin', () => {
	it.each([
		['https://qingbo.dev', 'https://qingbo.dev'],
		['https://www.qingbo.dev/', 'https://www.qingbo.dev'],
		['https://api.qingbo.ai/v1', 'https://api.qingbo.ai'],
		[' https://api.qingbo.ai/v1/ ', 'https://api.qingbo.ai'],
		['', 'https://qingbo.dev'],
	])('%s → %s', (input, expected) => expect(apiOrigin(input)).toBe(expected));
});

describe('serverDelayMs', () => {
	const now = 1_800_000_000_000;
	it('reads Retry-After seconds and dates, and reset_at in s or ms', () => {
		expect(serverDelayMs({ 'retry-after': '3' }, {}, now)).toBe(3000);
		expect(serverDelayMs({ 'retry-after': new Date(now + 5000).toUTCString() }, {}, now)).toBe(
			5000,
		);
		expect(serverDelayMs({}, { error: { reset_at: now / 1000 + 2 } }, now)).toBe(2000);
		expect(serverDelayMs({}, { error: { reset_at: now + 1500 } }, now)).toBe(1500);
		expect(serverDelayMs({}, {}, now)).toBeUndefined();
	});
});

describe('QingboClient', () => {
	it('tolerates a /v1 base URL and sends the idempotency key on submit', async () => {
		const api = new FakeApi().on(
			'POST',
			'/v1/tasks',
			ok({ task_id: 'task_1', status: 'queued', progress: 0 }),
		);
		const client = await clientFor(api);
		const task = await client.submitTask({ model: 'sora-2', prompt: 'x' }, 'key-1');
		expect(task).toMatchObject({ task_id: 'task_1', status: 'queued', progress: 0 });
		expect(api.calls[0].url).toBe('https://qingbo.dev/v1/tasks');
		expect(api.calls[0].headers).toMatchObject({ 'Idempotency-Key': 'key-1' });
	});

	it('retries status reads on 500, 429 and network errors, then answers', async () => {
		const api = new FakeApi().on(
			'GET',
			'/v1/tasks/task_1',
			status(500),
			status(429, { code: 'rate_limited' }, { 'retry-after': '1' }),
			() => Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
			ok({ task_id: 'task_1', status: 'processing', progress: '45%' }),
		);
		const client = await clientFor(api);
		await expect(client.getTask('task_1')).resolves.toMatchObject({
			status: 'processing',
			progress: 45,
		});
		expect(api.count('GET', '/v1/tasks/task_1')).toBe(4);
	});

	it('gives up after a bounded number of attempts', async () => {
		const api = new FakeApi().always('GET', '/v1/tasks/task_1', status(503));
		const client = await clientFor(api);
		const failure = await client.getTask('task_1').catch((e: ApiFailure) => e);
		expect(failure).toBeInstanceOf(ApiFailure);
		expect(failure).toMatchObject({ status: 503, attempts: 6 });
		expect(api.count('GET', '/v1/tasks/task_1')).toBe(6);
	});

	it('does not retry 4xx answers, and keeps code and param', async () => {
		const api = new FakeApi().on(
			'POST',
			'/v1/tasks',
			status(400, { code: 'capability_violation', param: 'resolution' }),
		);
		const client = await clientFor(api);
		const failure = await client.submitTask({}, 'k').catch((e: ApiFailure) => e);
		expect(failure).toMatchObject({
			status: 400,
			code: 'capability_violation',
			param: 'resolution',
			attempts: 1,
		});
		expect(api.count('POST', '/v1/tasks')).toBe(1);
	});

	it('keeps only the message of a network error (the raw error carries the Authorization header)', async () => {
		const leaky = Object.assign(new Error('connect ECONNREFUSED'), {
			code: 'ECONNREFUSED',
			config: { headers: { Authorization: 'Bearer sk-secret' } },
		});
		const api = new FakeApi().always('GET', '/v1/models', () => leaky);
		const client = await clientFor(api);
		const failure = (await client.listModels().catch((e: ApiFailure) => e)) as ApiFailure;
		expect(JSON.stringify({ ...failure, message: failure.message })).not.toContain('sk-secret');
		expect(failure.status).toBe(0);
	});

	it('follows a redirected submit to the new host as a POST, once', async () => {
		// Same path on both hosts: the second scripted answer is the new host's.
		const api = new FakeApi().on(
			'POST',
			'/v1/tasks',
			() => ({
				statusCode: 301,
				headers: { location: 'https://www.qingbo.dev/v1/tasks' },
				body: '',
			}),
			ok({ task_id: 'task_w', status: 'queued' }),
		);
		const client = await clientFor(api, 'https://qingbo.dev');
		await expect(client.submitTask({ prompt: 'x' }, 'k')).resolves.toMatchObject({
			task_id: 'task_w',
		});
		expect(api.calls.map((c) => `${c.method} ${c.url}`)).toEqual([
			'POST https://qingbo.dev/v1/tasks',
			'POST https://www.qingbo.dev/v1/tasks',
		]);
		// Later calls, downloads of API-hosted files included, go to the new host with the key.
		api.on('GET', '/v1/tasks/task_w', ok({ task_id: 'task_w', status: 'queued' }));
		await client.getTask('task_w');
		expect(api.calls.at(-1)?.url).toBe('https://www.qingbo.dev/v1/tasks/task_w');
	});

	it('reads every documented models shape', async () => {
		for (const body of [
			{ data: [{ id: 'sora-2' }, { id: 'sora-2-pro' }] },
			{ models: [{ id: 'sora-2' }, 'sora-2-pro'] },
		]) {
			const api = new FakeApi().on('GET', '/v1/models', ok(body));
			const client = await clientFor(api);
			await expect(client.listModels()).resolves.toEqual(['sora-2', 'sora-2-pro']);
		}
		const bare = new FakeApi().on('GET', '/v1/models', () => ({
			statusCode: 200,
			body: [{ id: 'kling-v3' }] as never,
		}));
		await expect((await clientFor(bare)).listModels()).resolves.toEqual(['kling-v3']);
	});
});
