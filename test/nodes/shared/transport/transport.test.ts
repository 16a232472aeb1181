import { mock, mockDeep } from 'jest-mock-extended';
import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';

import {
	ApiFailure,
	ExecutionCancelled,
	InputError,
	RedirectRefused,
	toNodeError,
} from '../../../../nodes/shared/errors';
import { MAX_REDIRECTS } from '../../../../nodes/shared/transport/url-policy';
import {
	apiOrigin,
	CALLBACK_READ,
	QingboClient,
} from '../../../../nodes/shared/transport/transport';
import { FakeApi, ok, redirect, status } from '../../../helpers/fake-api';
import { useFakeClock } from '../../../helpers/fake-clock';

// Waiting runs on a fake clock: `sleep` moves time forward instead of passing it.
jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(async (ms: number) => jest.setSystemTime(Date.now() + ms)),
}));
useFakeClock();

/** A node context whose two HTTP helpers both go to `api`: with the key (authenticated) or without. */
function contextFor(api: FakeApi, credential: IDataObject, signal?: AbortSignal) {
	const ctx = mockDeep<IExecuteFunctions>();
	ctx.getCredentials.mockResolvedValue({ apiKey: 'sk-secret', ...credential });
	ctx.helpers.httpRequestWithAuthentication.mockImplementation(api.request as never);
	ctx.helpers.httpRequest.mockImplementation(api.plain as never);
	ctx.getExecutionCancelSignal.mockReturnValue(signal);
	return ctx;
}

async function clientFor(api: FakeApi, baseUrl = 'https://qingbo.dev/v1/', signal?: AbortSignal) {
	return await QingboClient.create(contextFor(api, { baseUrl }, signal));
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

describe('QingboClient', () => {
	it('tolerates a /v1 base URL and sends the idempotency key on submit', async () => {
		const api = new FakeApi().on(
			'POST',
			'/v1/tasks',
			ok({ task_id: 'task_1', status: 'queued', progress: 0 }),
		);
		const client = await clientFor(api);
		const { task } = await client.submitTask({ model: 'sora-2', prompt: 'x' }, 'key-1');
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

const node = mock<INode>({ name: 'QingBo' });
const queued = ok({ task_id: 'task_1', status: 'queued' });

/** The four kinds of API call, each as the client makes it and as the fake routes it. */
const CALLS: [string, string, string, (client: QingboClient) => Promise<unknown>][] = [
	['a submit', 'POST', '/v1/tasks', async (c) => await c.submitTask({ prompt: 'x' }, 'k')],
	['a cancel', 'POST', '/v1/tasks/task_1/cancel', async (c) => await c.cancelTask('task_1')],
	['a status read', 'GET', '/v1/tasks/task_1', async (c) => await c.getTask('task_1')],
	['a model list', 'GET', '/v1/models', async (c) => await c.listModels()],
];

describe('QingboClient redirects: the key goes only to the Base URL origin', () => {
	it.each(CALLS)(
		'stops %s redirected to another origin, naming it, without calling it',
		async (_what, method, path, run) => {
			const api = new FakeApi()
				.on(method, `https://qingbo.dev${path}`, redirect(`https://evil.example${path}?t=abc`))
				.always(method, `https://evil.example${path}`, queued);
			const client = await clientFor(api, 'https://qingbo.dev');
			const error = (await run(client).catch((e: Error) => e)) as RedirectRefused;
			expect(error).toBeInstanceOf(RedirectRefused);
			expect(error).toBeInstanceOf(ApiFailure);
			expect(error.target).toBe('https://evil.example');
			expect(error.message).toContain('https://evil.example');
			expect(error.message).not.toMatch(/t=abc|\/v1\//);
			expect(error.description).toContain(
				'If you trust https://evil.example, set it as the Base URL of the QingBo API credential',
			);
			// Not retried, and the other origin never saw a request.
			expect(api.origins()).toEqual(['https://qingbo.dev']);
			expect(error.transient).toBe(false);
		},
	);

	it('maps the refusal to a node error naming the origin, the task and the fix, never the key', async () => {
		const api = new FakeApi().on(
			'GET',
			'/v1/tasks/task_1',
			redirect('https://evil.example/v1/tasks/task_1'),
		);
		const client = await clientFor(api, 'https://qingbo.dev');
		const error = await client.getTask('task_1').catch((e: Error) => e);
		const shown = toNodeError(node, error, { itemIndex: 0, taskId: 'task_1' });
		expect(shown.message).toMatch(
			/^Task task_1: QingBo redirected the request to https:\/\/evil\.example/,
		);
		expect(shown.description).toMatch(/If you trust https:\/\/evil\.example/);
		expect(JSON.stringify({ ...shown, message: shown.message })).not.toContain('sk-secret');
	});

	it.each([301, 302, 303, 307, 308])(
		'follows an apex → www %i for that call only, as a POST with its body and the key',
		async (code) => {
			const api = new FakeApi()
				.on(
					'POST',
					'https://qingbo.dev/v1/tasks',
					redirect('https://www.qingbo.dev/v1/tasks', code),
				)
				.on('POST', 'https://www.qingbo.dev/v1/tasks', ok({ task_id: 'task_w', status: 'queued' }))
				.on(
					'GET',
					'https://qingbo.dev/v1/tasks/task_w',
					ok({ task_id: 'task_w', status: 'queued' }),
				);
			const client = await clientFor(api, 'https://qingbo.dev');
			await expect(client.submitTask({ prompt: 'x' }, 'k')).resolves.toMatchObject({
				task: { task_id: 'task_w' },
			});
			await client.getTask('task_w');
			expect(api.calls.map((c) => `${c.method} ${c.url} ${c.withKey}`)).toEqual([
				'POST https://qingbo.dev/v1/tasks true',
				'POST https://www.qingbo.dev/v1/tasks true',
				// The next call goes to the Base URL again: a redirect never moves the client.
				'GET https://qingbo.dev/v1/tasks/task_w true',
			]);
			expect(api.calls[1]).toMatchObject({
				body: { prompt: 'x' },
				headers: { 'Idempotency-Key': 'k' },
			});
		},
	);

	it('follows a redirect on the same origin (e.g. a proxy on this machine)', async () => {
		const api = new FakeApi()
			.on('GET', 'http://localhost:5678/v1/models', redirect('/v1/models/'))
			.on('GET', 'http://localhost:5678/v1/models/', ok({ data: [{ id: 'sora-2' }] }));
		const client = await clientFor(api, 'http://localhost:5678');
		await expect(client.listModels()).resolves.toEqual(['sora-2']);
	});

	it('refuses https → http, even on the same host', async () => {
		const api = new FakeApi().on('POST', '/v1/tasks', redirect('http://qingbo.dev/v1/tasks'));
		const client = await clientFor(api, 'https://qingbo.dev');
		const error = (await client.submitTask({}, 'k').catch((e: Error) => e)) as RedirectRefused;
		expect(error).toBeInstanceOf(RedirectRefused);
		expect(error.message).toContain('http://qingbo.dev over unencrypted http');
		expect(api.calls).toHaveLength(1);
	});

	it('refuses a move from a documented host to another one over http', async () => {
		const api = new FakeApi().on('GET', '/v1/models', redirect('http://www.qingbo.dev/v1/models'));
		const client = await clientFor(api, 'https://qingbo.dev');
		await expect(client.listModels()).rejects.toBeInstanceOf(RedirectRefused);
		expect(api.calls).toHaveLength(1);
	});

	it('ends a loop between two allowed hosts after the hop limit, without retrying', async () => {
		const api = new FakeApi()
			.always('POST', 'https://qingbo.dev/v1/tasks', redirect('https://www.qingbo.dev/v1/tasks'))
			.always('POST', 'https://www.qingbo.dev/v1/tasks', redirect('https://qingbo.dev/v1/tasks'));
		const client = await clientFor(api, 'https://qingbo.dev');
		const error = (await client.submitTask({}, 'k').catch((e: Error) => e)) as RedirectRefused;
		expect(error).toBeInstanceOf(RedirectRefused);
		expect(error.message).toMatch(/redirected more than 5 times/);
		expect(api.calls).toHaveLength(MAX_REDIRECTS + 1);
	});

	it('ends a loop on one origin after the hop limit', async () => {
		const api = new FakeApi().always('GET', '/v1/tasks/task_1', redirect('/v1/tasks/task_1', 302));
		const client = await clientFor(api, 'https://qingbo.dev');
		await expect(client.getTask('task_1')).rejects.toBeInstanceOf(RedirectRefused);
		expect(api.calls).toHaveLength(MAX_REDIRECTS + 1);
	});

	it('checks Stop on every hop: a stop during a hop ends the call, with no further request', async () => {
		const stop = new AbortController();
		const api = new FakeApi().on('POST', 'https://qingbo.dev/v1/tasks', (options) => {
			stop.abort();
			return redirect('https://www.qingbo.dev/v1/tasks')(options);
		});
		const client = await clientFor(api, 'https://qingbo.dev', stop.signal);
		await expect(client.submitTask({}, 'k')).rejects.toBeInstanceOf(ExecutionCancelled);
		expect(api.calls).toHaveLength(1);
	});

	it('lets n8n follow no redirect and gives every call the Stop signal', async () => {
		const stop = new AbortController();
		const api = new FakeApi()
			.always('POST', '/v1/tasks', queued)
			.always('POST', '/v1/tasks/task_1/cancel', queued)
			.always('GET', '/v1/tasks/task_1', queued)
			.always('GET', '/v1/models', ok({ data: [] }))
			.always('GET', '/v1/dashboard/billing/balance', ok({}))
			.always('GET', '/v1/files/task_1.mp4', ok({}));
		const client = await clientFor(api, 'https://qingbo.dev', stop.signal);
		for (const [, , , run] of CALLS) await run(client);
		await client.getBalance();
		await client.download('https://qingbo.dev/v1/files/task_1.mp4');
		expect(api.calls).toHaveLength(6);
		for (const call of api.calls) {
			expect(call).toMatchObject({ disableFollowRedirect: true, abortSignal: stop.signal });
		}
	});
});

describe('QingboClient.download', () => {
	const FILE = 'https://qingbo.dev/v1/files/task_1.mp4';
	const stream = () => ({ resume: jest.fn() });

	it('fetches a file on the API origin with the key, and its CDN redirect without it', async () => {
		const first = stream();
		const video = stream();
		const api = new FakeApi()
			.on('GET', FILE, () => ({
				...redirect('https://cdn.qingbo.dev/o/1.mp4', 302)({} as never),
				body: first as never,
			}))
			.on('GET', 'https://cdn.qingbo.dev/o/1.mp4', () => ({
				statusCode: 200,
				body: video as never,
			}));
		const ctx = contextFor(api, { baseUrl: 'https://qingbo.dev' });
		const client = await QingboClient.create(ctx);
		const response = await client.download(FILE);
		expect(response.body).toBe(video);
		expect(api.calls.map((c) => `${c.url} ${c.withKey}`)).toEqual([
			`${FILE} true`,
			'https://cdn.qingbo.dev/o/1.mp4 false',
		]);
		expect(ctx.helpers.httpRequest).toHaveBeenCalledWith(
			expect.objectContaining({
				url: 'https://cdn.qingbo.dev/o/1.mp4',
				disableFollowRedirect: true,
			}),
		);
		expect(first.resume).toHaveBeenCalled(); // the redirect's body is drained
	});

	it('never gives the key back once a hop left the API origin', async () => {
		const api = new FakeApi()
			.on('GET', 'https://cdn.test/a.mp4', redirect('https://qingbo.dev/v1/files/a.mp4'))
			.on('GET', 'https://qingbo.dev/v1/files/a.mp4', ok({}));
		const client = await clientFor(api, 'https://qingbo.dev');
		await client.download('https://cdn.test/a.mp4');
		expect(api.calls.map((c) => c.withKey)).toEqual([false, false]);
	});

	it.each([
		'file:///etc/passwd',
		'data:video/mp4;base64,AAAA',
		'ftp://cdn.test/a.mp4',
		'http://cdn.test/a.mp4',
		'not a url',
	])('refuses %s without any request', async (url) => {
		const api = new FakeApi();
		const client = await clientFor(api, 'https://qingbo.dev');
		const error = (await client.download(url).catch((e: Error) => e)) as InputError;
		expect(error).toBeInstanceOf(InputError);
		expect(error.message).toMatch(/^Video URL: the link points to .* which is not https/);
		expect(error.message).not.toContain('AAAA');
		expect(api.calls).toHaveLength(0);
	});

	it('refuses a redirect to a non-https link, and stops a redirect loop', async () => {
		const api = new FakeApi()
			.on('GET', 'https://cdn.test/a.mp4', redirect('http://cdn.test/a.mp4'))
			.always('GET', 'https://cdn.test/loop.mp4', redirect('https://cdn2.test/loop.mp4'))
			.always('GET', 'https://cdn2.test/loop.mp4', redirect('https://cdn.test/loop.mp4'));
		const client = await clientFor(api, 'https://qingbo.dev');
		await expect(client.download('https://cdn.test/a.mp4')).rejects.toThrow(
			'the download was redirected to http://cdn.test, which is not https',
		);
		await expect(client.download('https://cdn.test/loop.mp4')).rejects.toBeInstanceOf(
			RedirectRefused,
		);
		expect(api.calls).toHaveLength(1 + MAX_REDIRECTS + 1);
	});

	it.each([
		['http://127.0.0.1:9000/a.mp4', 'on this machine or a private network'],
		['http://cdn.test/a.mp4', 'not https'],
		['https://127.0.0.1/a.mp4', 'on this machine or a private network'],
		['https://localhost/a.mp4', 'on this machine or a private network'],
		['https://169.254.169.254/latest/meta-data', 'on this machine or a private network'],
		['https://10.0.0.5/a.mp4', 'on this machine or a private network'],
		['https://192.168.1.9/a.mp4', 'on this machine or a private network'],
		['https://[fd00::1]/a.mp4', 'on this machine or a private network'],
	])('with a public Base URL refuses %s (%s) without any request', async (url, why) => {
		const api = new FakeApi();
		const client = await clientFor(api, 'https://qingbo.dev');
		await expect(client.download(url)).rejects.toThrow(why);
		expect(api.calls).toHaveLength(0);
	});

	it('refuses a CDN redirect to this machine or to plain http, even with Allow Unencrypted HTTP', async () => {
		const api = new FakeApi()
			.on('GET', 'https://cdn.test/a.mp4', redirect('http://127.0.0.1:8080/admin'))
			.on('GET', 'https://cdn.test/b.mp4', redirect('http://cdn2.test/b.mp4'));
		const client = await QingboClient.create(
			contextFor(api, { baseUrl: 'https://qingbo.dev', allowUnencryptedHttp: true }),
		);
		await expect(client.download('https://cdn.test/a.mp4')).rejects.toThrow(
			'the download was redirected to http://127.0.0.1:8080',
		);
		await expect(client.download('https://cdn.test/b.mp4')).rejects.toThrow('not https');
		expect(api.calls.map((c) => c.url)).toEqual([
			'https://cdn.test/a.mp4',
			'https://cdn.test/b.mp4',
		]);
	});

	it("takes plain http on the Base URL's own origin, and this machine when the Base URL is on it", async () => {
		const api = new FakeApi().always('GET', '/a.mp4', ok({})).always('GET', '/files/a.mp4', ok({}));
		const local = await clientFor(api, 'http://127.0.0.1:8787');
		await expect(local.download('http://127.0.0.1:8787/files/a.mp4')).resolves.toBeDefined();
		await expect(local.download('http://127.0.0.1:9000/a.mp4')).resolves.toBeDefined();
		await expect(local.download('https://cdn.test/a.mp4')).resolves.toBeDefined();
		const proxy = await QingboClient.create(
			contextFor(api, { baseUrl: 'http://proxy.lan:8080', allowUnencryptedHttp: true }),
		);
		await expect(proxy.download('http://proxy.lan:8080/files/a.mp4')).resolves.toBeDefined();
		await expect(proxy.download('http://cdn.test/a.mp4')).rejects.toThrow('not https');
		expect(api.calls.map((c) => c.withKey)).toEqual([true, false, false, true]);
	});
});

describe('QingboClient.create: no key in clear text by accident', () => {
	it.each([
		'http://qingbo.dev',
		'http://localhost.evil.example',
		'http://128.0.0.1',
		'ftp://qingbo.dev',
		'qingbo.dev',
	])(
		'refuses the Base URL %s, naming the field and the fix, before any request',
		async (baseUrl) => {
			const api = new FakeApi();
			const error = (await clientFor(api, baseUrl).catch((e: Error) => e)) as InputError;
			expect(error).toBeInstanceOf(InputError);
			expect(error.field).toBe('Base URL');
			expect(error.fix).toMatch(/https/);
			expect(api.calls).toHaveLength(0);
		},
	);

	it('explains an http Base URL: clear text, and the opt-in for a trusted local proxy', async () => {
		const error = (await clientFor(new FakeApi(), 'http://qingbo.dev').catch(
			(e) => e,
		)) as InputError;
		expect(error.message).toBe(
			'Base URL: http://qingbo.dev uses unencrypted http, so the API key would travel in clear text; nothing was sent',
		);
		expect(error.fix).toContain('Allow Unencrypted HTTP');
	});

	it.each([
		'http://localhost:5678',
		'http://127.0.0.1:8080/v1',
		'http://127.9.8.7',
		'http://[::1]:3000',
	])('accepts the loopback Base URL %s', async (baseUrl) => {
		const api = new FakeApi().always('GET', '/v1/models', ok({ data: [{ id: 'm' }] }));
		await expect((await clientFor(api, baseUrl)).listModels()).resolves.toEqual(['m']);
	});

	it('accepts any http Base URL when the credential allows unencrypted http', async () => {
		const api = new FakeApi().always('GET', '/v1/models', ok({ data: [] }));
		const ctx = contextFor(api, { baseUrl: 'http://proxy.lan:8080', allowUnencryptedHttp: true });
		await (await QingboClient.create(ctx)).listModels();
		expect(api.calls[0].url).toBe('http://proxy.lan:8080/v1/models');
	});
});

describe('task IDs', () => {
	it.each(['..', '.', '', 'a/b', 'task 1', '../v1/models', 'x'.repeat(201), 'tâche'])(
		'refuses %j for a read and a cancel, sending nothing',
		async (taskId) => {
			const api = new FakeApi();
			const client = await clientFor(api);
			const read = (await client.getTask(taskId).catch((e: Error) => e)) as InputError;
			expect(read).toBeInstanceOf(InputError);
			expect(read.field).toBe('Task ID');
			await expect(client.cancelTask(taskId)).rejects.toBeInstanceOf(InputError);
			expect(api.calls).toHaveLength(0);
		},
	);

	it.each([
		'task_01K8SGYNNNVBQTXNR4MM964S7K',
		'task-wave1775285160b950328499',
		'a.b:c-d',
		'x'.repeat(200),
	])('accepts %s', async (taskId) => {
		const api = new FakeApi().always(
			'GET',
			`/v1/tasks/${encodeURIComponent(taskId)}`,
			ok({ status: 'queued' }),
		);
		await expect((await clientFor(api)).getTask(taskId)).resolves.toMatchObject({
			task_id: taskId,
		});
	});
});

describe('reads while a callback sender waits (CALLBACK_READ)', () => {
	it('gives up at once, within its budget, when the server asks for Retry-After: 60', async () => {
		const api = new FakeApi().always(
			'GET',
			'/v1/tasks/task_1',
			status(429, { code: 'rate_limited' }, { 'retry-after': '60' }),
		);
		const client = await clientFor(api);
		const start = Date.now();
		const failure = (await client.getTask('task_1', CALLBACK_READ).catch((e) => e)) as ApiFailure;
		expect(failure).toMatchObject({ status: 429, retryAfterMs: 60_000 });
		expect(Date.now() - start).toBeLessThan(10_000);
		expect(api.calls).toHaveLength(1);
	});

	it('keeps every retry and its timeout inside the budget', async () => {
		const api = new FakeApi().always('GET', '/v1/tasks/task_1', status(503));
		const client = await clientFor(api);
		const start = Date.now();
		await expect(client.getTask('task_1', CALLBACK_READ)).rejects.toMatchObject({ status: 503 });
		expect(Date.now() - start).toBeLessThan(10_000);
		for (const call of api.calls) expect(call.timeout).toBeLessThanOrEqual(10_000);
	});

	it('without a budget, still waits as the server asks (other callers are unchanged)', async () => {
		const api = new FakeApi().on(
			'GET',
			'/v1/tasks/task_1',
			status(429, {}, { 'retry-after': '20' }),
			ok({ status: 'processing' }),
		);
		const client = await clientFor(api);
		const start = Date.now();
		await expect(client.getTask('task_1')).resolves.toMatchObject({ status: 'processing' });
		expect(Date.now() - start).toBeGreaterThanOrEqual(20_000);
	});
});
