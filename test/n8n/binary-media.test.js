/**
 * Binary Media in a real n8n (`n8n start`): files of the item reach QingBo as n8n's signed link to
 * that one file. The simulator fetches every media URL of a task as QingBo does (no key; a file it
 * cannot fetch, or of another kind, fails the task), and records the bytes it received.
 */
const { createHash } = require('node:crypto');

const { outputOf, errorOf, request } = require('../../tools/n8n/host');
const { useRunningN8n, useSimulatorAndN8n } = require('./suite');
const {
	soraV2Node,
	modelFields,
	webhookNode,
	noOpNode,
	chainWorkflow,
	manualWorkflow,
} = require('../../tools/n8n/workflows');

jest.setTimeout(10 * 60_000);

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');
/** A PNG signature and some pixels' worth of bytes, different per `seed`. */
const png = (seed) =>
	Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		Buffer.alloc(2048, seed),
	]);

/** Wan 2.7 Generate with the first frame from the item's binary `property`. */
const firstFrameNode = (waitMode, { property = 'data', continueOnFail = false } = {}) =>
	soraV2Node(
		{
			resource: 'video',
			operation: 'generate',
			model: 'wan2.7',
			prompt: 'The photo comes alive',
			modelFields: modelFields({}),
			binaryMedia: { media: [{ field: 'first_frame_image', binaryProperty: property }] },
			waitMode,
			options: { timeout: 300 },
		},
		{ name: 'QingBo Video', continueOnFail },
	);

/** A Code node: one item per base64 file of the webhook body's `files` ({ name, type, b64, property }). */
const filesFromBodyNode = () => ({
	parameters: {
		jsCode:
			'return $input.first().json.body.files.map((f, i) => ({ json: { i }, binary: { [f.property ?? "data"]: ' +
			'{ data: f.b64, mimeType: f.type, fileName: f.name } } }));',
	},
	name: 'Files',
	type: 'n8n-nodes-base.code',
	typeVersion: 2,
});

const WORKFLOWS = {
	upload: chainWorkflow('qbBinUpload00001', 'Photo upload to first frame', [
		webhookNode('bm-upload'),
		firstFrameNode('poll'),
		noOpNode('Done'),
	]),
	batch: chainWorkflow('qbBinBatch000001', 'A parked batch, a file per item', [
		webhookNode('bm-batch'),
		filesFromBodyNode(),
		firstFrameNode('callback'),
		noOpNode('Done'),
	]),
	dontWait: chainWorkflow('qbBinNoWait00001', "Binary Media with Don't Wait", [
		webhookNode('bm-no-wait'),
		firstFrameNode('none'),
	]),
	refused: chainWorkflow('qbBinRefused0001', 'A text file and a missing property', [
		webhookNode('bm-refused'),
		filesFromBodyNode(),
		firstFrameNode('poll', { continueOnFail: true }),
	]),
};

const frame = useRunningN8n({
	name: 'binary-media',
	simOptions: { flavour: 'today', queuedMs: 300, renderMs: 1500, fetchMedia: true },
	workflows: WORKFLOWS,
	webhooks: ['bm-upload', 'bm-batch', 'bm-no-wait', 'bm-refused'],
});

let sim;
let n8n;
beforeAll(() => ({ sim, n8n } = frame));
beforeEach(() => sim.reset());

/** Posts to a workflow's webhook and answers its new finished execution. */
async function runByWebhook(workflow, path, body, headers) {
	const seen = new Set((await n8n.listExecutions(workflow.id)).map((e) => e.id));
	const started = await request('POST', `${n8n.baseUrl}/webhook/${path}`, { body, headers });
	expect(started.status).toBe(200);
	return await n8n.waitForExecution(workflow.id, {
		where: (e) => !seen.has(e.id),
		timeoutMs: 120_000,
	});
}

const asFile = (bytes, i, extra = {}) => ({
	name: `frame-${i}.png`,
	type: 'image/png',
	b64: bytes.toString('base64'),
	...extra,
});
/** The token's claims (a JWT: header.payload.signature). */
const claimsOf = (link) =>
	JSON.parse(
		Buffer.from(new URL(link).searchParams.get('token').split('.')[1], 'base64url').toString(),
	);

describe('Binary Media', () => {
	test('a photo uploaded to a webhook is the first frame: QingBo fetched exactly those bytes', async () => {
		const photo = png(1);
		const execution = await runByWebhook(WORKFLOWS.upload, 'bm-upload', photo, {
			'content-type': 'image/png',
		});
		expect(execution.status).toBe('success');
		const [row] = outputOf(execution.run, 'QingBo Video');
		expect(row.json).toMatchObject({ status: 'completed', model: 'wan2.7' });

		const link = sim.tasks.get(row.json.task_id).body.first_frame_image;
		expect(link.startsWith(`${n8n.baseUrl}/rest/binary-data/signed?token=`)).toBe(true);
		// The token names one file, by n8n's file ID (readable: in filesystem mode it holds the
		// workflow's ID and the execution's number, docs/reference.md says so), and lives as long as
		// the node waits (Timeout 300 s) plus 600 s.
		const claims = claimsOf(link);
		expect(Object.keys(claims).sort()).toEqual(['exp', 'iat', 'id']);
		expect(claims.id).toMatch(
			new RegExp(
				`^filesystem-v2:workflows/${WORKFLOWS.upload.id}/executions/${execution.id}/binary_data/[\\w-]+$`,
			),
		);
		expect(claims.exp - claims.iat).toBe(900);
		expect(sim.mediaFetches).toEqual([
			expect.objectContaining({
				taskId: row.json.task_id,
				field: 'first_frame_image',
				status: 200,
				contentType: 'image/png',
				bytes: photo.length,
				sha256: sha256(photo),
			}),
		]);
		expect(sim.mediaFetches[0].error).toBeUndefined();
		// n8n moves a production webhook's upload when the run ends; the link is to the node's own copy
		// in the execution, so it still serves the file after the run (until the token expires).
		const again = await request('GET', link);
		expect([again.status, sha256(again.body)]).toEqual([200, sha256(photo)]);
		expect(again.headers['content-type']).toBe('image/png');
	});

	test('a parked batch sends each item its own file', async () => {
		const photos = [png(11), png(12), png(13)];
		const execution = await runByWebhook(WORKFLOWS.batch, 'bm-batch', {
			files: photos.map((bytes, i) => asFile(bytes, i)),
		});
		expect(execution.status).toBe('success');
		const rows = outputOf(execution.run, 'QingBo Video');
		expect(rows.map((row) => row.json.status)).toEqual(['completed', 'completed', 'completed']);
		const fetchedFor = (taskId) => sim.mediaFetches.filter((f) => f.taskId === taskId);
		expect(rows.map((row) => fetchedFor(row.json.task_id).map((f) => f.sha256))).toEqual(
			photos.map((bytes) => [sha256(bytes)]),
		);
		// Parked: the links outlive the wait (Timeout 300 s + 600 s) like the polled one.
		for (const row of rows)
			expect(claimsOf(sim.tasks.get(row.json.task_id).body.first_frame_image).exp).toBeGreaterThan(
				Date.now() / 1000 + 600,
			);
	});

	test("Don't Wait is refused before billing, saying why", async () => {
		const execution = await runByWebhook(WORKFLOWS.dontWait, 'bm-no-wait', png(2), {
			'content-type': 'image/png',
		});
		expect(execution.status).toBe('error');
		expect(JSON.stringify(errorOf(execution.run))).toContain(
			"cannot be used with Wait Mode › Don't Wait",
		);
		expect(sim.counters.tasksCreated).toBe(0);
	});

	test('a text file given as an image and a missing property are refused with 0 submits', async () => {
		const execution = await runByWebhook(WORKFLOWS.refused, 'bm-refused', {
			files: [
				{
					name: 'notes.txt',
					type: 'text/plain',
					b64: Buffer.from('not a picture').toString('base64'),
				},
				asFile(png(3), 1, { property: 'photo' }),
			],
		});
		const rows = outputOf(execution.run, 'QingBo Video');
		expect(rows.map((row) => row.json.error)).toEqual([
			expect.stringContaining('does not fit first_frame_image: its type is text/plain'),
			expect.stringContaining('item 1 has no binary property "data"; it has "photo"'),
		]);
		expect(sim.counters.tasksCreated).toBe(0);
		expect(sim.mediaFetches).toEqual([]);
	});
});

const IN_MEMORY = manualWorkflow('qbBinMemory00001', 'First frame, binary data in memory', [
	{
		parameters: {
			jsCode: `return [{ json: {}, binary: { data: { data: ${JSON.stringify(png(4).toString('base64'))}, mimeType: 'image/png', fileName: 'p.png' } } }];`,
		},
		name: 'Photo',
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
	},
	firstFrameNode('poll'),
]);

describe('Binary Media when n8n keeps binary data in memory (n8n 1.x by default)', () => {
	const memory = useSimulatorAndN8n({
		name: 'binary-media-memory',
		simDefaults: { flavour: 'today', fetchMedia: true },
		env: { N8N_DEFAULT_BINARY_DATA_MODE: 'default' },
		workflows: { IN_MEMORY },
	});

	test('is refused before billing, naming the setting to change', async () => {
		const result = await memory.run(IN_MEMORY);
		expect(JSON.stringify(errorOf(result.run))).toContain(
			'N8N_DEFAULT_BINARY_DATA_MODE=filesystem',
		);
		expect(memory.sim.counters.tasksCreated).toBe(0);
	});
});
