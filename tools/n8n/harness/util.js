'use strict';
/** Small utilities shared by the harness modules: sleep, the [n8n-host] log line, child env, readable log tails. */
const fs = require('node:fs');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function log(message) {
	process.stderr.write(`[n8n-host] ${message}\n`);
}

function secondsSince(t0) {
	return ((Date.now() - t0) / 1000).toFixed(1);
}

/** Environment for child processes: the caller's, minus anything that would steer n8n or npm from outside. */
function cleanEnv() {
	const env = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (/^(N8N_|DB_|EXECUTIONS_|QUEUE_|JEST_|npm_)/i.test(key)) continue;
		if (
			['WEBHOOK_URL', 'NODE_ENV', 'INIT_CWD', 'GENERIC_TIMEZONE', 'NODE_CONFIG_DIR'].includes(key)
		)
			continue;
		env[key] = value;
	}
	return env;
}

/** Last `lines` lines of a file, JSON log lines shortened to "level: message". */
function tailOf(file, lines = 30) {
	let text;
	try {
		const fd = fs.openSync(file, 'r');
		try {
			const size = fs.fstatSync(fd).size;
			const len = Math.min(size, 256 * 1024);
			const buf = Buffer.alloc(len);
			fs.readSync(fd, buf, 0, len, size - len);
			text = buf.toString('utf8');
		} finally {
			fs.closeSync(fd);
		}
	} catch {
		return `(no log at ${file})`;
	}
	return readableLines(text).slice(-lines).join('\n');
}

function readableLines(text) {
	return text
		.split('\n')
		.filter((line) => line.trim() !== '')
		.map((line) => {
			try {
				const rec = JSON.parse(line);
				if (rec && typeof rec.message === 'string') {
					const msg = rec.message.startsWith('{')
						? `(run data, ${rec.message.length} chars)`
						: rec.message;
					return `${rec.level || 'log'}: ${msg}`.slice(0, 600);
				}
			} catch {
				/* not JSON */
			}
			return line.slice(0, 600);
		});
}

/**
 * Resolves `check()`'s first truthy value, asking every `everyMs`; throws after `timeoutMs`, naming
 * `what`, or at once when `isDead()` gives a reason (a process it waits on has died).
 */
async function until(check, what, timeoutMs = 60_000, { everyMs = 200, isDead } = {}) {
	const start = Date.now();
	for (;;) {
		const value = await check();
		if (value) return value;
		const dead = isDead && isDead();
		if (dead) throw new Error(`${what}: ${dead}`);
		if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
		await sleep(everyMs);
	}
}

module.exports = { sleep, until, log, secondsSince, cleanEnv, tailOf, readableLines };
