#!/usr/bin/env node
'use strict';
/**
 * Queue-mode trigger burst: n8n main + 2 workers + webhook processor on Postgres + Redis
 * (tools/n8n/queue-stack.js), a published QingBo Trigger, and N tasks (default 300) whose completion
 * callbacks all leave the simulator within about a second. Measured per setup:
 *   - DB_POSTGRESDB_POOL_SIZE: n8n's default (2) and a larger pool (default 20; --pool N)
 *   - the callback sender: each callback sent once, or resent on a non-2xx answer / no answer (4 more
 *     times, 0.5 s, 1 s, 2 s, 4 s apart)
 *   - where the callbacks go: the webhook processor (N8N_WEBHOOK_URL), and once to main
 * Columns: answers (every attempt), executions started (success/error), tasks lost (no successful
 * execution), duplicated (successful executions beyond one per task).
 *
 *   npm run build && node scripts/bench-queue.js [--tasks 300] [--pool 20] [--answer-timeout 10000] [--no-write]
 * Writes/updates section 6 of BENCHMARKS.md (QUEUE_SECTION in scripts/benchmarks-file.js) unless --no-write;
 * `npm run bench` runs it after scripts/bench.js, `npm run bench:queue` alone.
 */

const { startSimulator } = require('../tools/sim/simulator');
const { startQueueStack } = require('../tools/n8n/queue-stack');
const { submitTask, pinnedN8nVersion } = require('../tools/n8n/host');
const {
	QUEUE_SECTION,
	putSection,
	measuredOn,
	numberArg,
	runScript,
} = require('./benchmarks-file');
const {
	chainWorkflow,
	soraTriggerNode,
	noOpNode,
	simCredential,
} = require('../tools/n8n/workflows');

const TASKS = numberArg('--tasks', 300);
const BIG_POOL = numberArg('--pool', 20);
const WRITE = !process.argv.includes('--no-write');
const ANSWER_TIMEOUT_MS = numberArg('--answer-timeout', 10_000);
const RETRIES = 4;
const RETRY_DELAY_MS = 500;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (line) => console.log(line);

const TRIGGER = chainWorkflow('qbQBenchTrigger1', 'Bench: queue-mode trigger burst', [
	soraTriggerNode({ events: ['completed'] }, { webhookId: 'qb-qbench-trigger' }),
	noOpNode('Follow Up'),
]);
const TRIGGER_PATH = 'qb-qbench-trigger/sora';

/** Executions of the trigger workflow with id > afterId: [{ id, status, tasks: [task ids in its data] }]. */
async function executionsAfter(stack, afterId) {
	const out = await stack.sql(
		`select e.id, e.status, coalesce(array_to_string(array(select distinct r.x[1] from regexp_matches(d.data, '(task_[A-Za-z0-9]+)', 'g') as r(x)), ','), '')
		 from execution_entity e left join execution_data d on d."executionId" = e.id
		 where e."workflowId" = '${TRIGGER.id}' and e.id > ${afterId} order by e.id`,
	);
	return out
		.split('\n')
		.filter(Boolean)
		.map((line) => {
			const [id, status, tasks] = line.split('|');
			return { id: Number(id), status, tasks: tasks ? tasks.split(',') : [] };
		});
}

async function maxExecutionId(stack) {
	const out = await stack.sql(`select coalesce(max(id), 0) from execution_entity`);
	return Number(out.trim());
}

/** Why a callback got no answer, in a word: what the sender saw. */
function noAnswerReason(error = '') {
	if (/timeout/i.test(error)) return 'timed out';
	if (/ECONNREFUSED/.test(error)) return 'refused';
	if (/ECONNRESET|socket|closed/i.test(error)) return 'reset';
	return error.slice(0, 40) || 'unknown';
}

async function burst(sim, stack, { label, target, retries }) {
	sim.reset();
	sim.configure({
		queuedMs: 0,
		renderMs: 60 * 60_000, // nothing finishes by itself: completeNow() below finishes them together
		callbackRetries: retries,
		callbackRetryDelayMs: RETRY_DELAY_MS,
		callbackTimeoutMs: ANSWER_TIMEOUT_MS,
		callbackDuplicates: 1,
	});
	const base = target === 'main' ? stack.mainUrl : stack.webhookUrl;
	const url = `${base}/webhook/${TRIGGER_PATH}`;
	const afterId = await maxExecutionId(stack);
	const taskIds = [];
	for (let i = 0; i < TASKS; i += 50) {
		const answers = await Promise.all(
			Array.from({ length: Math.min(50, TASKS - i) }, (_, j) =>
				submitTask(sim, { model: 'sora-2', prompt: `Burst ${i + j}`, callback_url: url }),
			),
		);
		taskIds.push(...answers.map((a) => a.json.task_id));
	}
	const t0 = Date.now();
	for (const id of taskIds) sim.completeNow(id); // every callback leaves now
	log(`${label}: ${TASKS} callbacks released ...`);

	// Done when every task's last attempt is final (2xx, or out of retries), and the executions settle.
	const finalFor = () => {
		const byTask = new Map();
		for (const c of sim.callbacks) {
			const prev = byTask.get(c.taskId);
			if (!prev || c.attempt >= prev.attempt) byTask.set(c.taskId, c);
		}
		let final = 0;
		for (const c of byTask.values())
			if ((c.status >= 200 && c.status < 300) || c.attempt >= retries) final++;
		return final;
	};
	let executions = [];
	let lastCount = -1;
	let stableSince = Date.now();
	const deadline = Date.now() + 5 * 60_000;
	while (Date.now() < deadline) {
		executions = await executionsAfter(stack, afterId).catch((error) => {
			log(`(reading executions failed, trying again: ${error.message.split('\n')[0]})`);
			return executions;
		});
		// Some executions stay 'new' for good (n8n created the row, then could not enqueue the job): only
		// the list of executions and their statuses must stop moving.
		const signature = executions.map((e) => `${e.id}:${e.status}`).join(',');
		if (signature !== lastCount) {
			lastCount = signature;
			stableSince = Date.now();
		}
		if (finalFor() >= TASKS && Date.now() - stableSince > 15_000) break;
		await sleep(1000);
	}
	const lastCallback = Math.max(...sim.callbacks.map((c) => c.at));
	const answers = {};
	for (const c of sim.callbacks) {
		const key = c.status === null ? `none (${noAnswerReason(c.error)})` : String(c.status);
		answers[key] = (answers[key] || 0) + 1;
	}
	const wanted = new Set(taskIds);
	const ok = executions.filter((e) => e.status === 'success');
	const covered = new Map();
	for (const e of ok)
		for (const t of e.tasks) if (wanted.has(t)) covered.set(t, (covered.get(t) || 0) + 1);
	const row = {
		label,
		attempts: sim.callbacks.length,
		ok200: answers['200'] || 0,
		other: Object.entries(answers)
			.filter(([k]) => k !== '200')
			.map(([k, n]) => `${n} × ${k}`)
			.join(', '),
		executions: executions.length,
		succeeded: ok.length,
		errored: executions.filter((e) => ['error', 'crashed'].includes(e.status)).length,
		stuck: executions.filter((e) => !['success', 'error', 'crashed'].includes(e.status)).length,
		lost: TASKS - covered.size,
		duplicated: ok.length - covered.size,
		seconds: ((lastCallback - t0) / 1000).toFixed(1),
	};
	log(`${label}: ${JSON.stringify(row)}`);
	return row;
}

function table(rows, meta) {
	const lines = [
		QUEUE_SECTION,
		'',
		`Measured ${meta.date} by \`node scripts/bench-queue.js\` on ${meta.machine}; n8n ${pinnedN8nVersion()} in queue mode: PostgreSQL ${meta.pg}, Redis, main + 2 workers + 1 webhook processor on this one machine (stack start ${meta.startS} s). ` +
			`${TASKS} tasks with a published QingBo Trigger as callback URL; all ${TASKS} callbacks released within the same second. ` +
			`"Retrying sender": a non-2xx answer or no answer is sent again up to ${RETRIES} more times, ${RETRY_DELAY_MS} ms then doubling. ` +
			`The sender waits up to ${ANSWER_TIMEOUT_MS / 1000} s for an answer` +
			': "none" = no answer in time (or a refused/reset connection). ' +
			'Answers count every attempt; "lost" = tasks with no successful execution; "duplicated" = successful executions beyond one per task.',
		'',
		'| pool (`DB_POSTGRESDB_POOL_SIZE`) | callbacks to | sender | 200 answers | other answers | executions (ok + error + never finished) | lost | duplicated | last attempt sent after |',
		'|---|---|---|---|---|---|---|---|---|',
		...rows.map(
			(r) =>
				`| ${r.pool} | ${r.target} | ${r.retries ? 'retries' : 'once'} | ${r.ok200} | ${r.other || '0'} | ${r.executions} (${r.succeeded} + ${r.errored} + ${r.stuck}) | ${r.lost} | ${r.duplicated} | ${r.seconds} s |`,
		),
		'',
	];
	return lines.join('\n');
}

async function main() {
	const sim = await startSimulator({ queuedMs: 0, renderMs: 60 * 60_000 });
	let stack;
	const rows = [];
	try {
		stack = await startQueueStack({
			name: 'bench',
			credentials: [simCredential(sim)],
			workflows: [TRIGGER],
			webhooks: [TRIGGER_PATH],
		});
		const startS = (stack.timings.totalMs / 1000).toFixed(0);
		const pg = (await stack.sql('show server_version')).trim();
		const plan = [
			{ pool: '2 (default)', env: null },
			{ pool: String(BIG_POOL), env: { DB_POSTGRESDB_POOL_SIZE: String(BIG_POOL) } },
		];
		for (const setup of plan) {
			if (setup.env) {
				const ms = await stack.restart({ env: setup.env });
				log(`restarted n8n with ${JSON.stringify(setup.env)} in ${(ms / 1000).toFixed(1)} s`);
			}
			const runs = [
				{ target: 'webhook processor', retries: 0 },
				{ target: 'webhook processor', retries: RETRIES },
			];
			if (setup.env) runs.push({ target: 'main', retries: 0 });
			for (const run of runs) {
				const row = await burst(sim, stack, {
					label: `pool ${setup.pool}, to ${run.target}, ${run.retries ? 'retrying' : 'once'}`,
					target: run.target === 'main' ? 'main' : 'webhook',
					retries: run.retries,
				});
				rows.push({ ...row, pool: setup.pool, target: run.target, retries: run.retries });
			}
		}
		const markdown = table(rows, {
			...measuredOn(),
			pg,
			startS,
		});
		log(`\n${markdown}`);
		if (WRITE) {
			putSection(markdown);
			log('written to BENCHMARKS.md');
		}
	} finally {
		await stack?.dispose();
		await sim.close();
	}
}

runScript('bench-queue', main);
