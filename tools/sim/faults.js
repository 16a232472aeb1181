'use strict';
/**
 * Fault injection. Every decision reads the live `faults` option object, so counts
 * (submit429Count, failNext.count, ...) are consumed in place and GET /__sim/config shows what is left.
 * Random faults use a seeded PRNG so a run with the same seed and call order sees the same faults.
 */

/** mulberry32: tiny, fast, good enough for repeatable fault rolls. */
function mulberry32(seed) {
	let a = seed >>> 0;
	return function next() {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Default error codes for injected statuses, matching the codes api.md lists where it lists any. */
const DEFAULT_CODES = {
	400: 'invalid_request',
	401: 'invalid_api_key',
	402: 'insufficient_balance',
	403: 'forbidden',
	404: 'task_not_found',
	409: 'conflict',
	429: 'rate_limited',
	500: 'server_error',
	502: 'bad_gateway',
	503: 'service_unavailable',
	504: 'gateway_timeout',
};

/** An HTTP answer the router sends as is: { status, body, headers }. */
function errorReply(status, error, headers = {}) {
	return { status, body: { error }, headers };
}

class FaultInjector {
	/** @param {() => object} getOptions returns the effective options (with the live `faults`). */
	constructor(getOptions) {
		this.getOptions = getOptions;
		this.reseed();
	}

	reseed() {
		this.random = mulberry32(this.getOptions().seed);
	}

	get faults() {
		return this.getOptions().faults;
	}

	get slowMs() {
		return this.faults.slowMs || 0;
	}

	/** A 429 reply, shaped by retryAfterSeconds / quotaReset. */
	rateLimited(code, message) {
		const f = this.faults;
		const headers = f.retryAfterSeconds ? { 'retry-after': String(f.retryAfterSeconds) } : {};
		if (!code && f.quotaReset) {
			return errorReply(
				429,
				{
					message: 'Quota window exceeded, retry after reset_at',
					code: 'quota_window_exceeded',
					type: 'rate_limit_error',
					window: '1m',
					reset_at: Math.ceil((Date.now() + 1000) / 1000),
				},
				headers,
			);
		}
		return errorReply(
			429,
			{
				message: message || 'Rate limit exceeded',
				code: code || 'rate_limited',
				type: 'rate_limit_error',
			},
			headers,
		);
	}

	/** failNext: the next `count` authenticated /v1 calls answer `status`. */
	takeFailNext() {
		const fn = this.faults.failNext;
		if (!fn || !(fn.count > 0)) return null;
		fn.count -= 1;
		if (fn.status === 429) return this.rateLimited(fn.code, fn.message);
		return errorReply(fn.status, {
			message: fn.message || `Injected HTTP ${fn.status} from the QingBo simulator`,
			code: fn.code || DEFAULT_CODES[fn.status] || 'injected_error',
		});
	}

	/** submit429Count: the next n submits are refused before anything is created. */
	takeSubmit429() {
		const f = this.faults;
		if (!(f.submit429Count > 0)) return null;
		f.submit429Count -= 1;
		return this.rateLimited();
	}

	/** submitCreateThen502Count: the task is created, then the answer is lost behind a 502. */
	takeSubmitCreateThen502() {
		const f = this.faults;
		if (!(f.submitCreateThen502Count > 0)) return null;
		f.submitCreateThen502Count -= 1;
		return errorReply(502, {
			message: 'Bad gateway: upstream connection reset',
			code: 'bad_gateway',
		});
	}

	/** downloadFailDelayMs: how long a failing download takes before its 500 (a CDN that gives up late). */
	get downloadFailDelayMs() {
		return this.faults.downloadFailDelayMs || 0;
	}

	/** downloadFailCount: the next n result-file downloads answer 500 (e.g. a CDN hiccup). */
	takeDownloadFail() {
		const f = this.faults;
		if (!(f.downloadFailCount > 0)) return false;
		f.downloadFailCount -= 1;
		return true;
	}

	/** statusError5xxRate / statusError429Rate: one PRNG roll per status read, only while a rate is set. */
	rollStatusFault() {
		const r5 = this.faults.statusError5xxRate || 0;
		const r429 = this.faults.statusError429Rate || 0;
		if (r5 <= 0 && r429 <= 0) return null;
		const roll = this.random();
		if (roll < r5)
			return errorReply(500, { message: 'Internal server error', code: 'server_error' });
		if (roll < r5 + r429) return this.rateLimited();
		return null;
	}
}

module.exports = { FaultInjector, mulberry32, errorReply };
