/** The URL policy: where a request may go (the Base URL, task IDs in paths, redirects, download links). */
import type { IDataObject } from 'n8n-workflow';

import { ExecutionCancelled, InputError, RedirectRefused } from '../errors';

/** QingBo's documented API hosts (README, Credentials; docs/models/README.md): the key may move among them. */
export const QINGBO_API_ORIGINS: readonly string[] = [
	'https://qingbo.dev',
	'https://www.qingbo.dev',
	'https://api.qingbo.ai',
];

/** Redirects followed per request; two hosts pointing at each other end here, not never. */
export const MAX_REDIRECTS = 5;

const REDIRECT_STATUSES = [301, 302, 303, 307, 308];

const CREDENTIAL_FIX =
	'Set the Base URL of the QingBo API credential to https://api.qingbo.ai, https://www.qingbo.dev or https://qingbo.dev (or your own https proxy).';

/** localhost, 127.0.0.0/8 and [::1]: a request to them never crosses a network. */
export function isLoopback(hostname: string): boolean {
	const host = hostname.toLowerCase();
	return host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * A host that is this machine or a private network, written as such (a name that resolves to one is
 * not looked up here): loopback, RFC 1918, link-local (cloud metadata at 169.254.169.254), CGNAT,
 * unspecified, IPv6 unique-local and link-local.
 */
export function isInternalHost(hostname: string): boolean {
	const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
	if (isLoopback(hostname) || host === 'localhost' || host === '::1' || host === '::') return true;
	const v4 = /^(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}$/.exec(host);
	if (v4) {
		const [a, b] = [Number(v4[1]), Number(v4[2])];
		return (
			a === 0 ||
			a === 10 ||
			a === 127 ||
			(a === 169 && b === 254) ||
			(a === 172 && b >= 16 && b <= 31) ||
			(a === 192 && b === 168) ||
			(a === 100 && b >= 64 && b <= 127)
		);
	}
	return /^(fc|fd|fe[89ab])[0-9a-f]{0,2}:/.test(host) || /^::ffff:/.test(host);
}

/**
 * Where a result file (or a hop of its redirects) may be fetched from: https; plain http only on the
 * Base URL's own origin. A host on this machine or a private network only when the Base URL is on
 * one too (a local QingBo or proxy): a CDN redirect cannot reach this machine's services or cloud
 * metadata. Allow Unencrypted HTTP concerns the Base URL only.
 */
export function downloadAllowed(url: URL, apiOrigin: string): boolean {
	if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
	if (url.origin === apiOrigin) return true;
	const apiHost = new URL(apiOrigin).hostname;
	if (url.protocol === 'http:' && !(isLoopback(apiHost) && isLoopback(url.hostname))) return false;
	return !isInternalHost(url.hostname) || isInternalHost(apiHost);
}

/** https always; http only where the traffic stays on this machine, or where the credential allows it. */
export function transportAllowed(url: URL, allowUnencryptedHttp: boolean): boolean {
	if (url.protocol === 'https:') return true;
	return url.protocol === 'http:' && (allowUnencryptedHttp || isLoopback(url.hostname));
}

/** What an error may name: the origin (a `file:` or `data:` URL has none: its scheme), never path or query. */
export function originOf(url: URL): string {
	return url.origin !== 'null' ? url.origin : url.protocol;
}

/** The API origin from the credential: tolerant of a trailing `/` or `/v1` typed by the user. */
export function apiOrigin(baseUrl: string): string {
	const trimmed = (baseUrl || '').trim().replace(/\/+$/, '').replace(/\/v1$/i, '');
	return trimmed || 'https://qingbo.dev';
}

const TASK_ID = /^[A-Za-z0-9_.:-]{1,200}$/;

/** A task ID goes into a URL path: only letters, digits and `_ . : -`, never only dots (`..` would climb out of /v1/tasks/). */
export function isTaskId(taskId: unknown): taskId is string {
	return typeof taskId === 'string' && TASK_ID.test(taskId) && !/^\.+$/.test(taskId);
}

/** Refuses, before any request, what is not a task ID. */
export function checkTaskId(taskId: string): void {
	if (isTaskId(taskId)) return;
	const shown = JSON.stringify(String(taskId ?? '').slice(0, 60));
	throw new InputError(
		'Task ID',
		`${shown} is not a QingBo task ID (1 to 200 letters, digits, _ . : -, not only dots); nothing was sent`,
		'Use the task_id a submit returned, e.g. task_01K8SGYNNNVBQTXNR4MM964S7K.',
	);
}

/** The credential's Base URL as a URL, refused when it is not one or would carry the key in clear text. */
export function checkBaseUrl(base: string, allowUnencryptedHttp: boolean): URL {
	if (!URL.canParse(base)) {
		throw new InputError(
			'Base URL',
			`"${base.slice(0, 100)}" is not a URL`,
			`Write it with its scheme, e.g. https://api.qingbo.ai. ${CREDENTIAL_FIX}`,
		);
	}
	const url = new URL(base);
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		throw new InputError('Base URL', `${url.protocol} is not supported`, CREDENTIAL_FIX);
	}
	if (!transportAllowed(url, allowUnencryptedHttp)) {
		throw new InputError(
			'Base URL',
			`${url.origin} uses unencrypted http, so the API key would travel in clear text; nothing was sent`,
			`Use https. For a trusted local proxy only, turn on Allow Unencrypted HTTP in the QingBo API credential (http to localhost, 127.x.x.x or [::1] needs no opt-in).`,
		);
	}
	return url;
}

/** Where a 301/302/303/307/308 answer points, resolved against the URL asked; undefined when it is no redirect. */
export function redirectTarget(
	response: { statusCode: number; headers?: IDataObject },
	from: URL,
): URL | undefined {
	if (!REDIRECT_STATUSES.includes(response.statusCode)) return undefined;
	const location = response.headers?.location ?? response.headers?.Location;
	if (typeof location !== 'string' || !location) return undefined;
	try {
		return new URL(location, from);
	} catch {
		return undefined; // an unreadable Location is reported as the 3xx it came with
	}
}

/** Whether an API call (it carries the key) may follow a redirect from `from` to `to`. */
export function keyMayFollow(from: URL, to: URL): boolean {
	if (to.origin === from.origin) return true;
	return QINGBO_API_ORIGINS.includes(from.origin) && QINGBO_API_ORIGINS.includes(to.origin);
}

/** An API call redirected where the key may not go. */
export function foreignRedirect(to: URL, status: number, attempts: number): RedirectRefused {
	const target = originOf(to);
	const clear = to.protocol === 'http:' ? ' over unencrypted http' : '';
	return new RedirectRefused(
		target,
		`QingBo redirected the request to ${target}${clear}: the API key is sent only to the Base URL's origin, so the call stopped there`,
		`If you trust ${target}, set it as the Base URL of the QingBo API credential${clear ? ' (an http Base URL also needs Allow Unencrypted HTTP)' : ''}; otherwise check the Base URL.`,
		status,
		attempts,
	);
}

/** A request that kept being redirected. */
export function tooManyRedirects(to: URL, status: number, attempts: number): RedirectRefused {
	const target = originOf(to);
	return new RedirectRefused(
		target,
		`The request was redirected more than ${MAX_REDIRECTS} times (last to ${target}), so it stopped`,
		`The hosts redirect in a loop. ${CREDENTIAL_FIX}`,
		status,
		attempts,
	);
}

/** A download link (or a hop of its redirects) that downloadAllowed refuses, or no URL at all. */
export function unsafeDownload(to: URL | undefined, redirected: boolean): InputError {
	const target = to ? originOf(to) : 'something that is not a URL';
	const why =
		to && (to.protocol === 'https:' || to.protocol === 'http:') && isInternalHost(to.hostname)
			? 'which is on this machine or a private network'
			: 'which is not https';
	return new InputError(
		'Video URL',
		`${redirected ? 'the download was redirected to' : 'the link points to'} ${target}, ${why}; it was not fetched`,
		"Only https result links on public hosts are downloaded (plain http only on the Base URL's own origin; this machine or a private network only when the Base URL is there too). If you trust the link, download it yourself from the task data.",
	);
}

type Answer = { statusCode: number; headers?: IDataObject; body?: unknown } | Error;

/**
 * Sends `request` and follows its redirects ourselves (n8n is always told not to): Stop is checked
 * before every hop, `allow` vets each one (it throws to refuse), and at most MAX_REDIRECTS are taken.
 * Resolves with the first answer that is not a redirect, or the Error `request` resolved with.
 */
export async function followRedirects<A extends Answer>(
	start: URL,
	options: { signal?: AbortSignal; what: string; attempts: number },
	request: (url: URL) => Promise<A>,
	allow: (from: URL, to: URL, answer: Exclude<A, Error>) => void,
): Promise<A> {
	let url = start;
	for (let hop = 0; ; hop++) {
		if (options.signal?.aborted) throw new ExecutionCancelled(options.what);
		const answer = await request(url);
		if (answer instanceof Error) return answer;
		const response = answer as Exclude<A, Error>;
		const next = redirectTarget(response, url);
		if (!next) return answer;
		allow(url, next, response);
		if (hop >= MAX_REDIRECTS) throw tooManyRedirects(next, response.statusCode, options.attempts);
		url = next;
	}
}

/**
 * A result file, its redirects followed hop by hop: https (or allowed http) only, and `send` is told
 * to carry the key only while every hop so far is on the API's own origin: a CDN never gets it.
 */
export async function downloadHops<A extends Exclude<Answer, Error>>(
	url: string,
	apiOrigin: string,
	signal: AbortSignal | undefined,
	send: (target: URL, withKey: boolean) => Promise<A>,
): Promise<A> {
	const start = URL.canParse(url) ? new URL(url) : undefined;
	if (!start || !downloadAllowed(start, apiOrigin)) throw unsafeDownload(start, false);
	let withKey = start.origin === apiOrigin;
	const what = 'downloading the video';
	return await followRedirects(
		start,
		{ signal, what, attempts: 1 },
		async (target) => await send(target, withKey),
		(_from, next, answer) => {
			(answer.body as { resume?: () => void } | undefined)?.resume?.(); // drain: frees the socket
			if (!downloadAllowed(next, apiOrigin)) throw unsafeDownload(next, true);
			// Once off the API's origin the key stays off, even if a later hop comes back.
			withKey = withKey && next.origin === apiOrigin;
		},
	);
}
