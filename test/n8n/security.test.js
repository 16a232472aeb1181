/**
 * The key stays home, in a real n8n (`n8n start`): the simulator is set up to redirect a route to a
 * second local origin that records what reaches it. A redirected submit or status read must never
 * deliver the key there and must end, in seconds, with an error naming that origin; a result file
 * behind a redirect (a CDN) is downloaded, without the key; and a QingBo Trigger whose first download
 * fails still runs exactly once when the sender retries.
 */
const http = require('node:http');

const { outputOf, errorOf } = require('../../tools/n8n/host');
const { useRunningN8n, submitToSimulator } = require('./suite');
const {
	veoNode,
	manualWorkflow,
	soraTriggerNode,
	chainWorkflow,
	noOpNode,
} = require('../../tools/n8n/workflows');

jest.setTimeout(10 * 60_000);

const TRIGGER = 'qb-secure-trigger';
const FILE_BYTES = 123_456;

/** Version 2's Generate of one Veo 3.1 Fast clip, waiting as `waitMode`. */
const generate = (waitMode, options = {}) =>
	veoNode(waitMode, options, { prompt: 'A fox', name: 'Generate' });
const POLL = { pollInterval: 1, timeout: 120 };

const WORKFLOWS = {
	submit: manualWorkflow('qbSecureSubmit01', 'Submit to a redirected API', [generate('none')]),
	status: manualWorkflow('qbSecureStatus01', 'Wait on a task whose status reads are redirected', [
		generate('poll', POLL),
	]),
	download: manualWorkflow('qbSecureFile0001', 'A result file behind a CDN redirect', [
		generate('poll', { ...POLL, download: true }),
	]),
	capped: manualWorkflow('qbSecureCapped01', 'Download Video with Max Download Size 1 MB', [
		generate('poll', { ...POLL, download: true, maxDownloadMb: 1 }),
	]),
	trigger: chainWorkflow('qbSecureTrigger1', 'Trigger with download', [
		soraTriggerNode(
			{ events: ['completed'], download: true },
			{ webhookId: TRIGGER, name: 'QingBo Trigger' },
		),
		noOpNode('Done'),
	]),
};

/** Another origin on this machine that records every request, and may serve a file (a CDN). */
async function otherOrigin() {
	const seen = [];
	const server = http.createServer((req, res) => {
		seen.push({ method: req.method, url: req.url, authorization: req.headers.authorization });
		req.resume();
		if (req.url.startsWith('/files/')) {
			res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': FILE_BYTES });
			res.end(Buffer.alloc(FILE_BYTES, 7));
			return;
		}
		res.writeHead(200, { 'content-type': 'application/json' });
		res.end(JSON.stringify({ task_id: 'task_evil', status: 'completed' }));
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${server.address().port}`,
		seen,
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}

const frame = useRunningN8n({
	name: 'security',
	simOptions: { flavour: 'today', queuedMs: 100, renderMs: 500 },
	workflows: WORKFLOWS,
	webhooks: [`${TRIGGER}/sora`],
	publish: [WORKFLOWS.trigger.id],
});
let sim;
let n8n;
let other;
beforeAll(async () => {
	({ sim, n8n } = frame);
	other = await otherOrigin();
});
afterAll(async () => other?.close());

beforeEach(() => {
	sim.reset();
	sim.configure({
		flavour: 'today',
		redirects: {},
		callbackRetries: 0,
		callbackDuplicates: 1,
		callbackDuplicatesAtOnce: false,
		faults: {},
		resultBytes: 262144,
		resultChunked: false,
	});
	other.seen.length = 0;
});

test('a submit redirected to another origin never delivers the key there and fails in seconds, naming it', async () => {
	sim.configure({ redirects: { submit: other.url } });
	const started = Date.now();
	const result = await n8n.execute(WORKFLOWS.submit.id);
	const error = errorOf(result.run);
	expect(error.message).toContain(other.url);
	expect(error.description).toMatch(/Base URL/);
	expect(other.seen).toEqual([]); // the call stopped before it went there
	expect(sim.counters.tasksCreated).toBe(0);
	expect(result.durationMs).toBeLessThan(60_000); // an n8n CLI boot, not a hang
	expect(JSON.stringify(result.run)).not.toContain(sim.apiKey);
	process.stderr.write(
		`[security.test] redirected submit: failed after ${Date.now() - started} ms (CLI boot included)\n`,
	);
});

test('a status read redirected to another origin never delivers the key there and fails, naming the task and the origin', async () => {
	sim.configure({ redirects: { status: other.url } });
	const result = await n8n.execute(WORKFLOWS.status.id);
	const error = errorOf(result.run);
	const [task] = [...sim.tasks.values()];
	expect(error.message).toContain(other.url);
	expect(error.message).toContain(task.id);
	expect(other.seen).toEqual([]);
	expect(sim.counters.redirects).toBe(1); // not read again and again: a refused redirect ends the wait
});

test('a result file behind a redirect to a CDN downloads, and the CDN never gets the key', async () => {
	sim.configure({ redirects: { files: other.url } });
	const result = await n8n.execute(WORKFLOWS.download.id);
	expect(errorOf(result.run)).toBeNull();
	const [item] = outputOf(result.run, 'Generate');
	expect(item.json.status).toBe('completed');
	expect(item.binary.data).toMatchObject({ mimeType: 'video/mp4' });
	expect(other.seen).toHaveLength(1);
	expect(other.seen[0]).toMatchObject({ method: 'GET', authorization: undefined });
	expect(other.seen[0].url).toBe(`/files/${item.json.task_id}.mp4`);
});

/** Submits one task with the trigger as its callback; resolves the first execution it starts. */
async function triggeredByOneTask() {
	const seen = new Set((await n8n.listExecutions(WORKFLOWS.trigger.id)).map((e) => e.id));
	await submitToSimulator(sim, {
		model: 'veo3.1-fast',
		prompt: 'x',
		duration: 8,
		callback_url: `${n8n.baseUrl}/webhook/${TRIGGER}/sora`,
	});
	const execution = await n8n.waitForExecution(WORKFLOWS.trigger.id, {
		where: (e) => !seen.has(e.id),
	});
	return { seen, execution };
}

test('a QingBo Trigger whose first download fails answers 503, and runs exactly once when the sender retries', async () => {
	sim.configure({
		callbackRetries: 3,
		callbackRetryDelayMs: 500,
		faults: { downloadFailCount: 1 },
	});
	const { seen, execution } = await triggeredByOneTask();
	expect(execution.status).toBe('success');
	const [item] = outputOf(execution.run, 'QingBo Trigger');
	expect(item.binary.data).toMatchObject({ mimeType: 'video/mp4' });
	await new Promise((resolve) => setTimeout(resolve, 3000)); // a second execution, if any, would start now
	const fresh = (await n8n.listExecutions(WORKFLOWS.trigger.id)).filter((e) => !seen.has(e.id));
	expect(fresh).toHaveLength(1);
	expect(sim.callbacks.map((c) => c.status)).toEqual([503, 200]);
});

test('a copy of the callback arriving while the first download fails waits for it, and the outcome runs exactly once', async () => {
	// Two copies of the completion callback at the same moment; the first download fails after 2 s.
	sim.configure({
		callbackDuplicates: 2,
		callbackDuplicatesAtOnce: true,
		callbackRetries: 3,
		callbackRetryDelayMs: 500,
		faults: { downloadFailCount: 1, downloadFailDelayMs: 2000 },
	});
	const { seen, execution } = await triggeredByOneTask();
	expect(execution.status).toBe('success');
	await new Promise((resolve) => setTimeout(resolve, 4000)); // the failed copy's retry comes now
	const fresh = (await n8n.listExecutions(WORKFLOWS.trigger.id)).filter((e) => !seen.has(e.id));
	expect(fresh).toHaveLength(1);
	// The copy that waited delivered it; the one whose download failed got a 503 (no internal text)
	// and its retry was answered as a duplicate.
	const answers = sim.callbacks.map((c) => c.status);
	expect(answers.filter((status) => status === 503)).toHaveLength(1);
	expect(sim.callbacks.filter((c) => c.answer && c.answer.started === true)).toHaveLength(1);
	expect(sim.callbacks.filter((c) => c.answer && c.answer.duplicate === true)).toHaveLength(1);
	const failedAnswer = sim.callbacks.find((c) => c.status === 503).answer;
	expect(JSON.stringify(failedAnswer)).not.toMatch(/HTTP 500|127\.0\.0\.1|Download failed/);
});

test('a result file that streams on past Max Download Size is cut there, and the error names the task', async () => {
	const MiB = 1024 * 1024;
	sim.configure({ resultBytes: 256 * MiB, resultChunked: true }); // no Content-Length: size unknown
	const result = await n8n.execute(WORKFLOWS.capped.id);
	const error = errorOf(result.run);
	const [task] = [...sim.tasks.values()];
	expect(error.message).toBe(
		`Task ${task.id} completed, but its video download stopped: it passed 1 MiB`,
	);
	expect(sim.counters.downloadBytes).toBeLessThan(64 * MiB); // the stream was ended, not read to its end
});

test('a result file announced over Max Download Size is refused before it is read', async () => {
	const MiB = 1024 * 1024;
	sim.configure({ resultBytes: 5 * MiB });
	const result = await n8n.execute(WORKFLOWS.capped.id);
	const error = errorOf(result.run);
	const [task] = [...sim.tasks.values()];
	expect(error.message).toBe(
		`Task ${task.id} completed, but its video download stopped: it is 5 MiB, over 1 MiB`,
	);
	expect(sim.counters.downloadBytes).toBeLessThan(5 * MiB);
});
