import type { IDataObject, IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';

export type Route = (options: IHttpRequestOptions) => Partial<IN8nHttpFullResponse> | Error;

/**
 * A scripted stand-in for `httpRequestWithAuthentication`: each call takes the next answer for its
 * method and path, so tests can say "500, then 429, then the task" and count what was sent.
 */
export class FakeApi {
	readonly calls: IHttpRequestOptions[] = [];
	private readonly scripts = new Map<string, Route[]>();
	private readonly fallbacks = new Map<string, Route>();

	on(method: string, path: string, ...answers: Route[]): this {
		this.scripts.set(`${method} ${path}`, answers);
		return this;
	}

	always(method: string, path: string, answer: Route): this {
		this.fallbacks.set(`${method} ${path}`, answer);
		return this;
	}

	count(method: string, path: string): number {
		return this.calls.filter((c) => c.method === method && new URL(c.url).pathname === path).length;
	}

	readonly request = async (
		_credential: string,
		options: IHttpRequestOptions,
	): Promise<IN8nHttpFullResponse> => {
		this.calls.push({ ...options });
		const key = `${options.method} ${new URL(options.url).pathname}`;
		const answer = this.scripts.get(key)?.shift() ?? this.fallbacks.get(key);
		if (!answer) throw new Error(`unexpected call ${key}`);
		const result = answer(options);
		if (result instanceof Error) throw result;
		return { statusCode: 200, headers: {}, body: {}, ...result } as IN8nHttpFullResponse;
	};
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
