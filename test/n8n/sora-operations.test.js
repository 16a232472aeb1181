/**
 * The Sora node's operations, modes and behaviours, each proven the way a user meets them: the
 * built package installed in a real n8n 2.41.1, workflows run with `n8n execute`, QingBo played by
 * our simulator on 127.0.0.1. Every case checks the node's output and what the API saw.
 */
const { outputOf, errorOf } = require('../../tools/n8n/host');
const { useSimulatorAndN8n } = require('./suite');

const { manualWorkflow, soraNode, codeNode } = require('../../tools/n8n/workflows');

jest.setTimeout(15 * 60_000);

const SIM_DEFAULTS = {
	flavour: 'seed',
	queuedMs: 200,
	renderMs: 1500,
	resultBytes: 262_144,
	expireResults: false,
	faults: {},
	callbackShape: 'task',
	callbackDuplicates: 1,
};
const POLL = { pollInterval: 1, timeout: 120 };
const generate = (extra = {}) => ({
	resource: 'video',
	operation: 'generate',
	model: 'sora-2',
	prompt: 'A paper boat drifting down a rainy street',
	aspectRatio: '16:9',
	duration: 4,
	resolution: '720p',
	waitMode: 'poll',
	options: POLL,
	...extra,
});
const prompts = (n, make = (i) => `Scene ${i}: a lighthouse at dusk`) =>
	Array.from({ length: n }, (_, i) => ({ prompt: make(i), i }));
const fromItem = { prompt: '={{ $json.prompt }}' };

/** Every workflow this file runs, imported into n8n once. */
const WORKFLOWS = {
	poll: manualWorkflow('qbOpsPoll0000001', 'Generate and poll', [soraNode(generate())]),
	batch20: manualWorkflow('qbOpsBatch000020', 'Batch of 20', [
		codeNode(prompts(20)),
		soraNode(generate(fromItem)),
	]),
	badItem: manualWorkflow('qbOpsBadItem0001', 'One bad item in three', [
		codeNode([{ resolution: '720p' }, { resolution: '720p' }, { resolution: '1080p' }]),
		soraNode(generate({ resolution: '={{ $json.resolution }}' })),
	]),
	noWaitThenWait: manualWorkflow('qbOpsNoWait00001', "Don't wait, then Task › Wait and Get", [
		soraNode(generate({ waitMode: 'none' }), { name: 'Submit' }),
		soraNode(
			{ resource: 'task', operation: 'wait', taskId: '={{ $json.task_id }}', options: POLL },
			{ name: 'Wait' },
		),
		soraNode(
			{ resource: 'task', operation: 'get', taskId: '={{ $json.task_id }}', options: {} },
			{ name: 'Get' },
		),
	]),
	chain: manualWorkflow('qbOpsChain000001', 'Generate, remix, extend', [
		soraNode(generate(), { name: 'Generate' }),
		soraNode(
			{
				resource: 'video',
				operation: 'remix',
				model: 'sora-2',
				prompt: 'Same scene in neon',
				sourceTaskId: '={{ $json.task_id }}',
				strength: '3',
				waitMode: 'poll',
				options: POLL,
			},
			{ name: 'Remix' },
		),
		soraNode(
			{
				resource: 'video',
				operation: 'extend',
				model: 'sora-2',
				prompt: 'The boat reaches the sea',
				sourceTaskId: '={{ $json.task_id }}',
				duration: 8,
				waitMode: 'poll',
				options: POLL,
			},
			{ name: 'Extend' },
		),
	]),
	cancelQueued: manualWorkflow('qbOpsCancel00001', 'Cancel a queued task', [
		soraNode(generate({ waitMode: 'none' }), { name: 'Submit' }),
		soraNode(
			{ resource: 'task', operation: 'cancel', taskId: '={{ $json.task_id }}' },
			{ name: 'Cancel' },
		),
	]),
	cancelProcessing: manualWorkflow('qbOpsCancelLate1', 'Cancel a processing task', [
		soraNode(generate({ prompt: 'A slow render [slow]', waitMode: 'none' }), { name: 'Submit' }),
		soraNode(
			{
				resource: 'task',
				operation: 'wait',
				taskId: '={{ $json.task_id }}',
				options: { pollInterval: 1, timeout: 2 },
			},
			{ name: 'Wait', continueOnFail: true },
		),
		soraNode(
			{ resource: 'task', operation: 'cancel', taskId: '={{ $json.task_id }}' },
			{ name: 'Cancel' },
		),
	]),
	continueOnFail: manualWorkflow('qbOpsContinue001', 'A failed render with continue on fail', [
		codeNode(prompts(3, (i) => (i === 1 ? 'An impossible scene [fail]' : `Scene ${i}`))),
		soraNode(generate(fromItem), { continueOnFail: true }),
	]),
	timeout: manualWorkflow('qbOpsTimeout0001', 'Poll timeout', [
		soraNode(
			generate({ prompt: 'A slow render [slow]', options: { pollInterval: 1, timeout: 2 } }),
		),
	]),
	download: manualWorkflow('qbOpsDownload001', 'Download a large result', [
		soraNode(generate({ options: { ...POLL, download: true, binaryPropertyName: 'video' } })),
	]),
	extraPassThrough: manualWorkflow('qbOpsExtra000001', 'Extra and additional fields', [
		soraNode(
			generate({
				model: 'kling-v3',
				waitMode: 'none',
				options: {
					extra: '{"seed": 7}',
					additionalFields: '{"generate_audio": true, "duration": 5}',
				},
			}),
		),
	]),
};

const suite = useSimulatorAndN8n({
	name: 'operations',
	simDefaults: { ...SIM_DEFAULTS, models: ['sora-2', 'sora-2-pro', 'kling-v3'] },
	workflows: WORKFLOWS,
});

function soraExecutionMs(result, node = 'Sora') {
	return result.run.data.resultData.runData[node][0].executionTime;
}

test('Generate + poll returns the completed task with its video URL', async () => {
	const result = await suite.run(WORKFLOWS.poll);
	expect(result.exitCode).toBe(0);
	const [item] = outputOf(result.run, 'Sora');
	expect(item.json).toMatchObject({
		status: 'completed',
		progress: 100,
		model: 'sora-2',
		action: 'generate',
	});
	expect(item.json.task_id).toMatch(/^task_/);
	expect(item.json.video_url).toBe(`${suite.sim.url}/files/${item.json.task_id}.mp4`);
	expect(item.json.video_urls).toEqual([item.json.video_url]);
	expect(item.json.expires_at).toBeGreaterThan(Date.now() / 1000);
	expect(suite.sim.counters.tasksCreated).toBe(1);
	expect(suite.sim.tasks.get(item.json.task_id).body).toMatchObject({
		model: 'sora-2',
		prompt: 'A paper boat drifting down a rainy street',
		aspect_ratio: '16:9',
		duration: 4,
		resolution: '720p',
	});
});

test('a batch of 20 is submitted first and waited on together: wall time near one render, not 20', async () => {
	suite.sim.configure({ renderMs: 4000 });
	const result = await suite.run(WORKFLOWS.batch20);
	expect(result.exitCode).toBe(0);
	const items = outputOf(result.run, 'Sora');
	expect(items).toHaveLength(20);
	// Output keeps input order: row i is the task submitted with item i's prompt.
	expect(items.map((item) => suite.sim.tasks.get(item.json.task_id).body.prompt)).toEqual(
		prompts(20).map((p) => p.prompt),
	);
	expect(items.every((item) => item.json.status === 'completed')).toBe(true);
	expect(suite.sim.counters.tasksCreated).toBe(20);
	const sequentialMs = 20 * (200 + 4000);
	const wallMs = soraExecutionMs(result);
	// One render is ~4.2 s; the node also waits one poll interval. Sequential would be 84 s.
	expect(wallMs).toBeLessThan(sequentialMs / 4);
	const pairedItems = result.run.data.resultData.runData.Sora[0].data.main[0].map(
		(item) => item.pairedItem,
	);
	expect(pairedItems).toEqual(Array.from({ length: 20 }, (_, i) => ({ item: i })));
});

test('bad input fails before any billed call, naming the field, the fix and the item', async () => {
	const result = await suite.run(WORKFLOWS.badItem);
	expect(result.exitCode).not.toBe(0);
	const error = errorOf(result.run);
	expect(error.message).toMatch(/Resolution: 1080p needs sora-2-pro, not sora-2/);
	expect(error.description).toMatch(/sora-2-pro/);
	expect(suite.sim.counters.submits).toBe(0);
});

test("Don't Wait returns the queued task at once; Task › Wait and Task › Get pick it up", async () => {
	const result = await suite.run(WORKFLOWS.noWaitThenWait);
	expect(result.exitCode).toBe(0);
	const [queued] = outputOf(result.run, 'Submit');
	expect(queued.json).toMatchObject({ status: 'queued', progress: 0 });
	const [waited] = outputOf(result.run, 'Wait');
	expect(waited.json).toMatchObject({
		task_id: queued.json.task_id,
		status: 'completed',
		progress: 100,
	});
	const [got] = outputOf(result.run, 'Get');
	expect(got.json).toMatchObject({ task_id: queued.json.task_id, status: 'completed' });
	expect(got.json.video_url).toMatch(/\.mp4$/);
	expect(suite.sim.counters.tasksCreated).toBe(1);
});

test('Remix and Extend send the source task as extra.video_id and complete', async () => {
	const result = await suite.run(WORKFLOWS.chain);
	expect(result.exitCode).toBe(0);
	const [generated] = outputOf(result.run, 'Generate');
	const [remixed] = outputOf(result.run, 'Remix');
	const [extended] = outputOf(result.run, 'Extend');
	expect([generated, remixed, extended].map((item) => item.json.status)).toEqual([
		'completed',
		'completed',
		'completed',
	]);
	expect(suite.sim.tasks.get(remixed.json.task_id).body).toMatchObject({
		action: 'remix',
		extra: { video_id: generated.json.task_id, strength: 3 },
	});
	expect(suite.sim.tasks.get(extended.json.task_id).body).toMatchObject({
		action: 'extend',
		duration: 8,
		extra: { video_id: remixed.json.task_id },
	});
});

test('Cancel cancels a queued task', async () => {
	suite.sim.configure({ queuedMs: 60_000 });
	const result = await suite.run(WORKFLOWS.cancelQueued);
	expect(result.exitCode).toBe(0);
	const [cancelled] = outputOf(result.run, 'Cancel');
	expect(cancelled.json).toMatchObject({ status: 'cancelled' });
	expect(suite.sim.counters.cancels).toBe(1);
});

test('Cancel of a processing task says it can no longer be cancelled, naming it', async () => {
	const result = await suite.run(WORKFLOWS.cancelProcessing);
	expect(result.exitCode).not.toBe(0);
	const [submitted] = outputOf(result.run, 'Submit');
	const error = errorOf(result.run);
	expect(error.message).toBe(`Task ${submitted.json.task_id} can no longer be cancelled`);
	expect(error.description).toMatch(/Only queued tasks can be cancelled/);
});

test('continue on fail keeps the task ID and status of a failed render on its row', async () => {
	const result = await suite.run(WORKFLOWS.continueOnFail);
	expect(result.exitCode).toBe(0);
	const items = outputOf(result.run, 'Sora');
	expect(items.map((item) => item.json.status)).toEqual(['completed', 'failed', 'completed']);
	expect(items[1].json.task_id).toMatch(/^task_/);
	expect(items[1].json.error).toBe(
		`Task ${items[1].json.task_id} failed: The upstream model could not render this prompt (task_failed)`,
	);
});

test('a poll timeout names the task and its last status, and says it keeps running', async () => {
	const result = await suite.run(WORKFLOWS.timeout);
	expect(result.exitCode).not.toBe(0);
	const error = errorOf(result.run);
	const [taskId] = [...suite.sim.tasks.keys()];
	expect(error.message).toMatch(
		new RegExp(`^Task ${taskId} is still processing, \\d+% done after 2 s of waiting`),
	);
	expect(error.description).toMatch(/keeps running upstream/);
	expect(suite.sim.counters.tasksCreated).toBe(1);
});

test('Download streams a large video into binary data', async () => {
	suite.sim.configure({ resultBytes: 64 * 1024 * 1024 });
	const result = await suite.run(WORKFLOWS.download);
	expect(result.exitCode).toBe(0);
	const [item] = outputOf(result.run, 'Sora');
	expect(item.binary.video).toMatchObject({
		mimeType: 'video/mp4',
		fileName: `${item.json.task_id}.mp4`,
	});
	expect(item.binary.video.id).toMatch(/^filesystem/);
	expect(suite.sim.counters.downloads).toBe(1);
	expect(suite.sim.counters.downloadBytes).toBe(64 * 1024 * 1024);
});

test('Options › Extra and Additional Fields reach the API for any model ID', async () => {
	const result = await suite.run(WORKFLOWS.extraPassThrough);
	expect(result.exitCode).toBe(0);
	const [item] = outputOf(result.run, 'Sora');
	expect(suite.sim.tasks.get(item.json.task_id).body).toMatchObject({
		model: 'kling-v3',
		extra: { seed: 7 },
		generate_audio: true,
		duration: 5,
	});
});

test('the later doc flavour: "45%" progress, ms timestamps, string URLs, extra rejected', async () => {
	suite.sim.configure({ flavour: 'latest' });
	const result = await suite.run(WORKFLOWS.chain);
	expect(result.exitCode).toBe(0);
	const [generated] = outputOf(result.run, 'Generate');
	const [remixed] = outputOf(result.run, 'Remix');
	expect(generated.json).toMatchObject({ status: 'completed', progress: 100 });
	expect(typeof generated.json.progress).toBe('number');
	expect(generated.json.video_url).toMatch(/\.mp4$/);
	expect(generated.json.expires_at).toBeLessThan(1e12); // seconds, though the API sent ms
	// Rejected with `extra`, accepted with the fields at the root: one task per remix, none lost.
	expect(suite.sim.tasks.get(remixed.json.task_id).body).toMatchObject({
		video_id: generated.json.task_id,
		strength: 3,
	});
	expect(suite.sim.counters.tasksCreated).toBe(3);
});

test('a faulty network loses no task and bills none twice', async () => {
	suite.sim.configure({
		faults: {
			statusError5xxRate: 0.3,
			statusError429Rate: 0.2,
			submit429Count: 2,
			submitCreateThen502Count: 2,
		},
	});
	const result = await suite.run(WORKFLOWS.batch20);
	expect(result.exitCode).toBe(0);
	const items = outputOf(result.run, 'Sora');
	expect(items.every((item) => item.json.status === 'completed')).toBe(true);
	expect(new Set(items.map((item) => item.json.task_id)).size).toBe(20);
	expect(suite.sim.counters.tasksCreated).toBe(20);
	expect(suite.sim.counters.idempotentReplays).toBeGreaterThanOrEqual(2);
	expect(suite.sim.counters.errorsInjected).toBeGreaterThan(0);
	expect(result.stdout + result.stderr).not.toContain(suite.sim.apiKey);
});
