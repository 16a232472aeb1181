'use strict';
/**
 * Media fetching as QingBo does it (option `fetchMedia`): when a task leaves the queue, every media
 * URL of its body is fetched, without our key; the task renders only once all arrived. A URL that
 * cannot be fetched, or whose file is not of the field's kind, fails the task upstream. Files are
 * streamed and hashed, never held, so a 200 MB source costs no memory.
 */
const { createHash } = require('node:crypto');

/** Body fields that hold media: one URL, or a list of URLs. */
function mediaFieldsOf(body) {
	const fields = [];
	for (const [field, value] of Object.entries(body)) {
		if (field === 'callback_url') continue;
		const urls = (Array.isArray(value) ? value : [value]).filter(
			(v) => typeof v === 'string' && /^https?:\/\//i.test(v),
		);
		if (urls.length) fields.push({ field, urls });
	}
	return fields;
}

/** The kind a field takes, by the API's naming (as the package's media-kinds.ts reads it). */
function kindOf(field) {
	if (/video/i.test(field)) return 'video';
	if (/audio/i.test(field)) return 'audio';
	if (field === 'file_url') return 'document';
	return 'image';
}

/**
 * Fetches one URL: { url, field, status, contentType, bytes, sha256, error? }. Redirects are not
 * followed (n8n's signed links answer directly); `timeoutMs` bounds the whole fetch.
 */
async function fetchOne(field, url, { timeoutMs }) {
	const fetched = { field, url, status: 0, contentType: '', bytes: 0, sha256: '' };
	try {
		const res = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
		fetched.status = res.status;
		fetched.contentType = res.headers.get('content-type') || '';
		if (!res.ok || !res.body) {
			await res.body?.cancel();
			return { ...fetched, error: `HTTP ${res.status}` };
		}
		const hash = createHash('sha256');
		for await (const chunk of res.body) {
			fetched.bytes += chunk.length;
			hash.update(chunk);
		}
		fetched.sha256 = hash.digest('hex');
	} catch (error) {
		return { ...fetched, error: error.message };
	}
	const kind = kindOf(field);
	if (kind !== 'document' && !fetched.contentType.toLowerCase().startsWith(`${kind}/`))
		return {
			...fetched,
			error: `not ${kind === 'image' ? 'an image' : kind}: ${fetched.contentType || 'no type'}`,
		};
	return fetched;
}

/**
 * Fetches every media URL of a task body, one at a time: { fetched: [...], error? } where error is
 * the task's failure message when one could not be used.
 */
async function fetchTaskMedia(body, { timeoutMs = 120_000 } = {}) {
	const fetched = [];
	for (const { field, urls } of mediaFieldsOf(body)) {
		for (const url of urls) {
			const one = await fetchOne(field, url, { timeoutMs });
			fetched.push(one);
			if (one.error) return { fetched, error: `Could not use ${field}: ${one.error}` };
		}
	}
	return { fetched };
}

module.exports = { fetchTaskMedia, mediaFieldsOf };
