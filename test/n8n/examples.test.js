/**
 * Every workflow under examples/ is imported into a real n8n as a user would, and run against the
 * simulator playing today's API (flavour `today`: Sora delisted, each model takes only its own fields,
 * every task reserves its price, the balance answers). Only what a user would change is changed: the
 * credential points at the simulator, and paths and URLs point at this machine.
 */
const { createHash, randomUUID } = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { startFakeLlm, PROMPT, DURATION } = require('./fake-llm');
const { outputOf, errorOf, nodesRun, request } = require('../../tools/n8n/host');
const { useRunningN8n } = require('./suite');

jest.setTimeout(10 * 60_000);

const EXAMPLES = path.join(__dirname, '..', '..', 'examples');
const RESULT_BYTES = 300_000;
const SIM_DEFAULTS = { balanceUsd: 1000, prices: {}, fetchMedia: false };
/** veo3.1-fast at 720p: 0.072 USD a second in QingBo's list prices, so 0.576 USD an 8 s clip. */
const VEO_8S_USD = 0.576;
/** The header the callback-by-webhook example's Header Auth credential asks (the user sets their own). */
const REQUEST_KEY = { name: 'X-Video-Request-Key', value: 'test-only-request-key' };
/**
 * The examples ship no `webhookId`: n8n's editor gives each imported webhook node a fresh one
 * (n8n-workflow's resolveNodeWebhookId), so no two instances share a trigger URL. The CLI import
 * used here does not, so the test does it. The Webhook example's path is a placeholder the
 * importer replaces (examples/README.md), as the test does.
 */
const TRIGGER_WEBHOOK_ID = randomUUID();
const TRIGGER_PATH = `${TRIGGER_WEBHOOK_ID}/sora`;
const REQUEST_PATH = `video-request-${randomUUID()}`;
/** The form's path: its node's webhook ID, which the editor makes fresh for each import. */
const FORM_PATH = randomUUID();
/** The photo-to-video example's Basic Auth credential (the user sets their own). */
const FORM_LOGIN = { user: 'form-user', password: 'test-only-form-password' };
const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qingbo-example-files-'));

/**
 * An example as a user imports it, with an ID so the CLI can run it, a few parameters set, and the
 * webhook IDs the editor would give it.
 */
function example(file, id, setParameters = {}, webhookIds = {}) {
	const workflow = JSON.parse(fs.readFileSync(path.join(EXAMPLES, file), 'utf8'));
	for (const node of workflow.nodes) {
		Object.assign(node.parameters, setParameters[node.name] ?? {});
		if (webhookIds[node.name]) node.webhookId = webhookIds[node.name];
	}
	return { ...workflow, id };
}

/** Nodes anyone who reaches the n8n instance can start; and the QingBo Video operations that bill. */
const PUBLIC_ENTRIES = [
	'n8n-nodes-base.webhook',
	'n8n-nodes-base.formTrigger',
	'@n8n/n8n-nodes-langchain.chatTrigger',
	'n8n-nodes-qingbo-sora.soraTrigger',
];
const BILLED_OPERATIONS = ['generate', 'extend', 'edit', 'remix'];

/**
 * What makes an example unsafe to import: a fixed `webhookId` (every instance that imports it would
 * serve the same public URL), or a public entry without authentication in a workflow that bills.
 */
function exposures(workflow) {
	const found = [];
	const bills = workflow.nodes.some(
		(node) =>
			node.type.startsWith('n8n-nodes-qingbo-sora.sora') &&
			!node.type.endsWith('Trigger') &&
			(node.parameters.resource ?? 'video') === 'video' &&
			BILLED_OPERATIONS.includes(node.parameters.operation ?? 'generate'),
	);
	for (const node of workflow.nodes) {
		if (node.webhookId) found.push(`${node.name}: a fixed webhookId`);
		if (!bills || !PUBLIC_ENTRIES.includes(node.type)) continue;
		const auth = node.type.endsWith('soraTrigger')
			? node.parameters.secret
			: node.parameters.authentication;
		if (!auth || auth === 'none') found.push(`${node.name}: starts billed work unauthenticated`);
	}
	return found;
}

test('no example serves a fixed public URL or starts billed work for anyone who finds it', () => {
	const files = fs.readdirSync(EXAMPLES).filter((file) => file.endsWith('.json'));
	expect(files.length).toBeGreaterThanOrEqual(7);
	const unsafe = files.flatMap((file) =>
		exposures(JSON.parse(fs.readFileSync(path.join(EXAMPLES, file), 'utf8'))).map(
			(what) => `${file}: ${what}`,
		),
	);
	expect(unsafe).toEqual([]);
	// The check itself catches what the examples used to ship.
	const open = {
		nodes: [
			{ name: 'Hook', type: 'n8n-nodes-base.webhook', parameters: { path: 'p' }, webhookId: 'w' },
			{ name: 'Video', type: 'n8n-nodes-qingbo-sora.sora', parameters: {} },
		],
	};
	expect(exposures(open)).toEqual([
		'Hook: a fixed webhookId',
		'Hook: starts billed work unauthenticated',
	]);
});

let llm;
// The fake model runs before the frame opens: its URL goes into a credential.
beforeAll(async () => {
	llm = await startFakeLlm();
});

/**
 * One simulator and one running n8n (suite.js) holding the examples as a user imports them, their
 * credentials, and the webhooks the published ones serve.
 */
const frame = useRunningN8n({
	name: 'examples',
	simOptions: {
		flavour: 'today',
		queuedMs: 200,
		renderMs: 1500,
		resultBytes: RESULT_BYTES,
		...SIM_DEFAULTS,
	},
	env: { N8N_RESTRICT_FILE_ACCESS_TO: filesDir, N8N_COMMUNITY_PACKAGES_ALLOW_TOOL_USAGE: 'true' },
	credentials: ({ sim }) => [
		{
			id: 'qbExampleHeader1',
			name: 'Video Request Key (set your own)',
			type: 'httpHeaderAuth',
			data: REQUEST_KEY,
		},
		{
			id: 'qbExampleBasic01',
			name: 'Form Login (set your own)',
			type: 'httpBasicAuth',
			data: FORM_LOGIN,
		},
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
	],
	workflows: ({ n8n }) => ({
		generate: example('generate-video.json', 'qbExGenerate0001'),
		batch: example('scheduled-batch.json', 'qbExBatch0000001', {
			'Save Video': { fileName: `={{ '${filesDir}/sora-videos/' + $json.task_id + '.mp4' }}` },
		}),
		// The same recipe with a tighter Options › Max Spend (USD): room for three 8 s clips of five.
		batchCapped: example('scheduled-batch.json', 'qbExBatchCap0001', {
			'Generate Videos': {
				options: { pollInterval: 10, timeout: 1800, download: true, maxSpendUsd: 2 },
			},
			'Save Video': { fileName: `={{ '${filesDir}/sora-videos/' + $json.task_id + '.mp4' }}` },
		}),
		callback: example(
			'callback-by-webhook.json',
			'qbExCallback0001',
			{ 'New Video Request': { path: REQUEST_PATH } },
			{ 'New Video Request': randomUUID() },
		),
		photoForm: example(
			'photo-to-video-form.json',
			'qbExPhotoForm001',
			{},
			{ 'Photo Upload': FORM_PATH },
		),
		parkedBatch: example('scheduled-batch-callback.json', 'qbExParkedBatch1'),
		// The same batch with room for three clips: the other two get rows saying why.
		parkedBatchCapped: example('scheduled-batch-callback.json', 'qbExParkedBatch2', {
			'Generate Videos (Parked)': { options: { maxSpendUsd: 2, timeout: 3600 } },
		}),
		submit: example('trigger-submit.json', 'qbExSubmit000001', {
			"Submit (Don't Wait)": {
				options: { callbackUrl: `${n8n.baseUrl}/webhook/${TRIGGER_PATH}` },
			},
		}),
		followUp: example(
			'trigger-follow-up.json',
			'qbExFollowUp0001',
			{},
			{ 'QingBo Trigger': TRIGGER_WEBHOOK_ID },
		),
		agent: example('ai-agent-tool.json', 'qbExAgent0000001', {
			'Generate Video': { options: { pollInterval: 1, timeout: 120 } },
		}),
	}),
	publish: ['qbExCallback0001', 'qbExFollowUp0001', 'qbExPhotoForm001'],
	webhooks: [REQUEST_PATH, TRIGGER_PATH, { path: FORM_PATH, prefix: 'form' }],
});

let sim;
let n8n;
let examples;
beforeAll(() => ({ sim, n8n, workflows: examples } = frame));

afterAll(async () => {
	await llm?.close();
	fs.rmSync(filesDir, { recursive: true, force: true });
});

beforeEach(() => {
	sim.reset();
	sim.configure(SIM_DEFAULTS);
});

/** The body the simulator received for a task. */
const bodyOf = (taskId) => sim.tasks.get(taskId).body;

test('generate-video: one Veo 3.1 Fast video with its own fields, downloaded', async () => {
	const result = await n8n.execute(examples.generate.id);
	expect(result.exitCode).toBe(0);
	const [item] = outputOf(result.run, 'Generate Video');
	expect(item.json).toMatchObject({ status: 'completed', model: 'veo3.1-fast' });
	expect(item.binary.data.mimeType).toBe('video/mp4');
	expect(item.json.cost_usd).toBeCloseTo(VEO_8S_USD, 6);
	expect(bodyOf(item.json.task_id)).toMatchObject({
		model: 'veo3.1-fast',
		duration: 8,
		resolution: '720p',
		aspect_ratio: '16:9',
	});
	expect(sim.counters.tasksCreated).toBe(1);
});

test('scheduled-batch: balance is enough, five prompts, five videos saved to disk, one summary row each with its cost', async () => {
	fs.mkdirSync(path.join(filesDir, 'sora-videos'), { recursive: true }); // n8n writes files, not folders
	const result = await n8n.execute(examples.batch.id);
	expect(result.exitCode).toBe(0);
	expect(errorOf(result.run)).toBeNull();
	const [balance] = outputOf(result.run, 'Check Balance');
	expect(balance.json).toMatchObject({
		object: 'credit_summary',
		currency: 'USD',
		total_available_usd: 1000,
	});
	expect(outputOf(result.run, 'Enough Balance?')).toHaveLength(1); // true branch
	expect(nodesRun(result.run)).not.toContain('Balance Too Low');
	const rows = outputOf(result.run, 'Summary');
	expect(rows).toHaveLength(5);
	const prompts = rows.map(({ json }) => json.prompt);
	expect(new Set(prompts).size).toBe(5); // the prompts, not the balance item, reached the Sora node
	for (const { json } of rows) {
		expect(json).toMatchObject({ status: 'completed', not_submitted: false });
		expect(json.cost_usd).toBeCloseTo(VEO_8S_USD, 6);
		expect(json.saved_to).toBe(path.join(filesDir, 'sora-videos', `${json.task_id}.mp4`));
		expect(fs.statSync(json.saved_to).size).toBe(RESULT_BYTES);
		expect(bodyOf(json.task_id)).toMatchObject({
			model: 'veo3.1-fast',
			prompt: json.prompt,
			duration: 8,
			resolution: '720p',
			aspect_ratio: '16:9',
		});
	}
	expect(sim.counters.balanceReads).toBe(1);
	expect(sim.counters.tasksCreated).toBe(5);
	expect(sim.counters.reservedQuota / 500_000).toBeLessThanOrEqual(5); // Options › Max Spend (USD)
});

test('scheduled-batch: balance too low, the false branch runs and nothing is submitted', async () => {
	sim.configure({ balanceUsd: 1 });
	const result = await n8n.execute(examples.batch.id);
	expect(result.exitCode).toBe(0);
	expect(outputOf(result.run, 'Enough Balance?')).toHaveLength(0); // nothing on the true branch
	expect(outputOf(result.run, 'Enough Balance?', { output: 1 })).toHaveLength(1);
	const [row] = outputOf(result.run, 'Balance Too Low');
	expect(row.json.message).toMatch(/^Balance too low: 1 USD available, at least 5 USD needed/);
	expect(row.json.total_available_usd).toBe(1);
	const ran = nodesRun(result.run);
	for (const node of ['Prompts', 'Generate Videos', 'Save Video', 'Summary'])
		expect(ran).not.toContain(node);
	expect(sim.counters.submits).toBe(0);
	expect(sim.counters.tasksCreated).toBe(0);
});

test('scheduled-batch with Max Spend (USD) 2: three videos fit, the other two get rows saying why', async () => {
	fs.mkdirSync(path.join(filesDir, 'sora-videos'), { recursive: true });
	const result = await n8n.execute(examples.batchCapped.id);
	expect(result.exitCode).toBe(0);
	const rows = outputOf(result.run, 'Summary').map(({ json }) => json);
	expect(rows).toHaveLength(5);
	const done = rows.filter((row) => row.status === 'completed');
	const refused = rows.filter((row) => row.not_submitted);
	expect(done).toHaveLength(3);
	expect(refused).toHaveLength(2);
	for (const row of done) {
		expect(row.cost_usd).toBeCloseTo(VEO_8S_USD, 6);
		expect(fs.statSync(row.saved_to).size).toBe(RESULT_BYTES);
	}
	for (const row of refused) {
		expect(row.task_id).toBeUndefined();
		expect(row.saved_to).toBeUndefined();
		expect(JSON.stringify(row.error)).toMatch(/Max Spend \(USD\) of \$2 reached/);
	}
	expect(sim.counters.submits).toBe(3);
	expect(sim.counters.reservedQuota / 500_000).toBeLessThanOrEqual(2);
});

test('callback-by-webhook: a request without its key is refused and bills nothing; with it, the execution parks until QingBo calls back', async () => {
	const before = new Set((await n8n.listExecutions(examples.callback.id)).map((e) => e.id));
	const url = `${n8n.baseUrl}/webhook/${REQUEST_PATH}`;
	for (const headers of [{}, { [REQUEST_KEY.name]: 'a guess' }]) {
		const refused = await request('POST', url, { body: { prompt: 'x' }, headers });
		expect(refused.status).toBe(403);
	}
	expect(sim.counters.submits).toBe(0);
	const response = await request('POST', url, {
		body: { prompt: 'A koi pond in the rain' },
		headers: { [REQUEST_KEY.name]: REQUEST_KEY.value },
	});
	expect(response.status).toBe(200);
	const execution = await n8n.waitForExecution(examples.callback.id, {
		where: (e) => !before.has(e.id),
	});
	expect(execution.status).toBe('success');
	const [item] = outputOf(execution.run, 'Video Ready');
	expect(item.json).toMatchObject({ status: 'completed', timed_out: false });
	expect(item.json.cost_usd).toBeGreaterThan(0);
	const body = bodyOf(item.json.task_id);
	expect(body).toMatchObject({
		model: 'seedance-2.0',
		prompt: 'A koi pond in the rain',
		duration: 5,
		resolution: '720p',
		aspect_ratio: '9:16',
		generate_audio: true,
	});
	expect(body.callback_url).toEqual(expect.any(String)); // n8n's resume URL for this execution
});

/** A browser's submission of a form: multipart, one part per field (`field-<n>`), files with their name and type. */
function formSubmission(parts) {
	const boundary = `----qingbo-test-${randomUUID()}`;
	const chunks = parts.flatMap(({ name, value, fileName, type }) => [
		Buffer.from(
			`--${boundary}\r\nContent-Disposition: form-data; name="${name}"${
				fileName ? `; filename="${fileName}"\r\nContent-Type: ${type}` : ''
			}\r\n\r\n`,
		),
		Buffer.isBuffer(value) ? value : Buffer.from(value),
		Buffer.from('\r\n'),
	]);
	chunks.push(Buffer.from(`--${boundary}--\r\n`));
	return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

test('photo-to-video-form: the uploaded photo is the first frame; QingBo fetched exactly its bytes', async () => {
	sim.configure({ fetchMedia: true });
	const photo = Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		Buffer.alloc(8192, 5),
	]);
	const { body, contentType } = formSubmission([
		{ name: 'field-0', value: photo, fileName: 'breakfast.png', type: 'image/png' },
		{ name: 'field-1', value: 'The steam rises from the coffee' },
	]);
	const url = `${n8n.baseUrl}/form/${FORM_PATH}`;
	const refused = await request('POST', url, { body, headers: { 'content-type': contentType } });
	expect(refused.status).toBe(401);
	expect(sim.counters.submits).toBe(0);

	const before = new Set((await n8n.listExecutions(examples.photoForm.id)).map((e) => e.id));
	const login = Buffer.from(`${FORM_LOGIN.user}:${FORM_LOGIN.password}`).toString('base64');
	const submitted = await request('POST', url, {
		body,
		headers: { 'content-type': contentType, authorization: `Basic ${login}` },
	});
	expect(submitted.status).toBe(200);
	const execution = await n8n.waitForExecution(examples.photoForm.id, {
		where: (e) => !before.has(e.id),
		timeoutMs: 120_000,
	});
	expect(execution.status).toBe('success');
	const [item] = outputOf(execution.run, 'Video Ready');
	expect(item.json).toMatchObject({ status: 'completed', timed_out: false });
	expect(item.binary.data.mimeType).toBe('video/mp4');
	const task = bodyOf(item.json.task_id);
	expect(task).toMatchObject({
		model: 'veo3.1-fast',
		duration: 8,
		prompt: 'The steam rises from the coffee',
	});
	expect(task.first_frame_image.startsWith(`${n8n.baseUrl}/rest/binary-data/signed?token=`)).toBe(
		true,
	);
	const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');
	expect(sim.mediaFetches.map((f) => [f.field, f.contentType, f.sha256])).toEqual([
		['first_frame_image', 'image/png', sha256(photo)],
	]);
});

/** Runs an example that parks: the CLI run ends at the park, the running n8n resumes it on the callbacks. */
async function runParked(workflow) {
	const before = new Set((await n8n.listExecutions(workflow.id)).map((e) => e.id));
	const started = await n8n.execute(workflow.id);
	expect(started.exitCode).toBe(0);
	return await n8n.waitForExecution(workflow.id, {
		where: (e) => !before.has(e.id),
		timeoutMs: 120_000,
	});
}

test('scheduled-batch-callback: five videos, one parked execution, one row per prompt in order with its cost', async () => {
	const execution = await runParked(examples.parkedBatch);
	expect(execution.status).toBe('success');
	const rows = outputOf(execution.run, 'Save Rows').map(({ json }) => json);
	expect(rows).toHaveLength(5);
	const prompts = outputOf(execution.run, 'Prompts').map(({ json }) => json.prompt);
	expect(rows.map((row) => row.prompt)).toEqual(prompts);
	for (const row of rows) {
		expect(row).toMatchObject({ status: 'completed', timed_out: false, error: null });
		expect(row.cost_usd).toBeCloseTo(VEO_8S_USD, 6);
		expect(bodyOf(row.task_id)).toMatchObject({ prompt: row.prompt, duration: 8 });
	}
	expect(new Set(rows.map((row) => bodyOf(row.task_id).callback_url)).size).toBe(1); // one resume URL
	expect(sim.counters.tasksCreated).toBe(5);
	expect(sim.counters.statusReads).toBeLessThanOrEqual(10);
});

test('scheduled-batch-callback with Max Spend (USD) 2: three parked, the other two have rows saying why', async () => {
	const execution = await runParked(examples.parkedBatchCapped);
	expect(execution.status).toBe('success');
	const rows = outputOf(execution.run, 'Save Rows').map(({ json }) => json);
	expect(rows.filter((row) => row.status === 'completed')).toHaveLength(3);
	const refused = rows.filter((row) => row.status === 'not_submitted');
	expect(refused).toHaveLength(2);
	for (const row of refused) expect(row.error).toMatch(/Max Spend \(USD\) of \$2 reached/);
	expect(sim.counters.tasksCreated).toBe(3);
	expect(sim.counters.reservedQuota / 500_000).toBeLessThanOrEqual(2);
});

test('trigger-submit + trigger-follow-up: submit returns at once, the trigger runs once per video', async () => {
	const before = new Set((await n8n.listExecutions(examples.followUp.id)).map((e) => e.id));
	const result = await n8n.execute(examples.submit.id);
	expect(result.exitCode).toBe(0);
	const submitted = outputOf(result.run, "Submit (Don't Wait)").map((item) => item.json);
	expect(submitted.map((task) => task.status)).toEqual(['queued', 'queued', 'queued']);
	for (const task of submitted) {
		expect(task.pre_consumed_cost_usd).toBeGreaterThan(0);
		expect(bodyOf(task.task_id)).toMatchObject({
			model: 'kling-v3',
			duration: 5,
			resolution: '720p',
			aspect_ratio: '16:9',
			callback_url: `${n8n.baseUrl}/webhook/${TRIGGER_PATH}`,
		});
	}

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
	// The arguments the model chose reached the API, beside the fixed fields of the model.
	expect(task.body).toMatchObject({
		model: 'veo3.1-fast',
		prompt: PROMPT,
		duration: DURATION,
		resolution: '720p',
		aspect_ratio: '16:9',
	});
	expect(answer.json.output).toBe(`Your video is ready: ${sim.url}/files/${task.id}.mp4`);
	// The model was offered our node as a tool, with the arguments its $fromAI() calls ask for, and was
	// given its JSON result, not binary.
	const [first, second] = llm.requests.slice(-2).map((r) => r.body);
	expect(first.tools.map((t) => t.function.name)).toEqual(['Generate_Video']);
	const schema = first.tools[0].function.parameters.properties;
	expect(schema.prompt.type).toBe('string');
	expect(schema.duration.type).toBe('number');
	expect(JSON.stringify(second.messages)).toContain(task.id);
});
