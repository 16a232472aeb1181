'use strict';
/**
 * n8n in queue mode for the real-n8n tests and `scripts/bench-queue.js`: Redis + PostgreSQL + n8n main
 * (`n8n start`) + 2 workers (`n8n worker`) + 1 webhook processor (`n8n webhook`), all on free loopback ports,
 * sharing one user folder with our packed package installed (docs/operations.md says what an operator sets).
 *
 *   const { startQueueStack } = require('./queue-stack');
 *   const stack = await startQueueStack({ credentials, workflows, webhooks: ['my-path'] });
 *   stack.mainUrl, stack.webhookUrl         // base URLs of main and of the webhook processor
 *   stack.n8n                               // the host.js instance of main: api(), waitForExecution(), ...
 *   await stack.restart({ env: { N8N_DEFAULT_BINARY_DATA_MODE: 'database' } });
 *   await stack.dispose();                  // n8n processes, then postgres, then redis; by PID
 *
 * - Redis and PostgreSQL come from Debian packages (`redis-server`, `postgresql`); when missing they are
 *   installed with apt-get on first use (needs root), under a lock shared by every test process.
 * - We start our OWN redis-server and postgres in a temp dir; the system services are never touched.
 *   postgres runs as the `postgres` user (runuser); its PID is read from postmaster.pid.
 * - main is a host.js instance (createInstance) with queue-mode env; workers and the webhook processor are
 *   spawned with main's env plus their own ports. Every n8n process has its own N8N_RUNNERS_BROKER_PORT.
 * - N8N_WEBHOOK_URL points at the webhook processor, so resume URLs ($execution.resumeUrl) reach it.
 * - A process-exit hook kills whatever is still running if the test run dies.
 *
 * Plain JS on purpose (test tooling: process, timers, console are fine here).
 */
const { spawn, spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const host = require('./host');
const { runCommand, pidAlive } = require('./harness/process');
const { sleep, until } = require('./harness/util');

const MIN = 60 * 1000;
const TIMEOUTS = {
	apt: 15 * MIN,
	serviceStart: 60 * 1000,
	n8nStart: 4 * MIN, // four n8n processes on 2 loaded cores
	n8nStop: 20 * 1000,
	webhook: 90 * 1000,
};

const log = (message) => process.stderr.write(`[queue-stack] ${message}\n`);

// ---- Debian packages -------------------------------------------------------------------------------

function which(bin) {
	const r = spawnSync('sh', ['-c', `command -v ${bin}`], { encoding: 'utf8' });
	return r.status === 0 ? r.stdout.trim() : null;
}

/** Debian's PostgreSQL server binaries: the newest /usr/lib/postgresql/<major>/bin with postgres + initdb. */
function pgBinDir() {
	const base = '/usr/lib/postgresql';
	let versions = [];
	try {
		versions = fs.readdirSync(base).filter((v) => /^\d+$/.test(v));
	} catch {
		return null;
	}
	versions.sort((a, b) => Number(b) - Number(a));
	for (const v of versions) {
		const dir = path.join(base, v, 'bin');
		if (['postgres', 'initdb', 'psql'].every((b) => fs.existsSync(path.join(dir, b)))) return dir;
	}
	return null;
}

function servicesInstalled() {
	return !!(which('redis-server') && pgBinDir() && which('runuser') && postgresUser());
}

function postgresUser() {
	const r = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
	return r.status === 0 ? Number(r.stdout.trim()) : null;
}

/** apt-get install redis-server postgresql when missing (idempotent; one installer at a time). */
async function ensureServices() {
	if (servicesInstalled()) return;
	await host.withLock('apt-redis-postgresql', async () => {
		if (servicesInstalled()) return;
		if (typeof process.getuid === 'function' && process.getuid() !== 0) {
			throw new Error(
				'Queue-mode tests need Debian packages redis-server and postgresql; installing them needs root. ' +
					'Run: sudo apt-get update && sudo apt-get install -y redis-server postgresql',
			);
		}
		const logFile = path.join(host.cacheDir(), 'apt-redis-postgresql.log');
		fs.mkdirSync(host.cacheDir(), { recursive: true });
		const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
		const t0 = Date.now();
		log('installing redis-server and postgresql with apt-get (first use on this machine) ...');
		const lockWait = ['-o', 'DPkg::Lock::Timeout=600'];
		const upd = await runCommand('apt-get', [...lockWait, 'update'], {
			env,
			timeoutMs: TIMEOUTS.apt,
			logFile,
		});
		if (upd.code !== 0) log(`apt-get update exited ${upd.code}; trying the install anyway`);
		const inst = await runCommand(
			'apt-get',
			[...lockWait, 'install', '-y', '--no-install-recommends', 'redis-server', 'postgresql'],
			{ env, timeoutMs: TIMEOUTS.apt, logFile },
		);
		if (inst.code !== 0 || !servicesInstalled()) {
			throw new Error(
				`apt-get install redis-server postgresql failed (exit ${inst.code}${inst.timedOut ? ', timed out' : ''}). Log ${logFile}:\n${host.tailOf(logFile, 25)}`,
			);
		}
		log(`redis-server and postgresql installed in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
	});
}

// ---- what we started: killed by PID on dispose and on process exit ----------------------------------

/** Every live stack of this process; the exit hook kills their processes. */
const liveStacks = new Set();
let exitHookInstalled = false;

function signal(pid, sig) {
	try {
		process.kill(pid, sig);
		return true;
	} catch {
		return false;
	}
}

function installExitHook() {
	if (exitHookInstalled) return;
	exitHookInstalled = true;
	process.on('exit', () => {
		for (const stack of liveStacks) stack.killNowSync();
	});
	for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
		const onSignal = () => {
			for (const stack of liveStacks) stack.killNowSync();
			if (process.listenerCount(sig) === 1) {
				process.removeListener(sig, onSignal);
				process.kill(process.pid, sig);
			}
		};
		process.on(sig, onSignal);
	}
}

/** A spawned long-running process, in its own process group, output to logFile. */
function spawnService(name, cmd, args, { env, cwd, logFile }) {
	const fd = fs.openSync(logFile, 'a');
	const child = spawn(cmd, args, { env, cwd, stdio: ['ignore', fd, fd], detached: true });
	fs.closeSync(fd);
	const proc = { name, child, pid: child.pid, logFile, exited: false, exit: null };
	proc.exitPromise = new Promise((resolve) => {
		child.once('exit', (code, sig) => {
			proc.exited = true;
			proc.exit = { code, signal: sig };
			resolve(proc.exit);
		});
		child.once('error', (err) => {
			proc.exited = true;
			proc.exit = { error: err.message };
			resolve(proc.exit);
		});
	});
	return proc;
}

/** SIGTERM the process, SIGKILL its group when it lingers. */
async function stopProcess(proc, { timeoutMs = TIMEOUTS.n8nStop, sig = 'SIGTERM' } = {}) {
	if (!proc) return;
	if (!proc.exited) {
		signal(proc.pid, sig);
		const exited = await Promise.race([
			proc.exitPromise.then(() => true),
			sleep(timeoutMs).then(() => false),
		]);
		if (!exited) {
			log(`${proc.name} (pid ${proc.pid}) did not stop within ${timeoutMs} ms: SIGKILL`);
			signal(-proc.pid, 'SIGKILL');
			await Promise.race([proc.exitPromise, sleep(5000)]);
		}
	}
	// n8n's task runner is a child in the same process group.
	signal(-proc.pid, 'SIGKILL');
}

// ---- HTTP probes -----------------------------------------------------------------------------------

async function httpStatus(method, url, headers = {}) {
	try {
		const res = await host.request(method, url, { headers, timeoutMs: 3000 });
		return res.status;
	} catch {
		return null;
	}
}

/** GET a URL as raw bytes: { status, headers, body: Buffer }. */

function redisPing(port) {
	return new Promise((resolve) => {
		const socket = net.connect({ host: '127.0.0.1', port });
		let data = '';
		const done = (ok) => {
			socket.destroy();
			resolve(ok);
		};
		socket.setTimeout(2000, () => done(false));
		socket.once('error', () => done(false));
		socket.on('connect', () => socket.write('PING\r\n'));
		socket.on('data', (c) => {
			data += c;
			if (data.includes('\r\n')) done(data.startsWith('+PONG'));
		});
	});
}

/** The same target for the same path (nginx `hash $request_uri consistent`): a parked execution's callbacks meet. */
function byPath(url, count) {
	const path = url.split('?')[0];
	let hash = 0;
	for (const char of path) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
	return hash % count;
}

/**
 * An HTTP balancer on a free loopback port, as operators put in front of n8n in queue mode: webhook
 * paths (`/webhook…`) go to the webhook processors, each request whole to the next one
 * (`round-robin`) or to the one its path hashes to (`by-path`, the recipe for n8n 1.x); every other
 * path (e.g. `/rest/binary-data/signed`) to main (`mainUrl()`). `hits` counts requests per processor.
 */
async function startBalancer(targets, balancing = 'round-robin', mainUrl = () => null) {
	const hits = Object.fromEntries(targets.map((target) => [target, 0]));
	let next = 0;
	const server = http.createServer((req, res) => {
		const toMain = !req.url.startsWith('/webhook') && mainUrl();
		const pick = balancing === 'by-path' ? byPath(req.url, targets.length) : next;
		if (!toMain && balancing !== 'by-path') next++;
		const target = new URL(toMain || targets[pick % targets.length]);
		if (!toMain) hits[target.origin] += 1;
		const forward = http.request(
			{
				host: target.hostname,
				port: target.port,
				method: req.method,
				path: req.url,
				headers: { ...req.headers, host: target.host },
			},
			(answer) => {
				res.writeHead(answer.statusCode, answer.headers);
				answer.pipe(res);
			},
		);
		forward.on('error', () => {
			if (!res.headersSent) res.writeHead(502);
			res.end();
		});
		req.pipe(forward);
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${server.address().port}`,
		hits,
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}

// ---- the stack -------------------------------------------------------------------------------------

/**
 * Bring up Redis, PostgreSQL, n8n main, workers and a webhook processor with our package installed.
 * @param {object} [opts]
 * @param {string} [opts.name] label for temp dirs
 * @param {'filesystem'|'database'} [opts.binaryDataMode='filesystem'] N8N_DEFAULT_BINARY_DATA_MODE of every process
 * @param {number} [opts.poolSize] DB_POSTGRESDB_POOL_SIZE (unset: n8n's default, 2)
 * @param {number} [opts.workers=2]
 * @param {object[]} [opts.credentials] imported before start (host.js importCredentials)
 * @param {object[]} [opts.workflows] imported before start; published through main's REST API once it runs
 *   (opts.publishWith 'cli': with `n8n publish:workflow` before start instead)
 * @param {string[]} [opts.webhooks] production webhook paths to wait for on main AND the webhook processor
 * @param {number} [opts.webhookProcessors=1] with 2 or more, resume URLs point at a balancer in front of
 *   them (stack.resumeBaseUrl)
 * @param {'round-robin'|'by-path'} [opts.balancing='round-robin'] how the balancer spreads requests: each to
 *   the next processor (a parked execution's callbacks split between them), or by path (they all meet)
 * @param {object} [opts.env] extra env for every n8n process
 */
async function startQueueStack(opts = {}) {
	const t0 = Date.now();
	const hostInfo = await host.ensureHost();
	await ensureServices();
	const pgBin = pgBinDir();
	const pgUid = postgresUser();
	const workerCount = opts.workers ?? 2;
	const webhookCount = opts.webhookProcessors ?? 1;

	const dir = fs.mkdtempSync(
		path.join(os.tmpdir(), `qingbo-queue-${opts.name ? `${opts.name}-` : ''}`),
	);
	fs.chmodSync(dir, 0o755); // postgres (another user) must reach its data dir inside
	const logsDir = path.join(dir, 'logs');
	fs.mkdirSync(logsDir);

	const ports = {
		redis: await host.freePort(),
		postgres: await host.freePort(),
		webhooks: [],
	};
	for (let i = 0; i < webhookCount; i++) ports.webhooks.push(await host.freePort());
	ports.webhook = ports.webhooks[0];
	const procs = { redis: null, postgres: null, postgresPid: null, workers: [], webhooks: [] };
	const webhookUrls = ports.webhooks.map((port) => `http://127.0.0.1:${port}`);
	// Several processors: resume URLs go to a balancer that hands each request to the next one.
	const balancer =
		webhookCount > 1
			? await startBalancer(webhookUrls, opts.balancing, () => stack.mainUrl)
			: null;
	let n8n = null;
	let failed = false;
	let disposed = false;
	let logins = null;
	let toPublish = [];

	const stack = {
		dir,
		ports,
		procs,
		mainUrl: null,
		/** The (first) webhook processor. */
		webhookUrl: webhookUrls[0],
		webhookUrls,
		/** What N8N_WEBHOOK_URL is, so what $execution.resumeUrl starts with: the balancer, or the processor. */
		resumeBaseUrl: balancer ? balancer.url : webhookUrls[0],
		balancing: balancer ? opts.balancing || 'round-robin' : null,
		/** Requests the balancer handed to each processor, by its URL (empty without a balancer). */
		balancedHits: balancer ? balancer.hits : {},
		n8n: null,
		timings: {},

		/** Synchronous last resort (process exit): kill everything still running, no waiting. */
		killNowSync() {
			const n8nProcs = [...procs.workers, ...procs.webhooks];
			for (const p of n8nProcs) if (!p.exited) signal(-p.pid, 'SIGKILL');
			// main belongs to host.js, whose own exit hook kills it; postgres shuts itself down on SIGQUIT.
			if (procs.postgresPid && pidAlive(procs.postgresPid)) signal(procs.postgresPid, 'SIGQUIT');
			if (procs.redis && !procs.redis.exited) signal(-procs.redis.pid, 'SIGKILL');
		},

		/** Readable log tails of every n8n process. */
		logTail(lines = 25) {
			const parts = [];
			if (n8n) parts.push(`--- main (${n8n.logs().server}) ---\n${n8n.logTail(lines)}`);
			for (const p of [...procs.workers, ...procs.webhooks])
				parts.push(`--- ${p.name} (${p.logFile}) ---\n${host.tailOf(p.logFile, lines)}`);
			return parts.join('\n');
		},

		markFailed() {
			failed = true;
			n8n?.markFailed();
		},

		/** Names of the workers whose log says they ran a job of this execution, one entry per job. */
		workerJobsOf(executionId) {
			const re = new RegExp(`Worker started execution ${executionId} \\(job`);
			const jobs = [];
			for (const p of procs.workers) {
				let text = '';
				try {
					text = fs.readFileSync(p.logFile, 'utf8');
				} catch {
					continue;
				}
				for (const line of text.split('\n')) if (re.test(line)) jobs.push(p.name);
			}
			return jobs;
		},

		/** Run SQL in n8n's database (psql -At): resolves stdout. */
		async sql(query) {
			const r = spawnSync(
				path.join(pgBin, 'psql'),
				[
					'-At',
					'-h',
					'127.0.0.1',
					'-p',
					String(ports.postgres),
					'-U',
					'n8n',
					'-d',
					'n8n',
					'-c',
					query,
				],
				{ encoding: 'utf8', env: { ...process.env, PGPASSWORD: 'n8n' }, timeout: 60_000 },
			);
			if (r.status !== 0) throw new Error(`psql failed (${r.status}): ${r.stderr}`);
			return r.stdout;
		},

		/** Binary data as stored by n8n, read back through main's REST API (/rest/binary-data). */
		async readBinary(binaryId) {
			if (!logins) {
				const res = await host.request('POST', `${stack.mainUrl}/rest/login`, {
					headers: { 'browser-id': 'qingbo-queue-stack' },
					body: { emailOrLdapLoginId: stack.owner.email, password: stack.owner.password },
				});
				const cookie = (res.headers['set-cookie'] || [])
					.map((c) => c.split(';')[0])
					.find((c) => c.startsWith('n8n-auth='));
				if (!cookie) throw new Error(`POST /rest/login: HTTP ${res.status} ${res.text}`);
				logins = cookie;
			}
			const url = `${stack.mainUrl}/rest/binary-data?id=${encodeURIComponent(binaryId)}&action=download`;
			return host.request('GET', url, {
				headers: { cookie: logins, 'browser-id': 'qingbo-queue-stack' },
				timeoutMs: 60_000,
			});
		},

		/** Wait until a production webhook path answers the CORS preflight (204) on main and on the processor. */
		async waitForWebhooks(paths, { timeoutMs = TIMEOUTS.webhook } = {}) {
			for (const p of paths) {
				for (const base of [stack.mainUrl, stack.webhookUrl]) {
					const url = `${base}/webhook/${p.replace(/^\//, '')}`;
					await until(
						async () =>
							[200, 204].includes(
								await httpStatus('OPTIONS', url, {
									Origin: base,
									'Access-Control-Request-Method': 'POST',
								}),
							),
						`webhook ${url} registered`,
						timeoutMs,
						{ everyMs: 150, isDead: deadProcess },
					).catch((err) => {
						stack.markFailed();
						throw new Error(`${err.message}\n${stack.logTail()}`);
					});
				}
			}
		},

		/** Stop every n8n process (main, workers, webhook processor) at once. */
		async stopN8n() {
			const all = [...procs.workers, ...procs.webhooks];
			await Promise.all([n8n?.stop(), ...all.map((p) => stopProcess(p))]);
			logins = null;
		},

		/** Start every n8n process and wait until all are ready and the webhooks are registered. */
		async startN8n() {
			const t = Date.now();
			procs.workers = [];
			procs.webhooks = [];
			const runStamp = `${Date.now()}`;
			for (let i = 1; i <= workerCount; i++) {
				const healthPort = await host.freePort();
				const env = {
					...n8n.env,
					N8N_RUNNERS_BROKER_PORT: String(await host.freePort()),
					QUEUE_HEALTH_CHECK_ACTIVE: 'true',
					QUEUE_HEALTH_CHECK_PORT: String(healthPort),
					N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
				};
				const proc = spawnService(`worker${i}`, hostInfo.nodeBin, [hostInfo.n8nBin, 'worker'], {
					env,
					cwd: dir,
					logFile: path.join(logsDir, `worker${i}-${runStamp}.log`),
				});
				proc.healthUrl = `http://127.0.0.1:${healthPort}/healthz/readiness`;
				procs.workers.push(proc);
			}
			for (const [i, port] of ports.webhooks.entries()) {
				const name = i === 0 ? 'webhook' : `webhook${i + 1}`;
				procs.webhooks.push(
					spawnService(name, hostInfo.nodeBin, [hostInfo.n8nBin, 'webhook'], {
						env: {
							...n8n.env,
							N8N_PORT: String(port),
							N8N_RUNNERS_BROKER_PORT: String(await host.freePort()),
						},
						cwd: dir,
						logFile: path.join(logsDir, `${name}-${runStamp}.log`),
					}),
				);
			}
			try {
				await Promise.all([
					n8n.start({ timeoutMs: TIMEOUTS.n8nStart }),
					...procs.workers.map((w) =>
						until(
							async () => (await httpStatus('GET', w.healthUrl)) === 200,
							`${w.name} ready`,
							TIMEOUTS.n8nStart,
							{ everyMs: 150, isDead: deadProcess },
						),
					),
					...webhookUrls.map((url) =>
						until(
							async () => (await httpStatus('GET', `${url}/healthz`)) === 200,
							`webhook processor ${url} up`,
							TIMEOUTS.n8nStart,
							{ everyMs: 150, isDead: deadProcess },
						),
					),
				]);
			} catch (err) {
				stack.markFailed();
				throw new Error(`${err.message}\n${stack.logTail()}`);
			}
			stack.timings.n8nReadyMs = Date.now() - t;
			if (!stack.owner) {
				stack.owner = await n8n.setupOwner();
			} else {
				await n8n.restLogin();
			}
			if (toPublish.length) {
				const tPublish = Date.now();
				for (const id of toPublish) await n8n.publish(id);
				toPublish = [];
				stack.timings.publishMs = Date.now() - tPublish;
			}
			await stack.waitForWebhooks(opts.webhooks || []);
			stack.timings.n8nStartMs = Date.now() - t;
		},

		/**
		 * Stop and start every n8n process (not Redis/Postgres); `env` is merged into the env of all of them
		 * first (e.g. another N8N_DEFAULT_BINARY_DATA_MODE or DB_POSTGRESDB_POOL_SIZE). Resolves the ms it took.
		 */
		async restart({ env } = {}) {
			const t = Date.now();
			await stack.stopN8n();
			stack.timings.stopMs = Date.now() - t;
			if (env) Object.assign(n8n.env, env); // host.js reads inst.env at every spawn
			await stack.startN8n();
			return Date.now() - t;
		},

		/** n8n processes, then postgres, then redis; all by PID. Removes the temp dirs unless something failed. */
		async dispose({ keep } = {}) {
			if (disposed) return;
			disposed = true;
			try {
				await stack.stopN8n();
				await stopPostgres();
				await stopProcess(procs.redis, { timeoutMs: 10_000 });
				await balancer?.close();
			} finally {
				liveStacks.delete(stack);
				const keepIt = keep || failed || process.env.KEEP_N8N_WORK === '1';
				await n8n?.dispose({ keep: keepIt });
				if (keepIt) log(`queue stack dir kept: ${dir}`);
				else fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
			}
		},
	};

	function deadProcess() {
		for (const p of [procs.redis, ...procs.workers, ...procs.webhooks].filter(Boolean))
			if (p.exited) return `${p.name} exited (${JSON.stringify(p.exit)}); log ${p.logFile}`;
		if (procs.postgresPid && !pidAlive(procs.postgresPid)) return 'postgres exited';
		return null;
	}

	async function stopPostgres() {
		const pid = procs.postgresPid;
		if (pid && pidAlive(pid)) {
			signal(pid, 'SIGINT'); // fast shutdown
			const t = Date.now();
			while (pidAlive(pid) && Date.now() - t < 20_000) await sleep(100);
			if (pidAlive(pid)) {
				signal(pid, 'SIGQUIT');
				await sleep(2000);
			}
			if (pidAlive(pid)) signal(pid, 'SIGKILL');
		}
		// runuser waits for postgres and then exits; make sure of it.
		if (procs.postgres) await stopProcess(procs.postgres, { timeoutMs: 5000 });
	}

	liveStacks.add(stack);
	installExitHook();
	try {
		// Redis: no persistence, loopback only.
		const redisDir = path.join(dir, 'redis');
		fs.mkdirSync(redisDir);
		const tRedis = Date.now();
		procs.redis = spawnService(
			'redis',
			which('redis-server'),
			[
				'--port',
				String(ports.redis),
				'--bind',
				'127.0.0.1',
				'--save',
				'',
				'--appendonly',
				'no',
				'--dir',
				redisDir,
				'--daemonize',
				'no',
			],
			{ env: process.env, cwd: dir, logFile: path.join(logsDir, 'redis.log') },
		);
		await until(() => redisPing(ports.redis), 'redis PONG', TIMEOUTS.serviceStart, {
			everyMs: 150,
			isDead: deadProcess,
		});
		stack.timings.redisMs = Date.now() - tRedis;

		// PostgreSQL: own cluster owned by the postgres user.
		const tPg = Date.now();
		const pgData = path.join(dir, 'pg');
		const pgSock = path.join(dir, 'pgsock');
		for (const d of [pgData, pgSock]) {
			fs.mkdirSync(d, { mode: 0o700 });
			fs.chownSync(d, pgUid, pgUid);
		}
		const pgLog = path.join(logsDir, 'postgres.log');
		fs.writeFileSync(pgLog, '');
		const init = await runCommand(
			'runuser',
			[
				'-u',
				'postgres',
				'--',
				path.join(pgBin, 'initdb'),
				'-D',
				pgData,
				'-U',
				'postgres',
				'--auth=trust',
				'-E',
				'UTF8',
				'--no-sync',
			],
			{ cwd: '/', logFile: pgLog, timeoutMs: 2 * MIN },
		);
		if (init.code !== 0) throw new Error(`initdb failed:\n${host.tailOf(pgLog, 20)}`);
		procs.postgres = spawnService(
			'postgres',
			'runuser',
			[
				'-u',
				'postgres',
				'--',
				path.join(pgBin, 'postgres'),
				'-D',
				pgData,
				'-p',
				String(ports.postgres),
				'-c',
				'listen_addresses=127.0.0.1',
				'-c',
				`unix_socket_directories=${pgSock}`,
				'-c',
				'fsync=off',
				'-c',
				'max_connections=200',
			],
			{ env: process.env, cwd: '/', logFile: pgLog },
		);
		const pidFile = path.join(pgData, 'postmaster.pid');
		await until(
			() => {
				try {
					procs.postgresPid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
				} catch {
					return false;
				}
				const r = spawnSync(
					path.join(pgBin, 'pg_isready'),
					['-h', '127.0.0.1', '-p', String(ports.postgres)],
					{ encoding: 'utf8' },
				);
				return r.status === 0;
			},
			'postgres ready',
			TIMEOUTS.serviceStart,
			{ everyMs: 150, isDead: deadProcess },
		);
		const psql = (sql) =>
			spawnSync(
				path.join(pgBin, 'psql'),
				[
					'-h',
					'127.0.0.1',
					'-p',
					String(ports.postgres),
					'-U',
					'postgres',
					'-v',
					'ON_ERROR_STOP=1',
					'-c',
					sql,
				],
				{ encoding: 'utf8', timeout: 60_000 },
			);
		for (const sql of ["create user n8n password 'n8n'", 'create database n8n owner n8n']) {
			const r = psql(sql);
			if (r.status !== 0) throw new Error(`psql "${sql}" failed: ${r.stderr}`);
		}
		stack.timings.postgresMs = Date.now() - tPg;

		// n8n main: a host.js instance (package installed into its user folder) with queue-mode env.
		const env = {
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(ports.redis),
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(ports.postgres),
			DB_POSTGRESDB_DATABASE: 'n8n',
			DB_POSTGRESDB_USER: 'n8n',
			DB_POSTGRESDB_PASSWORD: 'n8n',
			N8N_ENCRYPTION_KEY: crypto.randomBytes(24).toString('hex'),
			N8N_WEBHOOK_URL: `${stack.resumeBaseUrl}/`,
			WEBHOOK_URL: `${stack.resumeBaseUrl}/`, // what n8n 1.x reads (2.x prefers N8N_WEBHOOK_URL)
			N8N_DEFAULT_BINARY_DATA_MODE: opts.binaryDataMode || 'filesystem',
			// n8n 1.x offers only filesystem unless told (2.x offers database too): a restart can switch modes.
			N8N_AVAILABLE_BINARY_DATA_MODES: 'filesystem,database',
			OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
			...(opts.poolSize ? { DB_POSTGRESDB_POOL_SIZE: String(opts.poolSize) } : {}),
			...(opts.env || {}),
		};
		const tInstall = Date.now();
		n8n = await host.createInstance({ name: opts.name ? `${opts.name}-main` : 'queue-main', env });
		stack.n8n = n8n;
		stack.mainUrl = n8n.baseUrl;
		stack.timings.packageInstallMs = Date.now() - tInstall;

		const tImport = Date.now();
		if (opts.credentials?.length) await n8n.importCredentials(opts.credentials);
		if (opts.workflows?.length) {
			await n8n.importWorkflows(opts.workflows);
			const ids = opts.workflows.map((w) => w.id);
			if (opts.publishWith === 'cli') {
				// One CLI process each (a full n8n boot, 5-12 s on a loaded 2-core machine); two at a time.
				for (let i = 0; i < ids.length; i += 2)
					await Promise.all(ids.slice(i, i + 2).map((id) => n8n.publish(id)));
			} else {
				toPublish = ids; // through main's REST API once it runs: much faster than a CLI boot each
			}
		}
		stack.timings.importMs = Date.now() - tImport;

		await stack.startN8n();
		stack.timings.totalMs = Date.now() - t0;
		log(
			`queue stack up in ${(stack.timings.totalMs / 1000).toFixed(1)} s ` +
				`(n8n processes ready ${(stack.timings.n8nReadyMs / 1000).toFixed(1)} s): main ${stack.mainUrl}, webhook processors ${webhookUrls.join(' ')}${balancer ? ` behind ${balancer.url}` : ''}`,
		);
		return stack;
	} catch (err) {
		failed = true;
		await stack.dispose({ keep: true }).catch(() => {});
		throw err;
	}
}

module.exports = { startQueueStack, ensureServices };
