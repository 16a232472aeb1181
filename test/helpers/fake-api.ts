import type { IDataObject, IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';

export type Route = (options: IHttpRequestOptions) => Partial<IN8nHttpFullResponse> | Error;

/** A request as the fake saw it; `withKey`: it came through httpRequestWithAuthentication. */
export type SentRequest = IHttpRequestOptions & { withKey: boolean };

/** `/v1/x` matches that path on any origin; `https://host/v1/x` only on that origin. */
function routeKey(method: string, path: string): string {
	if (!/^[a-z]+:/i.test(path)) return `${method} ${path}`;
	const url = new URL(path);
	return `${method} ${url.origin}${url.pathname}`;
}

/**
 * A scripted stand-in for n8n's HTTP helpers: each call takes the next answer for its method and
 * path (or origin and path), so tests can say "500, then 429, then the task" and count what was
 * sent. `request` stands for httpRequestWithAuthentication (it carries the key), `plain` for
 * httpRequest (it does not); both record into `calls`.
 */
export class FakeApi {
	readonly calls: SentRequest[] = [];
	private readonly scripts = new Map<string, Route[]>();
	private readonly fallbacks = new Map<string, Route>();

	on(method: string, path: string, ...answers: Route[]): this {
		this.scripts.set(routeKey(method, path), answers);
		return this;
	}

	always(method: string, path: string, answer: Route): this {
		this.fallbacks.set(routeKey(method, path), answer);
		return this;
	}

	/** Calls to `path` on any origin, or, given a full URL, on that origin only. */
	count(method: string, path: string): number {
		const key = routeKey(method, path);
		return this.calls.filter((c) => {
			const url = new URL(c.url);
			return [`${c.method} ${url.pathname}`, `${c.method} ${url.origin}${url.pathname}`].includes(
				key,
			);
		}).length;
	}

	/** The origins that were sent anything, in order, e.g. to prove a host was never called. */
	origins(): string[] {
		return this.calls.map((c) => new URL(c.url).origin);
	}

	readonly request = async (
		_credential: string,
		options: IHttpRequestOptions,
	): Promise<IN8nHttpFullResponse> => await this.answer(options, true);

	readonly plain = async (options: IHttpRequestOptions): Promise<IN8nHttpFullResponse> =>
		await this.answer(options, false);

	private async answer(options: IHttpRequestOptions, withKey: boolean) {
		this.calls.push({ ...options, withKey });
		const url = new URL(options.url);
		const keys = [
			`${options.method} ${url.origin}${url.pathname}`,
			`${options.method} ${url.pathname}`,
		];
		// The origin's own script first, then the any-origin one; one answer is taken, from one script.
		const scripted = keys.find((key) => this.scripts.get(key)?.length);
		const answer = scripted
			? this.scripts.get(scripted)?.shift()
			: keys.map((key) => this.fallbacks.get(key)).find(Boolean);
		if (!answer) throw new Error(`unexpected call ${keys[0]}`);
		const result = answer(options);
		if (result instanceof Error) throw result;
		return { statusCode: 200, headers: {}, body: {}, ...result } as IN8nHttpFullResponse;
	}
}

export const ok =
	(body: IDataObject): Route =>
	() => ({ statusCode: 200, body });
export const status =
	(statusCode: number, error: IDataObject = {}, headers: IDataObject = {}): Route =>
	() => ({
		statusCode,
		headers,
		body: { error: { message: `HTTP ${statusCode}`, ...error } },
	});
/** A redirect to `location` (absolute or relative), 301 unless said. */
export const redirect =
	(location: string, statusCode = 301): Route =>
	() => ({ statusCode, headers: { location }, body: '' as never });
