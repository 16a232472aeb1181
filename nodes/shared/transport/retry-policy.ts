import type { IDataObject } from 'n8n-workflow';

/** How long the transport waits between attempts: its own back-off, or what the server asks. */

const MAX_BACKOFF_MS = 30_000;
/** A server asking for a longer wait than this is not waited for within one call. */
export const MAX_SERVER_DELAY_MS = 60_000;

/** A response header by its name or its lower-case form (n8n hands headers over lower-cased). */
export function header(headers: IDataObject | undefined, name: string): string | undefined {
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

/** Exponential back-off with jitter: half the step, plus up to half again at random. */
export function backoffMs(attempt: number): number {
	const base = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** attempt);
	return base / 2 + Math.random() * (base / 2);
}
