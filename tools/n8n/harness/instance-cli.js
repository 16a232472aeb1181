'use strict';
/** An instance's n8n CLI commands: import:credentials, import:workflow, execute, publish:workflow. */
const fs = require('node:fs');
const path = require('node:path');

const { TIMEOUTS } = require('./config');
const { tailOf, readableLines } = require('./util');
const { runCommand } = require('./process');
const { parseRunFromLog } = require('./run-data');
const { envFor } = require('./instance-env');

/** The CLI methods of `inst` (see createInstance); `ctx` holds the instance's folders and mutable state. */
function cliCommands(inst, ctx) {
	const { host, workDir, logsDir, importDir } = ctx;

	/** Run one n8n CLI command; throws on timeout. Retries once when the broker port was taken meanwhile. */
	async function cli(args, { timeoutMs = TIMEOUTS.cli, label } = {}) {
		for (let attempt = 1; ; attempt++) {
			const logFile = path.join(
				logsDir,
				`${String(++ctx.cmdCounter).padStart(2, '0')}-${label || args[0].replace(/[^a-z0-9]+/gi, '-')}.log`,
			);
			ctx.commandLogs.push(logFile);
			const r = await runCommand(host.nodeBin, [host.n8nBin, ...args], {
				cwd: workDir,
				env: await envFor(ctx),
				timeoutMs,
				logFile,
			});
			r.logFile = logFile;
			if (r.timedOut) {
				ctx.failed = true;
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
		const dir = path.join(importDir, `${kind}-${String(++ctx.cmdCounter).padStart(2, '0')}`);
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
			ctx.failed = true;
			throw new Error(
				`n8n import of ${count} ${what} failed (exit ${r.code}). Log ${r.logFile}:\n${tailOf(r.logFile)}`,
			);
		}
	}

	return {
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
				if (!ctx.session.cookie)
					throw new Error('publish() while n8n runs needs setupOwner() or restLogin() first');
				const wf = await inst.api('GET', `/rest/workflows/${workflowId}`);
				// n8n 1.x activates by saving the workflow with active: true; 2.x has an activate route.
				if (host.features.publishCommand)
					await inst.api('POST', `/rest/workflows/${workflowId}/activate`, {
						versionId: wf.versionId,
					});
				else
					await inst.api('PATCH', `/rest/workflows/${workflowId}`, {
						active: true,
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
				ctx.failed = true;
				throw new Error(
					`n8n ${args.join(' ')} failed (exit ${r.code}). Log ${r.logFile}:\n${tailOf(r.logFile)}`,
				);
			}
		},
	};
}

module.exports = { cliCommands };
