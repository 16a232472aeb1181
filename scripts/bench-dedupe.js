#!/usr/bin/env node
'use strict';
/**
 * The README's once-per-outcome recipe (QingBo Trigger → Remove Duplicates on delivery_key) when
 * different outcomes reach it at the same moment, as a batch's videos do when they finish together.
 * For each of N fresh workflows per variant (without and with Retry On Fail on Remove Duplicates):
 * K completed tasks are called back at once, then n8n restarts and each task is called back once
 * more, one at a time. Counted: workflows where an execution failed (n8n inserting the node's first
 * history row twice), and copies after the restart that got past Remove Duplicates again (its
 * history lost that outcome to a concurrent update).
 *
 *   npm run build && node scripts/bench-dedupe.js [--workflows 12] [--outcomes 5] [--no-write]
 * Writes/updates section 8 of BENCHMARKS.md (DEDUPE_SECTION in scripts/benchmarks-file.js) unless
 * --no-write; `npm run bench` runs it last.
 */
const { startSimulator } = require('../tools/sim/simulator');
const {
	createInstance,
	errorOf,
	request,
	submitTask,
	until,
	pinnedN8nVersion,
	TERMINAL_STATUSES,
} = require('../tools/n8n/host');
const {
	DEDUPE_SECTION,
	putSection,
	measuredOn,
	numberArg,
	runScript,
} = require('./benchmarks-file');
const {
	chainWorkflow,
	soraTriggerNode,
	removeSeenBeforeNode,
	noOpNode,
	simCredential,
} = require('../tools/n8n/workflows');

const WORKFLOWS = numberArg('--workflows', 12);
const OUTCOMES = numberArg('--outcomes', 5);
const WRITE = !process.argv.includes('--no-write');
const VARIANTS = [
	{ key: 'plain', label: 'without Retry On Fail', retryOnFail: false },
	{ key: 'retry', label: 'with Retry On Fail (the recipe)', retryOnFail: true },
];
const log = (line) => console.log(line);

function recipeWorkflow(variant, i) {
	const hook = `qb-dedupe-${variant.key}-${i}`;
	const workflow = chainWorkflow(
		`qbDedupe${variant.key.padEnd(5, '0')}${String(i).padStart(3, '0')}`,
		`Dedupe ${variant.key} ${i}`,
		[
			soraTriggerNode({ events: ['completed'] }, { webhookId: hook }),
			{ ...removeSeenBeforeNode('={{ $json.delivery_key }}'), retryOnFail: variant.retryOnFail },
			noOpNode('Publish'),
		],
	);
	return { variant, workflow, hook };
}

async function completedTasks(sim) {
	const ids = [];
	for (let i = 0; i < OUTCOMES; i++) {
		const res = await submitTask(sim, { model: 'sora-2', prompt: `Finished together ${i}` });
		sim.completeNow(res.json.task_id);
		ids.push(res.json.task_id);
	}
	return ids;
}

/** QingBo's callback for a completed task, to the trigger of `entry`'s workflow. */
const callback = (n8n, entry, taskId) =>
	request('POST', `${n8n.baseUrl}/webhook/${entry.hook}/sora`, {
		body: { task_id: taskId, status: 'completed' },
	});

/** Every task called back at once; the failed executions' messages. */
async function atOnce(n8n, entry, taskIds) {
	await Promise.all(taskIds.map((id) => callback(n8n, entry, id)));
	const list = await until(async () => {
		const all = await n8n.listExecutions(entry.workflow.id);
		return all.length >= taskIds.length && all.every((e) => TERMINAL_STATUSES.has(e.status)) && all;
	}, `${taskIds.length} executions of ${entry.workflow.name}`);
	const failures = [];
	for (const e of list.filter((e) => e.status !== 'success'))
		failures.push(errorOf((await n8n.getExecution(e.id)).run).message);
	return { seen: new Set(list.map((e) => e.id)), failures };
}

/** Each task called back once more, one at a time: how many got past Remove Duplicates. */
async function copiesPast(n8n, entry, taskIds, seen) {
	let past = 0;
	for (const id of taskIds) {
		const answer = await callback(n8n, entry, id);
		if (answer.status !== 200) throw new Error(`callback answered ${answer.status}`);
		const execution = await n8n.waitForExecution(entry.workflow.id, {
			where: (e) => !seen.has(e.id),
		});
		seen.add(execution.id);
		if (execution.run.data.resultData.runData.Publish) past++;
	}
	return past;
}

function dedupeSection(rows, meta) {
	return [
		DEDUPE_SECTION,
		'',
		`Measured ${meta.date} by \`node scripts/bench-dedupe.js\` on ${meta.machine}; n8n ${pinnedN8nVersion()} under \`n8n start\` (SQLite). The README's once-per-outcome recipe (QingBo Trigger → Remove Duplicates "Remove Items Processed in Previous Executions" on \`delivery_key\` → Publish) in ${WORKFLOWS} fresh workflows per row: ${OUTCOMES} completed tasks called back at the same moment, then n8n restarted and each task called back once more, one at a time.`,
		'',
		'| Remove Duplicates | workflows with a failed execution | their error | copies after the restart that got past again |',
		'|---|---|---|---|',
		...rows.map(
			(r) =>
				`| ${r.label} | ${r.failedWorkflows} of ${WORKFLOWS} | ${r.errors.length ? [...new Set(r.errors)].map((m) => `\`${m}\``).join('; ') : '-'} | ${r.past} of ${WORKFLOWS * OUTCOMES} |`,
		),
		'',
		'n8n\'s Remove Duplicates (2.41 `deduplication/deduplication-helper.js`) reads its one history row per node, then inserts or updates it, without a lock: two executions can both insert the first row (one fails on the unique key; its retry finds the row), and executions that update it together overwrite each other\'s additions, so the outcomes they added are forgotten and their copies get past again. The recipe stops the copies of outcomes that arrived apart; a follow-up that must never run twice stays idempotent on `delivery_key` (docs/reference.md, "Duplicate callbacks").',
		'',
	].join('\n');
}

async function main() {
	const sim = await startSimulator({ queuedMs: 0, renderMs: 1000 });
	const n8n = await createInstance({ name: 'bench-dedupe' });
	const entries = VARIANTS.flatMap((variant) =>
		Array.from({ length: WORKFLOWS }, (_, i) => recipeWorkflow(variant, i)),
	);
	try {
		await n8n.importCredentials([simCredential(sim)]);
		await n8n.importWorkflows(entries.map((e) => e.workflow));
		for (const e of entries) await n8n.publish(e.workflow.id);
		await n8n.start();
		await n8n.setupOwner();
		for (const e of entries) await n8n.waitForWebhook(`${e.hook}/sora`);

		const taskIds = await completedTasks(sim);
		const first = new Map();
		for (const e of entries) first.set(e, await atOnce(n8n, e, taskIds));
		await n8n.stop();
		await n8n.start();
		await n8n.restLogin();
		for (const e of entries) await n8n.waitForWebhook(`${e.hook}/sora`);

		const rows = [];
		for (const variant of VARIANTS) {
			const row = { label: variant.label, failedWorkflows: 0, errors: [], past: 0 };
			for (const e of entries.filter((x) => x.variant === variant)) {
				const { seen, failures } = first.get(e);
				if (failures.length) row.failedWorkflows++;
				row.errors.push(...failures);
				row.past += await copiesPast(n8n, e, taskIds, seen);
			}
			log(`dedupe: ${JSON.stringify(row)}`);
			rows.push(row);
		}
		const markdown = dedupeSection(rows, measuredOn());
		if (WRITE) putSection(markdown);
		log(`\n${markdown}${WRITE ? '\nwritten to BENCHMARKS.md (section 8)' : ''}`);
	} finally {
		await n8n.dispose();
		await sim.close();
	}
}

runScript('bench-dedupe', main);
