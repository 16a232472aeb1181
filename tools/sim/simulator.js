'use strict';
/**
 * QingBo task API simulator: a local node:http server that answers like QingBo's task API (its
 * documented versions, see options.js), so unit tests, n8n tests and the demo run offline.
 *
 * In process:  const sim = await startSimulator({ renderMs: 200 }); ... await sim.close();
 * As a CLI:    node tools/sim/simulator.js --port 8787 [--api-key KEY] [--render-ms 8000]
 *                [--queued-ms 300] [--flavour seed|latest|today] [--render-ms-max 90000]
 *                [--progress-shape linear|coarse|none]
 *
 * Routes: POST /v1/tasks, GET /v1/tasks/{id}, POST /v1/tasks/{id}/cancel, GET /v1/models,
 * GET /v1/dashboard/billing/balance (all need the key); GET /files/{id}.mp4 (no key); /__sim/* control.
 *
 * Layout: options.js (defaults, flavours), task-model.js (task state and wire shapes),
 * validation.js (submit rules: common, Sora, and the engine for today's per-model rules),
 * models.js (today's model catalogue: per-model fields, value rules, follow-ups, list prices;
 * written from the docs notes, independent of the package's own catalogue), faults.js (fault
 * injection), callbacks.js (webhooks), media.js (the streamed result file). This file holds the
 * server, routing and the account balance.
 */
const http = require('node:http');
const { timingSafeEqual } = require('node:crypto');
const { pipeline } = require('node:stream');
const { setTimeout: sleep } = require('node:timers/promises');

const { OptionStore } = require('./options');
const { FaultInjector, errorReply, mulberry32 } = require('./faults');
const { validateCommon, validateSora, validateModelRules, SORA_MODELS } = require('./validation');
const {
	createTask,
	taskState,
	statusObject,
	submitResponse,
	isTerminal,
	reservedQuota,
} = require('./task-model');
const {
	MODEL_RULES,
	priceUsd,
	usdToQuota,
	quotaToUsd,
	videoPrices,
	describe,
} = require('./models');
const { CallbackSender } = require('./callbacks');
const { mp4Stream } = require('./media');
const { fetchTaskMedia, mediaFieldsOf } = require('./media-fetch');

const MAX_BODY_BYTES = 1024 * 1024;
const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;
const UNAUTHORIZED = errorReply(401, {
	message: 'Invalid API key',
	code: 'invalid_api_key',
	type: 'authentication_error',
});

/**
 * @param {() => number} getReserved live quota held by tasks (reservedQuota, computed on read:
 *   a task that fails or is cancelled gives its reservation back)
 */
function newCounters(getReserved) {
	const counters = {
		submits: 0,
		tasksCreated: 0,
		idempotentReplays: 0,
		statusReads: 0,
		statusReadsByTask: {},
		firstTerminalReadAt: {}, // task id -> ms of the first status answer that showed it finished
		cancels: 0,
		modelsReads: 0,
		downloads: 0,
		downloadBytes: 0,
		callbacksSent: 0,
		callbacksFailed: 0,
		callbacksLost: 0, // "[lost-callback]" tasks: ended without their callback being sent
		redirects: 0, // requests answered with a redirect (option `redirects`)
		errorsInjected: 0,
		authFailures: 0,
		balanceReads: 0,
	};
	// Quota reserved by submits, net of refunds (failed / cancelled tasks).
	Object.defineProperty(counters, 'reservedQuota', {
		get: getReserved,
		enumerable: true,
		configurable: true,
	});
	return counters;
}

/** `price_config.video_prices` with a drift set up by `priceOverrides`: a number sets a key, null drops it. */
function withOverrides(prices, overrides) {
	if (!overrides) return prices;
	const merged = { ...(prices || {}) };
	for (const [key, usd] of Object.entries(overrides)) {
		if (usd === null) delete merged[key];
		else merged[key] = usd;
	}
	return Object.keys(merged).length ? merged : null;
}

function sendJson(res, status, body, headers = {}) {
	const text = JSON.stringify(body);
	res.writeHead(status, {
		'content-type': 'application/json; charset=utf-8',
		'content-length': Buffer.byteLength(text),
		...headers,
	});
	res.end(text);
}

const sendReply = (res, reply) => sendJson(res, reply.status, reply.body, reply.headers);

/** Read the whole request body (API bodies are small). Resolves { text } or { tooLarge: true }. */
function readBody(req) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		let size = 0;
		let tooLarge = false;
		req.on('data', (chunk) => {
			size += chunk.length;
			if (size > MAX_BODY_BYTES) tooLarge = true;
			else chunks.push(chunk);
		});
		req.on('end', () =>
			resolve(tooLarge ? { tooLarge: true } : { text: Buffer.concat(chunks).toString('utf8') }),
		);
		req.on('error', reject);
	});
}

/** Parse a JSON body; { value } or { error: reply }. An empty body counts as {}. */
function parseJson(text) {
	if (!text || text.trim() === '') return { value: {} };
	try {
		return { value: JSON.parse(text) };
	} catch {
		return {
			error: errorReply(400, {
				message: 'Request body is not valid JSON',
				code: 'invalid_request',
				type: 'invalid_request_error',
			}),
		};
	}
}

/** decodeURIComponent that treats a malformed escape as a literal id (which then simply is not found). */
function safeDecode(text) {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
}

/** Which /v1 operation a request is, or null. */
function matchApiRoute(method, path) {
	if (path === '/v1/tasks') return method === 'POST' ? { name: 'submit' } : null;
	if (path === '/v1/models') return method === 'GET' ? { name: 'models' } : null;
	if (path === '/v1/dashboard/billing/balance')
		return method === 'GET' ? { name: 'balance' } : null;
	let m = /^\/v1\/tasks\/([^/]+)$/.exec(path);
	if (m) return method === 'GET' ? { name: 'status', id: safeDecode(m[1]) } : null;
	m = /^\/v1\/tasks\/([^/]+)\/cancel$/.exec(path);
	if (m) return method === 'POST' ? { name: 'cancel', id: safeDecode(m[1]) } : null;
	return null;
}

function taskNotFound(id) {
	return errorReply(404, { message: `Task ${id} not found`, code: 'task_not_found' });
}

class QingboSimulator {
	constructor(options = {}) {
		this.store = new OptionStore(options);
		this.counters = newCounters(() => this.reservedQuota());
		this.tasks = new Map();
		this.callbacks = [];
		/** Every media fetch of `fetchMedia`: { taskId, field, url, status, contentType, bytes, sha256, error? }. */
		this.mediaFetches = [];
		this.idempotency = new Map(); // `${apiKey}\n${key}` -> { taskId, response, at }
		this.faults = new FaultInjector(() => this.options);
		this.renderRandom = mulberry32(this.options.seed);
		this.sender = new CallbackSender({
			counters: this.counters,
			records: this.callbacks,
			getOptions: () => this.options,
		});
		this.server = http.createServer((req, res) => {
			this.handle(req, res).catch((err) => {
				// A bug in the simulator should show up as a 500 the test can see, not a hung request.
				if (!res.headersSent)
					sendJson(res, 500, {
						error: { message: `Simulator bug: ${err.message}`, code: 'simulator_error' },
					});
				else res.destroy(err);
			});
		});
		this.url = null;
	}

	/** Effective options (flavour knobs resolved). */
	get options() {
		return this.store.current;
	}

	get apiKey() {
		return this.options.apiKey;
	}

	async listen() {
		await new Promise((resolve, reject) => {
			this.server.once('error', reject);
			this.server.listen(this.options.port, '127.0.0.1', () => {
				this.server.off('error', reject);
				resolve();
			});
		});
		this.url = `http://127.0.0.1:${this.server.address().port}`;
	}

	// ---- public control API -------------------------------------------------------------

	/** Merge options at runtime. `faults` replaces the whole fault set. Throws on unknown or bad values. */
	configure(partial) {
		const reseed = partial && partial.seed !== undefined;
		this.store.apply(partial);
		if (reseed) this.reseed();
		return this.options;
	}

	/** Forget every task, idempotency key, callback and counter; keep the options. Reseeds the fault PRNG. */
	reset() {
		for (const task of this.tasks.values()) this.clearTimers(task);
		this.sender.abortAll();
		this.tasks.clear();
		this.idempotency.clear();
		this.callbacks.length = 0;
		this.mediaFetches.length = 0;
		// Reset in place: callers hold references to these objects.
		const fresh = newCounters(() => this.reservedQuota());
		for (const key of Object.keys(this.counters)) delete this.counters[key];
		Object.defineProperties(this.counters, Object.getOwnPropertyDescriptors(fresh));
		this.reseed();
	}

	/** Same seed, same faults and same render times for the same call order. */
	reseed() {
		this.faults.reseed();
		this.renderRandom = mulberry32(this.options.seed);
	}

	/** This task's processing time: renderMs, or uniform over renderMs..renderMsMax when that is above it. */
	drawRenderMs(opts) {
		if (!(opts.renderMsMax > opts.renderMs)) return opts.renderMs;
		return Math.round(opts.renderMs + this.renderRandom() * (opts.renderMsMax - opts.renderMs));
	}

	/** Force a task to `completed` now (fires its callback). Returns its status object. */
	completeNow(taskId) {
		return this.forceTerminal(taskId, { status: 'completed' });
	}

	/** Force a task to `failed` now with `message` (fires its callback). Returns its status object. */
	failNow(taskId, message = 'The upstream model could not render this prompt') {
		return this.forceTerminal(taskId, {
			status: 'failed',
			error: { message, code: 'task_failed' },
		});
	}

	async close() {
		for (const task of this.tasks.values()) this.clearTimers(task);
		await this.sender.close();
		await new Promise((resolve) => {
			this.server.close(() => resolve());
			this.server.closeAllConnections();
		});
	}

	// ---- money ---------------------------------------------------------------------------

	/** Quota held by all tasks: reserved at submit, kept when completed, given back when failed or cancelled. */
	reservedQuota(now = Date.now()) {
		let total = 0;
		for (const task of this.tasks.values()) total += reservedQuota(task, now);
		return total;
	}

	/** The GET /v1/dashboard/billing/balance answer. */
	balance() {
		const granted = this.options.balanceUsd;
		const used = quotaToUsd(this.reservedQuota());
		return {
			object: 'credit_summary',
			currency: 'USD',
			total_granted_usd: granted,
			total_used_usd: used,
			total_available_usd: Math.round((granted - used) * 1e6) / 1e6,
			as_of: Math.floor(Date.now() / 1000),
		};
	}

	// ---- task lifecycle -----------------------------------------------------------------

	forceTerminal(taskId, terminal) {
		const task = this.tasks.get(taskId);
		if (!task) throw new Error(`QingBo simulator: no task ${taskId}`);
		const state = taskState(task);
		// A task that already ended keeps its outcome; forcing it again would send a second callback.
		if (!isTerminal(state.status)) {
			task.terminal = { ...terminal, at: Date.now() };
			this.clearTimers(task);
			this.notifyTerminal(task);
		}
		return statusObject(task, this.options, task.baseUrl);
	}

	clearTimers(task) {
		for (const t of task.timers) clearTimeout(t);
		task.timers.clear();
	}

	/** Run `fn` at epoch time `when`; re-arms if the timer fires early so the lazy state agrees. */
	schedule(task, when, fn) {
		const timer = setTimeout(
			() => {
				task.timers.delete(timer);
				if (Date.now() < when) this.schedule(task, when, fn);
				else fn();
			},
			Math.max(0, when - Date.now()),
		);
		timer.unref();
		task.timers.add(timer);
	}

	/** Timers exist only to push callbacks; the state itself is computed lazily. */
	scheduleCallbacks(task) {
		if (!task.callbackUrl) return;
		const startAt = task.createdAt + task.queuedMs;
		this.schedule(task, startAt, () => {
			if (
				this.options.callbackOnProgress &&
				taskState(task).status === 'processing' &&
				!task.notified.processing
			) {
				task.notified.processing = true;
				this.sender.notify(task.callbackUrl, statusObject(task, this.options, task.baseUrl), {
					terminal: false,
				});
			}
		});
		this.schedule(task, startAt + task.renderMs, () => this.notifyTerminal(task));
	}

	/**
	 * `fetchMedia`: when the task leaves the queue it fetches its media (no key); it renders from when
	 * all arrived, or fails at once when one could not be used.
	 */
	fetchMediaOf(task) {
		task.media = { readyAt: null };
		this.schedule(task, task.createdAt + task.queuedMs, async () => {
			const { fetched, error } = await fetchTaskMedia(task.body);
			for (const one of fetched) this.mediaFetches.push({ taskId: task.id, ...one });
			if (task.terminal) return; // cancelled meanwhile
			if (error) {
				task.terminal = {
					status: 'failed',
					at: Date.now(),
					error: { message: error, code: 'media_unavailable' },
				};
				this.clearTimers(task);
				this.notifyTerminal(task);
				return;
			}
			task.media.readyAt = Date.now();
			this.schedule(task, task.media.readyAt + task.renderMs, () => this.notifyTerminal(task));
		});
	}

	notifyTerminal(task) {
		if (!task.callbackUrl || task.notified.terminal) return;
		if (!isTerminal(taskState(task).status)) return;
		task.notified.terminal = true;
		if (task.loseCallback) {
			this.counters.callbacksLost += 1;
			return;
		}
		this.sender.notify(task.callbackUrl, statusObject(task, this.options, task.baseUrl), {
			terminal: true,
		});
	}

	// ---- HTTP ---------------------------------------------------------------------------

	/** Links in answers use the host the client used, so a client reaching us by another name gets working URLs. */
	baseUrlOf(req) {
		return req.headers.host ? `http://${req.headers.host}` : this.url;
	}

	async handle(req, res) {
		const path = new URL(req.url, 'http://localhost').pathname;
		if (path.startsWith('/__sim/')) return this.handleControl(req, res, path);
		const moved = this.redirectFor(req.method, path);
		if (moved) {
			// A front proxy that moved the route: it answers before any key check, like one would.
			this.counters.redirects += 1;
			res.writeHead(req.method === 'GET' ? 302 : 307, { location: `${moved}${req.url}` });
			return res.end();
		}
		if (path.startsWith('/files/')) return this.handleDownload(req, res, path);
		if (path === '/v1' || path.startsWith('/v1/')) return this.handleApi(req, res, path);
		return sendJson(res, 404, {
			error: { message: `No route for ${req.method} ${path}`, code: 'not_found' },
		});
	}

	/** The origin a route is redirected to (option `redirects`), if any. */
	redirectFor(method, path) {
		const redirects = this.options.redirects || {};
		if (path.startsWith('/files/')) return redirects.files;
		const route = matchApiRoute(method, path);
		return route && redirects[route.name];
	}

	isAuthorized(req) {
		const m = /^Bearer\s+(.+)$/i.exec(req.headers.authorization || '');
		if (!m) return false;
		const given = Buffer.from(m[1].trim());
		const expected = Buffer.from(this.apiKey);
		return given.length === expected.length && timingSafeEqual(given, expected);
	}

	async handleApi(req, res, path) {
		const route = matchApiRoute(req.method, path);
		// Counters count every request received, including ones refused below.
		if (route) {
			if (route.name === 'submit') this.counters.submits += 1;
			if (route.name === 'models') this.counters.modelsReads += 1;
			if (route.name === 'cancel') this.counters.cancels += 1;
			if (route.name === 'balance') this.counters.balanceReads += 1;
			if (route.name === 'status') {
				this.counters.statusReads += 1;
				const byTask = this.counters.statusReadsByTask;
				byTask[route.id] = (byTask[route.id] || 0) + 1;
			}
		}
		const raw = req.method === 'POST' ? await readBody(req) : { text: '' };
		if (this.faults.slowMs > 0) await sleep(this.faults.slowMs);

		if (!this.isAuthorized(req)) {
			this.counters.authFailures += 1;
			return sendReply(res, UNAUTHORIZED);
		}
		if (!route) {
			return sendJson(res, 404, {
				error: { message: `No route for ${req.method} ${path}`, code: 'not_found' },
			});
		}
		const injected = this.faults.takeFailNext();
		if (injected) {
			this.counters.errorsInjected += 1;
			return sendReply(res, injected);
		}
		if (raw.tooLarge) {
			return sendJson(res, 413, {
				error: { message: 'Request body too large', code: 'invalid_request' },
			});
		}
		const baseUrl = this.baseUrlOf(req);
		switch (route.name) {
			case 'submit':
				return sendReply(res, this.submit(req, raw.text, baseUrl));
			case 'status':
				return sendReply(res, this.status(route.id, baseUrl));
			case 'cancel':
				return sendReply(res, this.cancel(route.id, baseUrl));
			case 'models':
				return sendReply(res, { status: 200, body: this.modelList() });
			case 'balance':
				return sendReply(res, { status: 200, body: this.balance() });
		}
	}

	submit(req, text, baseUrl) {
		const limited = this.faults.takeSubmit429();
		if (limited) {
			this.counters.errorsInjected += 1;
			return limited;
		}
		const parsed = parseJson(text);
		if (parsed.error) return parsed.error;
		const body = parsed.value;
		const opts = this.options;

		const idemKey = req.headers['idempotency-key'];
		const idemSlot = idemKey ? `${opts.apiKey}\n${idemKey}` : null;
		const earlier = idemSlot && this.idempotency.get(idemSlot);
		if (
			earlier &&
			Date.now() - earlier.at < IDEMPOTENCY_WINDOW_MS &&
			this.tasks.has(earlier.taskId)
		) {
			this.counters.idempotentReplays += 1;
			return { status: 200, body: earlier.response };
		}

		const common = validateCommon(body, opts);
		if (common.error) return common.error;
		const findTask = (id) => {
			const task = typeof id === 'string' ? this.tasks.get(id) : undefined;
			return task ? { task, status: taskState(task).status } : undefined;
		};
		let params;
		if (SORA_MODELS.has(body.model)) {
			const sora = validateSora(body, { rejectExtra: opts.rejectExtra, findTask });
			if (sora.error) return sora.error;
			params = sora.value;
		} else if (opts.modelRules && MODEL_RULES[body.model]) {
			const checked = validateModelRules(body, MODEL_RULES[body.model], {
				// ref_task_id only reaches tasks submitted with the same key.
				findTask: (id) => {
					const found = findTask(id);
					return found && found.task.apiKey === opts.apiKey ? found : undefined;
				},
			});
			if (checked.error) return checked.error;
			params = checked.value;
		}

		const priced = params
			? { ...body, resolution: params.resolution, duration: params.duration }
			: body;
		const quota = usdToQuota(
			priceUsd(body.model, priced, {
				overrides: opts.prices,
				sourceSeconds: params ? params.sourceBillSeconds : undefined,
			}),
		);
		if (opts.preConsumedCost) {
			const available = usdToQuota(opts.balanceUsd) - this.reservedQuota();
			if (quota > available) {
				return errorReply(402, {
					message: `Insufficient balance: this task needs ${quotaToUsd(quota)} USD, ${quotaToUsd(
						Math.max(0, available),
					)} USD available`,
					code: 'insufficient_balance',
					type: 'billing_error',
				});
			}
		}

		const timing = { ...opts, renderMs: this.drawRenderMs(opts) };
		const task = createTask({ body, params, timing, baseUrl, quota, apiKey: opts.apiKey });
		this.tasks.set(task.id, task);
		this.counters.tasksCreated += 1;
		const response = submitResponse(task, opts);
		if (idemSlot) this.idempotency.set(idemSlot, { taskId: task.id, response, at: Date.now() });
		this.scheduleCallbacks(task);
		if (opts.fetchMedia && mediaFieldsOf(body).length) this.fetchMediaOf(task);

		const lost = this.faults.takeSubmitCreateThen502();
		if (lost) {
			this.counters.errorsInjected += 1;
			return lost;
		}
		return { status: 200, body: response };
	}

	status(id, baseUrl) {
		const fault = this.faults.rollStatusFault();
		if (fault) {
			this.counters.errorsInjected += 1;
			return fault;
		}
		const task = this.tasks.get(id);
		if (!task) return taskNotFound(id);
		const body = statusObject(task, this.options, baseUrl);
		const seen = this.counters.firstTerminalReadAt;
		if (isTerminal(body.status) && seen[id] === undefined) seen[id] = Date.now();
		return { status: 200, body };
	}

	cancel(id, baseUrl) {
		const task = this.tasks.get(id);
		if (!task) return taskNotFound(id);
		const state = taskState(task);
		if (state.status !== 'queued') {
			return errorReply(400, {
				message: `Task ${id} is ${state.status} and can no longer be cancelled`,
				code: 'task_not_cancellable',
				type: 'invalid_request_error',
			});
		}
		task.terminal = { status: 'cancelled', at: Date.now() };
		this.clearTimers(task);
		this.notifyTerminal(task);
		const body = statusObject(task, this.options, baseUrl);
		if (this.options.preConsumedCost) {
			body.refunded = true;
			body.refunded_quota = task.quota;
		}
		return { status: 200, body };
	}

	/** GET /v1/models: 'basic' entries, or today's 'catalog' entries (tags, description, price_config). */
	modelList() {
		const opts = this.options;
		const items = opts.models.map((id) => {
			if (opts.modelsFormat !== 'catalog') return { id, object: 'model', owned_by: 'qingbo' };
			const entry = { id, object: 'model', tags: ['video'], description: describe(id) };
			const prices = opts.priceConfig
				? withOverrides(videoPrices(id), opts.priceOverrides[id])
				: null;
			if (prices) entry.price_config = { video_prices: prices };
			return entry;
		});
		switch (opts.modelsShape) {
			case 'array':
				return items;
			case 'models':
				return { models: items };
			default:
				return { object: 'list', data: items };
		}
	}

	/** Result files: pre-signed CDN style, so no bearer key. Streamed, never held in memory. */
	handleDownload(req, res, path) {
		if (req.method !== 'GET' && req.method !== 'HEAD') {
			return sendJson(res, 405, {
				error: { message: 'Method not allowed', code: 'method_not_allowed' },
			});
		}
		if (req.method === 'GET') this.counters.downloads += 1;
		if (req.method === 'GET' && this.faults.takeDownloadFail()) {
			this.counters.errorsInjected += 1;
			const fail = () =>
				sendJson(res, 500, { error: { message: 'Download failed', code: 'server_error' } });
			const delay = this.faults.downloadFailDelayMs;
			return delay > 0 ? void sleep(delay).then(fail) : fail();
		}
		const m = /^\/files\/([^/]+)\.mp4$/.exec(path);
		const task = m && this.tasks.get(safeDecode(m[1]));
		const state = task && taskState(task);
		if (!task || state.status !== 'completed') {
			return sendJson(res, 404, { error: { message: 'File not found', code: 'file_not_found' } });
		}
		const opts = this.options;
		if (opts.expireResults || Date.now() >= state.at + opts.resultTtlMs) {
			return sendJson(res, 404, {
				error: { message: 'This download link has expired', code: 'link_expired' },
			});
		}
		const total = opts.resultBytes;
		res.writeHead(200, {
			'content-type': 'video/mp4',
			...(opts.resultChunked ? {} : { 'content-length': total }),
			'content-disposition': `attachment; filename="${task.id}.mp4"`,
		});
		if (req.method === 'HEAD') return res.end();
		const stream = mp4Stream(total, (n) => {
			this.counters.downloadBytes += n;
		});
		// pipeline tears the generator down if the client goes away mid-download.
		pipeline(stream, res, () => {});
	}

	/** Out-of-process control (demo, benchmarks). No auth: it only listens on 127.0.0.1. */
	async handleControl(req, res, path) {
		const raw = req.method === 'POST' ? await readBody(req) : { text: '' };
		const route = `${req.method} ${path}`;
		const baseUrl = this.baseUrlOf(req);
		const publicOptions = () => ({ ...this.options, apiKey: '(hidden)' });
		try {
			if (route === 'GET /__sim/counters') return sendJson(res, 200, this.counters);
			if (route === 'GET /__sim/config') return sendJson(res, 200, publicOptions());
			if (route === 'POST /__sim/config') {
				const parsed = parseJson(raw.text);
				if (parsed.error) return sendReply(res, parsed.error);
				this.configure(parsed.value);
				return sendJson(res, 200, publicOptions());
			}
			if (route === 'POST /__sim/reset') {
				this.reset();
				return sendJson(res, 200, { ok: true });
			}
			if (route === 'GET /__sim/tasks') {
				return sendJson(
					res,
					200,
					[...this.tasks.values()].map((t) => statusObject(t, this.options, baseUrl)),
				);
			}
			if (route === 'GET /__sim/callbacks') return sendJson(res, 200, this.callbacks);
			const m = /^POST \/__sim\/tasks\/([^/]+)\/(complete|fail)$/.exec(route);
			if (m) {
				const id = safeDecode(m[1]);
				if (!this.tasks.has(id)) return sendReply(res, taskNotFound(id));
				if (m[2] === 'complete') return sendJson(res, 200, this.completeNow(id));
				const parsed = parseJson(raw.text);
				return sendJson(res, 200, this.failNow(id, parsed.value && parsed.value.message));
			}
		} catch (err) {
			return sendJson(res, 400, { error: { message: err.message, code: 'invalid_request' } });
		}
		return sendJson(res, 404, {
			error: { message: `No control route ${route}`, code: 'not_found' },
		});
	}
}

/**
 * Start a simulator. Resolves once it listens.
 * @param {object} [options] see options.js for names and defaults
 * @returns {Promise<QingboSimulator>}
 */
async function startSimulator(options = {}) {
	const sim = new QingboSimulator(options);
	await sim.listen();
	return sim;
}

// ---- CLI ----------------------------------------------------------------------------------

function parseCliArgs(argv) {
	const flags = {
		'--port': ['port', Number],
		'--api-key': ['apiKey', String],
		'--render-ms': ['renderMs', Number],
		'--queued-ms': ['queuedMs', Number],
		'--render-ms-max': ['renderMsMax', Number],
		'--progress-shape': ['progressShape', String],
		'--flavour': ['flavour', String],
	};
	const options = {};
	for (let i = 0; i < argv.length; i++) {
		const [name, inline] = argv[i].split(/=(.*)/s);
		if (!flags[name])
			throw new Error(`Unknown argument ${argv[i]} (known: ${Object.keys(flags).join(', ')})`);
		const value = inline !== undefined ? inline : argv[++i];
		if (value === undefined) throw new Error(`${name} needs a value`);
		const [key, convert] = flags[name];
		options[key] = convert(value);
	}
	return options;
}

async function main() {
	let sim;
	try {
		sim = await startSimulator(parseCliArgs(process.argv.slice(2)));
	} catch (err) {
		console.error(err.message);
		process.exit(2);
	}
	console.log(`QingBo simulator listening on ${sim.url}`);
	const stop = () => {
		sim.close().then(() => process.exit(0));
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

if (require.main === module) main();

module.exports = { startSimulator, QingboSimulator };
