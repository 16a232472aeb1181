/**
 * Pause Until Callback for a whole batch, in a running n8n (`n8n start`): one execution parks for
 * every item, QingBo (our simulator) calls back each task, and the execution goes on once with one
 * row per item in item order. What only a real n8n can show: that it parks once, that n8n resumes it
 * exactly once whatever the callbacks do, and how large a batch its execution data carries.
 */
const { outputOf, pairedItemsOf, request, until } = require('../../tools/n8n/host');
const { useRunningN8n, submitToSimulator } = require('./suite');
const {
	promptsFromBodyNode,
	veoNode,
	webhookNode,
	noOpNode,
	chainWorkflow,
} = require('../../tools/n8n/workflows');

jest.setTimeout(15 * 60_000);

/** Webhook (`{ prompts: [...] }` or `{ count }`) → one item per prompt → Generate, parked → Done. */
const batchWorkflow = (id, path) =>
	chainWorkflow(id, `Batch parked until callback (${path})`, [
		webhookNode(path),
		promptsFromBodyNode(),
		veoNode('callback'),
		noOpNode('Done'),
	]);

const WORKFLOWS = {
	batch: batchWorkflow('qbBatchPark00001', 'park-batch'),
	together: batchWorkflow('qbBatchPark00002', 'park-together'),
	large: batchWorkflow('qbBatchPark00003', 'park-large'),
	hundred: batchWorkflow('qbBatchPark00004', 'park-hundred'),
};

const frame = useRunningN8n({
	name: 'batch-park',
	simOptions: { flavour: 'today' },
	workflows: WORKFLOWS,
	webhooks: ['park-batch', 'park-together', 'park-large', 'park-hundred'],
});
let sim;
let n8n;
beforeAll(() => ({ sim, n8n } = frame));

beforeEach(() => {
	sim.reset();
	sim.configure({
		flavour: 'today',
		queuedMs: 200,
		renderMs: 1500,
		renderMsMax: 0,
		callbackDuplicates: 1,
		callbackDuplicatesAtOnce: false,
		callbackRetries: 0,
	});
});

/** Starts the workflow by its webhook and waits until its one execution is parked. */
async function startParked(workflow, path, body) {
	const seen = new Set((await n8n.listExecutions(workflow.id)).map((e) => e.id));
	const started = await request('POST', `${n8n.baseUrl}/webhook/${path}`, { body });
	expect(started.status).toBe(200);
	const waiting = await until(async () => {
		const list = await n8n.listExecutions(workflow.id);
		return list.find((e) => !seen.has(e.id) && e.status === 'waiting');
	}, 'the execution to park');
	return { seen, waiting };
}

/** The run's rows of the video node (with the item each pairs with), and how many times n8n ran the node after it. */
function outcome(execution) {
	const runData = execution.run.data.resultData.runData;
	const paired = pairedItemsOf(execution.run, 'QingBo Video');
	const rows = outputOf(execution.run, 'QingBo Video').map((row, i) => ({
		...row,
		pairedItem: { item: paired[i] },
	}));
	const doneRuns = runData.Done ?? [];
	return { rows, doneRuns: doneRuns.length, done: outputOf(execution.run, 'Done') };
}

test('a six-item batch parks once, reads nothing before the first callback, refuses a foreign task, finds a lost callback and goes on once with six rows in item order', async () => {
	sim.configure({ renderMs: 5000, renderMsMax: 7000 });
	const prompts = ['a', 'b', 'c [fail]', 'd [lost-callback]', 'e', 'f'].map((p) => `clip ${p}`);
	const { seen, waiting } = await startParked(WORKFLOWS.batch, 'park-batch', { prompts });
	expect(
		(await n8n.listExecutions(WORKFLOWS.batch.id)).filter((e) => !seen.has(e.id)),
	).toHaveLength(1);
	const tasks = [...sim.tasks.values()];
	expect(tasks).toHaveLength(6);
	const resumeUrl = tasks[0].body.callback_url;
	expect(new Set(tasks.map((task) => task.body.callback_url))).toEqual(new Set([resumeUrl]));
	expect(resumeUrl.split('?')[0]).toBe(`${n8n.baseUrl}/webhook-waiting/${waiting.id}`);

	// The lost task finishes first, silently; the rest render for 5 to 7 s.
	const lost = tasks.find((task) => task.prompt.includes('[lost-callback]')).id;
	sim.completeNow(lost);
	// A finished task of the same account that is not of this batch.
	const other = await submitToSimulator(sim, {
		model: 'veo3.1-fast',
		prompt: 'not of this batch',
		duration: 8,
	});
	sim.completeNow(other);
	const foreign = await request('POST', resumeUrl, {
		body: { task_id: other, status: 'completed' },
	});
	expect(foreign.status).toBe(409);
	expect(foreign.json).toMatchObject({ task_id: other, expected_tasks: 6 });
	expect(sim.callbacks).toHaveLength(0);
	expect(sim.counters.statusReads).toBe(0); // nothing read before the first callback
	const still = (await n8n.listExecutions(WORKFLOWS.batch.id)).find((e) => e.id === waiting.id);
	expect(still.status).toBe('waiting');

	const execution = await n8n.waitForExecution(WORKFLOWS.batch.id, {
		where: (e) => e.id === waiting.id,
		timeoutMs: 120_000,
	});
	expect(execution.status).toBe('success');
	const { rows, doneRuns, done } = outcome(execution);
	// In item order: each row is the task of its item's prompt (submits run a few at a time, in any order).
	expect(rows.map((row) => sim.tasks.get(row.json.task_id).prompt)).toEqual(prompts);
	expect(rows.map((row) => row.pairedItem)).toEqual([0, 1, 2, 3, 4, 5].map((item) => ({ item })));
	expect(rows.map((row) => row.json.status)).toEqual([
		'completed',
		'completed',
		'failed',
		'completed',
		'completed',
		'completed',
	]);
	expect(rows[2].json.error).toMatch(/^Task task_\w+ failed/);
	expect(rows[3].json.video_url).toMatch(/\.mp4$/);
	expect(rows.every((row) => row.json.timed_out === undefined)).toBe(true);
	expect(doneRuns).toBe(1);
	expect(done).toHaveLength(6);

	// Five callbacks came (one was lost); each answered at once with the package's JSON.
	expect(sim.callbacks).toHaveLength(5);
	expect(sim.callbacks.every((c) => c.status === 200)).toBe(true);
	expect(sim.callbacks.filter((c) => c.answer.resumed === true)).toHaveLength(1);
	const lastCallbackAt = Math.max(...sim.callbacks.map((c) => c.at));
	const lag = Date.parse(execution.stoppedAt) - lastCallbackAt;
	const reads = sim.counters.statusReads;
	process.stderr.write(
		`[batch-park.test] 6 items: went on ${lag} ms after the last callback; ${reads} status reads (${(reads / 6).toFixed(2)} per task)\n`,
	);
	expect(lag).toBeLessThan(5_000);
	expect(reads).toBeLessThanOrEqual(12);
});

test('six tasks finishing together, every callback delivered three times at once: the execution goes on exactly once', async () => {
	sim.configure({ renderMs: 3000, callbackDuplicates: 3, callbackDuplicatesAtOnce: true });
	const prompts = Array.from({ length: 6 }, (_, i) => `together ${i}`);
	const { seen, waiting } = await startParked(WORKFLOWS.together, 'park-together', { prompts });
	const execution = await n8n.waitForExecution(WORKFLOWS.together.id, {
		where: (e) => e.id === waiting.id,
		timeoutMs: 120_000,
	});
	expect(execution.status).toBe('success');
	const { rows, doneRuns, done } = outcome(execution);
	expect(rows).toHaveLength(6);
	expect(rows.every((row) => row.json.status === 'completed')).toBe(true);
	expect(doneRuns).toBe(1);
	expect(done).toHaveLength(6);
	await until(() => sim.callbacks.length === 18, 'all 18 callbacks answered');
	expect(sim.callbacks.filter((c) => c.answer && c.answer.resumed === true)).toHaveLength(1);
	const executions = (await n8n.listExecutions(WORKFLOWS.together.id)).filter(
		(e) => !seen.has(e.id),
	);
	expect(executions.map((e) => [e.id, e.status])).toEqual([[waiting.id, 'success']]);
	process.stderr.write(
		`[batch-park.test] 6 together x3: answers ${JSON.stringify(sim.callbacks.map((c) => c.status))}; ${sim.counters.statusReads} status reads\n`,
	);
});

test('a batch of 100 with five callbacks lost reads about once per task and goes on at the last callback', async () => {
	const count = 100;
	const lostItems = [7, 23, 48, 61, 90];
	const prompts = Array.from(
		{ length: count },
		(_, i) => `clip ${i}${lostItems.includes(i) ? ' [lost-callback]' : ''}`,
	);
	// Renders of 20-40 s, progress reported as they go: about five callbacks a second.
	sim.configure({ renderMs: 20_000, renderMsMax: 40_000 });
	const { waiting } = await startParked(WORKFLOWS.hundred, 'park-hundred', { prompts });
	const execution = await n8n.waitForExecution(WORKFLOWS.hundred.id, {
		where: (e) => e.id === waiting.id,
		timeoutMs: 180_000,
	});
	expect(execution.status).toBe('success');
	const { rows, doneRuns } = outcome(execution);
	expect(rows.map((row) => sim.tasks.get(row.json.task_id).prompt)).toEqual(prompts);
	expect(rows.every((row) => row.json.status === 'completed' && row.json.video_url)).toBe(true);
	expect(doneRuns).toBe(1);
	expect(sim.callbacks).toHaveLength(count - lostItems.length);
	const reads = sim.counters.statusReads;
	const lastCallbackAt = Math.max(...sim.callbacks.map((c) => c.at));
	const lag = Date.parse(execution.stoppedAt) - lastCallbackAt;
	process.stderr.write(
		`[batch-park.test] 100 items, 5 callbacks lost: ${reads} status reads (${(reads / count).toFixed(2)} per task); ` +
			`went on ${lag} ms after the last callback, resumed by ${sim.callbacks.some((c) => c.answer?.resumed === true) ? 'the last callback' : 'a later sweep'}\n`,
	);
	// Each task read once (the lost ones by a sweep), plus a read of a task still running now and then.
	expect(reads).toBeLessThanOrEqual(1.2 * count);
	// At the last callback, unless the task read running last was itself lost: then at its next read (5 s).
	expect(lag).toBeLessThan(7_000);
});

test('a 500-item batch parks once and goes on once with every row', async () => {
	const count = 500;
	// Renders of 30 s to 2.5 min: about four callbacks a second, what one n8n process on 2 cores keeps up with.
	sim.configure({ renderMs: 30_000, renderMsMax: 150_000, callbackRetries: 3 });
	const t0 = Date.now();
	const { waiting } = await startParked(WORKFLOWS.large, 'park-large', { count });
	const parkedMs = Date.now() - t0;
	// Looked at every 5 s, and a slow answer is no failure: n8n is busy with the callbacks.
	const finished = await until(
		async () => {
			const list = await n8n.listExecutions(WORKFLOWS.large.id).catch(() => []);
			const hit = list.find((e) => e.id === waiting.id);
			return hit && !['waiting', 'running', 'new'].includes(hit.status) && hit;
		},
		'the 500-item batch to go on',
		600_000,
		5_000,
	);
	const execution = await n8n.getExecution(finished.id);
	expect(execution.status).toBe('success');
	const { rows, doneRuns, done } = outcome(execution);
	expect(rows).toHaveLength(count);
	expect(rows.map((row) => row.pairedItem.item)).toEqual(
		Array.from({ length: count }, (_, i) => i),
	);
	expect(rows.every((row) => row.json.status === 'completed' && row.json.video_url)).toBe(true);
	expect(doneRuns).toBe(1);
	expect(done).toHaveLength(count);
	const lastCallbackAt = Math.max(...sim.callbacks.map((c) => c.at));
	const lag = Date.parse(execution.stoppedAt) - lastCallbackAt;
	const reads = sim.counters.statusReads;
	const answers = sim.callbacks.filter((c) => c.answeredAt).map((c) => c.answeredAt - c.at);
	answers.sort((a, b) => a - b);
	const failedAnswers = sim.callbacks.filter((c) => !(c.status >= 200 && c.status < 300)).length;
	process.stderr.write(
		`[batch-park.test] ${count} items: parked in ${parkedMs} ms, went on ${lag} ms after the last callback; ` +
			`${reads} status reads (${(reads / count).toFixed(2)} per task); ${sim.callbacks.length} callbacks sent, ` +
			`${failedAnswers} not answered 2xx; answer time p50 ${answers[answers.length >> 1]} ms, max ${answers.at(-1)} ms; ` +
			`execution data ${execution.dataChars} characters\n`,
	);
	expect(reads).toBeLessThanOrEqual(2.5 * count);
});
