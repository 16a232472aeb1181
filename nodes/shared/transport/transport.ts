import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IWebhookFunctions,
	IN8nHttpFullResponse,
} from 'n8n-workflow';

import { ApiFailure, ExecutionCancelled } from '../errors';
import type { SubmitTiming } from '../submit/idempotency';
import { pause } from './pause';
import { backoffMs, header, MAX_SERVER_DELAY_MS, serverDelayMs } from './retry-policy';
import {
	apiOrigin,
	checkBaseUrl,
	checkTaskId,
	downloadHops,
	followRedirects,
	foreignRedirect,
	keyMayFollow,
} from './url-policy';
import { normaliseTask, type Task } from '../task/task';

export { apiOrigin };

const CREDENTIAL_TYPE = 'qingboApi';

export interface SubmitAnswer {
	task: Task;
	timing: SubmitTiming;
}

type ApiContext = IExecuteFunctions | IWebhookFunctions | ILoadOptionsFunctions;

const MAX_ATTEMPTS = 6;
const REQUEST_TIMEOUT_MS = 60_000;
/** A retry with less time than this left in its budget is not worth sending. */
const MIN_REQUEST_MS = 1_000;
const DOWNLOAD_TIMEOUT_MS = 30 * 60_000;

/** How a status read may retry. */
export interface ReadOptions {
	/** Attempts in all (default 6). */
	maxAttempts?: number;
	/** false: a 429 goes straight back to the caller, who pauses more than this one call. */
	retryRateLimits?: boolean;
	/** The whole call, retries and server-requested waits included, ends within this many ms. */
	deadlineMs?: number;
}

export const CALLBACK_READ_ATTEMPTS = 3;
/** While a callback sender waits for our answer: a few seconds of retries, then 503 so it can retry. */
export const CALLBACK_READ: ReadOptions = {
	maxAttempts: CALLBACK_READ_ATTEMPTS,
	deadlineMs: 10_000,
};

function errorFromBody(status: number, body: unknown, attempts: number): ApiFailure {
	const error = (body as { error?: IDataObject } | undefined)?.error;
	const message =
		(typeof error?.message === 'string' && error.message) ||
		(typeof body === 'string' && body.trim().slice(0, 200)) ||
		`HTTP ${status}`;
	const param = typeof error?.param === 'string' ? error.param : undefined;
	const code = typeof error?.code === 'string' ? error.code : undefined;
	return new ApiFailure(message, status, code, param, attempts);
}

function cancelSignal(ctx: ApiContext): AbortSignal | undefined {
	return 'getExecutionCancelSignal' in ctx ? ctx.getExecutionCancelSignal() : undefined;
}

interface Call extends ReadOptions {
	method: IHttpRequestMethods;
	path: string;
	body?: IDataObject;
	headers?: IDataObject;
	/** Retry 429, 5xx and network failures. Only for calls that are safe to repeat. */
	retry: boolean;
}

type Answer = IN8nHttpFullResponse | (Error & { code?: string });

/**
 * The QingBo API as the nodes use it: one place for the base URL, auth, retries with backoff and
 * the translation of HTTP failures into `ApiFailure`.
 */
export class QingboClient {
	/** The Base URL's origin: the only place the key goes. */
	readonly origin: string;

	private constructor(
		private readonly ctx: ApiContext,
		/** Every call's URL starts with it; never changes (a redirect is followed for its call only). */
		private readonly base: string,
	) {
		this.origin = new URL(base).origin;
	}

	/** Refuses a Base URL that is no URL, or plain http off this machine without the credential's opt-in. */
	static async create(ctx: ApiContext): Promise<QingboClient> {
		const { baseUrl, allowUnencryptedHttp } = await ctx.getCredentials<{
			baseUrl?: string;
			allowUnencryptedHttp?: boolean;
		}>(CREDENTIAL_TYPE);
		const base = apiOrigin(baseUrl ?? '');
		checkBaseUrl(base, allowUnencryptedHttp === true);
		return new QingboClient(ctx, base);
	}

	/** The task, and when the call ran by our clock and the server's (to tell a task given back). */
	async submitTask(body: IDataObject, idempotencyKey: string): Promise<SubmitAnswer> {
		const sentAtMs = Date.now();
		const response = await this.answer({
			method: 'POST',
			path: '/v1/tasks',
			body,
			// The key makes a repeated submit return the original task instead of billing a new one.
			headers: { 'Idempotency-Key': idempotencyKey },
			retry: true,
		});
		const serverDateMs = Date.parse(header(response.headers as IDataObject, 'date') ?? '');
		return {
			task: normaliseTask((response.body ?? {}) as IDataObject),
			timing: {
				sentAtMs,
				answeredAtMs: Date.now(),
				serverDateMs: Number.isNaN(serverDateMs) ? undefined : serverDateMs,
			},
		};
	}

	/**
	 * The waiting engine asks few attempts (it reads again later anyway) and no 429 retries (it pauses
	 * the whole batch itself); a callback answer asks a time budget (CALLBACK_READ).
	 */
	async getTask(taskId: string, options: ReadOptions = {}): Promise<Task> {
		checkTaskId(taskId);
		const raw = await this.call({
			method: 'GET',
			path: `/v1/tasks/${encodeURIComponent(taskId)}`,
			retry: true,
			...options,
		});
		return normaliseTask({ task_id: taskId, ...raw });
	}

	async cancelTask(taskId: string): Promise<Task> {
		checkTaskId(taskId);
		const raw = await this.call({
			method: 'POST',
			path: `/v1/tasks/${encodeURIComponent(taskId)}/cancel`,
			retry: true,
		});
		return normaliseTask({ task_id: taskId, ...raw });
	}

	/** Model IDs from `GET /v1/models`, whose shape is undocumented: `{data}`, `{models}` or an array. */
	async listModels(): Promise<string[]> {
		return (await this.listModelEntries()).map((entry) => entry.id as string);
	}

	/** The key's models as the API describes them (`id`, `price_config`, ...); a bare ID becomes `{id}`. */
	async listModelEntries(): Promise<IDataObject[]> {
		const raw: unknown = await this.call({ method: 'GET', path: '/v1/models', retry: false });
		const list = Array.isArray(raw)
			? raw
			: ((raw as IDataObject)?.data ?? (raw as IDataObject)?.models ?? []);
		if (!Array.isArray(list)) return [];
		return list
			.map((entry) => (typeof entry === 'string' ? { id: entry } : (entry as IDataObject)))
			.filter((entry) => typeof entry?.id === 'string' && entry.id.length > 0);
	}

	/** The account's balance (`GET /v1/dashboard/billing/balance`), as the API answers it. */
	async getBalance(): Promise<IDataObject> {
		return await this.call({ method: 'GET', path: '/v1/dashboard/billing/balance', retry: true });
	}

	/**
	 * Streams a result file: https only (http under the Base URL's rule). The key goes only to the API's
	 * own origin; redirects are followed here, hop by hop, and a hop to another origin (a CDN) is made
	 * without the key. Resolves with the final answer whatever its status (the caller explains an
	 * expired link); rejects when no answer came or a link is refused.
	 */
	async download(url: string, deadlineMs?: number): Promise<IN8nHttpFullResponse> {
		// Stop, and the whole download's deadline (its hops and headers; the body has its own).
		const stop = cancelSignal(this.ctx);
		const late = deadlineMs === undefined ? undefined : AbortSignal.timeout(deadlineMs);
		const signal = stop && late ? AbortSignal.any([stop, late]) : (stop ?? late);
		return await downloadHops(url, this.origin, signal, async (target, withKey) => {
			const request: IHttpRequestOptions = {
				url: target.href,
				method: 'GET',
				encoding: 'stream',
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				disableFollowRedirect: true,
				timeout: DOWNLOAD_TIMEOUT_MS,
				abortSignal: signal,
			};
			const helpers = this.ctx.helpers;
			return (
				withKey
					? await helpers.httpRequestWithAuthentication.call(this.ctx, CREDENTIAL_TYPE, request)
					: await helpers.httpRequest(request)
			) as IN8nHttpFullResponse;
		});
	}

	/**
	 * One attempt: the request, plus the redirects it may follow with the key (same origin, or between
	 * QingBo's https hosts), for this call only. A hop is not an attempt.
	 */
	private async send(call: Call, attempt: number, signal?: AbortSignal, deadline = Infinity) {
		const what = `calling ${call.method} ${call.path}`;
		return await followRedirects<Answer>(
			new URL(`${this.base}${call.path}`),
			{ signal, what, attempts: attempt },
			async (url) => {
				const options: IHttpRequestOptions = {
					method: call.method,
					url: url.href,
					// POST stays POST with its body on every redirect status: we follow, not n8n.
					disableFollowRedirect: true,
					headers: { Accept: 'application/json', ...call.headers },
					body: call.body,
					json: true,
					returnFullResponse: true,
					ignoreHttpStatusErrors: true,
					timeout: Math.min(REQUEST_TIMEOUT_MS, Math.max(MIN_REQUEST_MS, deadline - Date.now())),
					abortSignal: signal,
				};
				const { helpers } = this.ctx;
				const sent = helpers.httpRequestWithAuthentication.call(this.ctx, CREDENTIAL_TYPE, options);
				return await (sent as Promise<IN8nHttpFullResponse>).catch(
					(error: Error & { code?: string }) => error,
				);
			},
			(from, next, answer) => {
				if (!keyMayFollow(from, next)) throw foreignRedirect(next, answer.statusCode, attempt);
			},
		);
	}

	private async call(call: Call): Promise<IDataObject> {
		return ((await this.answer(call)).body ?? {}) as IDataObject;
	}

	/** The first 2xx answer, after the retries the call allows; otherwise an `ApiFailure`. */
	private async answer(call: Call): Promise<IN8nHttpFullResponse> {
		const signal = cancelSignal(this.ctx);
		const deadline = call.deadlineMs === undefined ? Infinity : Date.now() + call.deadlineMs;
		for (let attempt = 1; ; attempt++) {
			let failure: ApiFailure;
			let delay: number | undefined;
			const response = await this.send(call, attempt, signal, deadline);
			if (response instanceof Error) {
				if (signal?.aborted) throw new ExecutionCancelled(`calling ${call.method} ${call.path}`);
				// Keep only the message: the raw error carries the request, Authorization header included.
				failure = new ApiFailure(response.message, 0, response.code, undefined, attempt);
			} else if (response.statusCode >= 200 && response.statusCode < 300) {
				return response;
			} else {
				failure = errorFromBody(response.statusCode, response.body, attempt);
				delay = serverDelayMs(response.headers as IDataObject, response.body);
				failure.retryAfterMs = delay;
			}
			if (
				!call.retry ||
				!failure.transient ||
				attempt >= (call.maxAttempts ?? MAX_ATTEMPTS) ||
				(failure.status === 429 && call.retryRateLimits === false)
			)
				throw failure;
			const wait =
				delay === undefined ? backoffMs(attempt - 1) : Math.min(delay, MAX_SERVER_DELAY_MS);
			// On a budget (a callback sender waits for us) a wait past it is no wait: answer now.
			if (Date.now() + wait + MIN_REQUEST_MS > deadline) throw failure;
			await pause(wait, signal, `waiting to retry ${call.method} ${call.path}`);
		}
	}
}
