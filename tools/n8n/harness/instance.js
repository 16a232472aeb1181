'use strict';
/**
 * createInstance(): a throwaway n8n. This file makes its folders, installs the package and assembles `inst` from
 * the parts: env (instance-env.js), CLI commands (instance-cli.js), `n8n start` (instance-server.js), REST session
 * and executions API (instance-rest.js). The parts share one `ctx`: the instance's folders and its mutable state.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { TIMEOUTS } = require('./config');
const { log, tailOf } = require('./util');
const { freePort, runCommand } = require('./process');
const { ensureHost } = require('./install');
const { packPackage } = require('./pack');
const { instanceEnv } = require('./instance-env');
const { cliCommands } = require('./instance-cli');
const { serverLifecycle } = require('./instance-server');
const { restSession } = require('./instance-rest');

/** Install the package the way n8n installs community packages: <n8nFolder>/nodes/node_modules/<pkg>. */
async function installPackage(host, tgz, { n8nFolder, logsDir }) {
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

/** Log files, log tail, markFailed and dispose of `inst`. */
function housekeeping(inst, ctx) {
	const { workDir, logsDir } = ctx;
	return {
		/** Log files: { dir, server, commands }. */
		logs() {
			return {
				dir: logsDir,
				server: ctx.server ? ctx.server.logFile : null,
				commands: [...ctx.commandLogs],
			};
		},

		/** Readable tail of the server log (or of the last command's log). */
		logTail(lines = 40) {
			const file = ctx.server ? ctx.server.logFile : ctx.commandLogs[ctx.commandLogs.length - 1];
			return file ? tailOf(file, lines) : '(no logs yet)';
		},

		/** Keep the work dir at dispose() (also done automatically after a failed command). */
		markFailed() {
			ctx.failed = true;
		},

		/** Stop n8n; remove the temp dir unless something failed or KEEP_N8N_WORK=1. */
		async dispose({ keep } = {}) {
			if (ctx.disposed) return;
			ctx.disposed = true;
			await inst.stop();
			if (keep || ctx.failed || process.env.KEEP_N8N_WORK === '1') {
				log(`n8n work dir kept: ${workDir} (logs in ${logsDir})`);
			} else {
				fs.rmSync(workDir, { recursive: true, force: true });
			}
		},
	};
}

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

	if (tgz) await installPackage(host, tgz, { n8nFolder, logsDir });

	const baseInstanceEnv = instanceEnv(host, { userFolder, port, baseUrl }, opts);

	const ctx = {
		host,
		workDir,
		logsDir,
		importDir,
		baseUrl,
		env: baseInstanceEnv, // the same object as inst.env: callers may change it between spawns
		cmdCounter: 0,
		commandLogs: [],
		server: null, // { child, logFile, brokerPort, exited, exit, exitPromise }
		failed: false,
		disposed: false,
		session: {
			cookie: null,
			browserId: `qingbo-tests-${crypto.randomBytes(4).toString('hex')}`,
			owner: null,
		},
	};

	const inst = {
		workDir,
		userFolder,
		n8nFolder,
		port,
		baseUrl,
		host,
		tgz,
		env: baseInstanceEnv,
	};
	Object.assign(
		inst,
		cliCommands(inst, ctx), // importCredentials, importWorkflows, execute, publish
		serverLifecycle(inst, ctx), // running, start, waitForWebhook, stop
		restSession(inst, ctx), // setupOwner, restLogin, api, listExecutions, allExecutions, getExecution, waitForExecution
		housekeeping(inst, ctx), // logs, logTail, markFailed, dispose
	);
	return inst;
}

module.exports = { createInstance };
