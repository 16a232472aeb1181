'use strict';
/** The harness's HTTP client (loopback calls to n8n and the simulator). */
const http = require('node:http');

const { TIMEOUTS } = require('./config');

/**
 * Minimal HTTP client (a body is sent as it is when text or bytes, else as JSON): resolves { status, headers, body (the raw bytes), text, json }; rejects on network
 * errors and timeouts.
 */
function request(method, url, { headers = {}, body, timeoutMs = TIMEOUTS.http } = {}) {
	return new Promise((resolve, reject) => {
		const data =
			body === undefined || typeof body === 'string' || Buffer.isBuffer(body)
				? body
				: JSON.stringify(body);
		const h = { ...headers };
		if (data !== undefined) {
			if (!Object.keys(h).some((k) => k.toLowerCase() === 'content-type'))
				h['content-type'] = 'application/json';
			h['content-length'] = Buffer.byteLength(data);
		}
		const req = http.request(url, { method, headers: h }, (res) => {
			const chunks = [];
			res.on('data', (c) => chunks.push(c));
			res.on('end', () => {
				const bytes = Buffer.concat(chunks);
				const text = bytes.toString('utf8');
				let json;
				try {
					json = JSON.parse(text);
				} catch {
					json = undefined;
				}
				resolve({ status: res.statusCode, headers: res.headers, body: bytes, text, json });
			});
			res.on('error', reject);
		});
		req.setTimeout(timeoutMs, () =>
			req.destroy(new Error(`${method} ${url} timed out after ${timeoutMs} ms`)),
		);
		req.on('error', reject);
		if (data !== undefined) req.write(data);
		req.end();
	});
}

/** Submits a task straight to the simulator with its key, as any tool would (no n8n involved); resolves its answer. */
function submitTask(sim, body) {
	return request('POST', `${sim.url}/v1/tasks`, {
		headers: { authorization: `Bearer ${sim.apiKey}` },
		body,
	});
}

module.exports = { request, submitTask };
