'use strict';
/**
 * A real n8n (pinned in test/n8n/host/, or test/n8n/host-<line>/ with N8N_HOST_LINE=<line>, e.g. 1.x) to run the
 * built package in: the n8n tests and `npm run demo` use it.
 *
 *   const { ensureHost, packPackage, createInstance } = require('./host');
 *   const inst = await createInstance();            // throwaway user folder with our package installed
 *   await inst.importCredentials([...]); await inst.importWorkflows([...]);
 *   const { exitCode, run } = await inst.execute('wfId0000000000001');
 *   outputOf(run, 'Sora')                            // -> [{ json, binary }]
 *   await inst.dispose();
 *
 * How (see /work/shared/notes/n8n-host-recipe.md):
 * - n8n >= 2.36 needs Node 24. We take it from the npm `node` package (binary + headers), into
 *   <cache>/node-24.21.0, and run every n8n process with it. The tests themselves run on the project's Node.
 * - n8n is installed from test/n8n/host/package.json + package-lock.json into <cache>/n8n-<key>, key = first 12 hex
 *   of sha256(package.json ++ package-lock.json), with install scripts off (kafka's would download sources), then
 *   `npm rebuild sqlite3`. A `.ok` file marks a finished install. Cache: $N8N_HOST_CACHE or ~/.cache/qingbo-n8n-host.
 * - Our package is installed the way n8n installs community packages: <userFolder>/.n8n/nodes/node_modules/<pkg>.
 * - Every n8n process gets its own free task-broker port (two n8n processes on one broker port: the second exits 1).
 * - Loopback only; the env below keeps n8n from calling its own services.
 * - `n8n execute` prints the run through the logger: with N8N_LOG_FORMAT=json it is the `message` of the last
 *   JSON log line whose message starts with `{`.
 *
 * Plain JS on purpose: n8n's community lint bans process/console/timers in .ts files, and this is test tooling.
 */
const { spawn, spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
/**
 * Which pinned n8n to install and run: N8N_HOST_LINE unset (or `2.x`) -> test/n8n/host/ (n8n 2.41.1);
 * N8N_HOST_LINE=<line> -> test/n8n/host-<line>/ (e.g. `1.x` -> n8n 1.123.x). Each pin has its own lockfile and
 * its own cache folder. The harness never compares version strings: where the pins differ (CLI commands,
 * modules) it probes the installed n8n (see hostFeatures()).
 */
const HOST_LINE_ENV = 'N8N_HOST_LINE';
const DEFAULT_HOST_LINE = '2.x';
function hostLine() {
	return (process.env[HOST_LINE_ENV] || '').trim() || DEFAULT_HOST_LINE;
}
function hostSpecDir(line = hostLine()) {
	if (line === DEFAULT_HOST_LINE) return path.join(__dirname, 'host');
	if (!/^[A-Za-z0-9._-]+$/.test(line))
		throw new Error(`${HOST_LINE_ENV}=${line}: expected a pin folder suffix such as 1.x`);
	const dir = path.join(__dirname, `host-${line}`);
	if (!fs.existsSync(path.join(dir, 'package.json')))
		throw new Error(
			`${HOST_LINE_ENV}=${line}: no pin at ${path.relative(REPO_ROOT, dir)}/package.json`,
		);
	return dir;
}
const NODE_VERSION = '24.21.0';
const PACKAGE_NAME = require(path.join(REPO_ROOT, 'package.json')).name;
/** Set by global-setup.js so test files reuse its tarball. */
const TGZ_ENV = 'QINGBO_SORA_N8N_TGZ';

const MIN = 60 * 1000;
const TIMEOUTS = {
	nodeInstall: 5 * MIN,
	n8nInstall: 25 * MIN,
	sqliteRebuild: 10 * MIN,
	lockWait: 40 * MIN,
	lockStale: 45 * MIN, // a lock older than this is taken over even if its owner seems alive
	pack: 2 * MIN,
	packageInstall: 3 * MIN,
	cli: 2 * MIN, // import, publish
	execute: 3 * MIN,
	start: 2 * MIN,
	stop: 20 * 1000,
	webhook: 45 * 1000,
	http: 30 * 1000,
};

// ---- small utilities -----------------------------------------------------------------------------

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function log(message) {
	process.stderr.write(`[n8n-host] ${message}\n`);
}

function secondsSince(t0) {
	return ((Date.now() - t0) / 1000).toFixed(1);
}

function cacheDir() {
	return process.env.N8N_HOST_CACHE || path.join(os.homedir(), '.cache', 'qingbo-n8n-host');
}

/** The cache key of the pinned n8n: first 12 hex chars of sha256(package.json ++ package-lock.json). */
function hostKey() {
	const hash = crypto.createHash('sha256');
	const spec = hostSpecDir();
	hash.update(fs.readFileSync(path.join(spec, 'package.json')));
	hash.update(fs.readFileSync(path.join(spec, 'package-lock.json')));
	return hash.digest('hex').slice(0, 12);
}

/** The n8n version the selected pin asks for (its package.json), e.g. "2.41.1". */
function pinnedN8nVersion() {
	return require(path.join(hostSpecDir(), 'package.json')).dependencies.n8n;
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

// ---- ensureHost -------------------------------------------------------------------------------------

function nodeLayout() {
	const dir = path.join(cacheDir(), `node-${NODE_VERSION}`);
	const home = path.join(
		dir,
		'node_modules',
		'node',
		'node_modules',
		`node-${process.platform}-${process.arch}`,
	);
	return { dir, home, bin: path.join(home, 'bin', 'node') };
}

function nodeWorks(bin) {
	if (!fs.existsSync(bin)) return false;
	const r = spawnSync(bin, ['-v'], { encoding: 'utf8', timeout: 20000 });
	return r.status === 0 && r.stdout.trim() === `v${NODE_VERSION}`;
}

function n8nLayout() {
	const dir = path.join(cacheDir(), `n8n-${hostKey()}`);
	return {
		dir,
		bin: path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n'),
		ok: path.join(dir, '.ok'),
	};
}

function toolEnv(nodeHome) {
	const env = cleanEnv();
	env.PATH = `${path.join(nodeHome, 'bin')}${path.delimiter}${env.PATH || ''}`;
	// node-gyp must build against the Node 24 headers (the machine npmrc may point nodedir at the system Node).
	env.npm_config_nodedir = nodeHome;
	env.npm_config_update_notifier = 'false';
	return env;
}

async function ensureNode() {
	const node = nodeLayout();
	if (nodeWorks(node.bin)) return node;
	await withLock(`node-${NODE_VERSION}`, async () => {
		if (nodeWorks(node.bin)) return;
		const t0 = Date.now();
		log(
			`installing Node ${NODE_VERSION} from the npm registry (package "node") into ${node.dir} ...`,
		);
		fs.rmSync(node.dir, { recursive: true, force: true });
		fs.mkdirSync(node.dir, { recursive: true });
		fs.writeFileSync(path.join(node.dir, 'package.json'), '{"private":true}\n');
		const env = cleanEnv();
		env.npm_config_update_notifier = 'false';
		const r = await runCommand(
			'npm',
			['install', '--save-exact', '--no-audit', '--no-fund', `node@${NODE_VERSION}`],
			{
				cwd: node.dir,
				env,
				timeoutMs: TIMEOUTS.nodeInstall,
				logFile: path.join(node.dir, 'install.log'),
			},
		);
		if (r.code !== 0 || !nodeWorks(node.bin)) {
			throw new Error(
				`Installing Node ${NODE_VERSION} failed (exit ${r.code}${r.timedOut ? ', timed out' : ''}; ` +
					`expected ${node.bin}; the "node" package needs its preinstall script).\n` +
					tailOf(path.join(node.dir, 'install.log'), 20),
			);
		}
		log(`Node ${NODE_VERSION} installed in ${secondsSince(t0)} s`);
	});
	return node;
}

async function ensureN8n(nodeHome) {
	const n8n = n8nLayout();
	if (fs.existsSync(n8n.ok) && fs.existsSync(n8n.bin)) return n8n;
	await withLock(path.basename(n8n.dir), async () => {
		if (fs.existsSync(n8n.ok) && fs.existsSync(n8n.bin)) return;
		const t0 = Date.now();
		const env = toolEnv(nodeHome);
		log(
			`installing n8n ${pinnedN8nVersion()} into ${n8n.dir} (first run on this machine: about 3-4 minutes, ~3 GB) ...`,
		);
		fs.rmSync(n8n.dir, { recursive: true, force: true });
		fs.mkdirSync(n8n.dir, { recursive: true });
		for (const f of ['package.json', 'package-lock.json'])
			fs.copyFileSync(path.join(hostSpecDir(), f), path.join(n8n.dir, f));
		const installLog = path.join(n8n.dir, 'install.log');
		const modules = path.join(n8n.dir, 'node_modules');
		const heartbeat = (ms) => {
			let count = 0;
			try {
				count = fs.readdirSync(modules).length;
			} catch {
				/* not yet */
			}
			log(`  still installing n8n: ${Math.round(ms / 1000)} s, ${count} entries in node_modules`);
		};
		heartbeat.everyMs = 20000;
		// Install scripts off: @confluentinc/kafka-javascript's would download zlib/openssl sources and fail offline.
		let r = await runCommand(
			'npm',
			['install', '--ignore-scripts', '--prefer-offline', '--no-audit', '--no-fund'],
			{
				cwd: n8n.dir,
				env,
				timeoutMs: TIMEOUTS.n8nInstall,
				logFile: installLog,
				heartbeat,
			},
		);
		if (r.code !== 0 || !fs.existsSync(n8n.bin)) {
			throw new Error(
				`npm install of n8n failed (exit ${r.code}${r.timedOut ? ', timed out' : ''}); log: ${installLog}\n${tailOf(installLog, 25)}`,
			);
		}
		log(
			`  n8n packages installed in ${secondsSince(t0)} s; building sqlite3 for Node ${NODE_VERSION} (~1 min) ...`,
		);
		const t1 = Date.now();
		// Only sqlite3 needs building for the default SQLite DB; isolated-vm ships a Node 24 prebuild.
		const rebuildLog = path.join(n8n.dir, 'rebuild.log');
		r = await runCommand('npm', ['rebuild', 'sqlite3'], {
			cwd: n8n.dir,
			env,
			timeoutMs: TIMEOUTS.sqliteRebuild,
			logFile: rebuildLog,
			heartbeat,
		});
		const sqliteBinding = path.join(modules, 'sqlite3', 'build', 'Release', 'node_sqlite3.node');
		if (r.code !== 0 || !fs.existsSync(sqliteBinding)) {
			throw new Error(
				`npm rebuild sqlite3 failed (exit ${r.code}${r.timedOut ? ', timed out' : ''}; needs a C++ toolchain and python3); ` +
					`log: ${rebuildLog}\n${tailOf(rebuildLog, 25)}`,
			);
		}
		fs.writeFileSync(n8n.ok, `${new Date().toISOString()}\n`);
		log(`  sqlite3 built in ${secondsSince(t1)} s; n8n ready after ${secondsSince(t0)} s`);
	});
	return n8n;
}

/**
 * What the installed n8n offers where the pins differ, found by looking at the installed files (never by version):
 * - publishCommand: `n8n publish:workflow` exists (n8n 2.x); otherwise activation is `update:workflow --active=true`.
 * - modules: backend module folders under n8n/dist/modules; N8N_DISABLED_MODULES may only name existing ones
 *   (n8n refuses to start on an unknown module name).
 */
function hostFeatures(n8nHome) {
	const dist = path.join(n8nHome, 'node_modules', 'n8n', 'dist');
	let modules = [];
	try {
		modules = fs
			.readdirSync(path.join(dist, 'modules'), { withFileTypes: true })
			.filter((d) => d.isDirectory())
			.map((d) => d.name.replace(/\.ee$/, ''));
	} catch {
		/* no modules folder */
	}
	let version = null;
	try {
		version = JSON.parse(
			fs.readFileSync(path.join(n8nHome, 'node_modules', 'n8n', 'package.json'), 'utf8'),
		).version;
	} catch {
		/* reported as null */
	}
	return {
		version, // for logs and reports only
		publishCommand: fs.existsSync(path.join(dist, 'commands', 'publish', 'workflow.js')),
		modules: new Set(modules),
	};
}

let hostPromise = null;

/**
 * Make sure Node 24 and the pinned n8n are installed in the cache (idempotent, safe across processes).
 * @returns {Promise<{ nodeBin: string, n8nBin: string, env: object, nodeHome: string, n8nHome: string, cacheDir: string,
 *   line: string, features: ReturnType<typeof hostFeatures> }>}
 *   Spawn n8n as `nodeBin n8nBin <command>` with `env` (Node 24 first on PATH) plus the instance env.
 */
function ensureHost() {
	if (!hostPromise) {
		hostPromise = (async () => {
			const t0 = Date.now();
			const node = await ensureNode();
			const n8n = await ensureN8n(node.home);
			const took = Date.now() - t0;
			if (took > 2000) log(`host ready in ${(took / 1000).toFixed(1)} s`);
			return {
				nodeBin: node.bin,
				n8nBin: n8n.bin,
				env: toolEnv(node.home),
				nodeHome: node.home,
				n8nHome: n8n.dir,
				cacheDir: cacheDir(),
				line: hostLine(),
				features: hostFeatures(n8n.dir),
			};
		})();
		hostPromise.catch(() => {
			hostPromise = null; // let a later call retry
		});
	}
	return hostPromise;
}

// ---- packPackage ------------------------------------------------------------------------------------

let packPromise = null;

/**
 * `npm pack` the repo (needs `dist/` from `npm run build`) into a temp dir; memoised per process.
 * Reuses the tarball global-setup.js made (env QINGBO_SORA_N8N_TGZ) when it exists.
 * @param {{ dir?: string }} [opts] pack another package directory instead (not memoised)
 * @returns {Promise<string>} absolute path of the .tgz
 */
async function packPackage(opts = {}) {
	if (opts.dir) return pack(opts.dir);
	const shared = process.env[TGZ_ENV];
	if (shared && fs.existsSync(shared)) return shared;
	if (!packPromise) {
		packPromise = pack(REPO_ROOT);
		packPromise.catch(() => {
			packPromise = null;
		});
	}
	return packPromise;
}

async function pack(dir) {
	if (dir === REPO_ROOT && !fs.existsSync(path.join(REPO_ROOT, 'dist'))) {
		throw new Error(`${REPO_ROOT}/dist is missing: run \`npm run build\` first`);
	}
	const dest = fs.mkdtempSync(path.join(os.tmpdir(), 'qingbo-n8n-pack-'));
	cleanupOnExit(dest);
	const env = cleanEnv();
	const r = await runCommand(
		'npm',
		['pack', '--ignore-scripts', '--json', '--pack-destination', dest],
		{
			cwd: dir,
			env,
			timeoutMs: TIMEOUTS.pack,
		},
	);
	if (r.code !== 0)
		throw new Error(`npm pack in ${dir} failed (exit ${r.code}):\n${r.stderr.slice(-2000)}`);
	let filename;
	try {
		filename = JSON.parse(r.stdout)[0].filename;
	} catch {
		filename = fs.readdirSync(dest).find((f) => f.endsWith('.tgz'));
	}
	const tgz = path.join(dest, filename);
	if (!fs.existsSync(tgz)) throw new Error(`npm pack did not produce ${tgz}`);
	return tgz;
}

const removeOnExit = new Set();
let removeHookInstalled = false;
function cleanupOnExit(dir) {
	removeOnExit.add(dir);
	if (removeHookInstalled) return;
	removeHookInstalled = true;
	process.on('exit', () => {
		for (const d of removeOnExit) fs.rmSync(d, { recursive: true, force: true });
	});
}

// ---- run data helpers -------------------------------------------------------------------------------

/** The IRun printed by `n8n execute`: the last JSON log line whose message is a JSON object. */
function parseRunFromLog(text) {
	let found = null;
	for (const line of text.split('\n')) {
		if (!line.startsWith('{')) continue;
		let rec;
		try {
			rec = JSON.parse(line);
		} catch {
			continue;
		}
		if (rec && typeof rec.message === 'string' && rec.message.startsWith('{')) found = rec.message;
	}
	if (!found) return null;
	try {
		return JSON.parse(found);
	} catch {
		return null;
	}
}

function runDataOf(run) {
	return (run && run.data && run.data.resultData && run.data.resultData.runData) || {};
}

/**
 * Items a node put on one of its outputs: [{ json, binary }] (binary undefined when absent).
 * Throws (listing the nodes that ran and the run's error) when the node did not run.
 */
function outputOf(run, nodeName, { output = 0, runIndex = 0 } = {}) {
	const runs = runDataOf(run)[nodeName];
	if (!runs || !runs[runIndex]) {
		const err = errorOf(run);
		throw new Error(
			`Node "${nodeName}" has no run #${runIndex}. Nodes that ran: ${Object.keys(runDataOf(run)).join(', ') || 'none'}` +
				(err ? `. Run error: ${err.message}${err.description ? ` (${err.description})` : ''}` : ''),
		);
	}
	const taskData = runs[runIndex];
	if (taskData.error && !(taskData.data && taskData.data.main)) {
		throw new Error(
			`Node "${nodeName}" failed: ${taskData.error.message}${taskData.error.description ? ` (${taskData.error.description})` : ''}`,
		);
	}
	const main = (taskData.data && taskData.data.main) || [];
	return (main[output] || []).map((item) => ({ json: item.json, binary: item.binary }));
}

/**
 * The run's error, or null: `{ message, description, node, name, ... }` from resultData.error,
 * else the first node-level error.
 */
function errorOf(run) {
	if (!run) return { message: 'no run data' };
	const resultError = run.data && run.data.resultData && run.data.resultData.error;
	if (resultError) {
		return {
			...resultError,
			node: resultError.node && resultError.node.name ? resultError.node.name : resultError.node,
		};
	}
	for (const [node, runs] of Object.entries(runDataOf(run))) {
		for (const taskData of runs || [])
			if (taskData && taskData.error) return { ...taskData.error, node };
	}
	return null;
}

/** Names of nodes that ran, in order of start time. */
function nodesRun(run) {
	return Object.entries(runDataOf(run))
		.map(([name, runs]) => [name, (runs[0] && runs[0].startTime) || 0])
		.sort((a, b) => a[1] - b[1])
		.map(([name]) => name);
}

// ---- HTTP -------------------------------------------------------------------------------------------

/** Minimal HTTP client: resolves { status, headers, text, json }; rejects on network errors and timeouts. */
function request(method, url, { headers = {}, body, timeoutMs = TIMEOUTS.http } = {}) {
	return new Promise((resolve, reject) => {
		const data =
			body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
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
				const text = Buffer.concat(chunks).toString('utf8');
				let json;
				try {
					json = JSON.parse(text);
				} catch {
					json = undefined;
				}
				resolve({ status: res.statusCode, headers: res.headers, text, json });
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

/** n8n's REST API stringifies execution data with `flatted`; use n8n's own copy to read it. */
function flattedParse(n8nHome, text) {
	const flatted = require(path.join(n8nHome, 'node_modules', 'flatted', 'cjs', 'index.js'));
	return flatted.parse(text);
}

// ---- createInstance ---------------------------------------------------------------------------------

const DEFAULT_OWNER = {
	email: 'owner@example.com',
	firstName: 'Test',
	lastName: 'Owner',
	password: 'Qingbo-Test-Passw0rd!',
};

const TERMINAL_STATUSES = new Set(['success', 'error', 'crashed', 'canceled', 'cancelled']);

/**
 * A throwaway n8n: its own user folder (SQLite DB, encryption key, binary data), our package installed as a
 * community package, free ports. Nothing runs until you call a method.
 * @param {object} [opts]
 * @param {string} [opts.tgz] package tarball to install (default: packPackage())
 * @param {object} [opts.env] extra/overriding env for every n8n process
 * @param {string} [opts.name] label for the temp dir
 * @param {boolean} [opts.installPackage=true] false: no community package at all
 */
async function createInstance(opts = {}) {
	const host = await ensureHost();
	const tgz = opts.installPackage === false ? null : opts.tgz || (await packPackage());
	const workDir = fs.mkdtempSync(
		path.join(os.tmpdir(), `qingbo-n8n-${opts.name ? `${opts.name}-` : ''}`),
	);
	const userFolder = path.join(workDir, 'home');
	const logsDir = path.join(workDir, 'logs');
	const importDir = path.join(workDir, 'import');
	fs.mkdirSync(logsDir, { recursive: true });
	fs.mkdirSync(importDir, { recursive: true });
	const port = await freePort();
	const baseUrl = `http://127.0.0.1:${port}`;
	const n8nFolder = path.join(userFolder, '.n8n');

	// Install the package the way n8n installs community packages.
	if (tgz) {
		const nodesDir = path.join(n8nFolder, 'nodes');
		fs.mkdirSync(nodesDir, { recursive: true });
		fs.writeFileSync(path.join(nodesDir, 'package.json'), '{"private":true}\n');
		const installLog = path.join(logsDir, 'package-install.log');
		const r = await runCommand(
			'npm',
			['install', '--omit=peer', '--ignore-scripts', '--no-audit', '--no-fund', tgz],
			{
				cwd: nodesDir,
				env: host.env,
				timeoutMs: TIMEOUTS.packageInstall,
				logFile: installLog,
			},
		);
		if (r.code !== 0)
			throw new Error(
				`Installing ${tgz} into ${nodesDir} failed (exit ${r.code}):\n${tailOf(installLog, 20)}`,
			);
	}

	const baseInstanceEnv = {
		...host.env,
		N8N_USER_FOLDER: userFolder,
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		N8N_PORT: String(port),
		N8N_WEBHOOK_URL: `${baseUrl}/`,
		N8N_EDITOR_BASE_URL: `${baseUrl}/`,
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_VERIFIED_PACKAGES_ENABLED: 'false',
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		// mcp-registry (n8n 2.x) would reach out to a registry; n8n 1.x has no such module and refuses unknown names.
		...(host.features.modules.has('mcp-registry') ? { N8N_DISABLED_MODULES: 'mcp-registry' } : {}),
		N8N_SECURE_COOKIE: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		DB_TYPE: 'sqlite',
		N8N_LOG_FORMAT: 'json',
		N8N_LOG_LEVEL: 'info',
		N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem',
		GENERIC_TIMEZONE: 'UTC',
		...(opts.env || {}),
	};

	let cmdCounter = 0;
	const commandLogs = [];
	let server = null; // { child, logFile, brokerPort, exited }
	let failed = false;
	let disposed = false;
	const session = {
		cookie: null,
		browserId: `qingbo-tests-${crypto.randomBytes(4).toString('hex')}`,
		owner: null,
	};

	async function envFor() {
		return { ...baseInstanceEnv, N8N_RUNNERS_BROKER_PORT: String(await freePort()) };
	}

	/** Run one n8n CLI command; throws on timeout. Retries once when the broker port was taken meanwhile. */
	async function cli(args, { timeoutMs = TIMEOUTS.cli, label } = {}) {
		for (let attempt = 1; ; attempt++) {
			const logFile = path.join(
				logsDir,
				`${String(++cmdCounter).padStart(2, '0')}-${label || args[0].replace(/[^a-z0-9]+/gi, '-')}.log`,
			);
			commandLogs.push(logFile);
			const r = await runCommand(host.nodeBin, [host.n8nBin, ...args], {
				cwd: workDir,
				env: await envFor(),
				timeoutMs,
				logFile,
			});
			r.logFile = logFile;
			if (r.timedOut) {
				failed = true;
				throw new Error(
					`n8n ${args.join(' ')} timed out after ${timeoutMs} ms. Log ${logFile}:\n${tailOf(logFile)}`,
				);
			}
			if (
				attempt === 1 &&
				r.code !== 0 &&
				/Task Broker's port \d+ is already in use/.test(r.stdout + r.stderr)
			)
				continue;
			return r;
		}
	}

	function writeImportFiles(kind, list) {
		const dir = path.join(importDir, `${kind}-${String(++cmdCounter).padStart(2, '0')}`);
		fs.mkdirSync(dir, { recursive: true });
		list.forEach((item, i) =>
			fs.writeFileSync(
				path.join(dir, `${String(i).padStart(3, '0')}.json`),
				JSON.stringify(item, null, 2),
			),
		);
		return dir;
	}

	function checkImport(r, what, count) {
		const output = r.stdout + r.stderr;
		if (r.code !== 0 || !/Successfully imported/i.test(output)) {
			failed = true;
			throw new Error(
				`n8n import of ${count} ${what} failed (exit ${r.code}). Log ${r.logFile}:\n${tailOf(r.logFile)}`,
			);
		}
	}

	const inst = {
		workDir,
		userFolder,
		n8nFolder,
		port,
		baseUrl,
		host,
		tgz,
		env: baseInstanceEnv,

		/**
		 * Import credentials: [{ id, name, type, data }] with plaintext `data`
		 * (`n8n import:credentials` encrypts object-valued data with the instance key).
		 */
		async importCredentials(list) {
			if (!list.length) return;
			const dir = writeImportFiles('credentials', list);
			const r = await cli(['import:credentials', '--separate', `--input=${dir}`], {
				label: 'import-credentials',
			});
			checkImport(r, 'credentials', list.length);
		},

		/** Import workflow JSON objects (each with a 16-char alphanumeric `id`) in one n8n process. */
		async importWorkflows(list) {
			if (!list.length) return;
			for (const wf of list) {
				if (!wf.id || !/^[A-Za-z0-9]{1,21}$/.test(wf.id))
					throw new Error(`Workflow "${wf.name}" needs an alphanumeric id (16 chars)`);
			}
			const dir = writeImportFiles('workflows', list);
			const r = await cli(['import:workflow', '--separate', `--input=${dir}`], {
				label: 'import-workflows',
			});
			checkImport(r, 'workflows', list.length);
		},

		/**
		 * Run a workflow from its Manual Trigger with `n8n execute` (works while `start` runs, too).
		 * @returns {Promise<{ exitCode, run, stdout, stderr, durationMs, logFile }>} `run` is the IRun or null
		 */
		async execute(workflowId, { timeoutMs = TIMEOUTS.execute } = {}) {
			const r = await cli(['execute', `--id=${workflowId}`, '--rawOutput'], {
				timeoutMs,
				label: `execute-${workflowId}`,
			});
			// A failing workflow is often the point of a test: no reason to keep the work dir.
			const run = parseRunFromLog(r.stdout);
			return {
				exitCode: r.code,
				run,
				stdout: r.stdout,
				stderr: r.stderr,
				durationMs: r.durationMs,
				logFile: r.logFile,
			};
		},

		/**
		 * Activate (publish) a workflow. Before start(): `n8n publish:workflow` (read at start-up).
		 * While running: through the REST API (needs setupOwner()/restLogin() first).
		 */
		async publish(workflowId) {
			if (inst.running()) {
				if (!session.cookie)
					throw new Error('publish() while n8n runs needs setupOwner() or restLogin() first');
				const wf = await inst.api('GET', `/rest/workflows/${workflowId}`);
				await inst.api('POST', `/rest/workflows/${workflowId}/activate`, {
					versionId: wf.versionId,
				});
				return;
			}
			// n8n 1.x has no publish:workflow; its update:workflow --active=true does the same before start().
			const args = host.features.publishCommand
				? ['publish:workflow', `--id=${workflowId}`]
				: ['update:workflow', `--id=${workflowId}`, '--active=true'];
			const r = await cli(args, { label: `publish-${workflowId}` });
			if (
				r.code !== 0 ||
				/error/i.test(
					readableLines(r.stdout + r.stderr)
						.filter((l) => l.startsWith('error'))
						.join('\n'),
				)
			) {
				failed = true;
				throw new Error(
					`n8n ${args.join(' ')} failed (exit ${r.code}). Log ${r.logFile}:\n${tailOf(r.logFile)}`,
				);
			}
		},

		/** True while `n8n start` runs. */
		running() {
			return !!(server && !server.exited);
		},

		/** `n8n start` in the background; resolves when /healthz, /healthz/readiness and /rest/settings answer 200. */
		async start({ timeoutMs = TIMEOUTS.start } = {}) {
			if (inst.running()) return;
			if (disposed) throw new Error('instance disposed');
			const env = await envFor();
			const logFile = path.join(logsDir, `${String(++cmdCounter).padStart(2, '0')}-start.log`);
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
			server = {
				child,
				logFile,
				brokerPort: Number(env.N8N_RUNNERS_BROKER_PORT),
				exited: false,
				exit: null,
			};
			const current = server;
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
				failed = true;
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
					failed = true;
					throw new Error(
						`Webhook ${method} ${url} not registered after ${timeoutMs} ms (last: ${last}). Log:\n${inst.logTail()}`,
					);
				}
				await sleep(150);
			}
		},

		/** SIGTERM `n8n start` (it stops its task runner), SIGKILL the process group if it lingers. */
		async stop({ timeoutMs = TIMEOUTS.stop } = {}) {
			if (!server) return;
			const current = server;
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
			session.cookie = null;
		},

		/** Create the owner account over REST (once per instance) and keep its session cookie. */
		async setupOwner(owner = {}) {
			const o = { ...DEFAULT_OWNER, ...owner };
			const res = await rawRest('POST', '/rest/owner/setup', o);
			if (res.status !== 200)
				throw new Error(`POST /rest/owner/setup: HTTP ${res.status} ${res.text.slice(0, 500)}`);
			keepCookie(res);
			session.owner = o;
			return { email: o.email, password: o.password, user: res.json && res.json.data };
		},

		/** Log in over REST (default: the owner from setupOwner()). */
		async restLogin({ email, password } = {}) {
			const o = session.owner || DEFAULT_OWNER;
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
			if (!session.cookie) throw new Error('Not logged in: call setupOwner() or restLogin() first');
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
		 * One execution with its run data: { id, status, finished, mode, workflowId, startedAt, stoppedAt, run },
		 * `run` shaped like execute()'s, so outputOf(run, node) / errorOf(run) work on it.
		 */
		async getExecution(id) {
			const e = await inst.api('GET', `/rest/executions/${id}`);
			let data = e.data;
			if (typeof data === 'string') data = flattedParse(host.n8nHome, data);
			return {
				id: e.id,
				status: e.status,
				finished: e.finished,
				mode: e.mode,
				workflowId: e.workflowId,
				startedAt: e.startedAt,
				stoppedAt: e.stoppedAt,
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
					failed = true;
					throw new Error(
						`No finished execution of ${workflowId} after ${timeoutMs} ms; seen: ${JSON.stringify(list.map((e) => [e.id, e.status]))}`,
					);
				}
				if (!inst.running())
					throw new Error(`n8n stopped while waiting for an execution. Log:\n${inst.logTail()}`);
				await sleep(250);
			}
		},

		/** Log files: { dir, server, commands }. */
		logs() {
			return { dir: logsDir, server: server ? server.logFile : null, commands: [...commandLogs] };
		},

		/** Readable tail of the server log (or of the last command's log). */
		logTail(lines = 40) {
			const file = server ? server.logFile : commandLogs[commandLogs.length - 1];
			return file ? tailOf(file, lines) : '(no logs yet)';
		},

		/** Keep the work dir at dispose() (also done automatically after a failed command). */
		markFailed() {
			failed = true;
		},

		/** Stop n8n; remove the temp dir unless something failed or KEEP_N8N_WORK=1. */
		async dispose({ keep } = {}) {
			if (disposed) return;
			disposed = true;
			await inst.stop();
			if (keep || failed || process.env.KEEP_N8N_WORK === '1') {
				log(`n8n work dir kept: ${workDir} (logs in ${logsDir})`);
			} else {
				fs.rmSync(workDir, { recursive: true, force: true });
			}
		},
	};

	async function rawRest(method, urlPath, body) {
		const headers = { 'browser-id': session.browserId };
		if (session.cookie) headers.cookie = session.cookie;
		return request(method, baseUrl + urlPath, { headers, body });
	}

	function keepCookie(res) {
		const set = res.headers['set-cookie'] || [];
		const auth = set.map((c) => c.split(';')[0]).find((c) => c.startsWith('n8n-auth='));
		if (!auth) throw new Error(`No n8n-auth cookie in the response (${res.status})`);
		session.cookie = auth;
	}

	return inst;
}

module.exports = {
	ensureHost,
	packPackage,
	createInstance,
	outputOf,
	errorOf,
	nodesRun,
	parseRunFromLog,
	freePort,
	request,
	hostKey,
	hostLine,
	hostSpecDir,
	hostFeatures,
	pinnedN8nVersion,
	HOST_LINE_ENV,
	cacheDir,
	PACKAGE_NAME,
	NODE_VERSION,
	TGZ_ENV,
	REPO_ROOT,
	withLock,
	tailOf,
};
