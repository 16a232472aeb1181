'use strict';
/**
 * Completion callbacks (webhooks). The docs never define them (api.md, "Webhook callback"), so the
 * simulator can send each plausible variant: the whole task, the task under `data`, or only the id;
 * duplicated; or an extra one when processing starts. Every attempt is recorded; nothing throws.
 */
const { Agent, request } = require('undici');
const { setMaxListeners } = require('node:events');
const { setTimeout: sleep } = require('node:timers/promises');

/** One abort signal serves every pending callback (hundreds in a batch): no listener limit on it. */
function newController() {
	const controller = new AbortController();
	setMaxListeners(0, controller.signal);
	return controller;
}

const REQUEST_TIMEOUT_MS = 10000;

/** The callback body for one task status object, in the configured shape. */
function callbackBody(statusObject, shape) {
	switch (shape) {
		case 'data':
			return { event: `task.${statusObject.status}`, data: statusObject };
		case 'id':
			return { task_id: statusObject.task_id, status: statusObject.status };
		default:
			return statusObject;
	}
}

class CallbackSender {
	/**
	 * @param {object} deps
	 * @param {object} deps.counters live counters (callbacksSent, callbacksFailed)
	 * @param {object[]} deps.records array every attempt is pushed to
	 * @param {() => object} deps.getOptions effective options
	 */
	constructor({ counters, records, getOptions }) {
		this.counters = counters;
		this.records = records;
		this.getOptions = getOptions;
		// Own connection pool, closed with the simulator so Jest sees no stray sockets.
		this.agent = new Agent({ keepAliveTimeout: 1000, keepAliveMaxTimeout: 1000 });
		this.controller = newController();
		this.pending = new Set();
	}

	/**
	 * Send the callback(s) for a task status in the background.
	 * @param {string} url callback_url exactly as submitted (query string kept)
	 * @param {object} statusObject the task's status object at the moment of the event
	 * @param {{terminal: boolean}} kind terminal events honour callbackDuplicates
	 */
	notify(url, statusObject, { terminal }) {
		const opts = this.getOptions();
		const body = callbackBody(statusObject, opts.callbackShape);
		const times = terminal ? Math.max(1, Math.floor(opts.callbackDuplicates)) : 1;
		const signal = this.controller.signal;
		const job = (async () => {
			try {
				if (opts.callbackDelayMs > 0) await sleep(opts.callbackDelayMs, undefined, { signal });
				// A sender that retries: a non-2xx answer or no answer is sent again after a delay that
				// doubles each time, up to callbackRetries more times (0, the default: sent once).
				const deliver = async () => {
					for (let attempt = 0; ; attempt++) {
						const record = await this.sendOnce(url, body, statusObject, signal, attempt);
						const ok = record.status !== null && record.status >= 200 && record.status < 300;
						if (ok || attempt >= (opts.callbackRetries || 0)) break;
						await sleep(opts.callbackRetryDelayMs * 2 ** attempt, undefined, { signal });
					}
				};
				if (opts.callbackDuplicatesAtOnce) {
					await Promise.all(Array.from({ length: times }, deliver));
				} else {
					for (let i = 0; i < times && !signal.aborted; i++) await deliver();
				}
			} catch {
				// Only an abort (reset/close) lands here; it drops the remaining sends on purpose.
			}
		})();
		this.pending.add(job);
		job.finally(() => this.pending.delete(job));
	}

	async sendOnce(url, body, statusObject, signal, attempt = 0) {
		const record = {
			url,
			status: null,
			body,
			at: Date.now(),
			taskId: statusObject.task_id,
			taskStatus: statusObject.status,
			attempt, // 0: first send; n: the n-th resend (callbackRetries)
		};
		this.counters.callbacksSent += 1;
		try {
			const res = await request(url, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(body),
				dispatcher: this.agent,
				headersTimeout: this.getOptions().callbackTimeoutMs || REQUEST_TIMEOUT_MS,
				bodyTimeout: this.getOptions().callbackTimeoutMs || REQUEST_TIMEOUT_MS,
				signal,
			});
			record.status = res.statusCode;
			// What n8n answered, kept so tests can check the body a callback sender sees.
			const text = await res.body.text();
			record.answeredAt = Date.now();
			try {
				record.answer = JSON.parse(text);
			} catch {
				record.answer = text;
			}
			if (res.statusCode < 200 || res.statusCode >= 300) this.counters.callbacksFailed += 1;
		} catch (err) {
			if (signal.aborted) throw err; // reset/close: the attempt no longer belongs to this run
			record.error = err && err.message ? err.message : String(err);
			this.counters.callbacksFailed += 1;
		}
		this.records.push(record);
		return record;
	}

	/** Drop every callback still waiting or in flight (used by reset). */
	abortAll() {
		this.controller.abort();
		this.controller = newController();
	}

	async close() {
		this.abortAll();
		await Promise.allSettled([...this.pending]);
		await this.agent.close();
	}
}

module.exports = { CallbackSender, callbackBody };
