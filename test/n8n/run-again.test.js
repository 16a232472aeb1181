/**
 * Running a failed batch again without paying twice (Options › Idempotency Key), in a running n8n
 * (`n8n start`). The simulator keeps idempotency keys as QingBo does: a repeat of a key gives back
 * the task it first created (its first submit answer again), unbilled. Each workflow is started by
 * its webhook with `{ rows: [{ row, prompt }] }`, once per "run" a user would make.
 */
const { errorOf, outputOf, request, until } = require('../../tools/n8n/host');
const { sleep } = require('../../tools/n8n/harness/util');
const { useRunningN8n } = require('./suite');
const { chainWorkflow, modelFields, noOpNode, soraV2Node, webhookNode } = require('../../tools/n8n/workflows');

jest.setTimeout(15 * 60_000);

/** A Code node: one item per row of the webhook body's `rows`. */
const rowsFromBodyNode = () => ({
	parameters: { jsCode: 'return $input.first().json.body.rows.map((json) => ({ json }));' },
	name: 'Rows',
	type: 'n8n-nodes-base.code',
	typeVersion: 2,
});

/** Generate with Veo 3.1 Fast (8 s), one video per row; `key`: Options › Idempotency Key from the row. */
const videoNode = (waitMode, { key = true, continueOnFail = false } = {}) =>
	soraV2Node(
		{
			resource: 'video',
			operation: 'generate',
			model: 'veo3.1-fast',
			prompt: '={{ $json.prompt }}',
			modelFields: modelFields({ duration: 8 }),
			waitMode,
			options: {
				timeout: 300,
				...(key ? { idempotencyKey: '={{ "sheet-row-" + $json.row }}' } : {}),
			},
		},
		{ name: 'QingBo Video', continueOnFail },
	);

const batchWorkflow = (id, path, node) =>
	chainWorkflow(id, `Run again (${path})`, [
		webhookNode(path),
		rowsFromBodyNode(),
		node,
		noOpNode('Done'),
	]);

const WORKFLOWS = {
	keyed: batchWorkflow('qbRunAgain000001', 'again-keyed', videoNode('poll')),
	keyedRows: batchWorkflow(
		'qbRunAgain000002',
		'again-rows',
		videoNode('poll', { continueOnFail: true }),
	),
	unkeyed: batchWorkflow('qbRunAgain000003', 'again-unkeyed', videoNode('poll', { key: false })),
	parked: batchWorkflow('qbRunAgain000004', 'again-parked', videoNode('callback')),
};
const PATHS = ['again-keyed', 'again-rows', 'again-unkeyed', 'again-parked'];

const frame = useRunningN8n({
	name: 'run-again',
	simOptions: { flavour: 'today' },
	workflows: WORKFLOWS,
	webhooks: PATHS,
});

beforeEach(() => {
	frame.sim.reset();
	frame.sim.configure({ flavour: 'today', queuedMs: 200, renderMs: 1500, renderMsMax: 0 });
});

const rows = (n, failing = -1) =>
	Array.from({ length: n }, (_, row) => ({
		row,
		prompt: `Row ${row}: a lighthouse at dusk${row === failing ? ' [fail]' : ''}`,
	}));

/** Starts the workflow by its webhook; resolves the new execution once it matches `until` (finished by default). */
async function start(workflow, path, body, { status = 'finished', timeoutMs = 120_000 } = {}) {
	const { n8n } = frame;
	const seen = new Set((await n8n.listExecutions(workflow.id)).map((e) => e.id));
	const started = await request('POST', `${n8n.baseUrl}/webhook/${path}`, { body });
	expect(started.status).toBe(200);
	if (status === 'waiting') {
		return await until(async () => {
			const list = await n8n.listExecutions(workflow.id);
			return list.find((e) => !seen.has(e.id) && e.status === 'waiting');
		}, 'the execution to park');
	}
	return await n8n.waitForExecution(workflow.id, { where: (e) => !seen.has(e.id), timeoutMs });
}

const videoRows = (execution) => outputOf(execution.run, 'QingBo Video').map((row) => row.json);

test('a batch that failed on one row, run again twice with the key, creates no new task for the rows that existed', async () => {
	const { sim } = frame;
	const body = { rows: rows(4, 2) };
	const first = await start(WORKFLOWS.keyed, 'again-keyed', body);
	expect(first.status).toBe('error');
	const firstError = errorOf(first.run);
	expect(firstError.message).toMatch(/failed/);
	expect(firstError.description).toMatch(/Idempotency Key is set: run the workflow again/);
	expect(sim.counters.tasksCreated).toBe(4);

	for (const run of [2, 3]) {
		const again = await start(WORKFLOWS.keyed, 'again-keyed', body);
		expect(again.status).toBe('error');
		expect(errorOf(again.run).description).toMatch(/came back from an earlier run/);
		expect(sim.counters.tasksCreated).toBe(4);
		expect(sim.counters.idempotentReplays).toBe(4 * (run - 1));
	}
});

test('with Continue On Fail, the run again outputs every row at once, each marked reused, at no new cost', async () => {
	const { sim } = frame;
	const body = { rows: rows(4, 2) };
	const first = await start(WORKFLOWS.keyedRows, 'again-rows', body);
	expect(first.status).toBe('success');
	expect(videoRows(first).map((row) => row.reused)).toEqual([false, false, false, false]);
	const reservedBefore = sim.counters.reservedQuota;
	const readsBefore = sim.counters.statusReads;

	const again = await start(WORKFLOWS.keyedRows, 'again-rows', body);
	expect(again.status).toBe('success');
	const out = videoRows(again);
	expect(out.map((row) => [row.task_id, row.reused])).toEqual(
		videoRows(first).map((row) => [row.task_id, true]),
	);
	expect(out.map((row) => row.status)).toEqual(['completed', 'completed', 'failed', 'completed']);
	expect(out[2].error).toMatch(/failed/);
	expect(out[0].cost_usd).toBeCloseTo(0.576, 6);
	expect(sim.counters.tasksCreated).toBe(4);
	expect(sim.counters.reservedQuota).toBe(reservedBefore);
	// Already finished: one read each, no waiting.
	expect(sim.counters.statusReads - readsBefore).toBe(4);
});

test('without the key, behaviour is as before: running again submits and bills every row again', async () => {
	const { sim } = frame;
	const body = { rows: rows(3) };
	const first = await start(WORKFLOWS.unkeyed, 'again-unkeyed', body);
	expect(first.status).toBe('success');
	expect(videoRows(first).every((row) => !('reused' in row))).toBe(true);
	const again = await start(WORKFLOWS.unkeyed, 'again-unkeyed', body);
	expect(again.status).toBe('success');
	expect(sim.counters.tasksCreated).toBe(6);
	expect(sim.counters.idempotentReplays).toBe(0);
});

test('Pause Until Callback run again: tasks partly finished and partly running, then all finished, go on once with every row', async () => {
	const { sim, n8n } = frame;
	// Rows 0 and 1 render fast; row 2 is slow (10x). The first run parks for the three.
	const three = rows(3).map((r) => (r.row === 2 ? { ...r, prompt: `${r.prompt} [slow]` } : r));
	const first = await start(
		WORKFLOWS.parked,
		'again-parked',
		{ rows: three },
		{ status: 'waiting' },
	);
	await until(
		async () => (sim.counters.callbacksSent >= 2 ? true : null),
		'rows 0 and 1 to finish and call back',
	);
	// A user runs it again a little later: a repeat within a second or two of the first submit cannot
	// be told from a new task by its created_at (QingBo counts whole seconds), and counts as new.
	await sleep(3000);
	const taskOfRow = (row) =>
		[...sim.tasks.values()].find((task) => task.prompt.startsWith(`Row ${row}:`)).id;

	// Run again with a fourth row while row 2 still renders: 0 and 1 come back finished, 2 comes back
	// running (its callback goes to the first execution), 3 is new. Followed here: one execution, 4 rows.
	const four = [...three, ...rows(4).slice(3)];
	const second = await start(WORKFLOWS.parked, 'again-parked', { rows: four });
	expect(second.status).toBe('success');
	const out = videoRows(second);
	expect(out.map((row) => [row.task_id, row.status, row.reused])).toEqual(
		[0, 1, 2, 3].map((row) => [taskOfRow(row), 'completed', row < 3]),
	);
	expect(sim.counters.tasksCreated).toBe(4);
	expect((second.run.data.resultData.runData.Done ?? []).length).toBe(1);
	// The first execution went on too, with its own three rows, when row 2's callback reached it.
	const firstDone = await n8n.waitForExecution(WORKFLOWS.parked.id, {
		where: (e) => e.id === first.id,
		timeoutMs: 120_000,
	});
	expect(firstDone.status).toBe('success');
	expect(videoRows(firstDone).map((row) => row.task_id)).toEqual(
		out.slice(0, 3).map((r) => r.task_id),
	);

	// Once more with a fifth row, all four earlier ones finished: they have their rows at once, the
	// new one parks, and its callback resumes the execution with five rows in item order.
	const five = [...four, ...rows(5).slice(4)];
	const third = await start(
		WORKFLOWS.parked,
		'again-parked',
		{ rows: five },
		{ status: 'waiting' },
	);
	const thirdDone = await n8n.waitForExecution(WORKFLOWS.parked.id, {
		where: (e) => e.id === third.id,
		timeoutMs: 120_000,
	});
	expect(thirdDone.status).toBe('success');
	const all = videoRows(thirdDone);
	expect(all.map((row) => [row.task_id, row.status, row.reused])).toEqual(
		[0, 1, 2, 3, 4].map((row) => [taskOfRow(row), 'completed', row < 4]),
	);
	expect(sim.counters.tasksCreated).toBe(5);
	expect((thirdDone.run.data.resultData.runData.Done ?? []).length).toBe(1);
});
