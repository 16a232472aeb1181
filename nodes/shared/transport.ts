import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IWebhookFunctions,
	IN8nHttpFullResponse,
} from 'n8n-workflow';

import { ApiFailure, ExecutionCancelled } from './errors';
import { pause } from './pause';
import { normaliseTask, type Task } from './task';

const CREDENTIAL_TYPE = 'qingboApi';

type ApiContext = IExecuteFunctions | IWebhookFunctions | ILoadOptionsFunctions;

const MAX_ATTEMPTS = 6;
/** While a callback sender waits for our answer: a few seconds of retries, then 503 so it can retry. */
export const CALLBACK_READ_ATTEMPTS = 3;
const MAX_BACKOFF_MS = 30_000;
const MAX_SERVER_DELAY_MS = 60_000;
const REQUEST_TIMEOUT_MS = 60_000;
const DOWNLOAD_TIMEOUT_MS = 30 * 60_000;

/** The API origin from the credential: tolerant of a trailing `/` or `/v1` typed by the user. */
export function apiOrigin(baseUrl: string): string {
	const trimmed = (baseUrl || '').trim().replace(/\/+$/, '').replace(/\/v1$/i, '');
	return trimmed || 'https://qingbo.dev';
}

function header(headers: IDataObject | undefined, name: string): string | undefined {
	const value = headers?.[name] ?? headers?.[name.toLowerCase()];
	return value === undefined ? undefined : String(value);
}

/** How long the server asked us to wait: `Retry-After` (seconds or a date) or the body's `reset_at`. */
export function serverDelayMs(
	headers: IDataObject | undefined,
	body: unknown,
	now = Date.now(),
): number | undefined {
	const retryAfter = header(headers, 'retry-after');
	if (retryAfter) {
		const seconds = Number(retryAfter);
		if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
		const date = Date.parse(retryAfter);
		if (!Number.isNaN(date)) return Math.max(0, date - now);
	}
	const resetAt = Number((body as { error?: { reset_at?: unknown } })?.error?.reset_at);
	if (Number.isFinite(resetAt) && resetAt > 0) {
		return Math.max(0, (resetAt > 1e12 ? resetAt : resetAt * 1000) - now);
	}
	return undefined;
}

function backoffMs(attempt: number): number {
	const base = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** attempt);
	return base / 2 + Math.random() * (base / 2);
}

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

interface Call {
	method: IHttpRequestMethods;
	path: string;
	body?: IDataObject;
	headers?: IDataObject;
	/** Retry 429, 5xx and network failures. Only for calls that are safe to repeat. */
	retry: boolean;
	maxAttempts?: number;
	/** false: a 429 goes straight back to the caller, who pauses more than this one call. */
	retryRateLimits?: boolean;
}

/**
 * The QingBo API as the nodes use it: one place for the base URL, auth, retries with backoff and
 * the translation of HTTP failures into `ApiFailure`.
 */
export class QingboClient {
	private constructor(
		private readonly ctx: ApiContext,
		/** Moves once if the API redirects to another host (see followsRedirect). */
		private origin: string,
	) {}

	static async create(ctx: ApiContext): Promise<QingboClient> {
		const credentials = await ctx.getCredentials<{ baseUrl?: string }>(CREDENTIAL_TYPE);
		return new QingboClient(ctx, apiOrigin(credentials.baseUrl ?? ''));
	}

	async submitTask(body: IDataObject, idempotencyKey: string): Promise<Task> {
		const raw = await this.call({
			method: 'POST',
			path: '/v1/tasks',
			body,
			// The key makes a repeated submit return the original task instead of billing a new one.
			headers: { 'Idempotency-Key': idempotencyKey },
			retry: true,
		});
		return normaliseTask(raw);
	}

	/**
	 * `maxAttempts`: the waiting engine keeps it low, since it reads again later anyway;
	 * `retryRateLimits` false: it pauses the whole batch on a 429 itself.
	 */
	async getTask(taskId: string, maxAttempts = MAX_ATTEMPTS, retryRateLimits = true): Promise<Task> {
		const raw = await this.call({
			method: 'GET',
			path: `/v1/tasks/${encodeURIComponent(taskId)}`,
			retry: true,
			maxAttempts,
			retryRateLimits,
		});
		return normaliseTask({ task_id: taskId, ...raw });
	}

	async cancelTask(taskId: string): Promise<Task> {
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
	 * Streams a result file. The key is sent only to the API's own origin, never to a CDN link.
	 * Resolves with the answer whatever its status (the caller explains an expired link); rejects
	 * only when no answer came.
	 */
	async download(url: string): Promise<IN8nHttpFullResponse> {
		const request: IHttpRequestOptions = {
			url,
			method: 'GET',
			encoding: 'stream',
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: DOWNLOAD_TIMEOUT_MS,
			abortSignal: cancelSignal(this.ctx),
		};
		const sameOrigin = new URL(url).origin === this.origin;
		const response: unknown = sameOrigin
			? await this.ctx.helpers.httpRequestWithAuthentication.call(
					this.ctx,
					CREDENTIAL_TYPE,
					request,
				)
			: await this.ctx.helpers.httpRequest(request);
		return response as IN8nHttpFullResponse;
	}

	/** Moves this client to the host a 3xx points at, once per host, keeping method and body. */
	private followsRedirect(
		response: IN8nHttpFullResponse,
		options: IHttpRequestOptions,
		path: string,
	): boolean {
		const location = header(response.headers as IDataObject, 'location');
		if (response.statusCode < 300 || response.statusCode >= 400 || !location) return false;
		const target = new URL(location, options.url);
		if (!target.pathname.endsWith(path) || target.origin === this.origin) return false;
		this.origin = target.origin;
		options.url = `${this.origin}${path}`;
		return true;
	}

	private async call(call: Call): Promise<IDataObject> {
		const signal = cancelSignal(this.ctx);
		const options: IHttpRequestOptions = {
			method: call.method,
			url: `${this.origin}${call.path}`,
			// A redirected POST would turn into a GET; we follow it ourselves below (e.g. apex → www host).
			disableFollowRedirect: call.method !== 'GET',
			headers: { Accept: 'application/json', ...call.headers },
			body: call.body,
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: REQUEST_TIMEOUT_MS,
		};
		for (let attempt = 1; ; attempt++) {
			let failure: ApiFailure;
			let delay: number | undefined;
			const response = await this.ctx.helpers.httpRequestWithAuthentication
				.call(this.ctx, CREDENTIAL_TYPE, options)
				.then(
					(full) => full as IN8nHttpFullResponse,
					(error: Error & { code?: string }) => error,
				);
			if (response instanceof Error) {
				if (signal?.aborted) throw new ExecutionCancelled(`calling ${call.method} ${call.path}`);
				// Keep only the message: the raw error carries the request, Authorization header included.
				failure = new ApiFailure(response.message, 0, response.code, undefined, attempt);
			} else if (response.statusCode >= 200 && response.statusCode < 300) {
				return (response.body ?? {}) as IDataObject;
			} else if (this.followsRedirect(response, options, call.path)) {
				attempt--;
				continue;
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
			await pause(wait, signal, `waiting to retry ${call.method} ${call.path}`);
		}
	}
}
