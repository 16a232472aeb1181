/**
 * Every workflow under examples/ is imported into a real n8n as a user would, and run against the
 * simulator. Only what a user would change is changed: the credential points at the simulator,
 * and paths and URLs point at this machine.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { startSimulator } = require('../sim/simulator');
const { startFakeLlm, PROMPT } = require('./fake-llm');
const { createInstance, outputOf, request } = require('./host');

jest.setTimeout(10 * 60_000);

const EXAMPLES = path.join(__dirname, '..', '..', 'examples');
const RESULT_BYTES = 300_000;
const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qingbo-example-files-'));

/** An example as a user imports it, with an ID so the CLI can run it, and a few parameters set. */
function example(file, id, setParameters = {}) {
	const workflow = JSON.parse(fs.readFileSync(path.join(EXAMPLES, file), 'utf8'));
	for (const node of workflow.nodes) Object.assign(node.parameters, setParameters[node.name] ?? {});
	return { ...workflow, id };
}

let sim;
let llm;
let n8n;
let examples;

beforeAll(async () => {
	sim = await startSimulator({ queuedMs: 200, renderMs: 1500, resultBytes: RESULT_BYTES });
	llm = await startFakeLlm();
	n8n = await createInstance({
		name: 'examples',
		env: { N8N_RESTRICT_FILE_ACCESS_TO: filesDir, N8N_COMMUNITY_PACKAGES_ALLOW_TOOL_USAGE: 'true' },
	});
	examples = {
		generate: example('generate-video.json', 'qbExGenerate0001'),
		batch: example('scheduled-batch.json', 'qbExBatch0000001', {
			'Save Video': { fileName: `={{ '${filesDir}/sora-videos/' + $json.task_id + '.mp4' }}` },
		}),
		callback: example('callback-by-webhook.json', 'qbExCallback0001'),
		submit: example('trigger-submit.json', 'qbExSubmit000001', {
			"Submit (Don't Wait)": {
				options: { callbackUrl: `${n8n.baseUrl}/webhook/sora-finished/sora` },
			},
		}),
		followUp: example('trigger-follow-up.json', 'qbExFollowUp0001'),
		agent: example('ai-agent-tool.json', 'qbExAgent0000001', {
			'Generate Video': { options: { pollInterval: 1, timeout: 120 } },
		}),
	};
	await n8n.importCredentials([
		{
			id: 'qbExampleCred001',
			name: 'QingBo API',
			type: 'qingboApi',
			data: { apiKey: sim.apiKey, baseUrl: sim.url },
		},
		{
			id: 'qbExampleLlm0001',
			name: 'OpenAI',
			type: 'openAiApi',
			data: { apiKey: 'sk-offline', url: llm.url },
		},
	]);
	await n8n.importWorkflows(Object.values(examples));
	await n8n.publish(examples.callback.id);
	await n8n.publish(examples.followUp.id);
	await n8n.start();
	await n8n.setupOwner();
	await n8n.waitForWebhook('sora-video');
	await n8n.waitForWebhook('sora-finished/sora');
});

afterAll(async () => {
	await n8n?.dispose();
	await sim?.close();
	await llm?.close();
	fs.rmSync(filesDir, { recursive: true, force: true });
});

beforeEach(() => sim.reset());

test('generate-video: one video, downloaded', async () => {
	const result = await n8n.execute(examples.generate.id);
	expect(result.exitCode).toBe(0);
	const [item] = outputOf(result.run, 'Generate Video');
	expect(item.json.status).toBe('completed');
	expect(item.binary.data.mimeType).toBe('video/mp4');
});

test('scheduled-batch: five prompts, five videos saved to disk, one summary row each', async () => {
	fs.mkdirSync(path.join(filesDir, 'sora-videos'), { recursive: true }); // n8n writes files, not folders
	const result = await n8n.execute(examples.batch.id);
	expect(result.exitCode).toBe(0);
	const rows = outputOf(result.run, 'Summary');
	expect(rows).toHaveLength(5);
	for (const { json } of rows) {
		expect(json).toMatchObject({ status: 'completed' });
		expect(json.saved_to).toBe(path.join(filesDir, 'sora-videos', `${json.task_id}.mp4`));
		expect(fs.statSync(json.saved_to).size).toBe(RESULT_BYTES);
	}
	expect(sim.counters.tasksCreated).toBe(5);
});

test('callback-by-webhook: a request parks the execution until QingBo calls back', async () => {
	const before = new Set((await n8n.listExecutions(examples.callback.id)).map((e) => e.id));
	const response = await request('POST', `${n8n.baseUrl}/webhook/sora-video`, {
		body: { prompt: 'A koi pond in the rain' },
	});
	expect(response.status).toBe(200);
	const execution = await n8n.waitForExecution(examples.callback.id, {
		where: (e) => !before.has(e.id),
	});
	expect(execution.status).toBe('success');
	const [item] = outputOf(execution.run, 'Video Ready');
	expect(item.json).toMatchObject({ status: 'completed', timed_out: false });
	expect(sim.tasks.get(item.json.task_id).body.prompt).toBe('A koi pond in the rain');
});

test('trigger-submit + trigger-follow-up: submit returns at once, the trigger runs once per video', async () => {
	const before = new Set((await n8n.listExecutions(examples.followUp.id)).map((e) => e.id));
	const result = await n8n.execute(examples.submit.id);
	expect(result.exitCode).toBe(0);
	const submitted = outputOf(result.run, "Submit (Don't Wait)").map((item) => item.json);
	expect(submitted.map((task) => task.status)).toEqual(['queued', 'queued', 'queued']);

	const started = Date.now();
	let fresh = [];
	while (Date.now() - started < 60_000) {
		fresh = (await n8n.listExecutions(examples.followUp.id)).filter(
			(e) => !before.has(e.id) && e.status === 'success',
		);
		if (fresh.length >= 3) break;
		await new Promise((resolve) => setTimeout(resolve, 300));
	}
	expect(fresh).toHaveLength(3);
	const messages = [];
	for (const execution of fresh)
		messages.push(outputOf((await n8n.getExecution(execution.id)).run, 'Follow Up')[0].json);
	expect(messages.map((m) => m.task_id).sort()).toEqual(
		submitted.map((task) => task.task_id).sort(),
	);
	expect(messages.every((m) => m.message.startsWith('Video ready: '))).toBe(true);
});

test('ai-agent-tool: an AI Agent calls the Sora node as a tool and gets the video link back', async () => {
	const result = await n8n.execute(examples.agent.id);
	expect(result.exitCode).toBe(0);
	const [answer] = outputOf(result.run, 'AI Agent');
	const [task] = [...sim.tasks.values()];
	expect(sim.counters.tasksCreated).toBe(1);
	expect(task.prompt).toBe(PROMPT); // the argument the model chose reached the API
	expect(answer.json.output).toBe(`Your video is ready: ${sim.url}/files/${task.id}.mp4`);
	// The model was offered our node as a tool and was given its JSON result, not binary.
	const [first, second] = llm.requests.slice(-2).map((r) => r.body);
	expect(first.tools.map((t) => t.function.name)).toEqual(['Generate_Video']);
	expect(JSON.stringify(second.messages)).toContain(task.id);
});
