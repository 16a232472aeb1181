'use strict';
/**
 * Tests for the simulator's model of today's API (from 2026-09-24): flavour `today`, the per-model
 * rules of models.js, follow-ups, money (pre_consumed_cost, cost, billing_status, balance, 402) and
 * the catalogue form of GET /v1/models.
 */
const { request } = require('undici');
const { startSimulator } = require('../../../tools/sim/simulator');
const { TODAY_MODELS, MODEL_RULES } = require('../../../tools/sim/models');

const running = [];
afterEach(async () => {
	while (running.length) await running.pop()();
});

async function start(options = {}) {
	const sim = await startSimulator({ flavour: 'today', renderMs: 50, queuedMs: 10, ...options });
	running.push(() => sim.close());
	return sim;
}

async function call(sim, method, urlPath, { body, key = sim.apiKey } = {}) {
	const headers = {};
	if (key) headers.authorization = `Bearer ${key}`;
	if (body !== undefined) headers['content-type'] = 'application/json';
	const res = await request(sim.url + urlPath, {
		method,
		headers,
		body: body !== undefined ? JSON.stringify(body) : undefined,
	});
	const text = await res.body.text();
	let json;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	return { status: res.statusCode, json };
}

const submit = (sim, body) => call(sim, 'POST', '/v1/tasks', { body });
const getTask = (sim, id) => call(sim, 'GET', `/v1/tasks/${id}`);
const balance = (sim, opts) => call(sim, 'GET', '/v1/dashboard/billing/balance', opts);

const IMG = 'https://cdn.example.com/frame.png';
const VID = 'https://cdn.example.com/source.mp4';

/** Submit, expect success, force completion; the task id. */
async function completed(sim, body) {
	const r = await submit(sim, body);
	expect(r.status).toBe(200);
	sim.completeNow(r.json.task_id);
	return r.json.task_id;
}

/** Expect a 400 with this code and param, and that nothing was created or reserved. */
async function expectRefused(sim, body, code, param) {
	const before = { tasks: sim.counters.tasksCreated, quota: sim.counters.reservedQuota };
	const r = await submit(sim, body);
	expect(r.status).toBe(400);
	expect(r.json.error).toMatchObject({ code, ...(param ? { param } : {}) });
	expect(typeof r.json.error.message).toBe('string');
	expect(sim.counters.tasksCreated).toBe(before.tasks);
	expect(sim.counters.reservedQuota).toBe(before.quota);
	return r.json.error;
}

describe('flavour today', () => {
	test('presets the knobs, today’s models and Sora delisted; the seed flavour restores them', async () => {
		const sim = await start();
		expect(sim.options).toMatchObject({
			progressFormat: 'percent',
			timestampUnit: 's',
			urlFormat: 'array',
			rejectExtra: true,
			modelsShape: 'data',
			preConsumedCost: true,
			modelRules: true,
			modelsFormat: 'catalog',
			delistedModels: ['sora-2', 'sora-2-pro'],
			resultTtlMs: 7 * 86400000,
		});
		expect(sim.options.models).toEqual(TODAY_MODELS);
		expect(TODAY_MODELS).toHaveLength(51);
		expect(TODAY_MODELS).not.toContain('sora-2');

		sim.configure({ flavour: 'seed' });
		expect(sim.options.models).toEqual(['sora-2', 'sora-2-pro']);
		expect(sim.options.delistedModels).toEqual([]);
		expect(sim.options.modelRules).toBe(false);

		sim.configure({ flavour: 'today', models: ['kling-v3'] });
		expect(sim.options.models).toEqual(['kling-v3']);
		expect(sim.options.delistedModels).toEqual(['sora-2', 'sora-2-pro']);
		sim.configure({ flavour: 'latest' }); // an explicitly set list survives a later flavour change
		expect(sim.options.models).toEqual(['kling-v3']);
		expect(sim.options.delistedModels).toEqual([]);
	});

	test('sora-2 and sora-2-pro answer 400 model_not_available, unbilled', async () => {
		const sim = await start();
		for (const model of ['sora-2', 'sora-2-pro']) {
			const error = await expectRefused(sim, { model, prompt: 'x' }, 'model_not_available');
			expect(error.message).toMatch(/delisted on 2026-09-24/);
		}
		expect(sim.counters.submits).toBe(2);
	});

	test('submit and status answers: integer progress 0 at submit, strings later, seconds, url arrays, 7-day links', async () => {
		const sim = await start({ queuedMs: 10000 });
		const s = await submit(sim, { model: 'veo3.1-fast', prompt: 'a fox', duration: 4 });
		expect(s.status).toBe(200);
		expect(s.json).toMatchObject({ model: 'veo3.1-fast', action: 'generate', status: 'queued' });
		expect(s.json.progress).toBe(0);
		expect(s.json.created_at).toBeLessThan(1e12);
		const id = s.json.task_id;
		expect((await getTask(sim, id)).json.progress).toBe('');
		const done = sim.completeNow(id);
		const read = (await getTask(sim, id)).json;
		expect(read.progress).toBe('100%');
		expect(read.result.videos[0]).toEqual({
			url: [`${sim.url}/files/${id}.mp4`],
			expires_at: done.completed_at + 7 * 86400,
		});
	});
});

describe('model rules', () => {
	test('a good request per family is accepted', async () => {
		const sim = await start();
		const good = [
			{ model: 'veo3.1-fast', prompt: 'p', duration: 8, resolution: '1080p', generate_audio: true },
			{
				model: 'veo3.1-fast-rev',
				prompt: 'p',
				duration: 8,
				image_urls: [IMG],
				generation_type: 'reference',
			},
			{ model: 'kling-v3', prompt: 'p', duration: 12, resolution: '4k', aspect_ratio: '1:1' },
			{
				model: 'kling-v2-6',
				prompt: 'p',
				duration: 10,
				image_urls: [IMG, IMG],
				resolution: '1080p',
			},
			{
				model: 'seedance-2.0',
				prompt: 'p',
				duration: 10,
				first_frame_image: 'asset://img-42',
				aspect_ratio: 'adaptive',
			},
			{ model: 'wan2.7', prompt: 'p', duration: 15, resolution: '1080p', aspect_ratio: '4:3' },
			{ model: 'pixverse-v6', prompt: 'p', duration: 5, resolution: '720p', seed: 7 },
			{ model: 'minimax-hailuo-2.3', prompt: 'p', duration: 6, resolution: '1080p' },
			{ model: 'minimax-h3', prompt: 'p', duration: 10, resolution: '768p', image_urls: [IMG] },
			{ model: 'vidu-q3', prompt: 'p', duration: 8, image_urls: [IMG] },
			{ model: 'skyreels-v4-fast', prompt: 'continue @video_1', duration: 5, video_urls: [VID] },
			{ model: 'flux-3-video-draft', prompt: 'p', duration: 10, image_urls: [IMG] },
			{
				model: 'grok-imagine-video-1.5',
				prompt: 'p',
				duration: 6,
				image_urls: [IMG, IMG],
				aspect_ratio: '16:9',
			},
			{ model: 'happyhorse-1.1', prompt: 'p', duration: 5, first_frame_image: IMG },
			{ model: 'omni-flash-ext', prompt: 'p', image_urls: [IMG], generation_type: 'frame' },
			{ model: 'gemini-omni-1.1-flash', prompt: 'p', duration: 0, resolution: '4k' },
		];
		for (const body of good) {
			const r = await submit(sim, { ...body, callback_events: ['completed'] });
			expect([body.model, r.status, r.json.error]).toEqual([body.model, 200, undefined]);
			expect(Number.isInteger(r.json.pre_consumed_cost)).toBe(true);
			expect(r.json.pre_consumed_cost).toBeGreaterThan(0);
		}
		expect(sim.counters.tasksCreated).toBe(good.length);
		const families = new Set(good.map((b) => MODEL_RULES[b.model].family));
		expect(families.size).toBe(13);
	});

	test('an undeclared field answers 400 capability_violation with param; no task, no reservation', async () => {
		const sim = await start();
		await expectRefused(
			sim,
			{ model: 'veo3.1-fast', prompt: 'p', duration: 8, image_urls: [IMG] },
			'capability_violation',
			'image_urls',
		);
		await expectRefused(
			sim,
			{ model: 'veo3.1-lite', prompt: 'p', duration: 8, negative_prompt: 'blur' },
			'capability_violation',
			'negative_prompt',
		);
		await expectRefused(
			sim,
			{ model: 'kling-v3', prompt: 'p', duration: 5, seed: 1 },
			'capability_violation',
			'seed',
		);
		await expectRefused(
			sim,
			{ model: 'kling-v3', prompt: 'p', duration: 5, extra: { seed: 1 } },
			'capability_violation',
			'extra',
		);
		await expectRefused(
			sim,
			{
				model: 'minimax-h3-regeneration',
				action: 'regenerate',
				prompt: 'p',
				ref_task_id: 'task_x',
			},
			'capability_violation',
			'prompt',
		);
		await expectRefused(
			sim,
			{ model: 'wan2.7-videoedit', video_urls: [VID] }, // action defaults to generate
			'capability_violation',
			'action',
		);
		expect(sim.counters.tasksCreated).toBe(0);
		expect(sim.counters.reservedQuota).toBe(0);
	});

	test('Hailuo takes no aspect_ratio; its 1080p runs 6 s (2.3) or 5 s (02) only', async () => {
		const sim = await start();
		await expectRefused(
			sim,
			{ model: 'minimax-hailuo-2.3', prompt: 'p', aspect_ratio: '16:9' },
			'capability_violation',
			'aspect_ratio',
		);
		await expectRefused(
			sim,
			{ model: 'minimax-hailuo-2.3', prompt: 'p', resolution: '1080p', duration: 10 },
			'invalid_request',
			'duration',
		);
		await expectRefused(
			sim,
			{ model: 'minimax-hailuo-02', prompt: 'p', resolution: '1080p', duration: 10 },
			'invalid_request',
			'duration',
		);
		await expectRefused(
			sim,
			{ model: 'minimax-hailuo-2.3-fast', prompt: 'p' },
			'invalid_request',
			'first_frame_image',
		);
		// 1080p with the default duration (6 s) is fine.
		expect(
			(await submit(sim, { model: 'minimax-hailuo-2.3', prompt: 'p', resolution: '1080p' })).status,
		).toBe(200);
	});

	test('value rules: strict JSON types, allowed values, required fields, cross-field rules', async () => {
		const sim = await start();
		const veo = { model: 'veo3.1-fast', prompt: 'p' };
		await expectRefused(sim, { ...veo, duration: '8' }, 'invalid_request', 'duration');
		await expectRefused(
			sim,
			{ ...veo, duration: 8, generate_audio: 'true' },
			'invalid_request',
			'generate_audio',
		);
		await expectRefused(sim, veo, 'invalid_request', 'duration'); // required for generate
		await expectRefused(sim, { ...veo, duration: 5 }, 'invalid_request', 'duration');
		await expectRefused(
			sim,
			{ ...veo, duration: 6, resolution: '1080p' },
			'invalid_request',
			'resolution',
		);
		await expectRefused(
			sim,
			{ ...veo, duration: 6, resolution: '4k' },
			'invalid_request',
			'resolution',
		);
		await expectRefused(
			sim,
			{ ...veo, duration: 8, resolution: '4K' },
			'invalid_request',
			'resolution',
		);
		await expectRefused(
			sim,
			{ ...veo, duration: 8, aspect_ratio: '1:1' },
			'invalid_request',
			'aspect_ratio',
		);
		await expectRefused(
			sim,
			{ ...veo, duration: 8, last_frame_image: IMG },
			'invalid_request',
			'last_frame_image',
		);
		await expectRefused(sim, { model: 'veo3.1-fast', duration: 8 }, 'invalid_request', 'prompt');
		await expectRefused(sim, { ...veo, prompt: '  ', duration: 8 }, 'invalid_request', 'prompt');
		await expectRefused(
			sim,
			{ model: 'veo3.1-fast-rev', prompt: 'p', duration: 8, image_urls: [IMG] },
			'invalid_request',
			'generation_type',
		);
		await expectRefused(
			sim,
			{
				model: 'veo3.1-quality-rev',
				prompt: 'p',
				duration: 8,
				image_urls: [IMG],
				generation_type: 'reference',
			},
			'invalid_request',
			'generation_type',
		);
		await expectRefused(
			sim,
			{ model: 'veo3.1-lite', prompt: 'p', duration: 8, enable_gif: true, resolution: '1080p' },
			'invalid_request',
			'enable_gif',
		);
		// Kling duration sets.
		await expectRefused(
			sim,
			{ model: 'kling-v2-6', prompt: 'p', duration: 7 },
			'invalid_request',
			'duration',
		);
		await expectRefused(
			sim,
			{ model: 'kling-v3', prompt: 'p', duration: 16 },
			'invalid_request',
			'duration',
		);
		await expectRefused(
			sim,
			{ model: 'kling-v2-6', prompt: 'p', duration: 5, resolution: '4k' },
			'invalid_request',
			'resolution',
		);
		// Media must be public http(s) URLs; asset:// only on Seedance 2.x.
		await expectRefused(
			sim,
			{ model: 'kling-v3', prompt: 'p', duration: 5, image_urls: ['file:///tmp/a.png'] },
			'invalid_request',
			'image_urls',
		);
		await expectRefused(
			sim,
			{ model: 'seedance-1.5-pro', prompt: 'p', duration: 5, first_frame_image: 'asset://a1' },
			'invalid_request',
			'first_frame_image',
		);
		await expectRefused(
			sim,
			{ model: 'kling-v3', prompt: 'p', duration: 5, callback_url: 'ftp://x' },
			'invalid_request',
			'callback_url',
		);
		expect(
			(
				await submit(sim, {
					...veo,
					duration: 8,
					resolution: '4k',
					callback_url: 'https://hook.example/x?signature=1',
				})
			).status,
		).toBe(200);
		expect(sim.counters.tasksCreated).toBe(1);
	});

	test('a listed model outside the table is still data: any fields', async () => {
		const sim = await start({ models: ['kling-v9-future'] });
		const r = await submit(sim, { model: 'kling-v9-future', prompt: 'p', anything: 1 });
		expect(r.status).toBe(200);
		expect(r.json.pre_consumed_cost).toBe(Math.round(0.05 * 8 * 500000));
	});
});

describe('follow-ups', () => {
	test('Veo -rev extend needs a completed generate of the same model', async () => {
		const sim = await start({ queuedMs: 10000 });
		const base = { model: 'veo3.1-fast-rev', prompt: 'a ship', duration: 8 };
		const done = await completed(sim, base);
		const ok = await submit(sim, {
			model: 'veo3.1-fast-rev',
			action: 'extend',
			prompt: 'it sails on',
			ref_task_id: done,
			raw: true,
		});
		expect(ok.status).toBe(200);
		expect(ok.json.action).toBe('extend');
		expect(sim.tasks.get(ok.json.task_id).params.sourceTaskId).toBe(done);
		// Extend has no duration: the upstream decides the length.
		await expectRefused(
			sim,
			{ model: 'veo3.1-fast-rev', action: 'extend', prompt: 'x', ref_task_id: done, duration: 8 },
			'capability_violation',
			'duration',
		);
		const queued = (await submit(sim, base)).json.task_id;
		const refused = await expectRefused(
			sim,
			{ model: 'veo3.1-fast-rev', action: 'extend', prompt: 'x', ref_task_id: queued },
			'invalid_ref_task',
			'ref_task_id',
		);
		expect(refused.message).toMatch(/queued/);
		const other = await completed(sim, { model: 'veo3.1-quality-rev', prompt: 'p', duration: 8 });
		await expectRefused(
			sim,
			{ model: 'veo3.1-fast-rev', action: 'extend', prompt: 'x', ref_task_id: other },
			'invalid_ref_task',
			'ref_task_id',
		);
		// An extend is not a generate: it cannot be extended again.
		sim.completeNow(ok.json.task_id);
		await expectRefused(
			sim,
			{ model: 'veo3.1-fast-rev', action: 'extend', prompt: 'x', ref_task_id: ok.json.task_id },
			'invalid_ref_task',
			'ref_task_id',
		);
		await expectRefused(
			sim,
			{ model: 'veo3.1-fast-rev', action: 'extend', prompt: 'x', ref_task_id: 'task_unknown' },
			'invalid_ref_task',
			'ref_task_id',
		);
		await expectRefused(
			sim,
			{
				model: 'veo3.1-fast-rev',
				action: 'extend',
				prompt: 'x',
				ref_task_id: done,
				resolution: '4k',
			},
			'invalid_request',
			'resolution',
		);
		await expectRefused(
			sim,
			{ model: 'veo3.1-fast-rev', action: 'extend', prompt: 'x' },
			'invalid_request',
			'ref_task_id',
		);
		await expectRefused(
			sim,
			{ model: 'veo3.1-fast', action: 'extend', prompt: 'x', ref_task_id: done },
			'capability_violation',
			'action',
		);
	});

	test('a task of another key cannot be followed up', async () => {
		const sim = await start();
		const done = await completed(sim, { model: 'veo3.1-fast-rev', prompt: 'p', duration: 8 });
		sim.configure({ apiKey: 'sk-other-key' });
		await expectRefused(
			sim,
			{ model: 'veo3.1-fast-rev', action: 'extend', prompt: 'x', ref_task_id: done },
			'invalid_ref_task',
			'ref_task_id',
		);
	});

	test('PixVerse extend, FLUX finalize, MiniMax H3 regenerate, Gemini Omni', async () => {
		const sim = await start();
		const pix = await completed(sim, { model: 'pixverse-v6', prompt: 'p', duration: 5 });
		const ext = await submit(sim, {
			model: 'pixverse-v6',
			action: 'extend',
			prompt: 'more',
			ref_task_id: pix,
			duration: 8,
		});
		expect(ext.status).toBe(200);
		await expectRefused(
			sim,
			{
				model: 'pixverse-v6',
				action: 'extend',
				prompt: 'more',
				ref_task_id: pix,
				image_urls: [IMG],
			},
			'capability_violation',
			'image_urls',
		);
		const veo = await completed(sim, { model: 'veo3.1-fast', prompt: 'p', duration: 4 });
		await expectRefused(
			sim,
			{ model: 'pixverse-v6', action: 'extend', prompt: 'more', ref_task_id: veo },
			'invalid_ref_task',
			'ref_task_id',
		);

		const draft = await completed(sim, { model: 'flux-3-video-draft', prompt: 'p', duration: 10 });
		expect(
			(
				await submit(sim, {
					model: 'flux-3-video',
					action: 'finalize',
					ref_task_id: draft,
					resolution: 'fhd',
				})
			).status,
		).toBe(200);
		await expectRefused(
			sim,
			{ model: 'flux-3-video', action: 'finalize', ref_task_id: draft, duration: 5 },
			'capability_violation',
			'duration',
		);
		await expectRefused(
			sim,
			{ model: 'flux-3-video', action: 'finalize', ref_task_id: pix },
			'invalid_ref_task',
			'ref_task_id',
		);

		const h3 = await completed(sim, {
			model: 'minimax-h3',
			prompt: 'p',
			duration: 6,
			resolution: '768p',
		});
		const regen = await submit(sim, {
			model: 'minimax-h3-regeneration',
			action: 'regenerate',
			ref_task_id: h3,
		});
		expect(regen.status).toBe(200);
		// Billed at the 2k rate on the source's duration.
		expect(regen.json.pre_consumed_cost).toBe(Math.round(0.045 * 6 * 500000));
		const h3at2k = await completed(sim, { model: 'minimax-h3', prompt: 'p', duration: 6 });
		await expectRefused(
			sim,
			{ model: 'minimax-h3-regeneration', action: 'regenerate', ref_task_id: h3at2k },
			'invalid_ref_task',
			'ref_task_id',
		);

		const omni = await submit(sim, {
			model: 'gemini-omni-1.1-flash',
			prompt: 'edit it',
			ref_task_id: veo,
		});
		expect(omni.status).toBe(200);
		await expectRefused(
			sim,
			{ model: 'gemini-omni-1.1-flash', prompt: 'x', ref_task_id: veo, video_urls: [VID] },
			'invalid_request',
			'video_urls',
		);
		await expectRefused(
			sim,
			{ model: 'omni-flash-ext', prompt: 'x', ref_task_id: veo },
			'capability_violation',
			'ref_task_id',
		);
	});

	test('follow-ups by URL: seedance-2.5 edit/extend and others take video_urls', async () => {
		const sim = await start();
		const src = await completed(sim, { model: 'seedance-2.5', prompt: 'p', duration: 8 });
		const url = (await getTask(sim, src)).json.result.videos[0].url[0];
		expect(url).toBe(`${sim.url}/files/${src}.mp4`);
		const edit = await submit(sim, {
			model: 'seedance-2.5',
			action: 'edit',
			prompt: 'make it night',
			video_urls: [url],
			duration: 0,
			aspect_ratio: 'adaptive',
		});
		expect(edit.status).toBe(200);
		expect(edit.json.action).toBe('edit');
		const extend = await submit(sim, {
			model: 'seedance-2.5',
			action: 'extend',
			prompt: 'go on',
			video_urls: [url],
			duration: 6,
		});
		expect(extend.status).toBe(200);
		await expectRefused(
			sim,
			{ model: 'seedance-2.5', action: 'edit', prompt: 'x', duration: 0 },
			'invalid_request',
			'video_urls',
		);
		await expectRefused(
			sim,
			{
				model: 'seedance-2.5',
				action: 'edit',
				prompt: 'x',
				duration: 0,
				video_urls: ['data:video/mp4;base64,AAAA'],
			},
			'invalid_request',
			'video_urls',
		);
		await expectRefused(
			sim,
			{
				model: 'seedance-2.5',
				action: 'edit',
				prompt: 'x',
				duration: 0,
				video_urls: [url],
				aspect_ratio: '16:9',
			},
			'invalid_request',
			'aspect_ratio',
		);
		await expectRefused(
			sim,
			{ model: 'seedance-2.5', action: 'edit', prompt: 'x', duration: 0, ref_task_id: src },
			'capability_violation',
			'ref_task_id',
		);
		await expectRefused(
			sim,
			{ model: 'seedance-2.0', action: 'edit', prompt: 'x', video_urls: [url] },
			'capability_violation',
			'action',
		);
		const byUrl = [
			{ model: 'kling-v3-omni', action: 'edit', prompt: 'x', video_urls: [url] },
			{ model: 'kling-video-o1', action: 'edit', prompt: 'x', video_urls: [url], duration: 0 },
			{ model: 'wan2.7-videoedit', action: 'edit', video_urls: [url] },
			{ model: 'skyreels-v4-std', action: 'extend', prompt: 'x', video_urls: [url], duration: 5 },
			{ model: 'grok-imagine-video', action: 'edit', prompt: 'x', video_urls: [url] },
			{ model: 'happyhorse-1.0', action: 'edit', prompt: 'x', video_urls: [url], duration: 0 },
		];
		for (const body of byUrl) {
			const r = await submit(sim, body);
			expect([body.model, r.status, r.json.error]).toEqual([body.model, 200, undefined]);
			const { video_urls: _omit, ...withoutVideo } = body;
			await expectRefused(sim, withoutVideo, 'invalid_request', 'video_urls');
		}
	});
});

describe('money', () => {
	test('pre_consumed_cost is the list price in quota; it settles on completion', async () => {
		const sim = await start({ queuedMs: 10000 });
		const r = await submit(sim, {
			model: 'veo3.1-fast',
			prompt: 'p',
			duration: 8,
			resolution: '1080p',
		});
		expect(r.json.pre_consumed_cost).toBe(Math.round(0.09 * 8 * 500000)); // 360000
		const id = r.json.task_id;
		const queued = (await getTask(sim, id)).json;
		expect(queued.pre_consumed_cost).toBe(360000);
		expect(queued.cost).toBeUndefined();
		expect(queued.billing_status).toBeUndefined();
		expect(sim.counters.reservedQuota).toBe(360000);
		sim.completeNow(id);
		const done = (await getTask(sim, id)).json;
		expect(done).toMatchObject({ status: 'completed', cost: 360000, billing_status: 'settled' });
		expect(done.pre_consumed_cost).toBeUndefined();
		expect(sim.counters.reservedQuota).toBe(360000);

		// Other shapes of price: per clip (Veo economy), audio tier, resolution default, duration 0 hold.
		const clip = await submit(sim, { model: 'veo3.1-quality-rev', prompt: 'p', duration: 8 });
		expect(clip.json.pre_consumed_cost).toBe(562500);
		const audio = await submit(sim, {
			model: 'veo3.1-fast',
			prompt: 'p',
			duration: 4,
			generate_audio: true,
		});
		expect(audio.json.pre_consumed_cost).toBe(Math.round(0.09 * 4 * 500000));
		const pix = await submit(sim, { model: 'pixverse-v6', prompt: 'p', duration: 10 });
		expect(pix.json.pre_consumed_cost).toBe(Math.round(0.027 * 10 * 500000)); // 540p default
		const hold = await submit(sim, { model: 'seedance-2.5', prompt: 'p', duration: 0 });
		expect(hold.json.pre_consumed_cost).toBe(Math.round(0.231 * 30 * 500000));
		const ref = await submit(sim, {
			model: 'skyreels-v4-std',
			prompt: '@video_1 on',
			video_urls: [VID],
			duration: 4,
		});
		expect(ref.json.pre_consumed_cost).toBe(Math.round(0.5625 * 4 * 500000));
	});

	test('cancel and failure refund: cost 0, billing_status refunded', async () => {
		const sim = await start({ queuedMs: 10000 });
		const a = (await submit(sim, { model: 'kling-v3', prompt: 'p', duration: 5 })).json;
		const b = (await submit(sim, { model: 'kling-v3', prompt: 'p', duration: 5 })).json;
		expect(a.pre_consumed_cost).toBe(Math.round(0.0756 * 5 * 500000));
		expect(sim.counters.reservedQuota).toBe(2 * a.pre_consumed_cost);
		const c = await call(sim, 'POST', `/v1/tasks/${a.task_id}/cancel`);
		expect(c.status).toBe(200);
		expect(c.json).toMatchObject({
			status: 'cancelled',
			cost: 0,
			billing_status: 'refunded',
			refunded: true,
			refunded_quota: a.pre_consumed_cost,
		});
		expect((await getTask(sim, a.task_id)).json).toMatchObject({
			cost: 0,
			billing_status: 'refunded',
		});
		sim.failNow(b.task_id);
		expect((await getTask(sim, b.task_id)).json).toMatchObject({
			status: 'failed',
			cost: 0,
			billing_status: 'refunded',
		});
		expect(sim.counters.reservedQuota).toBe(0);
	});

	test('the prices option overrides a model’s price per task', async () => {
		const sim = await start({ prices: { 'kling-v3': 0.5 } });
		const r = await submit(sim, { model: 'kling-v3', prompt: 'p', duration: 15 });
		expect(r.json.pre_consumed_cost).toBe(250000);
		expect(() => sim.configure({ prices: { 'kling-v3': -1 } })).toThrow(/prices/);
		expect(() => sim.configure({ prices: [] })).toThrow(/prices/);
		expect(() => sim.configure({ balanceUsd: -5 })).toThrow(/balanceUsd/);
	});

	test('GET /v1/dashboard/billing/balance reports granted, used and available USD', async () => {
		const sim = await start({ balanceUsd: 10, queuedMs: 10000 });
		expect((await balance(sim, { key: null })).status).toBe(401);
		const fresh = await balance(sim);
		expect(fresh.status).toBe(200);
		expect(fresh.json).toEqual({
			object: 'credit_summary',
			currency: 'USD',
			total_granted_usd: 10,
			total_used_usd: 0,
			total_available_usd: 10,
			as_of: expect.any(Number),
		});
		expect(fresh.json.as_of).toBeLessThan(1e12);
		expect(Math.abs(fresh.json.as_of - Date.now() / 1000)).toBeLessThan(5);
		const t = (await submit(sim, { model: 'veo3.1-quality', prompt: 'p', duration: 8 })).json;
		expect(t.pre_consumed_cost).toBe(720000); // 1.44 USD
		expect((await balance(sim)).json).toMatchObject({
			total_used_usd: 1.44,
			total_available_usd: 8.56,
		});
		await call(sim, 'POST', `/v1/tasks/${t.task_id}/cancel`);
		expect((await balance(sim)).json).toMatchObject({ total_used_usd: 0, total_available_usd: 10 });
		expect(sim.counters.balanceReads).toBe(4);
		expect(sim.counters.authFailures).toBe(1);
	});

	test('a submit the balance cannot cover answers 402 insufficient_balance and creates nothing', async () => {
		const sim = await start({ balanceUsd: 2, queuedMs: 10000 });
		const first = await submit(sim, { model: 'veo3.1-quality', prompt: 'p', duration: 8 }); // 1.44
		expect(first.status).toBe(200);
		const second = await submit(sim, { model: 'veo3.1-quality', prompt: 'p', duration: 8 });
		expect(second.status).toBe(402);
		expect(second.json.error).toMatchObject({ code: 'insufficient_balance' });
		expect(second.json.error.message).toMatch(/balance/i);
		expect(sim.counters.tasksCreated).toBe(1);
		expect(sim.counters.reservedQuota).toBe(720000);
		// A cheaper task still fits in the 0.56 USD left; cancelling the first frees its reservation.
		expect((await submit(sim, { model: 'veo3.1-fast', prompt: 'p', duration: 4 })).status).toBe(
			200,
		);
		await call(sim, 'POST', `/v1/tasks/${first.json.task_id}/cancel`);
		expect((await submit(sim, { model: 'veo3.1-quality', prompt: 'p', duration: 8 })).status).toBe(
			200,
		);
	});

	test('the latest flavour bills the same way (Sora list prices)', async () => {
		const sim = await startSimulator({ flavour: 'latest', balanceUsd: 1, queuedMs: 10000 });
		running.push(() => sim.close());
		const r = await submit(sim, { model: 'sora-2', prompt: 'p', duration: 8 });
		expect(r.json.pre_consumed_cost).toBe(Math.round(0.09 * 8 * 500000));
		expect((await getTask(sim, r.json.task_id)).json.pre_consumed_cost).toBe(360000);
		const big = await submit(sim, {
			model: 'sora-2-pro',
			prompt: 'p',
			duration: 8,
			resolution: '1080p',
		});
		expect(big.status).toBe(402);
		expect(sim.counters.tasksCreated).toBe(1);
	});
});

describe('GET /v1/models in flavour today', () => {
	test('catalogue entries with tags, description and price_config; priceConfig: false drops prices', async () => {
		const sim = await start();
		const r = await call(sim, 'GET', '/v1/models');
		expect(r.status).toBe(200);
		expect(r.json.object).toBe('list');
		expect(r.json.data.map((m) => m.id)).toEqual(TODAY_MODELS);
		const byId = Object.fromEntries(r.json.data.map((m) => [m.id, m]));
		expect(byId['veo3.1-fast']).toEqual({
			id: 'veo3.1-fast',
			object: 'model',
			tags: ['video'],
			description: expect.any(String),
			price_config: { video_prices: { '720p': 0.072, '1080p': 0.09 } },
		});
		expect(byId['veo3.1-lite'].price_config.video_prices['720p']).toBe(0.07875);
		expect(byId['minimax-hailuo-02'].price_config).toBeUndefined(); // no amounts listed
		expect(byId['sora-2']).toBeUndefined();
		for (const m of r.json.data) expect(m.description.length).toBeGreaterThan(0);

		sim.configure({ priceConfig: false });
		const bare = await call(sim, 'GET', '/v1/models');
		expect(bare.json.data.every((m) => m.price_config === undefined)).toBe(true);
		expect((await call(sim, 'GET', '/v1/models', { key: null })).status).toBe(401);
	});
});
