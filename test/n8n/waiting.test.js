/**
 * Waiting in a real n8n 2.41.1: version 2's poll mode (Veo 3.1 Fast) at its defaults (adaptive: Options ›
 * Poll Interval left empty) and at a fixed Poll Interval, against the simulator with short renders
 * spread over 3-6 s. Each case checks the node's output and what the API saw: how many status reads
 * each task cost and how far apart they were.
 */
const { outputOf } = require('../../tools/n8n/host');
const { manualWorkflow, soraV2Node, veoNode, codeNode } = require('../../tools/n8n/workflows');
const { useSimulatorAndN8n } = require('./suite');

jest.setTimeout(10 * 60_000);

const SHORT_RENDERS = { queuedMs: 200, renderMs: 3000, renderMsMax: 6000, progressShape: 'linear' };
const N = 6;
/** Version 2's Generate with Veo 3.1 Fast (8 s), one video per item's prompt, polled. */
const generate = (options) => veoNode('poll', options, { name: 'Sora' });
const items = codeNode(
	Array.from({ length: N }, (_, i) => ({ prompt: `Waiting drill, shot ${i}` })),
);

const WORKFLOWS = {
	adaptive: manualWorkflow('qbWaitTestAdapt1', 'Batch at default waiting', [
		items,
		generate({ timeout: 300 }),
	]),
	fixed: manualWorkflow('qbWaitTestFixed1', 'Batch at Poll Interval 1', [
		items,
		generate({ pollInterval: 1, timeout: 300 }),
	]),
	taskWait: manualWorkflow('qbWaitTestTask01', "Don't Wait, then Task › Wait at defaults", [
		veoNode('none', {}, { prompt: 'Picked up later', name: 'Submit' }),
		soraV2Node(
			{ resource: 'task', operation: 'wait', taskId: '={{ $json.task_id }}', options: {} },
			{ name: 'Wait' },
		),
	]),
};

const suite = useSimulatorAndN8n({
	name: 'waiting',
	simOptions: { flavour: 'today', ...SHORT_RENDERS },
	simDefaults: { flavour: 'today', ...SHORT_RENDERS, faults: {} },
	workflows: WORKFLOWS,
});
let sim;
let n8n;
/** Task id → times of its status reads, as the simulator received them. */
let readTimes;

beforeAll(() => {
	({ sim, n8n } = suite);
	const status = sim.status.bind(sim);
	sim.status = (id, baseUrl) => {
		(readTimes[id] ??= []).push(Date.now());
		return status(id, baseUrl);
	};
});

beforeEach(() => {
	readTimes = {};
});

async function run(workflow) {
	const result = await n8n.execute(workflow.id);
	if (!result.run)
		throw new Error(
			`no run data for ${workflow.name} (exit ${result.exitCode}):\n${n8n.logTail()}`,
		);
	expect(result.exitCode).toBe(0);
	return result;
}

/** Every task completed in the node's output, one per item, each with its video. */
function expectAllCompleted(result, node = 'Sora', count = N) {
	const out = outputOf(result.run, node);
	expect(out).toHaveLength(count);
	for (const item of out) {
		expect(item.json).toMatchObject({ status: 'completed', progress: 100 });
		expect(item.json.video_url).toBe(`${sim.url}/files/${item.json.task_id}.mp4`);
	}
	expect(sim.counters.tasksCreated).toBe(count);
}

const gapsOf = (times) => times.slice(1).map((t, i) => t - times[i]);
const readsPerTask = () => sim.counters.statusReads / sim.counters.tasksCreated;
/** Status reads per task of the first test's default run, compared with the fixed run below. */
let adaptiveReads;

test('at its defaults the node adapts: every task completes, reads at least 2 s apart', async () => {
	const result = await run(WORKFLOWS.adaptive);
	expectAllCompleted(result);
	const gaps = Object.values(readTimes).flatMap(gapsOf);
	// The engine keeps 2 s between reads of a task; 100 ms allows for when the simulator logs them.
	expect(Math.min(...gaps)).toBeGreaterThanOrEqual(1900);
	// No read before the 2 s first-read delay after submit: at most one read per 2 s of the longest render.
	expect(readsPerTask()).toBeLessThanOrEqual(6.5 / 2 + 1);
	adaptiveReads = readsPerTask();
	// The read that saw a task finished was its last one.
	for (const [id, times] of Object.entries(readTimes)) {
		expect(times.filter((t) => t > sim.counters.firstTerminalReadAt[id])).toEqual([]);
	}
});

test('a set Poll Interval keeps its fixed cadence, and costs more reads than the default', async () => {
	const fixed = await run(WORKFLOWS.fixed);
	expectAllCompleted(fixed);
	const fixedReads = readsPerTask();
	// 1 s apart from the first read on: gaps may stretch on a busy machine, never shrink below it.
	const gaps = Object.values(readTimes).flatMap(gapsOf);
	expect(Math.min(...gaps)).toBeGreaterThanOrEqual(900);
	expect(adaptiveReads).toBeGreaterThan(0); // the default run above measured it
	expect(fixedReads).toBeGreaterThan(adaptiveReads);
});

test('progress that never moves until done: the default backs off and still completes every task', async () => {
	sim.configure({ progressShape: 'none' });
	const result = await run(WORKFLOWS.adaptive);
	expectAllCompleted(result);
	const gaps = Object.values(readTimes).flatMap(gapsOf);
	expect(Math.min(...gaps)).toBeGreaterThanOrEqual(1900);
	// Backing off from 3 s (×1.5, ±20 % jitter), a task's gaps grow.
	for (const times of Object.values(readTimes)) {
		const own = gapsOf(times);
		if (own.length > 1) expect(own.at(-1)).toBeGreaterThanOrEqual(own[0]);
	}
});

test('429 with reset_at on status reads at defaults: the batch pauses and every task completes', async () => {
	sim.configure({ faults: { statusError429Rate: 0.3, quotaReset: true } });
	const result = await run(WORKFLOWS.adaptive);
	expectAllCompleted(result);
	expect(sim.counters.errorsInjected).toBeGreaterThan(0);
});

test('Task › Wait uses the same engine at its defaults, following next_poll_after_seconds', async () => {
	sim.configure({ nextPollAfterSeconds: 3 });
	const result = await run(WORKFLOWS.taskWait);
	expectAllCompleted(result, 'Wait', 1);
	const [times] = Object.values(readTimes);
	// Read at once, then every 3 s as the answers ask, until the 3.2-6.2 s render is done.
	expect(times.length).toBeGreaterThanOrEqual(2);
	expect(Math.min(...gapsOf(times))).toBeGreaterThanOrEqual(2900);
});
