'use strict';
/** An instance's REST session (owner setup, login, cookie) and executions API. */
const { sleep } = require('./util');
const { request } = require('./http');
const { flattedParse } = require('./run-data');

const DEFAULT_OWNER = {
	email: 'owner@example.com',
	firstName: 'Test',
	lastName: 'Owner',
	password: 'Qingbo-Test-Passw0rd!',
};

const TERMINAL_STATUSES = new Set(['success', 'error', 'crashed', 'canceled', 'cancelled']);

/** The REST methods of `inst` (see createInstance); `ctx.session` holds the cookie and the owner. */
function restSession(inst, ctx) {
	const { host, baseUrl } = ctx;

	async function rawRest(method, urlPath, body) {
		const headers = { 'browser-id': ctx.session.browserId };
		if (ctx.session.cookie) headers.cookie = ctx.session.cookie;
		return request(method, baseUrl + urlPath, { headers, body });
	}

	function keepCookie(res) {
		const set = res.headers['set-cookie'] || [];
		const auth = set.map((c) => c.split(';')[0]).find((c) => c.startsWith('n8n-auth='));
		if (!auth) throw new Error(`No n8n-auth cookie in the response (${res.status})`);
		ctx.session.cookie = auth;
	}

	return {
		/** Create the owner account over REST (once per instance) and keep its session cookie. */
		async setupOwner(owner = {}) {
			const o = { ...DEFAULT_OWNER, ...owner };
			const res = await rawRest('POST', '/rest/owner/setup', o);
			if (res.status !== 200)
				throw new Error(`POST /rest/owner/setup: HTTP ${res.status} ${res.text.slice(0, 500)}`);
			keepCookie(res);
			ctx.session.owner = o;
			return { email: o.email, password: o.password, user: res.json && res.json.data };
		},

		/** Log in over REST (default: the owner from setupOwner()). */
		async restLogin({ email, password } = {}) {
			const o = ctx.session.owner || DEFAULT_OWNER;
			const res = await rawRest('POST', '/rest/login', {
				emailOrLdapLoginId: email || o.email,
				password: password || o.password,
			});
			if (res.status !== 200)
				throw new Error(`POST /rest/login: HTTP ${res.status} ${res.text.slice(0, 500)}`);
			keepCookie(res);
			return res.json && res.json.data;
		},

		/** Authenticated REST call; returns the body's `data` (or the body); throws on HTTP >= 400. */
		async api(method, urlPath, body) {
			if (!ctx.session.cookie)
				throw new Error('Not logged in: call setupOwner() or restLogin() first');
			const res = await rawRest(method, urlPath, body);
			if (res.status >= 400)
				throw new Error(`${method} ${urlPath}: HTTP ${res.status} ${res.text.slice(0, 1000)}`);
			return res.json && Object.prototype.hasOwnProperty.call(res.json, 'data')
				? res.json.data
				: res.json !== undefined
					? res.json
					: res.text;
		},

		/** Executions of a workflow, newest first: [{ id, status, finished, mode, startedAt, stoppedAt, ... }]. */
		async listExecutions(workflowId, { limit = 50 } = {}) {
			const filter = encodeURIComponent(JSON.stringify({ workflowId }));
			const data = await inst.api('GET', `/rest/executions?filter=${filter}&limit=${limit}`);
			const results = (data && (data.results || data)) || [];
			return [...results].sort((a, b) => Number(b.id) - Number(a.id));
		},

		/** Every execution of a workflow, newest first, following the REST API's cursor (100 per page). */
		async allExecutions(workflowId) {
			const filter = encodeURIComponent(JSON.stringify({ workflowId }));
			const all = [];
			for (let cursor; ; ) {
				const page = await inst.api(
					'GET',
					`/rest/executions?filter=${filter}&limit=100${cursor ? `&cursor=${cursor}` : ''}`,
				);
				all.push(...((page && page.results) || []));
				cursor = page && page.nextCursor;
				if (!cursor || !(page.results || []).length) break;
			}
			return [...new Map(all.map((e) => [e.id, e])).values()].sort(
				(a, b) => Number(b.id) - Number(a.id),
			);
		},

		/**
		 * One execution with its run data: { id, status, finished, mode, workflowId, startedAt, stoppedAt, dataChars, run },
		 * `run` shaped like execute()'s, so outputOf(run, node) / errorOf(run) work on it.
		 */
		async getExecution(id) {
			const e = await inst.api('GET', `/rest/executions/${id}`);
			let data = e.data;
			// How much execution data n8n stores for it (its flatted JSON), for size measurements.
			const dataChars =
				typeof data === 'string' ? data.length : JSON.stringify(data ?? null).length;
			if (typeof data === 'string') data = flattedParse(host.n8nHome, data);
			return {
				id: e.id,
				status: e.status,
				finished: e.finished,
				mode: e.mode,
				workflowId: e.workflowId,
				startedAt: e.startedAt,
				stoppedAt: e.stoppedAt,
				dataChars,
				run: {
					status: e.status,
					finished: e.finished,
					mode: e.mode,
					startedAt: e.startedAt,
					stoppedAt: e.stoppedAt,
					data,
				},
			};
		},

		/**
		 * Wait for an execution of `workflowId` that is finished (status success/error/crashed/canceled) and
		 * matches `where` (e.g. id not seen before); returns getExecution() of it.
		 */
		async waitForExecution(
			workflowId,
			{ where = () => true, timeoutMs = 60000, statuses = TERMINAL_STATUSES } = {},
		) {
			const t0 = Date.now();
			for (;;) {
				const list = await inst.listExecutions(workflowId);
				const hit = list.find((e) => statuses.has(e.status) && where(e));
				if (hit) return inst.getExecution(hit.id);
				if (Date.now() - t0 > timeoutMs) {
					ctx.failed = true;
					throw new Error(
						`No finished execution of ${workflowId} after ${timeoutMs} ms; seen: ${JSON.stringify(list.map((e) => [e.id, e.status]))}`,
					);
				}
				if (!inst.running())
					throw new Error(`n8n stopped while waiting for an execution. Log:\n${inst.logTail()}`);
				await sleep(250);
			}
		},
	};
}

module.exports = { restSession, DEFAULT_OWNER, TERMINAL_STATUSES };
