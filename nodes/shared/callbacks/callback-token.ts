import { createHmac, timingSafeEqual } from 'crypto';

/**
 * The secret a parked execution's callback URL carries, so that only QingBo (which got the URL with
 * the task) can reach the node: n8n 1.x resume URLs are `/webhook-waiting/<sequential id>`, unsigned.
 * Derived from the API key, the execution and the node, so it is the same for every submit of the
 * execution (n8n's Retry On Fail included) and needs no store, yet no one without the key can make it.
 */

/** The query parameter of the callback URL; QingBo keeps a callback URL's query intact. */
export const CALLBACK_TOKEN_PARAM = 'qingbo_token';

export function callbackToken(apiKey: string, executionId: string, nodeId: string): string {
	return createHmac('sha256', apiKey)
		.update(`qingbo-resume\n${executionId}\n${nodeId}`)
		.digest('hex')
		.slice(0, 40);
}

/** The resume URL with the token added to its query (n8n's own `signature` kept as it is). */
export function withCallbackToken(resumeUrl: string, token: string): string {
	const separator = resumeUrl.includes('?') ? '&' : '?';
	return `${resumeUrl}${separator}${CALLBACK_TOKEN_PARAM}=${token}`;
}

/** Compares a secret a request gave with the expected one in constant time. */
export function sameSecret(given: unknown, expected: string): boolean {
	const a = Buffer.from(typeof given === 'string' ? given : '');
	const b = Buffer.from(expected);
	return a.length === b.length && timingSafeEqual(a, b);
}
