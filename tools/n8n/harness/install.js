'use strict';
/** Node 24 and the pinned n8n in the cache (installed once per machine, under a lock); what the installed n8n offers. */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const {
	NODE_VERSION,
	TIMEOUTS,
	cacheDir,
	hostKey,
	hostLine,
	hostSpecDir,
	pinnedN8nVersion,
} = require('./config');
const { log, secondsSince, cleanEnv, tailOf } = require('./util');
const { runCommand, withLock } = require('./process');

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
 * - signsResumeUrl: n8n-core appends the execution's resume token to $execution.resumeUrl as ?signature= (n8n 2.14+).
 * - conditionalResume: a webhook resumes a waiting execution only if it is still waiting (ActiveExecutions
 *   updates it `requireStatus: 'waiting'` and refuses a second resume, n8n 2.x); n8n 1.x updates it unconditionally.
 * - modules: backend module folders under n8n/dist/modules; N8N_DISABLED_MODULES may only name existing ones
 *   (n8n refuses to start on an unknown module name).
 */
function fileIncludes(file, text) {
	try {
		return fs.readFileSync(file, 'utf8').includes(text);
	} catch {
		return false;
	}
}

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
		signsResumeUrl: fileIncludes(
			path.join(
				n8nHome,
				'node_modules',
				'n8n-core',
				'dist',
				'execution-engine',
				'node-execution-context',
				'utils',
				'get-additional-keys.js',
			),
			'resumeToken',
		),
		conditionalResume: fileIncludes(path.join(dist, 'active-executions.js'), 'requireStatus'),
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

module.exports = { ensureHost, hostFeatures };
