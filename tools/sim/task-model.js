'use strict';
/**
 * Task records and how they look on the wire.
 *
 * A task's state is never stored as it changes: it is computed from the clock on every read
 * (queued for queuedMs, then processing for renderMs, then completed or failed). Only events that
 * jump the clock (cancel, completeNow, failNow) write a fixed `terminal` state on the record.
 */
const { randomBytes } = require('node:crypto');
const { priceUsd, billedSeconds, usdToQuota } = require('./models');

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const FAIL_ERROR = {
	message: 'The upstream model could not render this prompt',
	code: 'task_failed',
};

function newTaskId() {
	const bytes = randomBytes(24);
	let id = 'task_';
	for (const b of bytes) id += ID_ALPHABET[b % ID_ALPHABET.length];
	return id;
}

/**
 * Build a task record.
 * @param {object} p
 * @param {object} p.body the submitted body (kept for inspection by tests)
 * @param {object} [p.params] normalised params from validation (Sora rules or today's model rules)
 * @param {number} [p.quota] the price in quota (500,000 = 1 USD); default: the list price (models.js)
 * @param {string} [p.apiKey] the key that submitted it (ref_task_id only finds the same key's tasks)
 * @param {{queuedMs:number, renderMs:number, progressShape?:string}} p.timing renderMs already drawn for this task
 * @param {string} p.baseUrl public base of the simulator as the submitter saw it
 */
function createTask({ body, params, timing, baseUrl, quota, apiKey, now = Date.now() }) {
	const prompt = typeof body.prompt === 'string' ? body.prompt : '';
	const action = params
		? params.action
		: typeof body.action === 'string'
			? body.action
			: 'generate';
	const resolution = params ? params.resolution : body.resolution;
	const duration = params ? params.duration : body.duration;
	return {
		id: newTaskId(),
		model: body.model,
		action,
		prompt,
		body,
		params: params || null,
		createdAt: now,
		queuedMs: timing.queuedMs,
		// "[slow]" lets a test hold a task in processing without slowing every other task.
		renderMs: prompt.includes('[slow]') ? timing.renderMs * 10 : timing.renderMs,
		progressShape: timing.progressShape || 'linear',
		willFail: prompt.includes('[fail]'),
		// "[lost-callback]": the task ends as usual but its completion callback is never sent.
		loseCallback: prompt.includes('[lost-callback]'),
		callbackUrl: typeof body.callback_url === 'string' ? body.callback_url : null,
		baseUrl,
		// Reserved at submit; settled when completed, refunded when failed or cancelled.
		quota:
			quota !== undefined
				? quota
				: usdToQuota(priceUsd(body.model, { ...body, resolution, duration })),
		billSeconds: billedSeconds(
			body.model,
			{ ...body, duration },
			params ? params.sourceBillSeconds : undefined,
		),
		apiKey,
		extensions: params ? params.extensions : 0,
		sourceTaskId: params ? params.sourceTaskId : undefined,
		terminal: null, // { status, at, error? } once cancelled or forced
		notified: { processing: false, terminal: false },
		timers: new Set(),
	};
}

/** Quota the task holds now: its price unless it ended failed or cancelled (then refunded). */
function reservedQuota(task, now = Date.now()) {
	const status = taskState(task, now).status;
	return status === 'failed' || status === 'cancelled' ? 0 : task.quota;
}

/** The task's state at `now`: { status, progress (0-100), at? (terminal time ms), error? }. */
function taskState(task, now = Date.now()) {
	if (task.terminal) {
		return { ...task.terminal, progress: task.terminal.status === 'completed' ? 100 : 0 };
	}
	const queuedUntil = task.createdAt + task.queuedMs;
	if (now < queuedUntil) return { status: 'queued', progress: 0 };
	// With fetchMedia, rendering starts once the task's media arrived.
	if (task.media && !task.media.readyAt) return { status: 'processing', progress: 0 };
	const startAt = task.media ? task.media.readyAt : queuedUntil;
	const endAt = startAt + task.renderMs;
	if (now < endAt) {
		const linear = Math.min(99, Math.floor(((now - startAt) / task.renderMs) * 100));
		const progress =
			task.progressShape === 'none'
				? 0
				: task.progressShape === 'coarse'
					? linear >= 50
						? 50
						: 0
					: linear;
		return { status: 'processing', progress };
	}
	if (task.willFail) return { status: 'failed', progress: 0, at: endAt, error: FAIL_ERROR };
	return { status: 'completed', progress: 100, at: endAt };
}

const isTerminal = (status) =>
	status === 'completed' || status === 'failed' || status === 'cancelled';

function formatTime(ms, unit) {
	return unit === 'ms' ? ms : Math.floor(ms / 1000);
}

/** Progress as the flavour writes it: an integer, or a "45%" string ("" while queued, "100%" once failed, per G3). */
function formatProgress(state, format) {
	if (format === 'number') return state.progress;
	switch (state.status) {
		case 'queued':
			return '';
		case 'completed':
		case 'failed':
			return '100%';
		case 'cancelled':
			return '0%';
		default:
			return `${state.progress}%`;
	}
}

function fileUrl(baseUrl, task) {
	return `${baseUrl}/files/${task.id}.mp4`;
}

/**
 * The GET /v1/tasks/{id} object.
 * @param {object} task
 * @param {object} opts effective options (progressFormat, timestampUnit, urlFormat, resultTtlMs)
 * @param {string} baseUrl base for urls.get/cancel and the file link (the host the reader used)
 */
function statusObject(task, opts, baseUrl, now = Date.now()) {
	const state = taskState(task, now);
	const out = {
		task_id: task.id,
		status: state.status,
		action: task.action,
		model: task.model,
		progress: formatProgress(state, opts.progressFormat),
		created_at: formatTime(task.createdAt, opts.timestampUnit),
	};
	if (isTerminal(state.status)) {
		out.completed_at = formatTime(state.at, opts.timestampUnit);
		// Failed and cancelled tasks are refunded in full.
		out.cost = state.status === 'completed' ? task.quota : 0;
		if (opts.preConsumedCost)
			out.billing_status = state.status === 'completed' ? 'settled' : 'refunded';
	} else if (opts.preConsumedCost) {
		out.pre_consumed_cost = task.quota;
	}
	if (state.status === 'failed') out.error = { ...state.error };
	if (!isTerminal(state.status) && opts.nextPollAfterSeconds > 0)
		out.next_poll_after_seconds = opts.nextPollAfterSeconds;
	if (state.status === 'completed') {
		const url = fileUrl(baseUrl, task);
		out.result = {
			videos: [
				{
					url: opts.urlFormat === 'array' ? [url] : url,
					expires_at: formatTime(state.at + opts.resultTtlMs, opts.timestampUnit),
				},
			],
		};
	}
	out.urls = {
		get: `${baseUrl}/v1/tasks/${task.id}`,
		cancel: `${baseUrl}/v1/tasks/${task.id}/cancel`,
	};
	return out;
}

/** The POST /v1/tasks answer. */
function submitResponse(task, opts) {
	const out = {
		task_id: task.id,
		model: task.model,
		action: task.action,
		status: 'queued',
		created_at: formatTime(task.createdAt, opts.timestampUnit),
		progress: opts.progressFormat === 'percent' && !opts.submitProgressNumber ? '' : 0,
	};
	if (opts.preConsumedCost) out.pre_consumed_cost = task.quota;
	return out;
}

module.exports = {
	createTask,
	taskState,
	statusObject,
	submitResponse,
	isTerminal,
	reservedQuota,
	newTaskId,
	FAIL_ERROR,
};
