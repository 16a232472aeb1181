'use strict';
/**
 * Processes and ports: free loopback ports, running commands, killing process trees (nothing we start outlives
 * us), and the mkdir-based install lock shared across processes.
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const { TIMEOUTS, cacheDir } = require('./config');
const { sleep, log, secondsSince } = require('./util');

/** A free loopback TCP port, not handed out before by this process. */
const handedOutPorts = new Set();
async function freePort() {
	for (let attempt = 0; attempt < 50; attempt++) {
		const port = await new Promise((resolve, reject) => {
			const server = net.createServer();
			server.unref();
			server.once('error', reject);
			server.listen(0, '127.0.0.1', () => {
				const { port: p } = server.address();
				server.close(() => resolve(p));
			});
		});
		if (port !== 5678 && port !== 5679 && !handedOutPorts.has(port)) {
			handedOutPorts.add(port);
			return port;
		}
	}
	throw new Error('Could not find a free port');
}

// ---- child process bookkeeping: nothing we start outlives us ------------------------------------------

const liveChildren = new Set();
let exitHookInstalled = false;

function killTree(child, signal) {
	if (!child || child.exitCode !== null || child.signalCode !== null) return;
	try {
		// Children run in their own process group (detached): this also reaches n8n's task-runner child.
		process.kill(-child.pid, signal);
	} catch {
		try {
			child.kill(signal);
		} catch {
			/* already gone */
		}
	}
}

function installExitHook() {
	if (exitHookInstalled) return;
	exitHookInstalled = true;
	process.on('exit', () => {
		for (const child of liveChildren) killTree(child, 'SIGKILL');
	});
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
		const onSignal = () => {
			for (const child of liveChildren) killTree(child, 'SIGKILL');
			// Keep the default behaviour (exit) unless someone else handles the signal.
			if (process.listenerCount(signal) === 1) {
				process.removeListener(signal, onSignal);
				process.kill(process.pid, signal);
			}
		};
		process.on(signal, onSignal);
	}
}

function track(child) {
	installExitHook();
	liveChildren.add(child);
	child.once('exit', () => liveChildren.delete(child));
	child.once('error', () => liveChildren.delete(child));
	return child;
}

/**
 * Run a command to completion. Output goes to `logFile` (if given) and is kept in memory.
 * Resolves { code, signal, stdout, stderr, durationMs, timedOut }; never rejects on a non-zero exit.
 */
function runCommand(cmd, args, { cwd, env, timeoutMs, logFile, heartbeat } = {}) {
	return new Promise((resolve, reject) => {
		const t0 = Date.now();
		const out = logFile ? fs.createWriteStream(logFile, { flags: 'a' }) : null;
		if (out) out.write(`$ ${[cmd, ...args].join(' ')}\n`);
		let child;
		try {
			child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
		} catch (err) {
			reject(err);
			return;
		}
		track(child);
		const stdout = [];
		const stderr = [];
		child.stdout.on('data', (c) => {
			stdout.push(c);
			if (out) out.write(c);
		});
		child.stderr.on('data', (c) => {
			stderr.push(c);
			if (out) out.write(c);
		});
		let timedOut = false;
		let killTimer = null;
		const timer = setTimeout(() => {
			timedOut = true;
			killTree(child, 'SIGTERM');
			killTimer = setTimeout(() => killTree(child, 'SIGKILL'), 5000);
		}, timeoutMs || TIMEOUTS.cli);
		const beat = heartbeat
			? setInterval(() => heartbeat(Date.now() - t0), heartbeat.everyMs || 20000)
			: null;
		child.once('error', (err) => {
			clearTimeout(timer);
			if (beat) clearInterval(beat);
			if (out) out.end();
			reject(new Error(`Could not run ${cmd}: ${err.message}`));
		});
		child.once('close', (code, signal) => {
			clearTimeout(timer);
			if (killTimer) clearTimeout(killTimer);
			if (beat) clearInterval(beat);
			const finish = () =>
				resolve({
					code,
					signal,
					stdout: Buffer.concat(stdout).toString('utf8'),
					stderr: Buffer.concat(stderr).toString('utf8'),
					durationMs: Date.now() - t0,
					timedOut,
				});
			if (out) out.end(finish);
			else finish();
		});
	});
}

// ---- install lock -----------------------------------------------------------------------------------

function pidAlive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (err) {
		return err.code === 'EPERM';
	}
}

/** mkdir-based lock; a lock whose owner is dead (same host) or that is too old is taken over. */
async function withLock(name, fn) {
	const dir = path.join(cacheDir(), `.lock-${name}`);
	const infoFile = path.join(dir, 'owner.json');
	const t0 = Date.now();
	let lastNote = 0;
	fs.mkdirSync(cacheDir(), { recursive: true });
	for (;;) {
		try {
			fs.mkdirSync(dir);
			fs.writeFileSync(
				infoFile,
				JSON.stringify({ pid: process.pid, host: os.hostname(), at: Date.now() }),
			);
			break;
		} catch (err) {
			if (err.code !== 'EEXIST') throw err;
		}
		let info = null;
		try {
			info = JSON.parse(fs.readFileSync(infoFile, 'utf8'));
		} catch {
			/* being written, or the owner died between mkdir and write */
		}
		let stale = false;
		if (info) {
			stale =
				(info.host === os.hostname() && !pidAlive(info.pid)) ||
				Date.now() - info.at > TIMEOUTS.lockStale;
		} else {
			try {
				stale = Date.now() - fs.statSync(dir).mtimeMs > 30 * 1000;
			} catch {
				continue; // vanished: retry at once
			}
		}
		if (stale) {
			log(`taking over stale lock ${dir}${info ? ` (pid ${info.pid})` : ''}`);
			fs.rmSync(dir, { recursive: true, force: true });
			continue;
		}
		if (Date.now() - t0 > TIMEOUTS.lockWait) {
			throw new Error(
				`Timed out after ${secondsSince(t0)} s waiting for ${dir} (held by ${JSON.stringify(info)})`,
			);
		}
		if (Date.now() - lastNote > 30000) {
			lastNote = Date.now();
			log(
				`waiting for another process installing ${name} (lock ${dir}, pid ${info ? info.pid : '?'})`,
			);
		}
		await sleep(1000);
	}
	try {
		return await fn();
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

module.exports = { freePort, killTree, track, runCommand, withLock, pidAlive };
