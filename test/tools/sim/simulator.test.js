'use strict';
/** Tests for the QingBo API simulator (tools/sim/simulator.js). Each test starts its own simulator on a free port. */
const http = require('node:http');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { request } = require('undici');
const { startSimulator } = require('../../../tools/sim/simulator');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Poll `fn` until it returns a truthy value. */
async function waitFor(fn, { timeout = 3000, interval = 10, what = 'condition' } = {}) {
	const end = Date.now() + timeout;
	for (;;) {
		const value = await fn();
		if (value) return value;
		if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
		await sleep(interval);
	}
}

const running = [];
afterEach(async () => {
	while (running.length) await running.pop()();
});

/** Fast defaults so the whole file stays quick. */
async function start(options = {}) {
	const sim = await startSimulator({ queuedMs: 50, renderMs: 200, ...options });
	running.push(() => sim.close());
	return sim;
}

/** One API call. `key: null` sends no Authorization header. */
async function call(sim, method, urlPath, { body, key = sim.apiKey, headers = {}, rawBody } = {}) {
	const h = { ...headers };
	if (key) h.authorization = `Bearer ${key}`;
	if (body !== undefined || rawBody !== undefined) h['content-type'] = 'application/json';
	const started = Date.now();
	const res = await request(sim.url + urlPath, {
		method,
		headers: h,
		body: rawBody !== undefined ? rawBody : body !== undefined ? JSON.stringify(body) : undefined,
	});
	const text = await res.body.text();
	let json;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	return { status: res.statusCode, headers: res.headers, text, json, ms: Date.now() - started };
}

const submit = (sim, body, opts = {}) => call(sim, 'POST', '/v1/tasks', { body, ...opts });
const getTask = (sim, id, opts) => call(sim, 'GET', `/v1/tasks/${id}`, opts);

async function waitForStatus(sim, id, status, timeout = 3000) {
	return waitFor(
		async () => {
			const r = await getTask(sim, id);
			return r.json && r.json.status === status ? r.json : null;
		},
		{ timeout, what: `task ${id} to be ${status}` },
	);
}

/** Create a completed Sora task to remix/extend from. */
async function completedTask(sim, body = {}) {
	const r = await submit(sim, { model: 'sora-2', prompt: 'a red fox', ...body });
	expect(r.status).toBe(200);
	sim.completeNow(r.json.task_id);
	return r.json.task_id;
}

/** A tiny HTTP server that records callback requests. */
async function startReceiver(statusCode = 200) {
	const hits = [];
	const server = http.createServer((req, res) => {
		let text = '';
		req.on('data', (c) => (text += c));
		req.on('end', () => {
			hits.push({
				method: req.method,
				url: req.url,
				headers: req.headers,
				body: JSON.parse(text),
				at: Date.now(),
			});
			res.writeHead(statusCode, { 'content-type': 'text/plain' });
			res.end('ok');
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const close = () => new Promise((resolve) => server.close(() => resolve()));
	running.push(close);
	return { url: `http://127.0.0.1:${server.address().port}`, hits, close };
}

describe('authentication', () => {
	test('missing or wrong key answers 401 without echoing the key', async () => {
		const sim = await start();
		const wrongKey = 'sk-wrong-secret-987654';
		const missing = await submit(sim, { model: 'sora-2', prompt: 'x' }, { key: null });
		const wrong = await getTask(sim, 'task_abc', { key: wrongKey });
		const models = await call(sim, 'GET', '/v1/models', { key: 'Basic xyz' });
		for (const r of [missing, wrong, models]) {
			expect(r.status).toBe(401);
			expect(r.json).toEqual({
				error: {
					message: 'Invalid API key',
					code: 'invalid_api_key',
					type: 'authentication_error',
				},
			});
		}
		expect(wrong.text).not.toContain(wrongKey);
		expect(sim.counters.authFailures).toBe(3);
		expect(sim.counters.tasksCreated).toBe(0);
	});

	test('a valid key is accepted and never appears in any answer', async () => {
		const sim = await start({ apiKey: 'sk-custom-key-123' });
		expect(sim.apiKey).toBe('sk-custom-key-123');
		const s = await submit(sim, { model: 'sora-2', prompt: 'x' });
		expect(s.status).toBe(200);
		const g = await getTask(sim, s.json.task_id);
		expect(g.status).toBe(200);
		expect(s.text + g.text).not.toContain('sk-custom-key-123');
		const control = await call(sim, 'GET', '/__sim/config', { key: null });
		expect(control.text).not.toContain('sk-custom-key-123');
		expect(sim.counters.authFailures).toBe(0);
	});
});

describe('submit and status', () => {
	test('a task goes queued -> processing -> completed, and counters follow', async () => {
		const sim = await start({ queuedMs: 100, renderMs: 300 });
		const before = Math.floor(Date.now() / 1000);
		const s = await submit(sim, { model: 'sora-2', prompt: 'a cat on a skateboard' });
		expect(s.status).toBe(200);
		expect(s.json).toEqual({
			task_id: expect.stringMatching(/^task_[A-Za-z0-9]{24}$/),
			model: 'sora-2',
			action: 'generate',
			status: 'queued',
			created_at: expect.any(Number),
			progress: 0,
		});
		expect(s.json.created_at).toBeGreaterThanOrEqual(before);
		expect(s.json.created_at).toBeLessThan(1e12); // seconds in the seed flavour
		const id = s.json.task_id;

		const queued = await getTask(sim, id);
		expect(queued.json).toMatchObject({
			task_id: id,
			status: 'queued',
			progress: 0,
			action: 'generate',
			model: 'sora-2',
		});
		expect(queued.json.result).toBeUndefined();
		expect(queued.json.urls).toEqual({
			get: `${sim.url}/v1/tasks/${id}`,
			cancel: `${sim.url}/v1/tasks/${id}/cancel`,
		});

		await sleep(250); // 100 ms queued + half of the 300 ms render
		const processing = await getTask(sim, id);
		expect(processing.json.status).toBe('processing');
		expect(processing.json.progress).toBeGreaterThan(0);
		expect(processing.json.progress).toBeLessThan(100);

		const done = await waitForStatus(sim, id, 'completed');
		expect(done.progress).toBe(100);
		expect(done.completed_at).toBeGreaterThanOrEqual(done.created_at);
		expect(done.cost).toBeGreaterThan(0);
		expect(done.error).toBeUndefined();
		expect(done.result.videos).toEqual([
			{ url: [`${sim.url}/files/${id}.mp4`], expires_at: done.completed_at + 86400 },
		]);

		expect(sim.counters.submits).toBe(1);
		expect(sim.counters.tasksCreated).toBe(1);
		expect(sim.counters.statusReads).toBeGreaterThanOrEqual(3);
		expect(sim.counters.statusReadsByTask[id]).toBe(sim.counters.statusReads);
		expect(sim.tasks.get(id).prompt).toBe('a cat on a skateboard');
	});

	test('progress rises over time and never reaches 100 before completion', async () => {
		// A render long enough that a busy machine cannot finish it between the reads.
		const sim = await start({ queuedMs: 0, renderMs: 20_000 });
		const id = (await submit(sim, { model: 'sora-2', prompt: 'x' })).json.task_id;
		const seen = [];
		for (let i = 0; i < 4; i++) {
			await sleep(250);
			seen.push((await getTask(sim, id)).json.progress);
		}
		expect(seen.every((p) => p < 100)).toBe(true);
		expect([...seen].sort((a, b) => a - b)).toEqual(seen);
		expect(seen[3]).toBeGreaterThan(seen[0]);
	});

	test('unknown task answers 404 task_not_found', async () => {
		const sim = await start();
		const r = await getTask(sim, 'task_doesnotexist');
		expect(r.status).toBe(404);
		expect(r.json.error).toMatchObject({
			code: 'task_not_found',
			message: 'Task task_doesnotexist not found',
		});
		expect(sim.counters.statusReadsByTask.task_doesnotexist).toBe(1);
		const malformed = await getTask(sim, 'task_%E0%A4%A');
		expect(malformed.status).toBe(404);
		expect(malformed.json.error.code).toBe('task_not_found');
	});

	test('a "[fail]" prompt ends failed with task_failed and no result', async () => {
		const sim = await start({ queuedMs: 10, renderMs: 50 });
		const id = (await submit(sim, { model: 'sora-2', prompt: 'please [fail] now' })).json.task_id;
		const failed = await waitForStatus(sim, id, 'failed');
		expect(failed.error).toEqual({
			message: 'The upstream model could not render this prompt',
			code: 'task_failed',
		});
		expect(failed.result).toBeUndefined();
		expect(failed.cost).toBe(0);
		expect(typeof failed.completed_at).toBe('number');
	});

	test('a "[slow]" prompt takes ten times renderMs', async () => {
		const sim = await start({ queuedMs: 0, renderMs: 60 });
		const slow = (await submit(sim, { model: 'sora-2', prompt: 'a [slow] sunset' })).json.task_id;
		const fast = (await submit(sim, { model: 'sora-2', prompt: 'a sunset' })).json.task_id;
		await sleep(150);
		expect((await getTask(sim, fast)).json.status).toBe('completed');
		const s = (await getTask(sim, slow)).json;
		expect(s.status).toBe('processing');
		expect(s.progress).toBeLessThan(40);
	});

	test('completeNow and failNow force terminal states', async () => {
		const sim = await start({ queuedMs: 10000 });
		const a = (await submit(sim, { model: 'sora-2', prompt: 'a' })).json.task_id;
		const b = (await submit(sim, { model: 'sora-2', prompt: 'b' })).json.task_id;
		expect(sim.completeNow(a).status).toBe('completed');
		expect(sim.failNow(b, 'upstream exploded').error).toEqual({
			message: 'upstream exploded',
			code: 'task_failed',
		});
		expect((await getTask(sim, a)).json.result.videos).toHaveLength(1);
		expect((await getTask(sim, b)).json.status).toBe('failed');
		// Forcing an ended task again changes nothing.
		expect(sim.failNow(a).status).toBe('completed');
		expect(() => sim.completeNow('task_nope')).toThrow(/no task/);
	});

	test('a Prefer: wait header on status is accepted and ignored', async () => {
		const sim = await start();
		const id = (await submit(sim, { model: 'sora-2', prompt: 'x' })).json.task_id;
		const r = await getTask(sim, id, { headers: { prefer: 'wait=30' } });
		expect(r.status).toBe(200);
		expect(r.json.status).toBe('queued');
		expect(r.ms).toBeLessThan(1000);
	});
});

describe('flavours', () => {
	test('latest: percent progress, millisecond times, string url, pre_consumed_cost', async () => {
		const sim = await start({ flavour: 'latest', queuedMs: 100, renderMs: 200, resultTtlMs: 5000 });
		const s = await submit(sim, {
			model: 'sora-2-pro',
			prompt: 'x',
			resolution: '1080p',
			duration: 8,
		});
		expect(s.status).toBe(200);
		expect(s.json.progress).toBe('');
		expect(s.json.created_at).toBeGreaterThan(1e12);
		expect(s.json.pre_consumed_cost).toBe(315000 * 8);
		const id = s.json.task_id;
		expect((await getTask(sim, id)).json.progress).toBe('');
		await sleep(200);
		const p = (await getTask(sim, id)).json;
		expect(p.status).toBe('processing');
		expect(p.progress).toMatch(/^\d{1,2}%$/);
		const done = await waitForStatus(sim, id, 'completed');
		expect(done.progress).toBe('100%');
		expect(done.completed_at).toBeGreaterThan(1e12);
		expect(done.result.videos[0]).toEqual({
			url: `${sim.url}/files/${id}.mp4`,
			expires_at: done.completed_at + 5000,
		});
		expect(done.cost).toBe(315000 * 8);
	});

	test('latest: failed progress is "100%" and extra is refused', async () => {
		const sim = await start({ flavour: 'latest', queuedMs: 0, renderMs: 20 });
		const id = (await submit(sim, { model: 'sora-2', prompt: '[fail]' })).json.task_id;
		expect((await waitForStatus(sim, id, 'failed')).progress).toBe('100%');
		const r = await submit(sim, { model: 'sora-2', prompt: 'x', extra: {} });
		expect(r.status).toBe(400);
		expect(r.json.error).toMatchObject({
			code: 'capability_violation',
			type: 'invalid_request_error',
			param: 'extra',
		});
		expect(sim.counters.tasksCreated).toBe(1);
	});

	test('latest takes model fields at the body root', async () => {
		const sim = await start({ flavour: 'latest' });
		const source = await completedTask(sim);
		const remix = await submit(sim, {
			model: 'sora-2',
			prompt: 'make it snow',
			action: 'remix',
			video_id: source,
			strength: 6,
		});
		expect(remix.status).toBe(200);
		expect(sim.tasks.get(remix.json.task_id).params).toMatchObject({
			strength: 6,
			sourceTaskId: source,
		});
		const chars = await submit(sim, {
			model: 'sora-2',
			prompt: 'Mia waves',
			characters: [{ name: 'Bob', asset_id: 'a1' }],
		});
		expect(chars.status).toBe(400);
		expect(chars.json.error.param).toBe('characters');
	});

	test('seed reads model fields from extra only', async () => {
		const sim = await start();
		const source = await completedTask(sim);
		const root = await submit(sim, {
			model: 'sora-2',
			prompt: 'x',
			action: 'remix',
			video_id: source,
		});
		expect(root.status).toBe(400);
		expect(root.json.error).toMatchObject({ code: 'invalid_request', param: 'extra.video_id' });
		const viaExtra = await submit(sim, {
			model: 'sora-2',
			prompt: 'x',
			action: 'remix',
			extra: { video_id: source },
		});
		expect(viaExtra.status).toBe(200);
		expect(viaExtra.json.action).toBe('remix');
		expect(viaExtra.json.pre_consumed_cost).toBeUndefined();
	});

	test('knobs can be set one by one, and choosing a flavour resets them', async () => {
		const sim = await start({ progressFormat: 'percent', queuedMs: 0, renderMs: 0 });
		const s = await submit(sim, { model: 'sora-2', prompt: 'x' });
		expect(s.json.progress).toBe('');
		expect(s.json.created_at).toBeLessThan(1e12); // still seconds: only the one knob changed
		const done = (await getTask(sim, s.json.task_id)).json;
		expect(done.progress).toBe('100%');
		expect(Array.isArray(done.result.videos[0].url)).toBe(true);

		sim.configure({ timestampUnit: 'ms', urlFormat: 'string' });
		const d2 = (await getTask(sim, s.json.task_id)).json;
		expect(d2.created_at).toBeGreaterThan(1e12);
		expect(typeof d2.result.videos[0].url).toBe('string');

		sim.configure({ flavour: 'seed' });
		const d3 = (await getTask(sim, s.json.task_id)).json;
		expect(d3.progress).toBe(100);
		expect(d3.created_at).toBeLessThan(1e12);
	});

	test('configure rejects unknown or bad options and changes nothing then', async () => {
		const sim = await start();
		expect(() => sim.configure({ flavor: 'latest' })).toThrow(/unknown option/);
		expect(() => sim.configure({ progressFormat: 'fraction' })).toThrow(/progressFormat/);
		expect(() => sim.configure({ faults: { submit500Count: 1 } })).toThrow(/unknown fault/);
		expect(() => sim.configure({ flavour: 'latest', renderMs: -1 })).toThrow(/renderMs/);
		expect(() => sim.configure({ port: 1234 })).toThrow(/port/);
		const s = await submit(sim, { model: 'sora-2', prompt: 'x' });
		expect(s.json.progress).toBe(0); // still seed
	});
});

describe('submit validation (seed Sora rules)', () => {
	const cases = [
		['missing model', { prompt: 'x' }, 400, 'invalid_request', 'model'],
		['missing prompt', { model: 'sora-2' }, 400, 'invalid_request', 'prompt'],
		['unknown model', { model: 'sora-9', prompt: 'x' }, 404, 'model_not_found', 'model'],
		[
			'bad action',
			{ model: 'sora-2', prompt: 'x', action: 'upscale' },
			400,
			'invalid_request',
			'action',
		],
		[
			'bad aspect ratio',
			{ model: 'sora-2', prompt: 'x', aspect_ratio: '1:1' },
			400,
			'invalid_request',
			'aspect_ratio',
		],
		[
			'bad duration',
			{ model: 'sora-2', prompt: 'x', duration: 5 },
			400,
			'invalid_request',
			'duration',
		],
		[
			'duration as string',
			{ model: 'sora-2', prompt: 'x', duration: '8' },
			400,
			'invalid_request',
			'duration',
		],
		[
			'1080p on sora-2',
			{ model: 'sora-2', prompt: 'x', resolution: '1080p' },
			400,
			'capability_violation',
			'resolution',
		],
		[
			'4K resolution',
			{ model: 'sora-2-pro', prompt: 'x', resolution: '4K' },
			400,
			'invalid_request',
			'resolution',
		],
		[
			'image_urls not http',
			{ model: 'sora-2', prompt: 'x', image_urls: ['file:///etc/passwd'] },
			400,
			'invalid_request',
			'image_urls',
		],
		[
			'image_urls not an array',
			{ model: 'sora-2', prompt: 'x', image_urls: 'https://a.b/c.png' },
			400,
			'invalid_request',
			'image_urls',
		],
		[
			'three characters',
			{
				model: 'sora-2',
				prompt: 'Ann Bob Cy',
				extra: {
					characters: [
						{ name: 'Ann', asset_id: '1' },
						{ name: 'Bob', asset_id: '2' },
						{ name: 'Cy', asset_id: '3' },
					],
				},
			},
			400,
			'invalid_request',
			'extra.characters',
		],
		[
			'character not in prompt',
			{
				model: 'sora-2',
				prompt: 'a dog runs',
				extra: { characters: [{ name: 'Rex', asset_id: 'ast_1' }] },
			},
			400,
			'invalid_request',
			'extra.characters',
		],
		[
			'character without asset_id',
			{ model: 'sora-2', prompt: 'Rex runs', extra: { characters: [{ name: 'Rex' }] } },
			400,
			'invalid_request',
			'extra.characters',
		],
		[
			'remix without source',
			{ model: 'sora-2', prompt: 'x', action: 'remix' },
			400,
			'invalid_request',
			'extra.video_id',
		],
		[
			'remix of unknown task',
			{ model: 'sora-2', prompt: 'x', action: 'remix', extra: { video_id: 'task_nope' } },
			404,
			'task_not_found',
			'extra.video_id',
		],
		[
			'extend without duration',
			{ model: 'sora-2', prompt: 'x', action: 'extend', extra: { video_id: 'task_nope' } },
			400,
			'invalid_request',
			'duration',
		],
		[
			'extra not an object',
			{ model: 'sora-2', prompt: 'x', extra: 'video_id=1' },
			400,
			'invalid_request',
			'extra',
		],
		[
			'bad callback_url',
			{ model: 'sora-2', prompt: 'x', callback_url: 'ftp://host/x' },
			400,
			'invalid_request',
			'callback_url',
		],
	];

	test.each(cases)('%s', async (_name, body, status, code, param) => {
		const sim = await start();
		const r = await submit(sim, body);
		expect(r.status).toBe(status);
		expect(r.json.error).toMatchObject({ code, param, message: expect.any(String) });
		expect(sim.counters.tasksCreated).toBe(0);
		expect(sim.counters.submits).toBe(1);
	});

	test('valid generate bodies pass, with defaults filled in', async () => {
		const sim = await start();
		const ok = await submit(sim, {
			model: 'sora-2-pro',
			prompt: 'Ann meets Bob',
			aspect_ratio: '16:9',
			duration: 20,
			resolution: '1080p',
			image_urls: ['https://example.com/a.png'],
			extra: {
				characters: [
					{ name: 'Ann', asset_id: '1' },
					{ name: 'Bob', asset_id: '2' },
				],
				seed: 7,
			},
		});
		expect(ok.status).toBe(200);
		const plain = await submit(sim, { model: 'sora-2', prompt: 'x' });
		expect(sim.tasks.get(plain.json.task_id).params).toMatchObject({
			action: 'generate',
			aspectRatio: '9:16',
			duration: 4,
			resolution: '720p',
		});
		expect(sim.counters.tasksCreated).toBe(2);
	});

	test('extend refuses image_urls and characters; remix needs a completed source', async () => {
		const sim = await start({ queuedMs: 5000 });
		const source = await completedTask(sim);
		const ext = {
			model: 'sora-2',
			prompt: 'x',
			action: 'extend',
			duration: 8,
			extra: { video_id: source },
		};
		const withImages = await submit(sim, { ...ext, image_urls: ['https://example.com/a.png'] });
		expect(withImages.status).toBe(400);
		expect(withImages.json.error).toMatchObject({
			code: 'capability_violation',
			param: 'image_urls',
		});
		const withChars = await submit(sim, {
			...ext,
			prompt: 'Ann',
			extra: { video_id: source, characters: [{ name: 'Ann', asset_id: '1' }] },
		});
		expect(withChars.json.error).toMatchObject({
			code: 'capability_violation',
			param: 'extra.characters',
		});
		expect((await submit(sim, ext)).status).toBe(200);

		const pending = (await submit(sim, { model: 'sora-2', prompt: 'y' })).json.task_id;
		const remixPending = await submit(sim, {
			model: 'sora-2',
			prompt: 'x',
			action: 'remix',
			extra: { video_id: pending },
		});
		expect(remixPending.status).toBe(400);
		expect(remixPending.json.error.message).toMatch(/queued/);
		const badStrength = await submit(sim, {
			model: 'sora-2',
			prompt: 'x',
			action: 'remix',
			extra: { video_id: source, strength: 9 },
		});
		expect(badStrength.json.error).toMatchObject({
			code: 'invalid_request',
			param: 'extra.strength',
		});
		const named = await submit(sim, {
			model: 'sora-2',
			prompt: 'x',
			action: 'remix',
			extra: { video_id: source, strength: 'Strong' },
		});
		expect(named.status).toBe(200);
	});

	test('an extend chain stops after 6 extensions', async () => {
		const sim = await start({ queuedMs: 5000 });
		let tip = await completedTask(sim);
		for (let i = 0; i < 6; i++) {
			const r = await submit(sim, {
				model: 'sora-2',
				prompt: 'on',
				action: 'extend',
				duration: 20,
				extra: { video_id: tip },
			});
			expect(r.status).toBe(200);
			tip = r.json.task_id;
			sim.completeNow(tip);
		}
		const seventh = await submit(sim, {
			model: 'sora-2',
			prompt: 'on',
			action: 'extend',
			duration: 4,
			extra: { video_id: tip },
		});
		expect(seventh.status).toBe(400);
		expect(seventh.json.error).toMatchObject({
			code: 'capability_violation',
			param: 'extra.video_id',
		});
		expect(sim.tasks.get(tip).extensions).toBe(6);
	});

	test('delisted models are refused; other listed models take any fields', async () => {
		const sim = await start({ models: ['sora-2', 'veo3.1-fast'], delistedModels: ['sora-2'] });
		const delisted = await submit(sim, { model: 'sora-2', prompt: 'x' });
		expect(delisted.status).toBe(400);
		expect(delisted.json.error.code).toBe('model_not_available');
		expect(delisted.json.error.message).toMatch(/^Model sora-2 has been delisted upstream/);
		const veo = await submit(sim, {
			model: 'veo3.1-fast',
			resolution: '4K',
			duration: 7,
			negative_prompt: 'blur',
			extra: { anything: 1 },
		});
		expect(veo.status).toBe(200);
		expect(veo.json.model).toBe('veo3.1-fast');
		expect((await submit(sim, { model: 'sora-2-pro', prompt: 'x' })).json.error.code).toBe(
			'model_not_found',
		);
	});

	test('a body that is not JSON answers 400', async () => {
		const sim = await start();
		const r = await submit(sim, undefined, { rawBody: '{"model":' });
		expect(r.status).toBe(400);
		expect(r.json.error.code).toBe('invalid_request');
	});
});

describe('idempotency', () => {
	test('a repeated Idempotency-Key returns the original task without a new one', async () => {
		const sim = await start();
		const body = { model: 'sora-2', prompt: 'x' };
		const first = await submit(sim, body, { headers: { 'idempotency-key': 'order-42' } });
		await sleep(80); // the task moves on; the replay is still the original submit answer
		const again = await submit(sim, body, { headers: { 'idempotency-key': 'order-42' } });
		expect(again.status).toBe(200);
		expect(again.json).toEqual(first.json);
		const other = await submit(sim, body, { headers: { 'idempotency-key': 'order-43' } });
		const noKey1 = await submit(sim, body);
		const noKey2 = await submit(sim, body);
		expect(
			new Set([first.json.task_id, other.json.task_id, noKey1.json.task_id, noKey2.json.task_id])
				.size,
		).toBe(4);
		expect(sim.counters).toMatchObject({ submits: 5, tasksCreated: 4, idempotentReplays: 1 });
	});
});

describe('cancel', () => {
	test('a queued task can be cancelled', async () => {
		const sim = await start({ queuedMs: 5000 });
		const id = (await submit(sim, { model: 'sora-2', prompt: 'x' })).json.task_id;
		const c = await call(sim, 'POST', `/v1/tasks/${id}/cancel`);
		expect(c.status).toBe(200);
		expect(c.json).toMatchObject({ task_id: id, status: 'cancelled', cost: 0 });
		const after = (await getTask(sim, id)).json;
		expect(after.status).toBe('cancelled');
		expect(after.result).toBeUndefined();
		expect(typeof after.completed_at).toBe('number');
		expect(sim.counters.cancels).toBe(1);
	});

	test('a processing or finished task is not cancellable; unknown is 404', async () => {
		const sim = await start({ queuedMs: 0, renderMs: 5000 });
		const id = (await submit(sim, { model: 'sora-2', prompt: 'x' })).json.task_id;
		await sleep(20);
		const c = await call(sim, 'POST', `/v1/tasks/${id}/cancel`);
		expect(c.status).toBe(400);
		expect(c.json.error).toMatchObject({
			code: 'task_not_cancellable',
			message: `Task ${id} is processing and can no longer be cancelled`,
		});
		sim.completeNow(id);
		expect((await call(sim, 'POST', `/v1/tasks/${id}/cancel`)).json.error.code).toBe(
			'task_not_cancellable',
		);
		const unknown = await call(sim, 'POST', '/v1/tasks/task_zzz/cancel');
		expect(unknown.status).toBe(404);
		expect(unknown.json.error.code).toBe('task_not_found');
		expect(sim.counters.cancels).toBe(3);
	});
});

describe('models', () => {
	test('the list comes in each configured shape', async () => {
		const sim = await start();
		const seed = await call(sim, 'GET', '/v1/models');
		expect(seed.json.data).toEqual([
			{ id: 'sora-2', object: 'model', owned_by: 'qingbo' },
			{ id: 'sora-2-pro', object: 'model', owned_by: 'qingbo' },
		]);
		sim.configure({ modelsShape: 'array', models: ['veo3.1-fast'] });
		expect((await call(sim, 'GET', '/v1/models')).json).toEqual([
			{ id: 'veo3.1-fast', object: 'model', owned_by: 'qingbo' },
		]);
		sim.configure({ flavour: 'latest', models: ['sora-2', 'kling-v3'] });
		expect((await call(sim, 'GET', '/v1/models')).json.models.map((m) => m.id)).toEqual([
			'sora-2',
			'kling-v3',
		]);
		expect(sim.counters.modelsReads).toBe(3);
	});
});

describe('result downloads', () => {
	test('a completed result streams as MP4 without auth', async () => {
		const sim = await start({ queuedMs: 0, renderMs: 0, resultBytes: 100000 });
		const id = (await submit(sim, { model: 'sora-2', prompt: 'x' })).json.task_id;
		const url = (await getTask(sim, id)).json.result.videos[0].url[0];
		const res = await request(url); // no Authorization header
		expect(res.statusCode).toBe(200);
		expect(res.headers['content-type']).toBe('video/mp4');
		expect(res.headers['content-length']).toBe('100000');
		const bytes = Buffer.from(await res.body.arrayBuffer());
		expect(bytes.length).toBe(100000);
		expect(bytes.subarray(0, 8).toString('hex')).toBe('0000001866747970'); // size 24, "ftyp"
		expect(bytes.subarray(8, 12).toString('latin1')).toBe('mp42');
		expect(bytes.subarray(28, 32).toString('latin1')).toBe('mdat');
		expect(bytes.readUInt32BE(24)).toBe(100000 - 24);
		expect(sim.counters.downloads).toBe(1);
		expect(sim.counters.downloadBytes).toBe(100000);
		expect(sim.counters.authFailures).toBe(0);
	});

	test('unfinished, unknown and expired results answer 404', async () => {
		const sim = await start({ queuedMs: 5000, resultTtlMs: 100 });
		const queued = (await submit(sim, { model: 'sora-2', prompt: 'x' })).json.task_id;
		expect((await call(sim, 'GET', `/files/${queued}.mp4`, { key: null })).status).toBe(404);
		expect((await call(sim, 'GET', '/files/task_nope.mp4', { key: null })).json.error.code).toBe(
			'file_not_found',
		);

		sim.completeNow(queued);
		expect((await call(sim, 'GET', `/files/${queued}.mp4`, { key: null })).status).toBe(200);
		await sleep(120); // past resultTtlMs
		const expired = await call(sim, 'GET', `/files/${queued}.mp4`, { key: null });
		expect(expired.status).toBe(404);
		expect(expired.json.error.code).toBe('link_expired');

		sim.configure({ resultTtlMs: 86400000 });
		expect((await call(sim, 'GET', `/files/${queued}.mp4`, { key: null })).status).toBe(200);
		sim.configure({ expireResults: true });
		expect((await call(sim, 'GET', `/files/${queued}.mp4`, { key: null })).json.error.code).toBe(
			'link_expired',
		);
	});

	test('a 256 MB result streams without holding the file in memory', async () => {
		const sim = await start({ queuedMs: 0, renderMs: 0, resultBytes: 64 * 1024 * 1024 });
		const id = (await submit(sim, { model: 'sora-2', prompt: 'x' })).json.task_id;
		/** Download the result, returning bytes seen and the peak RSS growth during the download. */
		async function download() {
			const rssBefore = process.memoryUsage().rss;
			let peak = rssBefore;
			let received = 0;
			const res = await request(`${sim.url}/files/${id}.mp4`);
			expect(res.headers['content-length']).toBe(String(sim.options.resultBytes));
			for await (const chunk of res.body) {
				received += chunk.length;
				peak = Math.max(peak, process.memoryUsage().rss);
			}
			return { received, growth: peak - rssBefore };
		}
		// The first large transfer in a process grows the heap and socket buffers once (measured at
		// 60-80 MB whatever the size); after that, growth stays flat because chunks are garbage.
		expect((await download()).received).toBe(64 * 1024 * 1024);

		const size = 256 * 1024 * 1024;
		sim.configure({ resultBytes: size });
		const { received, growth } = await download();
		expect(received).toBe(size);
		expect(sim.counters.downloadBytes).toBe(64 * 1024 * 1024 + size);
		// Holding the file on either side would add 256 MB; streaming stays far below.
		expect(growth).toBeLessThan(size / 4);
	});
});

describe('redirects and download faults', () => {
	test('redirects answers the chosen routes with a redirect to the same path elsewhere, before any key check', async () => {
		const sim = await start({ queuedMs: 0, renderMs: 10 });
		const id = (await submit(sim, { model: 'sora-2', prompt: 'x' })).json.task_id;
		sim.configure({ redirects: { status: 'http://127.0.0.1:9', files: 'http://127.0.0.1:10' } });
		const status = await fetch(`${sim.url}/v1/tasks/${id}?a=1`, { redirect: 'manual' });
		expect(status.status).toBe(302);
		expect(status.headers.get('location')).toBe(`http://127.0.0.1:9/v1/tasks/${id}?a=1`);
		const file = await fetch(`${sim.url}/files/${id}.mp4`, { redirect: 'manual' });
		expect(file.headers.get('location')).toBe(`http://127.0.0.1:10/files/${id}.mp4`);
		sim.configure({ redirects: { submit: 'http://127.0.0.1:9' } });
		const posted = await fetch(`${sim.url}/v1/tasks`, { method: 'POST', redirect: 'manual' });
		expect(posted.status).toBe(307);
		expect(sim.counters).toMatchObject({ redirects: 3, tasksCreated: 1 });
		expect(() => sim.configure({ redirects: { cancel: 'http://x' } })).toThrow(/only submit/);
	});

	test('downloadFailCount answers that many downloads 500, then serves the file', async () => {
		const sim = await start({ queuedMs: 0, renderMs: 10, faults: { downloadFailCount: 1 } });
		const id = (await submit(sim, { model: 'sora-2', prompt: 'x' })).json.task_id;
		await sleep(50);
		expect((await fetch(`${sim.url}/files/${id}.mp4`)).status).toBe(500);
		const ok = await fetch(`${sim.url}/files/${id}.mp4`);
		expect(ok.status).toBe(200);
		await ok.arrayBuffer();
	});

	test('downloadFailDelayMs makes a failing download answer its 500 that late', async () => {
		const sim = await start({
			queuedMs: 0,
			renderMs: 10,
			faults: { downloadFailCount: 1, downloadFailDelayMs: 300 },
		});
		const id = (await submit(sim, { model: 'sora-2', prompt: 'x' })).json.task_id;
		await sleep(50);
		const started = Date.now();
		expect((await fetch(`${sim.url}/files/${id}.mp4`)).status).toBe(500);
		expect(Date.now() - started).toBeGreaterThanOrEqual(250);
		const ok = await fetch(`${sim.url}/files/${id}.mp4`);
		expect(ok.status).toBe(200);
		await ok.arrayBuffer();
	});
});

describe('callbacks', () => {
	test('the whole task is POSTed to callback_url with its query string kept', async () => {
		const sim = await start({ queuedMs: 10, renderMs: 30 });
		const recv = await startReceiver();
		const callbackUrl = `${recv.url}/webhook/abc-123?signature=s1g%2Bx&run=7`;
		const id = (await submit(sim, { model: 'sora-2', prompt: 'x', callback_url: callbackUrl })).json
			.task_id;
		await waitFor(() => sim.callbacks.length === 1, { what: 'one callback' });
		expect(recv.hits).toHaveLength(1);
		const hit = recv.hits[0];
		expect(hit.method).toBe('POST');
		expect(hit.url).toBe('/webhook/abc-123?signature=s1g%2Bx&run=7');
		expect(hit.headers['content-type']).toBe('application/json');
		expect(hit.body).toMatchObject({ task_id: id, status: 'completed', progress: 100 });
		expect(hit.body.result.videos[0].url).toEqual([`${sim.url}/files/${id}.mp4`]);
		expect(sim.callbacks[0]).toMatchObject({
			url: callbackUrl,
			status: 200,
			body: hit.body,
			at: expect.any(Number),
		});
		expect(sim.counters).toMatchObject({ callbacksSent: 1, callbacksFailed: 0 });
	});

	test('data and id shapes', async () => {
		const sim = await start({ queuedMs: 0, renderMs: 20, callbackShape: 'data' });
		const recv = await startReceiver();
		const a = (await submit(sim, { model: 'sora-2', prompt: 'x', callback_url: `${recv.url}/a` }))
			.json.task_id;
		await waitFor(() => recv.hits.length === 1);
		expect(recv.hits[0].body).toMatchObject({
			event: 'task.completed',
			data: { task_id: a, status: 'completed' },
		});

		sim.configure({ callbackShape: 'id' });
		const b = (
			await submit(sim, { model: 'sora-2', prompt: '[fail]', callback_url: `${recv.url}/b` })
		).json.task_id;
		await waitFor(() => recv.hits.length === 2);
		expect(recv.hits[1].body).toEqual({ task_id: b, status: 'failed' });
	});

	test('duplicates, a progress callback and a delay', async () => {
		const sim = await start({
			queuedMs: 20,
			renderMs: 100,
			callbackDuplicates: 3,
			callbackOnProgress: true,
			callbackDelayMs: 50,
		});
		const recv = await startReceiver();
		const t0 = Date.now();
		const id = (
			await submit(sim, { model: 'sora-2', prompt: 'x', callback_url: `${recv.url}/hook` })
		).json.task_id;
		await waitFor(() => recv.hits.length === 4, { what: '4 callbacks' });
		await sleep(50);
		expect(recv.hits.map((h) => h.body.status)).toEqual([
			'processing',
			'completed',
			'completed',
			'completed',
		]);
		expect(recv.hits.every((h) => h.body.task_id === id)).toBe(true);
		expect(recv.hits[0].at - t0).toBeGreaterThanOrEqual(20 + 50 - 5);
		expect(recv.hits[1].at - t0).toBeGreaterThanOrEqual(120 + 50 - 5);
		expect(sim.counters.callbacksSent).toBe(4);
	});

	test('a "[lost-callback]" task ends as usual but its callback is never sent', async () => {
		const sim = await start({ queuedMs: 0, renderMs: 20 });
		const recv = await startReceiver();
		const lost = (
			await submit(sim, {
				model: 'sora-2',
				prompt: '[lost-callback]',
				callback_url: `${recv.url}/a`,
			})
		).json.task_id;
		const sent = (
			await submit(sim, { model: 'sora-2', prompt: 'x', callback_url: `${recv.url}/b` })
		).json.task_id;
		await waitFor(() => recv.hits.length === 1, { what: 'one callback' });
		await sleep(100);
		expect(recv.hits.map((hit) => hit.body.task_id)).toEqual([sent]);
		expect((await getTask(sim, lost)).json.status).toBe('completed');
		expect(sim.counters).toMatchObject({ callbacksSent: 1, callbacksLost: 1 });
	});

	test('callbackDuplicatesAtOnce sends the copies at the same moment', async () => {
		const sim = await start({
			queuedMs: 0,
			renderMs: 20,
			callbackDuplicates: 3,
			callbackDuplicatesAtOnce: true,
		});
		// A receiver that answers only after 300 ms: copies sent one after another would land 300 ms apart.
		const arrivals = [];
		const server = http.createServer((req, res) => {
			arrivals.push(Date.now());
			req.resume();
			setTimeout(() => res.end('ok'), 300);
		});
		await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
		running.push(() => new Promise((resolve) => server.close(() => resolve())));
		await submit(sim, {
			model: 'sora-2',
			prompt: 'x',
			callback_url: `http://127.0.0.1:${server.address().port}/hook`,
		});
		await waitFor(() => sim.callbacks.length === 3, { what: '3 answered callbacks' });
		expect(arrivals).toHaveLength(3);
		expect(Math.max(...arrivals) - Math.min(...arrivals)).toBeLessThan(200);
	});

	test('cancel and completeNow fire callbacks', async () => {
		const sim = await start({ queuedMs: 5000 });
		const recv = await startReceiver();
		const a = (await submit(sim, { model: 'sora-2', prompt: 'x', callback_url: `${recv.url}/a` }))
			.json.task_id;
		const b = (await submit(sim, { model: 'sora-2', prompt: 'x', callback_url: `${recv.url}/b` }))
			.json.task_id;
		await call(sim, 'POST', `/v1/tasks/${a}/cancel`);
		sim.completeNow(b);
		await waitFor(() => recv.hits.length === 2);
		const byUrl = Object.fromEntries(recv.hits.map((h) => [h.url, h.body]));
		expect(byUrl['/a']).toMatchObject({ task_id: a, status: 'cancelled' });
		expect(byUrl['/b']).toMatchObject({ task_id: b, status: 'completed' });
		await sleep(50);
		expect(recv.hits).toHaveLength(2); // no second callback from the render timer
	});

	test('a receiver that is down or answers 500 is recorded, never thrown', async () => {
		const sim = await start({ queuedMs: 0, renderMs: 10 });
		const down = await startReceiver();
		await down.close();
		const failing = await startReceiver(500);
		await submit(sim, { model: 'sora-2', prompt: 'x', callback_url: `${down.url}/gone` });
		await submit(sim, { model: 'sora-2', prompt: 'x', callback_url: `${failing.url}/err` });
		await waitFor(() => sim.callbacks.length === 2, { what: 'two callback attempts' });
		const gone = sim.callbacks.find((c) => c.url.endsWith('/gone'));
		const err = sim.callbacks.find((c) => c.url.endsWith('/err'));
		expect(gone.status).toBeNull();
		expect(gone.error).toEqual(expect.any(String));
		expect(err.status).toBe(500);
		expect(sim.counters).toMatchObject({ callbacksSent: 2, callbacksFailed: 2 });
	});
});

describe('fault injection', () => {
	async function statusSequence(sim, id, n) {
		const out = [];
		for (let i = 0; i < n; i++) out.push((await getTask(sim, id)).status);
		return out;
	}

	test('statusError5xxRate fails a repeatable share of status reads', async () => {
		const sim = await start({ queuedMs: 5000, faults: { statusError5xxRate: 0.5 } });
		const id = (await submit(sim, { model: 'sora-2', prompt: 'x' })).json.task_id;
		const first = await statusSequence(sim, id, 40);
		const errors = first.filter((s) => s === 500).length;
		expect(errors).toBeGreaterThan(8);
		expect(errors).toBeLessThan(32);
		expect(first.filter((s) => s !== 500).every((s) => s === 200)).toBe(true);
		expect(sim.counters.errorsInjected).toBe(errors);
		const r500 = await waitFor(async () => {
			const r = await getTask(sim, id);
			return r.status === 500 ? r : null;
		});
		expect(r500.json.error.code).toBe('server_error');

		sim.reset(); // same seed again -> same sequence
		const id2 = (await submit(sim, { model: 'sora-2', prompt: 'x' })).json.task_id;
		expect(await statusSequence(sim, id2, 40)).toEqual(first);
		sim.configure({ seed: 7 });
		expect(await statusSequence(sim, id2, 40)).not.toEqual(first);
	});

	test('statusError429Rate with Retry-After, and the quota_window_exceeded variant', async () => {
		const sim = await start({ faults: { statusError429Rate: 1, retryAfterSeconds: 3 } });
		const id = (await submit(sim, { model: 'sora-2', prompt: 'x' })).json.task_id;
		const r = await getTask(sim, id);
		expect(r.status).toBe(429);
		expect(r.headers['retry-after']).toBe('3');
		expect(r.json.error.code).toBe('rate_limited');

		sim.configure({ faults: { statusError429Rate: 1, quotaReset: true } });
		const q = await getTask(sim, id);
		expect(q.status).toBe(429);
		expect(q.headers['retry-after']).toBeUndefined();
		const nowS = Date.now() / 1000;
		expect(q.json.error.code).toBe('quota_window_exceeded');
		expect(q.json.error.reset_at).toBeGreaterThan(nowS);
		expect(q.json.error.reset_at).toBeLessThanOrEqual(Math.ceil(nowS) + 2);

		sim.configure({ faults: {} });
		expect((await getTask(sim, id)).status).toBe(200);
		expect(sim.counters.statusReads).toBe(3);
		expect(sim.counters.errorsInjected).toBe(2);
	});

	test('submit429Count refuses the next n submits before creating anything', async () => {
		const sim = await start({ faults: { submit429Count: 2 } });
		const body = { model: 'sora-2', prompt: 'x' };
		expect((await submit(sim, body)).status).toBe(429);
		expect((await submit(sim, body)).json.error.code).toBe('rate_limited');
		expect(sim.counters.tasksCreated).toBe(0);
		expect((await submit(sim, body)).status).toBe(200);
		expect(sim.counters).toMatchObject({ submits: 3, tasksCreated: 1, errorsInjected: 2 });
		expect(sim.options.faults.submit429Count).toBe(0);
	});

	test('submitCreateThen502Count creates the task, hides it, and the idempotent retry finds it', async () => {
		const sim = await start({ faults: { submitCreateThen502Count: 1 } });
		const body = { model: 'sora-2', prompt: 'x' };
		const lost = await submit(sim, body, { headers: { 'idempotency-key': 'k-1' } });
		expect(lost.status).toBe(502);
		expect(lost.text).not.toMatch(/task_/);
		expect(sim.counters.tasksCreated).toBe(1);
		const [createdId] = [...sim.tasks.keys()];
		const retry = await submit(sim, body, { headers: { 'idempotency-key': 'k-1' } });
		expect(retry.status).toBe(200);
		expect(retry.json.task_id).toBe(createdId);
		expect(sim.counters).toMatchObject({
			tasksCreated: 1,
			idempotentReplays: 1,
			errorsInjected: 1,
		});
		// Without the key a retry makes a second (double-billed) task.
		expect((await submit(sim, body)).json.task_id).not.toBe(createdId);
	});

	test('slowMs delays every API answer', async () => {
		const sim = await start({ faults: { slowMs: 150 } });
		const r = await call(sim, 'GET', '/v1/models');
		expect(r.status).toBe(200);
		expect(r.ms).toBeGreaterThanOrEqual(140);
		sim.configure({ faults: {} });
		expect((await call(sim, 'GET', '/v1/models')).ms).toBeLessThan(140);
	});

	test('failNext answers the next calls with the given status, then recovers', async () => {
		const sim = await start({ faults: { failNext: { status: 402, count: 2 } } });
		const a = await submit(sim, { model: 'sora-2', prompt: 'x' });
		const b = await call(sim, 'GET', '/v1/models');
		expect([a.status, b.status]).toEqual([402, 402]);
		expect(a.json.error.code).toBe('insufficient_balance');
		const c = await submit(sim, { model: 'sora-2', prompt: 'x' });
		expect(c.status).toBe(200);

		sim.configure({
			faults: {
				failNext: { status: 503, count: 1, code: 'upstream_unavailable', message: 'try later' },
			},
		});
		const d = await getTask(sim, c.json.task_id);
		expect(d.status).toBe(503);
		expect(d.json.error).toEqual({ code: 'upstream_unavailable', message: 'try later' });

		sim.configure({ faults: { failNext: { status: 401, count: 1 } } });
		expect((await getTask(sim, c.json.task_id)).json.error.code).toBe('invalid_api_key');
		expect((await getTask(sim, c.json.task_id)).status).toBe(200);
		expect(sim.counters.errorsInjected).toBe(4);
		expect(sim.counters.tasksCreated).toBe(1);
	});
});

describe('control endpoints and reset', () => {
	test('counters, config, tasks, callbacks and reset over HTTP', async () => {
		const sim = await start({ queuedMs: 0, renderMs: 10 });
		const recv = await startReceiver();
		const id = (await submit(sim, { model: 'sora-2', prompt: 'x', callback_url: `${recv.url}/cb` }))
			.json.task_id;
		await waitFor(() => sim.callbacks.length === 1);

		const counters = await call(sim, 'GET', '/__sim/counters', { key: null });
		expect(counters.json).toEqual(JSON.parse(JSON.stringify(sim.counters)));
		expect(counters.json.tasksCreated).toBe(1);
		const tasks = await call(sim, 'GET', '/__sim/tasks', { key: null });
		expect(tasks.json).toEqual([expect.objectContaining({ task_id: id, status: 'completed' })]);
		const callbacks = await call(sim, 'GET', '/__sim/callbacks', { key: null });
		expect(callbacks.json).toEqual([
			expect.objectContaining({ url: `${recv.url}/cb`, status: 200 }),
		]);

		const cfg = await call(sim, 'POST', '/__sim/config', {
			key: null,
			body: { modelsShape: 'array', renderMs: 5000 },
		});
		expect(cfg.json).toMatchObject({ modelsShape: 'array', renderMs: 5000, apiKey: '(hidden)' });
		expect(Array.isArray((await call(sim, 'GET', '/v1/models')).json)).toBe(true);
		const bad = await call(sim, 'POST', '/__sim/config', { key: null, body: { nope: 1 } });
		expect(bad.status).toBe(400);

		const id2 = (await submit(sim, { model: 'sora-2', prompt: 'y' })).json.task_id;
		const forced = await call(sim, 'POST', `/__sim/tasks/${id2}/fail`, {
			key: null,
			body: { message: 'boom' },
		});
		expect(forced.json).toMatchObject({
			status: 'failed',
			error: { message: 'boom', code: 'task_failed' },
		});

		const liveCounters = sim.counters;
		expect((await call(sim, 'POST', '/__sim/reset', { key: null })).json).toEqual({ ok: true });
		expect(sim.tasks.size).toBe(0);
		expect(sim.callbacks).toHaveLength(0);
		expect(liveCounters).toBe(sim.counters); // same live object, zeroed
		expect(sim.counters).toMatchObject({ submits: 0, tasksCreated: 0, statusReadsByTask: {} });
		expect(sim.options.renderMs).toBe(5000); // options survive reset
		expect((await getTask(sim, id)).status).toBe(404);
	});

	test('the CLI prints its address and stops on SIGTERM', async () => {
		const child = spawn(
			process.execPath,
			[
				path.join(__dirname, '..', '..', '..', 'tools', 'sim', 'simulator.js'),
				'--port',
				'0',
				'--api-key',
				'sk-cli',
				'--render-ms',
				'50',
				'--flavour',
				'latest',
			],
			{ stdio: ['ignore', 'pipe', 'pipe'] },
		);
		const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
		running.push(async () => {
			if (child.exitCode === null) child.kill('SIGKILL');
		});
		let out = '';
		child.stdout.on('data', (d) => (out += d));
		const line = await waitFor(
			() => /QingBo simulator listening on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(out),
			{
				timeout: 5000,
				what: 'CLI banner',
			},
		);
		expect(out).toMatch(/^QingBo simulator listening on http:\/\/127\.0\.0\.1:\d+\n$/);
		const cli = { url: line[1], apiKey: 'sk-cli' };
		const s = await submit(cli, { model: 'sora-2', prompt: 'x' });
		expect(s.status).toBe(200);
		expect(s.json.progress).toBe(''); // latest flavour
		const counters = await call(cli, 'GET', '/__sim/counters', { key: null });
		expect(counters.json.tasksCreated).toBe(1);
		child.kill('SIGTERM');
		expect(await exited).toBe(0);
	});
});

describe('render time spread and progress shapes', () => {
	const { taskState } = require('../../../tools/sim/task-model');

	test('renderMsMax spreads render times uniformly, repeatably for the same seed', async () => {
		const sim = await start({ renderMs: 1000, renderMsMax: 3000 });
		const draw = async () => {
			const times = [];
			for (let i = 0; i < 40; i++) {
				const s = await submit(sim, { model: 'sora-2', prompt: `shot ${i}` });
				times.push(sim.tasks.get(s.json.task_id).renderMs);
			}
			return times;
		};
		const first = await draw();
		expect(Math.min(...first)).toBeGreaterThanOrEqual(1000);
		expect(Math.max(...first)).toBeLessThanOrEqual(3000);
		// 40 uniform draws: both ends of the range are reached, not one value for all.
		expect(first.filter((ms) => ms < 1500).length).toBeGreaterThan(3);
		expect(first.filter((ms) => ms > 2500).length).toBeGreaterThan(3);
		sim.reset();
		expect(await draw()).toEqual(first);
		sim.configure({ renderMsMax: 0 });
		const s = await submit(sim, { model: 'sora-2', prompt: 'fixed' });
		expect(sim.tasks.get(s.json.task_id).renderMs).toBe(1000);
	});

	test('progress is linear, coarse (0/50/100) or absent until done', async () => {
		const sim = await start({ queuedMs: 0, renderMs: 10_000 });
		const progressAt = (task, fractions) =>
			fractions.map((f) => taskState(task, task.createdAt + f * task.renderMs).progress);
		const fractions = [0.1, 0.49, 0.5, 0.9, 1];
		const shapes = {};
		for (const shape of ['linear', 'coarse', 'none']) {
			sim.configure({ progressShape: shape });
			const s = await submit(sim, { model: 'sora-2', prompt: shape });
			shapes[shape] = progressAt(sim.tasks.get(s.json.task_id), fractions);
		}
		expect(shapes).toEqual({
			linear: [10, 49, 50, 90, 100],
			coarse: [0, 0, 50, 50, 100],
			none: [0, 0, 0, 0, 100],
		});
		expect(() => sim.configure({ progressShape: 'smooth' })).toThrow(
			/progressShape must be one of/,
		);
	});

	test('nextPollAfterSeconds puts a poll hint on unfinished status answers only', async () => {
		const sim = await start({ queuedMs: 0, renderMs: 200, nextPollAfterSeconds: 7 });
		const s = await submit(sim, { model: 'sora-2', prompt: 'hinted' });
		expect((await getTask(sim, s.json.task_id)).json.next_poll_after_seconds).toBe(7);
		const done = await waitForStatus(sim, s.json.task_id, 'completed');
		expect(done.next_poll_after_seconds).toBeUndefined();
	});
});

describe('fetchMedia: media fetched like QingBo does', () => {
	/** A file server: path -> [contentType, bytes]; records whether a key was sent. */
	async function fileServer(files) {
		const seen = [];
		const server = http.createServer((req, res) => {
			seen.push({ path: req.url, authorization: req.headers.authorization });
			const file = files[req.url];
			if (!file) return res.writeHead(404).end();
			res.writeHead(200, { 'content-type': file[0] }).end(file[1]);
		});
		await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
		running.push(() => new Promise((resolve) => server.close(resolve)));
		return { url: `http://127.0.0.1:${server.address().port}`, seen };
	}

	test('fetches every media URL without the key, then renders', async () => {
		const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
		const files = await fileServer({ '/a.png': ['image/png', png], '/b.png': ['image/png', png] });
		const sim = await start({ fetchMedia: true });
		const res = await call(sim, 'POST', '/v1/tasks', {
			body: {
				model: 'sora-2',
				prompt: 'x',
				image_urls: [`${files.url}/a.png`, `${files.url}/b.png`],
			},
		});
		const id = res.json.task_id;
		await waitFor(
			async () => (await call(sim, 'GET', `/v1/tasks/${id}`)).json.status === 'completed',
			{ what: 'completed' },
		);
		expect(sim.mediaFetches.map((f) => [f.field, f.bytes, f.error])).toEqual([
			['image_urls', png.length, undefined],
			['image_urls', png.length, undefined],
		]);
		expect(sim.mediaFetches[0].sha256).toBe(
			require('node:crypto').createHash('sha256').update(png).digest('hex'),
		);
		expect(files.seen.map((s) => s.authorization)).toEqual([undefined, undefined]);
	});

	test('fails the task upstream when a file is missing or of another kind', async () => {
		const files = await fileServer({ '/note.txt': ['text/plain', Buffer.from('words')] });
		const sim = await start({ fetchMedia: true });
		const ids = [];
		for (const url of [`${files.url}/gone.png`, `${files.url}/note.txt`]) {
			const res = await call(sim, 'POST', '/v1/tasks', {
				body: { model: 'sora-2', prompt: 'x', first_frame_image: url },
			});
			ids.push(res.json.task_id);
		}
		const ended = await waitFor(
			async () => {
				const all = await Promise.all(
					ids.map(async (id) => (await call(sim, 'GET', `/v1/tasks/${id}`)).json),
				);
				return all.every((t) => t.status === 'failed') && all;
			},
			{ what: 'failed' },
		);
		expect(ended.map((t) => t.error.message)).toEqual([
			'Could not use first_frame_image: HTTP 404',
			'Could not use first_frame_image: not an image: text/plain',
		]);
	});
});
