#!/usr/bin/env node
'use strict';
/**
 * `npm run bench` (first half): measures the package in the real n8n the harness pins (pinnedN8nVersion() in
 * tools/n8n/host.js) against the QingBo simulator and writes BENCHMARKS.md's header and sections 1-5 and 7;
 * each section's renderer sits next to its measurement. Everything compared is measured side by side in this
 * one run. scripts/bench-queue.js, bench-dedupe.js and bench-media.js write sections 6, 8 and 9, which this script keeps.
 *   --quick          smaller sizes (N up to 20, downloads up to 200 MB, 100 trigger callbacks)
 *   --only waiting   only the realistic-batch waiting table (section 5), put into BENCHMARKS.md in place
 *   --only parked    only the parked batch against Poll in This Node (section 7), put into BENCHMARKS.md in place
 *   --before <ref>   with --only parked: also the package as it was at that git commit, side by side
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { startSimulator } = require('../tools/sim/simulator');
const { packPackage } = require('../tools/n8n/harness/pack');
const { REPO_ROOT } = require('../tools/n8n/harness/config');
const {
	createInstance,
	outputOf,
	request,
	submitTask,
	pinnedN8nVersion,
	NODE_VERSION,
} = require('../tools/n8n/host');
const {
	QUEUE_SECTION,
	DEDUPE_SECTION,
	MEDIA_SECTION,
	putSection,
	rewriteKeeping,
	sampleRss,
	runScript,
} = require('./benchmarks-file');
const {
	manualWorkflow,
	chainWorkflow,
	generateNode,
	generateEachItemNode,
	codeNode,
	webhookNode,
	noOpNode,
	soraTriggerNode,
	veoNode,
	simCredential,
} = require('../tools/n8n/workflows');

const QUICK = process.argv.includes('--quick');
const ONLY = process.argv.includes('--only')
	? process.argv[process.argv.indexOf('--only') + 1]
	: null;
if (ONLY && !['waiting', 'parked'].includes(ONLY))
	throw new Error(`--only knows "waiting" and "parked", not "${ONLY}"`);
const BEFORE = process.argv.includes('--before')
	? process.argv[process.argv.indexOf('--before') + 1]
	: null;
if (BEFORE && ONLY !== 'parked') throw new Error('--before goes with --only parked');
/** Section 5: renders spread uniformly over 30-90 s, as real ones vary. */
const REALISTIC = { queuedMs: 500, renderMs: 30_000, renderMsMax: 90_000 };
const REALISTIC_CASES = [
	{ shape: 'linear', n: 20 },
	...(QUICK ? [] : [{ shape: 'linear', n: 100 }]),
	{ shape: 'coarse', n: 20 },
	{ shape: 'none', n: 20 },
];
const SHAPE_LABELS = {
	linear: 'steady',
	coarse: 'coarse (0/50/100)',
	none: 'none until done',
};
const RENDER_MS = 10_000;
const BATCH_SIZES = QUICK ? [1, 20] : [1, 20, 100];
const DOWNLOAD_MB = QUICK ? [10, 200] : [10, 200, 1024];
const TRIGGER_CALLBACKS = QUICK ? 100 : 500;
const LATENCY_RUNS = 5;
/** Section 7: one batch of 100 renders of 30-90 s, parked until QingBo calls back vs polled, run PARKED_RUNS times each. */
const PARKED_TASKS = QUICK ? 20 : 100;
const PARKED_RUNS = QUICK ? 1 : BEFORE ? 2 : 3;
/** Section 7, "callbacks lost": the items whose task ends without calling back (5 of 100). */
const LOST_ITEMS = [7, 23, 48, 61, 90].filter((item) => item < PARKED_TASKS);

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const seconds = (ms) => (ms / 1000).toFixed(1);
const log = (line) => console.log(line);
/** A markdown table: the header row, its separator, then the rows. */
const tableOf = (header, rows) =>
	[header, header.replace(/[^|]/g, '-').replace(/-\|/g, '-|'), ...rows].join('\n');

function prompts(n, lostItems = []) {
	return Array.from({ length: n }, (_, i) => ({
		prompt: `Benchmark shot ${i}${lostItems.includes(i) ? ' [lost-callback]' : ''}`,
	}));
}

/** The workflow users build today without this package: submit, wait, read, check, loop. */
function handBuiltWorkflow(id, n, sim) {
	const auth = { parameters: [{ name: 'Authorization', value: `Bearer ${sim.apiKey}` }] };
	const nodes = [
		{ parameters: {}, name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1 },
		codeNode(prompts(n)),
		{
			name: 'Submit',
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			parameters: {
				method: 'POST',
				url: `${sim.url}/v1/tasks`,
				sendHeaders: true,
				headerParameters: auth,
				sendBody: true,
				specifyBody: 'json',
				jsonBody: '={{ JSON.stringify({ model: "sora-2", prompt: $json.prompt }) }}',
				options: {},
			},
		},
		{
			name: 'Wait',
			type: 'n8n-nodes-base.wait',
			typeVersion: 1.1,
			parameters: { resume: 'timeInterval', amount: 5, unit: 'seconds' },
			webhookId: `wait-${id}`,
		},
		{
			name: 'Get Status',
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			parameters: {
				url: `=${sim.url}/v1/tasks/{{ $json.task_id }}`,
				sendHeaders: true,
				headerParameters: auth,
				options: {},
			},
		},
		{
			name: 'Done?',
			type: 'n8n-nodes-base.if',
			typeVersion: 1,
			parameters: {
				conditions: { string: [{ value1: '={{ $json.status }}', value2: 'completed' }] },
			},
		},
		noOpNode('Done'),
	].map((node, i) => ({ id: `${id}-${i}`, position: [i * 220, 0], ...node }));
	const to = (node) => [{ node, type: 'main', index: 0 }];
	const connections = {
		Start: { main: [to('Items')] },
		Items: { main: [to('Submit')] },
		Submit: { main: [to('Wait')] },
		Wait: { main: [to('Get Status')] },
		'Get Status': { main: [to('Done?')] },
		'Done?': { main: [to('Done'), to('Wait')] },
	};
	return {
		id,
		name: `Hand-built loop, ${n} tasks`,
		nodes,
		connections,
		active: false,
		settings: { executionOrder: 'v1' },
	};
}

function runWallMs(run) {
	return new Date(run.stoppedAt).getTime() - new Date(run.startedAt).getTime();
}

async function benchBatch(sim, n8n) {
	const rows = [];
	const workflows = [];
	for (const n of BATCH_SIZES) {
		workflows.push(
			manualWorkflow(`qbBenchNode${String(n).padStart(5, '0')}`, `QingBo Video, ${n} tasks`, [
				codeNode(prompts(n)),
				generateEachItemNode({ pollInterval: 5, timeout: 900 }),
			]),
			handBuiltWorkflow(`qbBenchHand${String(n).padStart(5, '0')}`, n, sim),
		);
	}
	await n8n.importWorkflows(workflows);
	for (const n of BATCH_SIZES) {
		for (const [label, id, node] of [
			['QingBo Video (poll, batch)', `qbBenchNode${String(n).padStart(5, '0')}`, 'Sora'],
			['hand-built HTTP + Wait + IF loop', `qbBenchHand${String(n).padStart(5, '0')}`, 'Done'],
		]) {
			sim.reset();
			log(`batch: ${label}, N=${n} ...`);
			const result = await n8n.execute(id, { timeoutMs: 30 * 60_000 });
			const finished = result.run ? outputOf(result.run, node).length : 0;
			const wallMs = result.run ? runWallMs(result.run) : NaN;
			rows.push({
				label,
				n,
				ok:
					result.exitCode === 0 &&
					(node === 'Done' ? sim.counters.tasksCreated === n : finished === n),
				wallMs,
				perT: wallMs / (RENDER_MS + sim.options.queuedMs),
				statusPerTask: sim.counters.statusReads / n,
				requestsPerTask: (sim.counters.submits + sim.counters.statusReads) / n,
				created: sim.counters.tasksCreated,
			});
			log(
				`  wall ${seconds(wallMs)} s, ${rows.at(-1).requestsPerTask.toFixed(1)} requests/task, ${sim.counters.tasksCreated} tasks`,
			);
		}
	}
	return rows;
}

function batchSection(rows) {
	const ratios = BATCH_SIZES.map((n) => {
		const ours = rows.find((r) => r.n === n && r.label.startsWith('QingBo Video'));
		const hand = rows.find((r) => r.n === n && r.label.startsWith('hand'));
		return `- N=${n}: hand-built ÷ ours = ${(hand.wallMs / ours.wallMs).toFixed(2)}× wall time, ${(hand.requestsPerTask / ours.requestsPerTask).toFixed(2)}× requests`;
	});
	return [
		'## 1. Batch: our node vs the hand-built loop',
		'',
		`Each task renders in T = ${seconds(RENDER_MS + 500)} s (0.5 s queued + ${seconds(RENDER_MS)} s processing). The hand-built workflow is what users build without this package: HTTP Request submit → Wait 5 s → HTTP Request status → IF completed → loop back to Wait. Our node polls every 5 s too, so the cadence is the same.`,
		'',
		tableOf(
			'| workflow | N | all done | wall time | wall ÷ T | status reads per task | requests per task | tasks created |',
			rows.map(
				(r) =>
					`| ${r.label} | ${r.n} | ${r.ok ? 'yes' : '**no**'} | ${seconds(r.wallMs)} s | ${r.perT.toFixed(2)} | ${r.statusPerTask.toFixed(1)} | ${r.requestsPerTask.toFixed(1)} | ${r.created} |`,
			),
		),
		'',
		'A hand-built loop in n8n batches too (an HTTP Request node handles all items in one run), so at the same polling cadence neither is N times slower: both finish near T. Competing video nodes process items one after another (N × T). What the node adds over the hand-built loop is not speed but what the fault suite checks: retries with backoff, idempotent submits, timeouts and errors that name the task, and no loop to build.',
		'',
		...ratios,
		'',
	].join('\n');
}

const pad = (n) => String(n).padStart(5, '0');

/** Section 5: the node at its defaults vs Poll Interval 5 vs the hand-built loop, same renders. */
async function benchWaiting(sim, n8n) {
	const sizes = [...new Set(REALISTIC_CASES.map((c) => c.n))];
	const workflows = sizes.flatMap((n) => [
		manualWorkflow(`qbWaitAdapt${pad(n)}`, `QingBo Video at defaults, ${n} tasks`, [
			codeNode(prompts(n)),
			generateEachItemNode({ timeout: 900 }),
		]),
		manualWorkflow(`qbWaitFixed${pad(n)}`, `QingBo Video, Poll Interval 5, ${n} tasks`, [
			codeNode(prompts(n)),
			generateEachItemNode({ pollInterval: 5, timeout: 900 }),
		]),
		handBuiltWorkflow(`qbWaitHand0${pad(n)}`, n, sim),
	]);
	await n8n.importWorkflows(workflows);
	const rows = [];
	for (const { shape, n } of REALISTIC_CASES) {
		for (const [label, prefix, node] of [
			['QingBo Video, defaults (adaptive)', 'qbWaitAdapt', 'Sora'],
			['QingBo Video, Poll Interval 5', 'qbWaitFixed', 'Sora'],
			['hand-built HTTP + Wait 5 s loop', 'qbWaitHand0', 'Done'],
		]) {
			sim.reset();
			sim.configure({ ...REALISTIC, progressShape: shape });
			log(`waiting: ${label}, N=${n}, progress ${shape} ...`);
			const result = await n8n.execute(`${prefix}${pad(n)}`, { timeoutMs: 30 * 60_000 });
			const seen = sim.counters.firstTerminalReadAt;
			const lags = [...sim.tasks.values()]
				.filter((task) => seen[task.id] !== undefined)
				.map((task) => seen[task.id] - (task.createdAt + task.queuedMs + task.renderMs))
				.sort((a, b) => a - b);
			const finished = result.run ? outputOf(result.run, node).length : 0;
			rows.push({
				label,
				shape,
				n,
				ok:
					result.exitCode === 0 &&
					sim.counters.tasksCreated === n &&
					lags.length === n &&
					(node === 'Done' || finished === n),
				statusPerTask: sim.counters.statusReads / n,
				p50LagMs: lags.length ? lags[Math.floor(lags.length / 2)] : NaN,
				maxLagMs: lags.length ? lags.at(-1) : NaN,
				wallMs: result.run ? runWallMs(result.run) : NaN,
			});
			const r = rows.at(-1);
			log(
				`  ${r.statusPerTask.toFixed(1)} reads/task, lag p50 ${seconds(r.p50LagMs)} s max ${seconds(r.maxLagMs)} s, wall ${seconds(r.wallMs)} s${r.ok ? '' : ' (NOT all done)'}`,
			);
		}
	}
	sim.configure({ queuedMs: 500, renderMs: RENDER_MS, renderMsMax: 0, progressShape: 'linear' });
	return rows;
}

function waitingSection(rows) {
	const lines = ['## 5. Realistic batch: adaptive waiting', ''];
	lines.push(
		`Measured on ${new Date().toISOString().slice(0, 10)}, n8n ${pinnedN8nVersion()}. Render times drawn uniformly from ${REALISTIC.renderMs / 1000}-${REALISTIC.renderMsMax / 1000} s (the same draws for every workflow of a row group), ${REALISTIC.queuedMs / 1000} s queued, run with \`n8n execute\`. "Defaults" leaves Options › Poll Interval empty, so each task's reads follow its progress, or, while progress says nothing, keep a 5 s pace; the hand-built loop is section 1's (HTTP Request → Wait 5 s → status → IF). Lag: from the moment a task finished in the simulator to the first status read that showed it finished, over all tasks of the run. Progress "coarse" reports only 0, 50 and 100; "none until done" reports 0 until the task completes.`,
		'',
		'| progress | N | workflow | all done | status reads per task | completion → read lag p50 | lag max | wall time |',
		'|----------|---|----------|----------|-----------------------|---------------------------|---------|-----------|',
		...rows.map(
			(r) =>
				`| ${SHAPE_LABELS[r.shape]} | ${r.n} | ${r.label} | ${r.ok ? 'yes' : '**no**'} | ${r.statusPerTask.toFixed(1)} | ${seconds(r.p50LagMs)} s | ${seconds(r.maxLagMs)} s | ${seconds(r.wallMs)} s |`,
		),
		'',
	);
	for (const { shape, n } of REALISTIC_CASES) {
		const find = (prefix) =>
			rows.find((r) => r.shape === shape && r.n === n && r.label.startsWith(prefix));
		const adaptive = find('QingBo Video, defaults');
		const fixed = find('QingBo Video, Poll Interval');
		if (adaptive && fixed)
			lines.push(
				`- ${SHAPE_LABELS[shape]}, N=${n}: defaults ÷ Poll Interval 5 = ${(adaptive.statusPerTask / fixed.statusPerTask).toFixed(2)}× status reads; lag p50 ${seconds(adaptive.p50LagMs)} s vs ${seconds(fixed.p50LagMs)} s, max ${seconds(adaptive.maxLagMs)} s vs ${seconds(fixed.maxLagMs)} s`,
			);
	}
	lines.push('');
	return lines.join('\n');
}

async function runWebhook(n8n, workflowId, pathName, body) {
	const before = new Set((await n8n.listExecutions(workflowId)).map((e) => e.id));
	await request('POST', `${n8n.baseUrl}/webhook/${pathName}`, { body });
	return await n8n.waitForExecution(workflowId, {
		where: (e) => !before.has(e.id),
		timeoutMs: 15 * 60_000,
	});
}

async function benchCallbackVsPoll(sim, n8n, ids) {
	const rows = [];
	for (const [label, id, pathName] of [
		['poll (every 2 s)', ids.poll, 'bench-poll'],
		['callback (parked)', ids.callback, 'bench-callback'],
	]) {
		const reads = [];
		const latency = [];
		for (let i = 0; i < LATENCY_RUNS; i++) {
			sim.reset();
			const execution = await runWebhook(n8n, id, pathName, {});
			const [item] = outputOf(execution.run, 'Sora');
			const task = sim.tasks.get(item.json.task_id);
			const completedAt = task.createdAt + task.queuedMs + task.renderMs;
			reads.push(sim.counters.statusReadsByTask[task.id] ?? 0);
			const runData = execution.run.data.resultData.runData.Sora[0];
			latency.push(runData.startTime + runData.executionTime - completedAt);
		}
		rows.push({
			label,
			statusReads: median(reads),
			latencyMs: median(latency),
			runs: LATENCY_RUNS,
		});
		log(
			`callback vs poll: ${label}: ${median(reads)} status reads/task, resume ${median(latency)} ms after completion`,
		);
	}
	return rows;
}

function callbackVsPollSection(rows) {
	return [
		'## 2. Callback vs poll',
		'',
		`One video per execution, started by a Webhook under \`n8n start\`, median of ${LATENCY_RUNS} runs. Latency: from the moment the task completed in the simulator to the moment the node finished.`,
		'',
		tableOf(
			'| mode | status reads per task | completion → node done |',
			rows.map((r) => `| ${r.label} | ${r.statusReads} | ${(r.latencyMs / 1000).toFixed(2)} s |`),
		),
		'',
		'In callback mode the only status read is the one the node makes after the callback (it never trusts the callback body). While parked, the execution holds no worker. The callback latency includes n8n loading the parked execution and running the rest of the workflow.',
		'',
	].join('\n');
}

/** Webhook → N prompts → version-2 Generate (Veo 3.1 Fast, 8 s) waiting as `waitMode` → Done. */
const batchWorkflow = (id, pathName, waitMode, lostItems = []) =>
	chainWorkflow(id, `Bench: ${PARKED_TASKS} videos, ${waitMode}`, [
		webhookNode(pathName),
		codeNode(prompts(PARKED_TASKS, lostItems)),
		veoNode(waitMode),
		noOpNode('Done'),
	]);

const percentile = (values, p) =>
	[...values].sort((a, b) => a - b)[Math.floor(p * (values.length - 1))];

/**
 * The same batch, parked until QingBo calls back vs Poll in This Node at its defaults: status reads
 * per task, the delay from the moment the batch was done (its last callback; for polling, its last
 * render's end) to the execution going on, and how long the execution held n8n (running, not parked).
 */
async function benchParked(sim, cases) {
	const rows = [];
	for (const { label, n8n, id, pathName } of cases) {
		const runs = [];
		for (let i = 0; i < PARKED_RUNS; i++) {
			sim.reset();
			sim.configure({
				flavour: 'today',
				...REALISTIC,
				progressShape: 'linear',
				callbackRetries: 3,
			});
			log(`parked vs poll: ${label}, run ${i + 1} of ${PARKED_RUNS} ...`);
			const before = new Set((await n8n.listExecutions(id)).map((e) => e.id));
			await request('POST', `${n8n.baseUrl}/webhook/${pathName}`, { body: {} });
			// When it parks (if it does): what n8n held before the wait.
			let parkedAt;
			let current;
			for (const start = Date.now(); Date.now() - start < 15 * 60_000; await sleep(250)) {
				current = (await n8n.listExecutions(id)).find((e) => !before.has(e.id));
				if (current?.status === 'waiting' && parkedAt === undefined) parkedAt = Date.now();
				if (current && ['success', 'error', 'crashed', 'canceled'].includes(current.status)) break;
			}
			const execution = await n8n.getExecution(current.id);
			const items = outputOf(execution.run, 'QingBo Video');
			const done = [...sim.tasks.values()].map((t) => t.createdAt + t.queuedMs + t.renderMs);
			const answered = sim.callbacks.filter((c) => c.answeredAt);
			const readyAt = sim.callbacks.length
				? Math.max(...sim.callbacks.map((c) => c.at))
				: Math.max(...done);
			const startedAt = Date.parse(execution.startedAt);
			const stoppedAt = Date.parse(execution.stoppedAt);
			// Parked: the run up to the wait, then from the last callback's answer (the resume) to the end.
			const heldMs =
				parkedAt === undefined
					? stoppedAt - startedAt
					: parkedAt - startedAt + (stoppedAt - Math.max(...answered.map((c) => c.answeredAt)));
			runs.push({
				ok: execution.status === 'success' && items.length === PARKED_TASKS,
				reads: sim.counters.statusReads / PARKED_TASKS,
				delayMs: stoppedAt - readyAt,
				heldMs,
				wallMs: stoppedAt - startedAt,
			});
			const r = runs.at(-1);
			log(
				`  ${r.reads.toFixed(2)} reads/task, went on ${seconds(r.delayMs)} s after the batch was done, held ${seconds(r.heldMs)} s of ${seconds(r.wallMs)} s`,
			);
		}
		rows.push({
			label,
			ok: runs.every((r) => r.ok),
			reads: runs.reduce((sum, r) => sum + r.reads, 0) / runs.length,
			delayP50: percentile(
				runs.map((r) => r.delayMs),
				0.5,
			),
			delayMax: Math.max(...runs.map((r) => r.delayMs)),
			heldMs: median(runs.map((r) => r.heldMs)),
			wallMs: median(runs.map((r) => r.wallMs)),
		});
	}
	return rows;
}

const PARKED_LABEL = 'Pause Until Callback (parked)';
const PARKED_LOST_LABEL = `Pause Until Callback, ${LOST_ITEMS.length} callback${LOST_ITEMS.length === 1 ? '' : 's'} lost`;
const POLLED_LABEL = 'Poll in This Node (defaults)';
/** Section 7's cases, each a workflow started by its webhook path: parked, parked with lost callbacks, polled. */
const PARKED_CASES = [
	[PARKED_LABEL, 'bench-parked', 'qbBenchParked001', 'callback', []],
	[PARKED_LOST_LABEL, 'bench-parked-lost', 'qbBenchParkLost1', 'callback', LOST_ITEMS],
	[POLLED_LABEL, 'bench-polled', 'qbBenchPolled001', 'poll', []],
].map(([label, pathName, id, waitMode, lost]) => ({
	label,
	pathName,
	workflow: batchWorkflow(id, pathName, waitMode, lost),
}));
/** A case as benchParked runs it, in one n8n. */
const parkedCase = (n8n, { label, pathName, workflow }, suffix = '') => ({
	label: `${label}${suffix}`,
	n8n,
	id: workflow.id,
	pathName,
});

/** The package as it was at a git commit, built and packed in a temp folder (this checkout's node_modules). */
async function packageAt(ref) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qingbo-before-'));
	execFileSync(
		'sh',
		['-c', `git archive ${JSON.stringify(ref)} | tar -x -C ${JSON.stringify(dir)}`],
		{
			cwd: REPO_ROOT,
		},
	);
	fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(dir, 'node_modules'));
	const env = { ...process.env };
	delete env.QINGBO_API_KEY;
	execFileSync('npm', ['run', 'build'], { cwd: dir, env, stdio: 'ignore' });
	return { tgz: await packPackage({ dir }), dir };
}

/** `cases`' workflows in one n8n (its credential imported), published, started and listening. */
async function startWithCases(n8n, cases) {
	await n8n.importWorkflows(cases.map((c) => c.workflow));
	for (const c of cases) await n8n.publish(c.workflow.id);
	await n8n.start();
	await n8n.setupOwner();
	for (const c of cases) await n8n.waitForWebhook(c.pathName);
}

/** `--only parked`: section 7 alone, with the package at `--before` side by side when asked. */
async function mainParked(sim, n8n) {
	await startWithCases(n8n, PARKED_CASES);
	const [parked, lost, polled] = PARKED_CASES.map((c) => parkedCase(n8n, c));
	let old;
	const before = [];
	if (BEFORE) {
		log(`building the package at ${BEFORE} ...`);
		const built = await packageAt(BEFORE);
		old = await createInstance({ name: 'bench-before', tgz: built.tgz });
		await old.importCredentials([simCredential(sim)]);
		const parkedOnly = PARKED_CASES.slice(0, 2);
		await startWithCases(old, parkedOnly);
		before.push(...parkedOnly.map((c) => parkedCase(old, c, ', before')));
		fs.rmSync(built.dir, { recursive: true, force: true });
	}
	try {
		// Interleaved: each case of the package before next to the same case now.
		const cases = [parked, ...before.slice(0, 1), lost, ...before.slice(1), polled];
		const markdown = parkedSection(await benchParked(sim, cases));
		putSection(markdown);
		log(`\n${markdown}\nwritten to BENCHMARKS.md (section 7 only)`);
	} finally {
		await old?.dispose();
	}
}

function parkedSection(rows) {
	const [parked, polled] = [
		rows.find((r) => r.label === PARKED_LABEL),
		rows.find((r) => r.label === POLLED_LABEL),
	];
	const lines = [
		'## 7. A batch parked until QingBo calls back vs polled',
		'',
		`Measured by \`node scripts/bench.js --only parked${BEFORE ? ` --before ${BEFORE}` : ''}\` on ${new Date().toISOString().slice(0, 10)}, n8n ${pinnedN8nVersion()} under \`n8n start\` (SQLite). One execution, started by a Webhook, generates ${PARKED_TASKS} videos (version 2, Veo 3.1 Fast) whose renders are drawn uniformly from ${REALISTIC.renderMs / 1000}-${REALISTIC.renderMsMax / 1000} s, progress reported as they go, ${PARKED_RUNS} runs of each. "Callbacks lost": the tasks of items ${LOST_ITEMS.join(', ')} end without calling back; the parked execution finds them by reading.${BEFORE ? ` "Before": the package at commit ${BEFORE}, in its own n8n of the same version, in the same run.` : ''} "Went on": from the moment the batch was done (its last callback; polled: the end of its last render) to the execution ending, p50 and max over the runs. "Held": the time n8n spent running the execution (median): polled, all of it; parked, up to the wait plus from the last callback's answer to the end. In queue mode that is the time a worker is taken; the rest of the wall time a parked execution sits in the database.`,
		'',
		tableOf(
			'| mode | all done | status reads per task | went on after the batch was done, p50 | max | n8n held the execution | wall time |',
			rows.map(
				(r) =>
					`| ${r.label} | ${r.ok ? 'yes' : '**no**'} | ${r.reads.toFixed(2)} | ${seconds(r.delayP50)} s | ${seconds(r.delayMax)} s | ${seconds(r.heldMs)} s | ${seconds(r.wallMs)} s |`,
			),
		),
		'',
	];
	if (parked && polled)
		lines.push(
			`- parked ÷ polled: ${(parked.reads / polled.reads).toFixed(2)}× status reads, ${(parked.heldMs / polled.heldMs).toFixed(3)}× the time n8n held the execution.`,
		);
	for (const label of [PARKED_LABEL, PARKED_LOST_LABEL]) {
		const now = rows.find((r) => r.label === label);
		const before = rows.find((r) => r.label === `${label}, before`);
		if (now && before)
			lines.push(
				`- ${label}: now ÷ before = ${(now.reads / before.reads).toFixed(2)}× status reads (${now.reads.toFixed(2)} vs ${before.reads.toFixed(2)} per task); went on p50 ${seconds(now.delayP50)} s vs ${seconds(before.delayP50)} s.`,
			);
	}
	lines.push('');
	return lines.join('\n');
}

async function benchDownload(sim, n8n, id) {
	const rows = [];
	for (const mb of DOWNLOAD_MB) {
		sim.reset();
		sim.configure({ resultBytes: mb * 1024 * 1024, renderMs: 1000 });
		await sleep(2000);
		const rss = sampleRss(n8n.userFolder);
		const started = Date.now();
		const execution = await runWebhook(n8n, id, 'bench-download', {});
		const tookMs = Date.now() - started;
		const { idleMb: idle, growthMb } = await rss.stop();
		const [item] = outputOf(execution.run, 'Sora');
		const stored = Number(item.binary?.data?.fileSize?.replace?.(/[^\d.]/g, '') ?? 0);
		rows.push({
			mb,
			ok: execution.status === 'success' && sim.counters.downloadBytes === mb * 1024 * 1024,
			tookMs,
			mbPerS: mb / (tookMs / 1000),
			idleMb: idle,
			growthMb,
			stored,
		});
		log(
			`download ${mb} MB: ${seconds(tookMs)} s, RSS +${growthMb.toFixed(0)} MB over ${idle.toFixed(0)} MB idle`,
		);
	}
	sim.configure({ resultBytes: 262144, renderMs: RENDER_MS });
	return rows;
}

function downloadSection(rows) {
	return [
		'## 3. Download memory',
		'',
		'Options › Download on, filesystem binary mode, under `n8n start`; RSS of the n8n processes (main + task runner) sampled every 100 ms.',
		'',
		tableOf(
			'| result size | downloaded whole | time | throughput | idle RSS | peak RSS growth |',
			rows.map(
				(r) =>
					`| ${r.mb} MB | ${r.ok ? 'yes' : '**no**'} | ${seconds(r.tookMs)} s | ${r.mbPerS.toFixed(0)} MB/s | ${r.idleMb.toFixed(0)} MB | ${r.growthMb.toFixed(0)} MB |`,
			),
		),
		'',
	].join('\n');
}

/** n8n's REST API answers 503 "Database is not ready" while SQLite is swamped: ask again. */
async function patiently(what) {
	for (let attempt = 1; ; attempt++) {
		try {
			return await what();
		} catch (error) {
			if (attempt >= 120) throw error;
			await sleep(1000);
		}
	}
}

async function benchTrigger(sim, n8n, id) {
	sim.reset();
	sim.configure({ queuedMs: 0, renderMs: 5000, callbackDuplicates: 2 });
	const url = `${n8n.baseUrl}/webhook/qb-bench-trigger/sora`;
	const before = new Set((await patiently(() => n8n.allExecutions(id))).map((e) => e.id));
	log(`trigger: submitting ${TRIGGER_CALLBACKS} tasks with the trigger as callback ...`);
	for (let i = 0; i < TRIGGER_CALLBACKS; i += 50) {
		await Promise.all(
			Array.from({ length: Math.min(50, TRIGGER_CALLBACKS - i) }, (_, j) =>
				submitTask(sim, { model: 'sora-2', prompt: `Burst ${i + j}`, callback_url: url }),
			),
		);
	}
	const expected = TRIGGER_CALLBACKS;
	let fresh = [];
	let stableSince = Date.now();
	let lastCount = -1;
	const deadline = Date.now() + 10 * 60_000;
	while (Date.now() < deadline) {
		const all = await patiently(() => n8n.allExecutions(id));
		fresh = all.filter((e) => !before.has(e.id));
		const done = fresh.filter((e) => ['success', 'error', 'crashed'].includes(e.status)).length;
		if (fresh.length !== lastCount) {
			lastCount = fresh.length;
			stableSince = Date.now();
		}
		const callbacksDone = sim.callbacks.length >= expected * 2;
		if (callbacksDone && done === fresh.length && Date.now() - stableSince > 5000) break;
		await sleep(500);
	}
	const firstCallback = Math.min(...sim.callbacks.map((c) => c.at));
	const lastStop = Math.max(...fresh.map((e) => new Date(e.stoppedAt).getTime()));
	const taskIds = [];
	for (const e of fresh) {
		const execution = await patiently(() => n8n.getExecution(e.id));
		taskIds.push(outputOf(execution.run, 'QingBo Trigger')[0]?.json.task_id);
	}
	const unique = new Set(taskIds).size;
	const statuses = {};
	for (const c of sim.callbacks) statuses[c.status] = (statuses[c.status] ?? 0) + 1;
	const row = {
		expected,
		callbacks: sim.callbacks.length,
		statuses,
		started: fresh.length,
		succeeded: fresh.filter((e) => e.status === 'success').length,
		unique,
		lost: expected - unique,
		duplicated: fresh.length - unique,
		seconds: (lastStop - firstCallback) / 1000,
	};
	log(`trigger: ${JSON.stringify(row)}`);
	sim.configure({ queuedMs: 500, renderMs: RENDER_MS, callbackDuplicates: 1 });
	return row;
}

function triggerSection(row) {
	const heading = ['## 4. Trigger load', ''];
	if (row.error) return [...heading, `The run did not complete: ${row.error}`, ''].join('\n');
	const answers = Object.entries(row.statuses)
		.map(([s, c]) => `${c}× ${s}`)
		.join(', ');
	return [
		...heading,
		`${row.expected} tasks submitted to the simulator with a published QingBo Trigger as callback URL, completing within seconds of each other; the simulator sends every callback twice.`,
		'',
		tableOf(
			'| tasks | callbacks sent | answers | executions started | succeeded | distinct tasks | lost | duplicated | first callback → last execution done |',
			[
				`| ${row.expected} | ${row.callbacks} | ${answers} | ${row.started} | ${row.succeeded} | ${row.unique} | ${row.lost} | ${row.duplicated} | ${row.seconds.toFixed(1)} s (${(row.started / row.seconds).toFixed(1)} executions/s) |`,
			],
		),
		'',
		'Read this table with care. A 503 here never reached the QingBo Trigger: it is n8n\'s own "Database is not ready" while SQLite is swamped, and `null` means the simulator got no answer at all (connection refused, reset or timed out; some of these still started an execution, which is why executions outnumber 200 answers). The simulator does not retry callbacks, so the tasks whose callbacks were all lost this way started nothing: that is the "lost" column. QingBo\'s retry policy for callbacks is undocumented; for bursts of hundreds, use n8n with Postgres (or queue mode, section 6), or Don\'t Wait plus Task › Wait, which needs no inbound requests.',
		'',
	].join('\n');
}

function machine() {
	const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
	return `${cpu}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${os.type()} ${os.release()}`;
}

function headerSection(startedAt) {
	return [
		'# Benchmarks',
		'',
		`Measured by \`npm run bench${QUICK ? ' -- --quick' : ''}\` on ${startedAt.toISOString().slice(0, 10)}: the built package in a real n8n ${pinnedN8nVersion()} (Node ${NODE_VERSION}) against the QingBo simulator on 127.0.0.1, everything compared measured side by side in one run. Sections 1-5 and 7 come from \`scripts/bench.js\` (one n8n process), section 6 from \`scripts/bench-queue.js\` (queue mode), section 8 from \`scripts/bench-dedupe.js\`, section 9 from \`scripts/bench-media.js\`; a section re-measured on its own (\`--only\`) says its date.`,
		'',
		`Machine: ${machine()}. Tests and scripts on Node ${process.version}. SQLite, filesystem binary data mode.`,
		'',
	].join('\n');
}

async function main() {
	const startedAt = new Date();
	const sim = await startSimulator({ queuedMs: 500, renderMs: RENDER_MS });
	const n8n = await createInstance({ name: 'bench' });
	try {
		await n8n.importCredentials([simCredential(sim)]);
		if (ONLY === 'waiting') {
			const markdown = waitingSection(await benchWaiting(sim, n8n));
			putSection(markdown);
			log(`\n${markdown}\nwritten to BENCHMARKS.md (section 5 only)`);
			return;
		}
		if (ONLY === 'parked') {
			await mainParked(sim, n8n);
			return;
		}
		const poll = chainWorkflow('qbBenchPoll00001', 'Bench: poll', [
			webhookNode('bench-poll'),
			generateNode({
				prompt: 'Bench',
				waitMode: 'poll',
				options: { pollInterval: 2, timeout: 900 },
			}),
		]);
		const callback = chainWorkflow('qbBenchCallback1', 'Bench: callback', [
			webhookNode('bench-callback'),
			generateNode({ prompt: 'Bench', waitMode: 'callback', options: { timeout: 900 } }),
		]);
		const download = chainWorkflow('qbBenchDownload1', 'Bench: download', [
			webhookNode('bench-download'),
			generateNode({
				prompt: 'Bench',
				waitMode: 'poll',
				options: { pollInterval: 1, timeout: 900, download: true },
			}),
		]);
		const trigger = chainWorkflow('qbBenchTrigger01', 'Bench: trigger', [
			soraTriggerNode({ events: ['completed'] }, { webhookId: 'qb-bench-trigger' }),
			noOpNode('Follow Up'),
		]);
		const parkedWorkflows = PARKED_CASES.map((c) => c.workflow);
		await n8n.importWorkflows([poll, callback, download, trigger, ...parkedWorkflows]);
		for (const wf of [poll, callback, download, trigger, ...parkedWorkflows])
			await n8n.publish(wf.id);

		const batch = await benchBatch(sim, n8n);
		const waiting = await benchWaiting(sim, n8n);
		await n8n.start();
		await n8n.setupOwner();
		for (const p of [
			'bench-poll',
			'bench-callback',
			'bench-download',
			'qb-bench-trigger/sora',
			...PARKED_CASES.map((c) => c.pathName),
		])
			await n8n.waitForWebhook(p);
		const latency = await benchCallbackVsPoll(sim, n8n, { poll: poll.id, callback: callback.id });
		const downloads = await benchDownload(sim, n8n, download.id);
		const triggerRow = await benchTrigger(sim, n8n, trigger.id).catch((error) => ({
			error: error.message.slice(0, 300),
		}));
		const parkedRows = await benchParked(
			sim,
			PARKED_CASES.map((c) => parkedCase(n8n, c)),
		);
		const markdown = [
			headerSection(startedAt),
			batchSection(batch),
			callbackVsPollSection(latency),
			downloadSection(downloads),
			triggerSection(triggerRow),
			waitingSection(waiting),
			parkedSection(parkedRows),
		].join('\n');
		rewriteKeeping(markdown, [QUEUE_SECTION, DEDUPE_SECTION, MEDIA_SECTION]);
		log(`\n${markdown}\n\nwritten to BENCHMARKS.md`);
	} finally {
		await n8n.dispose();
		await sim.close();
	}
}

runScript('bench', main);
