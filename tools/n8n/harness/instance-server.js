'use strict';
/** An instance's `n8n start`: start (waits until n8n answers), waitForWebhook, stop. */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const { TIMEOUTS } = require('./config');
const { sleep, log, tailOf } = require('./util');
const { killTree, track } = require('./process');
const { request } = require('./http');
const { envFor } = require('./instance-env');

/** The server methods of `inst` (see createInstance); `ctx.server` is { child, logFile, brokerPort, exited, exit }. */
function serverLifecycle(inst, ctx) {
	const { host, workDir, logsDir, baseUrl } = ctx;

	return {
		/** True while `n8n start` runs. */
		running() {
			return !!(ctx.server && !ctx.server.exited);
		},

		/** `n8n start` in the background; resolves when /healthz, /healthz/readiness and /rest/settings answer 200. */
		async start({ timeoutMs = TIMEOUTS.start } = {}) {
			if (inst.running()) return;
			if (ctx.disposed) throw new Error('instance disposed');
			const env = await envFor(ctx);
			const logFile = path.join(logsDir, `${String(++ctx.cmdCounter).padStart(2, '0')}-start.log`);
			const fd = fs.openSync(logFile, 'a');
			const t0 = Date.now();
			const child = spawn(host.nodeBin, [host.n8nBin, 'start'], {
				cwd: workDir,
				env,
				stdio: ['ignore', fd, fd],
				detached: true,
			});
			fs.closeSync(fd);
			track(child);
			ctx.server = {
				child,
				logFile,
				brokerPort: Number(env.N8N_RUNNERS_BROKER_PORT),
				exited: false,
				exit: null,
			};
			const current = ctx.server;
			current.exitPromise = new Promise((resolve) => {
				child.once('exit', (code, signal) => {
					current.exited = true;
					current.exit = { code, signal };
					resolve(current.exit);
				});
				child.once('error', (err) => {
					current.exited = true;
					current.exit = { error: err.message };
					resolve(current.exit);
				});
			});
			const fail = async (why) => {
				ctx.failed = true;
				const tail = tailOf(logFile, 40);
				await inst.stop();
				throw new Error(`n8n start: ${why}. Log ${logFile}:\n${tail}`);
			};
			// /rest/settings is routed right after the REST controllers: n8n 1.x answers readiness 200 seconds before
			// it has them (POST /rest/owner/setup is a 404 meanwhile).
			for (const probe of ['/healthz', '/healthz/readiness', '/rest/settings']) {
				for (;;) {
					if (current.exited) await fail(`exited early (${JSON.stringify(current.exit)})`);
					if (Date.now() - t0 > timeoutMs) await fail(`${probe} not OK after ${timeoutMs} ms`);
					try {
						const res = await request('GET', baseUrl + probe, { timeoutMs: 2000 });
						if (res.status === 200) break;
					} catch {
						/* not listening yet */
					}
					await sleep(150);
				}
			}
			inst.startDurationMs = Date.now() - t0;
		},

		/** Poll OPTIONS /webhook/<path> (CORS preflight; starts nothing) until it answers 204 = registered. */
		async waitForWebhook(
			webhookPath,
			method = 'POST',
			{ timeoutMs = TIMEOUTS.webhook, prefix = 'webhook' } = {},
		) {
			const url = `${baseUrl}/${prefix}/${webhookPath.replace(/^\//, '')}`;
			const t0 = Date.now();
			let last = '';
			for (;;) {
				if (!inst.running())
					throw new Error(`n8n is not running (waiting for ${url}). Log:\n${inst.logTail()}`);
				try {
					const res = await request('OPTIONS', url, {
						headers: { Origin: baseUrl, 'Access-Control-Request-Method': method.toUpperCase() },
						timeoutMs: 3000,
					});
					if (res.status === 204 || res.status === 200) return Date.now() - t0;
					last = `HTTP ${res.status} ${res.text.slice(0, 200)}`;
				} catch (err) {
					last = err.message;
				}
				if (Date.now() - t0 > timeoutMs) {
					ctx.failed = true;
					throw new Error(
						`Webhook ${method} ${url} not registered after ${timeoutMs} ms (last: ${last}). Log:\n${inst.logTail()}`,
					);
				}
				await sleep(150);
			}
		},

		/** SIGTERM `n8n start` (it stops its task runner), SIGKILL the process group if it lingers. */
		async stop({ timeoutMs = TIMEOUTS.stop } = {}) {
			if (!ctx.server) return;
			const current = ctx.server;
			if (!current.exited) {
				try {
					process.kill(current.child.pid, 'SIGTERM');
				} catch {
					/* gone */
				}
				const exited = await Promise.race([
					current.exitPromise.then(() => true),
					sleep(timeoutMs).then(() => false),
				]);
				if (!exited) {
					log(`n8n (pid ${current.child.pid}) did not stop within ${timeoutMs} ms: SIGKILL`);
					killTree(current.child, 'SIGKILL');
					await Promise.race([current.exitPromise, sleep(5000)]);
				}
			}
			// The task runner is n8n's child in the same group; make sure it is gone too.
			killTree({ pid: current.child.pid, exitCode: null, signalCode: null, kill() {} }, 'SIGKILL');
			ctx.session.cookie = null;
		},
	};
}

module.exports = { serverLifecycle };
