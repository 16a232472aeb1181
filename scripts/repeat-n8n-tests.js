#!/usr/bin/env node
'use strict';
/**
 * Runs real-n8n test files again and again, outside CI, to find the tests that fail by chance
 * before CI does: each file `--times` times on each n8n line, one jest run at a time, and a table
 * of what passed and what failed (with the failing tests' names and where their logs are).
 *
 *   npm run build && node scripts/repeat-n8n-tests.js [--times 3] [--lines 2.x,1.x] [--files editor,queue-mode]
 *
 * `--files` takes test file names under test/n8n/ without `.test.js` (default: all of them); the
 * 1.x line skips the files `npm run test:n8n:1x` skips. Logs go to a temp folder, named in the table.
 * Exits 1 when any run failed.
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { measuredOn, numberArg, runScript } = require('./benchmarks-file');

const ROOT = path.resolve(__dirname, '..');
const N8N_TESTS = path.join(ROOT, 'test', 'n8n');
/** What `npm run test:n8n:1x` leaves out (package.json): they test our logic, not the n8n line. */
const SKIPPED_ON = { '1.x': ['faults', 'waiting', 'spend'] };

function listArg(name, fallback) {
	const i = process.argv.indexOf(name);
	return i >= 0 ? process.argv[i + 1].split(',').filter(Boolean) : fallback;
}

const TIMES = numberArg('--times', 3);
const LINES = listArg('--lines', ['2.x', '1.x']);
const ALL_FILES = fs
	.readdirSync(N8N_TESTS)
	.filter((file) => file.endsWith('.test.js'))
	.map((file) => file.replace(/\.test\.js$/, ''))
	.sort();
const FILES = listArg('--files', ALL_FILES);

/** One jest run of one file on one line: exit code, seconds, the names of the tests that failed. */
function runOnce(file, line, logFile) {
	return new Promise((resolve) => {
		const started = Date.now();
		const out = fs.openSync(logFile, 'w');
		const child = spawn(
			'npx',
			['jest', `test/n8n/${file}.test.js`, '--selectProjects', 'n8n', '--ci'],
			{ cwd: ROOT, env: { ...process.env, N8N_HOST_LINE: line }, stdio: ['ignore', out, out] },
		);
		child.on('close', (code) => {
			fs.closeSync(out);
			const text = fs.readFileSync(logFile, 'utf8');
			const failed = [...text.matchAll(/^\s+✕ (.+?)(?: \(\d+ m?s\))?$/gm)].map((m) => m[1]);
			resolve({ code, seconds: Math.round((Date.now() - started) / 1000), failed });
		});
	});
}

async function main() {
	if (!fs.existsSync(path.join(ROOT, 'dist', 'nodes', 'Sora', 'Sora.node.js')))
		throw new Error('dist/ is missing: run `npm run build` first');
	const unknown = FILES.filter((file) => !ALL_FILES.includes(file));
	if (unknown.length) throw new Error(`no test/n8n/${unknown[0]}.test.js`);
	const logs = fs.mkdtempSync(path.join(os.tmpdir(), 'qingbo-repeat-'));
	const rows = [];
	for (const line of LINES) {
		for (const file of FILES) {
			if ((SKIPPED_ON[line] ?? []).includes(file)) continue;
			const runs = [];
			for (let n = 1; n <= TIMES; n++) {
				const logFile = path.join(logs, `${line}-${file}-${n}.log`);
				const run = await runOnce(file, line, logFile);
				runs.push({ ...run, logFile });
				console.log(
					`${line} ${file} run ${n}/${TIMES}: ${run.code === 0 ? 'passed' : 'FAILED'} in ${run.seconds} s` +
						(run.failed.length ? ` (${run.failed.join('; ')})` : ''),
				);
			}
			rows.push({ line, file, runs });
		}
	}
	const { date, machine } = measuredOn();
	console.log(
		`\nRepeated real-n8n runs, ${date}, ${machine}, ${TIMES} per file and line (logs: ${logs})\n`,
	);
	console.log('| n8n line | file | passed | failed | seconds per run | failing tests |');
	console.log('|---|---|---|---|---|---|');
	for (const { line, file, runs } of rows) {
		const failedRuns = runs.filter((run) => run.code !== 0);
		const names = [...new Set(failedRuns.flatMap((run) => run.failed))];
		console.log(
			`| ${line} | ${file} | ${runs.length - failedRuns.length} | ${failedRuns.length} | ${runs.map((run) => run.seconds).join(', ')} | ${names.join('; ') || (failedRuns.length ? 'see the logs' : '')} |`,
		);
	}
	if (rows.some(({ runs }) => runs.some((run) => run.code !== 0))) process.exitCode = 1;
}

runScript('repeat-n8n-tests', async () => {
	await main();
	if (process.exitCode) throw new Error('some runs failed (table above)');
});
