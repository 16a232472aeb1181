/**
 * Fault injection: the built package (version 2, Veo 3.1 Fast) in a real n8n against a simulator that misbehaves the ways
 * real networks and APIs do. Every case checks that no task is lost, none is billed twice (tasks
 * created equals items), every failure names its task, and the API key appears nowhere.
 */
const { outputOf, errorOf } = require('../../tools/n8n/host');
const { manualWorkflow, veoNode, codeNode } = require('../../tools/n8n/workflows');
const { useSimulatorAndN8n } = require('./suite');

jest.setTimeout(15 * 60_000);

const API_KEY = 'sk-qb-live-7f3a9c-SECRET-must-not-leak';
const ITEMS = 8;
/** Version 2's Generate with Veo 3.1 Fast (8 s), one video per item's prompt, polled. */
const batch = (options = {}, { continueOnFail = false } = {}) => ({
	...veoNode('poll', { pollInterval: 1, timeout: 300, ...options }, { name: 'Sora' }),
	...(continueOnFail ? { onError: 'continueRegularOutput' } : {}),
});
const prompts = codeNode(
	Array.from({ length: ITEMS }, (_, i) => ({ prompt: `Fault drill, shot ${i}` })),
);

const WORKFLOWS = {
	batch: manualWorkflow('qbFaultBatch0001', 'Batch under faults', [prompts, batch()]),
	download: manualWorkflow('qbFaultDownload1', 'Batch with download', [
		prompts,
		batch({ download: true }),
	]),
	downloadContinue: manualWorkflow('qbFaultDlContin1', 'Batch with download, continue on fail', [
		prompts,
		batch({ download: true }, { continueOnFail: true }),
	]),
};

const suite = useSimulatorAndN8n({
	name: 'faults',
	simOptions: { flavour: 'today', apiKey: API_KEY, queuedMs: 200, renderMs: 1500 },
	simDefaults: { flavour: 'today', faults: {}, expireResults: false },
	workflows: WORKFLOWS,
});
let sim;
let n8n;
beforeAll(() => ({ sim, n8n } = suite));

/** Runs a workflow and checks what must hold whatever the fault: nothing billed twice, no key leaked. */
async function runUnderFaults(workflow) {
	const result = await n8n.execute(workflow.id);
	expect(result.run).toBeTruthy();
	expect(sim.counters.tasksCreated).toBeLessThanOrEqual(ITEMS);
	expect(`${result.stdout}${result.stderr}${JSON.stringify(result.run)}`).not.toContain(API_KEY);
	return result;
}

function expectAllCompleted(result) {
	expect(result.exitCode).toBe(0);
	const items = outputOf(result.run, 'Sora');
	expect(items).toHaveLength(ITEMS);
	expect(items.every((item) => item.json.status === 'completed')).toBe(true);
	// Every item got its own task, and every task the API created reached the user: none lost.
	expect(new Set(items.map((item) => item.json.task_id))).toEqual(new Set(sim.tasks.keys()));
	expect(sim.counters.tasksCreated).toBe(ITEMS);
	return items;
}

test('30 % of status reads answer 500 and 20 % answer 429', async () => {
	sim.configure({ faults: { statusError5xxRate: 0.3, statusError429Rate: 0.2 } });
	expectAllCompleted(await runUnderFaults(WORKFLOWS.batch));
	expect(sim.counters.errorsInjected).toBeGreaterThan(0);
});

test('429 with Retry-After and quota reset_at on status reads', async () => {
	sim.configure({ faults: { statusError429Rate: 0.4, retryAfterSeconds: 1, quotaReset: true } });
	expectAllCompleted(await runUnderFaults(WORKFLOWS.batch));
	expect(sim.counters.errorsInjected).toBeGreaterThan(0);
});

test('submits answering 429 before creating anything are retried', async () => {
	sim.configure({ faults: { submit429Count: 3 } });
	expectAllCompleted(await runUnderFaults(WORKFLOWS.batch));
	expect(sim.counters.submits).toBe(ITEMS + 3);
});

test('submits that create the task and then answer 502 are replayed, not billed twice', async () => {
	sim.configure({ faults: { submitCreateThen502Count: 3 } });
	expectAllCompleted(await runUnderFaults(WORKFLOWS.batch));
	expect(sim.counters.idempotentReplays).toBe(3);
});

test('slow responses', async () => {
	sim.configure({ faults: { slowMs: 700 } });
	expectAllCompleted(await runUnderFaults(WORKFLOWS.batch));
});

test('all faults at once', async () => {
	sim.configure({
		faults: {
			statusError5xxRate: 0.3,
			statusError429Rate: 0.2,
			submit429Count: 2,
			submitCreateThen502Count: 2,
			slowMs: 200,
		},
	});
	expectAllCompleted(await runUnderFaults(WORKFLOWS.batch));
});

test('vanished result files: the error names the task, which completed and is not resubmitted', async () => {
	sim.configure({ expireResults: true });
	const result = await runUnderFaults(WORKFLOWS.download);
	expect(result.exitCode).not.toBe(0);
	const error = errorOf(result.run);
	expect(error.message).toMatch(
		/^Task task_\w+ completed, but its video link has expired or is gone \(HTTP 404\)$/,
	);
	expect(sim.tasks.has(error.message.split(' ')[1])).toBe(true);
	// The other items' tasks are named too, so none is orphaned.
	expect(error.description.match(/task_\w+ \(item \d\)/g)).toHaveLength(ITEMS - 1);
	expect(sim.counters.tasksCreated).toBe(ITEMS);
});

test('vanished result files with continue on fail: every row keeps its task ID and video URL', async () => {
	sim.configure({ expireResults: true });
	const result = await runUnderFaults(WORKFLOWS.downloadContinue);
	expect(result.exitCode).toBe(0);
	const items = outputOf(result.run, 'Sora');
	expect(items).toHaveLength(ITEMS);
	for (const item of items) {
		expect(item.json).toMatchObject({ status: 'completed' });
		expect(item.json.error).toBe(
			`Task ${item.json.task_id} completed, but its video link has expired or is gone (HTTP 404)`,
		);
		expect(item.json.video_url).toContain(item.json.task_id);
	}
	expect(sim.counters.tasksCreated).toBe(ITEMS);
});
