/**
 * Sora node version 2 in a real n8n: every model family generates with its own Model Fields, follow-ups
 * chain from a task ID (by ref_task_id or by the source's video URL), every kind of rule break fails
 * before any submit, and Max Spend / Get Balance / 402 behave as the README says. QingBo is played by the
 * simulator's `today` flavour, whose model rules are its own (tools/sim/models.js), not the package's.
 */
const { outputOf, errorOf } = require('../../tools/n8n/host');
const { useSimulatorAndN8n } = require('./suite');
const {
	manualWorkflow,
	fanOutWorkflow,
	soraV2Node,
	modelFields,
	codeNode,
} = require('../../tools/n8n/workflows');

jest.setTimeout(15 * 60_000);

const SIM_DEFAULTS = {
	flavour: 'today',
	queuedMs: 100,
	renderMs: 800,
	balanceUsd: 1000,
	prices: {},
};
const POLL = { pollInterval: 1, timeout: 120 };

/** Video › Generate on version 2: a model, its fields, a prompt. */
const generate = (model, fields, extra = {}) => ({
	resource: 'video',
	operation: 'generate',
	model,
	prompt: 'A paper boat drifting down a rainy street',
	modelFields: modelFields(fields),
	waitMode: 'poll',
	options: POLL,
	...extra,
});
const followUp = (operation, model, fields, extra = {}) => ({
	...generate(model, fields, extra),
	operation,
	prompt: 'The boat reaches the sea',
	sourceTaskId: '={{ $json.task_id }}',
});

/** One model of every family, each with fields only it takes (a string "8" by expression must become 8). */
const FAMILIES = {
	Veo: [
		'veo3.1-fast',
		{
			duration: 8,
			resolution: '1080p',
			aspect_ratio: '9:16',
			generate_audio: true,
			negative_prompt: 'blur',
		},
	],
	Kling: ['kling-v3', { duration: '={{ "7" }}', aspect_ratio: '1:1', generate_audio: true }],
	Seedance: ['seedance-2.0', { duration: 6, resolution: '480p', aspect_ratio: '21:9', seed: 3 }],
	Wan: ['wan2.6', { duration: 15, resolution: '1080p', shot_type: 'multi' }],
	PixVerse: ['pixverse-v6', { duration: 5, resolution: '360p', seed: 42, aspect_ratio: '2:3' }],
	Hailuo: ['minimax-hailuo-2.3', { duration: 6, resolution: '1080p', prompt_optimizer: false }],
	MiniMax: ['minimax-h3', { duration: 5, resolution: '768p', aspect_ratio: '21:9' }],
	Vidu: ['vidu-q3-pro', { duration: 4, resolution: '540p', aspect_ratio: '4:3' }],
	SkyReels: ['skyreels-v4-fast', { duration: 5, resolution: '720p', aspect_ratio: '3:4' }],
	FLUX: ['flux-3-video-draft', { duration: 5, resolution: 'hd' }],
	Grok: ['grok-imagine-video', { duration: 6, resolution: '720p' }],
	HappyHorse: [
		'happyhorse-1.1',
		{ duration: 5, resolution: '1080p', aspect_ratio: '1:1', watermark: false },
	],
	Omni: ['gemini-omni-1.1-flash', { resolution: '4k', aspect_ratio: '9:16' }],
};

/** A broken rule of each kind, each refused before any submit (field named, what the model takes). */
const BREAKS = {
	undeclared: [
		generate('minimax-hailuo-2.3', { duration: 6, aspect_ratio: '16:9' }),
		/aspect_ratio/,
		/prompt_optimizer/,
	],
	type: [generate('kling-v2-6', { duration: 'ten' }), /duration/, /5 or 10/],
	enum: [
		generate('veo3.1-fast', { duration: 8, resolution: '8k' }),
		/resolution/,
		/720p, 1080p or 4k/,
	],
	range: [generate('pixverse-v6', { seed: -1 }), /seed/, /0 to 2147483647/],
	required: [generate('veo3.1-fast', { resolution: '720p' }), /duration/, /4, 6 or 8/],
	crossField: [generate('veo3.1-fast', { duration: 6, resolution: '1080p' }), /duration/, /8/],
	delisted: [generate('sora-2', {}), /delisted/, /veo3\.1-fast/],
	noSuchAction: [
		{ ...followUp('extend', 'veo3.1-fast', {}), sourceTaskId: 'task-anything' },
		/cannot extend/,
		/supports generate/,
	],
};

const WORKFLOWS = {
	families: fanOutWorkflow(
		'qbModelFamilies1',
		'One model of every family',
		Object.entries(FAMILIES).map(([family, [model, fields]]) =>
			soraV2Node(generate(model, fields), { name: family }),
		),
	),
	breaks: fanOutWorkflow(
		'qbModelBreaks001',
		'Every kind of rule break',
		Object.entries(BREAKS).map(([name, [parameters]]) =>
			soraV2Node(parameters, { name, continueOnFail: true }),
		),
	),
	extendByTaskId: fanOutWorkflow('qbModelExtendId1', 'Extend by ref_task_id', [
		soraV2Node(generate('veo3.1-fast-rev', { duration: 8 }), { name: 'Veo' }),
		soraV2Node(generate('pixverse-v6', { duration: 5 }), { name: 'PixVerse' }),
	]),
	editByUrl: manualWorkflow('qbModelEditUrl01', 'Seedance 2.5: generate, edit, extend by URL', [
		soraV2Node(generate('seedance-2.5', { duration: 5, resolution: '480p' }), { name: 'Generate' }),
		soraV2Node(followUp('edit', 'seedance-2.5', { duration: 0, aspect_ratio: 'adaptive' }), {
			name: 'Edit',
		}),
		soraV2Node(followUp('extend', 'seedance-2.5', { duration: 5, aspect_ratio: 'adaptive' }), {
			name: 'Extend',
		}),
	]),
	notFinished: manualWorkflow('qbModelNotDone01', 'Edit a source that is still queued', [
		soraV2Node(generate('seedance-2.5', { duration: 5 }, { waitMode: 'none' }), {
			name: 'Generate',
		}),
		soraV2Node(followUp('edit', 'seedance-2.5', { duration: 0, aspect_ratio: 'adaptive' }), {
			name: 'Edit',
		}),
	]),
	// kling-v2-6 takes 5 or 10 s by the catalogue; a QingBo that now takes 7 s is played by rules off.
	staleRule: manualWorkflow('qbModelStale0001', 'A rule QingBo no longer has, checked', [
		soraV2Node(generate('kling-v2-6', { duration: 7 }), { name: 'Kling' }),
	]),
	staleRuleOff: manualWorkflow('qbModelStale0002', 'A rule QingBo no longer has, not checked', [
		soraV2Node(
			generate('kling-v2-6', { duration: 7 }, { options: { ...POLL, checkModelRules: false } }),
			{ name: 'Kling' },
		),
	]),
	keyServes: fanOutWorkflow('qbModelServed001', 'What the key serves wins', [
		soraV2Node({ resource: 'model', operation: 'list' }, { name: 'List' }),
		soraV2Node(
			generate('brand-new-model', null, {
				options: { ...POLL, additionalFields: '{"duration": 5, "style": "noir"}' },
			}),
			{ name: 'Unknown Model' },
		),
	]),
	modelGet: manualWorkflow('qbModelGet000001', 'Model › List and Get', [
		soraV2Node({ resource: 'model', operation: 'list' }, { name: 'List' }),
		codeNode([{ id: 'pixverse-v6' }], { name: 'Pick' }),
		soraV2Node({ resource: 'model', operation: 'get', model: '={{ $json.id }}' }, { name: 'Get' }),
	]),
};

/** Follow-ups that need the source's task ID: added as chains after the fan-out's sources. */
WORKFLOWS.extendByTaskId.nodes.push(
	{
		id: 'qbModelExtendId1-x1',
		position: [440, 120],
		...soraV2Node(followUp('extend', 'veo3.1-fast-rev', { raw: true, resolution: '720p' }), {
			name: 'Veo Extend',
		}),
	},
	{
		id: 'qbModelExtendId1-x2',
		position: [440, 240],
		...soraV2Node(followUp('extend', 'pixverse-v6', { duration: 4 }), { name: 'PixVerse Extend' }),
	},
);
WORKFLOWS.extendByTaskId.connections.Veo = {
	main: [[{ node: 'Veo Extend', type: 'main', index: 0 }]],
};
WORKFLOWS.extendByTaskId.connections.PixVerse = {
	main: [[{ node: 'PixVerse Extend', type: 'main', index: 0 }]],
};

const suite = useSimulatorAndN8n({
	name: 'models',
	simDefaults: SIM_DEFAULTS,
	workflows: WORKFLOWS,
});

const submitted = () => [...suite.sim.tasks.values()].map((task) => task.body);

test('Generate succeeds for one model of every family, each with its own fields, typed as the API wants', async () => {
	const result = await suite.run(WORKFLOWS.families);
	expect(errorOf(result.run)).toBeNull();
	for (const [family, [model, fields]] of Object.entries(FAMILIES)) {
		const [item] = outputOf(result.run, family);
		expect({ family, status: item.json.status, model: item.json.model }).toEqual({
			family,
			status: 'completed',
			model,
		});
		const body = suite.sim.tasks.get(item.json.task_id).body;
		for (const [field, value] of Object.entries(fields)) {
			if (typeof value === 'string' && value.startsWith('=')) continue;
			expect({ family, field, value: body[field] }).toEqual({ family, field, value });
		}
		// Money on every completed row: the API's raw quota and the USD figures beside it.
		expect(item.json.cost_usd).toBeCloseTo(item.json.cost / 500_000, 6);
		expect(item.json.cost_usd).toBeGreaterThan(0);
	}
	expect(suite.sim.tasks.get(outputOf(result.run, 'Kling')[0].json.task_id).body.duration).toBe(7);
	expect(suite.sim.counters.tasksCreated).toBe(Object.keys(FAMILIES).length);
});

test('a broken rule of each kind fails before any submit, naming the field and what the model takes', async () => {
	const result = await suite.run(WORKFLOWS.breaks);
	for (const [name, [, field, takes]] of Object.entries(BREAKS)) {
		const [item] = outputOf(result.run, name);
		const text = `${item.json.error} ${item.json.errorDescription ?? ''}`;
		expect({ name, text }).toEqual({ name, text: expect.stringMatching(field) });
		expect({ name, text }).toEqual({ name, text: expect.stringMatching(takes) });
	}
	expect(suite.sim.counters.submits).toBe(0);
});

test('Extend chains by task ID: Veo economy and PixVerse send ref_task_id', async () => {
	const result = await suite.run(WORKFLOWS.extendByTaskId);
	expect(errorOf(result.run)).toBeNull();
	for (const [source, extension] of [
		['Veo', 'Veo Extend'],
		['PixVerse', 'PixVerse Extend'],
	]) {
		const [parent] = outputOf(result.run, source);
		const [child] = outputOf(result.run, extension);
		expect(child.json).toMatchObject({ status: 'completed', action: 'extend' });
		const body = suite.sim.tasks.get(child.json.task_id).body;
		expect(body.ref_task_id).toBe(parent.json.task_id);
		expect(body.video_urls).toBeUndefined();
	}
});

test('Seedance 2.5 edits and extends by the source video URL, read from its task', async () => {
	const result = await suite.run(WORKFLOWS.editByUrl);
	expect(errorOf(result.run)).toBeNull();
	const [source] = outputOf(result.run, 'Generate');
	const [edited] = outputOf(result.run, 'Edit');
	const [extended] = outputOf(result.run, 'Extend');
	expect(edited.json).toMatchObject({ status: 'completed', action: 'edit' });
	expect(suite.sim.tasks.get(edited.json.task_id).body).toMatchObject({
		action: 'edit',
		video_urls: [source.json.video_url],
		aspect_ratio: 'adaptive',
		duration: 0,
	});
	expect(suite.sim.tasks.get(extended.json.task_id).body.video_urls).toEqual([
		edited.json.video_url,
	]);
	expect(submitted().every((body) => body.ref_task_id === undefined)).toBe(true);
});

test('a follow-up whose source is not completed fails before its submit, naming the source task', async () => {
	const result = await suite.run(WORKFLOWS.notFinished);
	const [source] = outputOf(result.run, 'Generate');
	const error = errorOf(result.run);
	expect(error.node).toBe('Edit');
	expect(error.message).toContain(source.json.task_id);
	expect(error.message).toMatch(/not completed/);
	expect(suite.sim.counters.tasksCreated).toBe(1);
});

test('Model › List shows what this key can call; Model › Get gives an agent the fields, values and follow-ups', async () => {
	const result = await suite.run(WORKFLOWS.modelGet);
	const listed = outputOf(result.run, 'List').map((item) => item.json);
	expect(listed.map((row) => row.id)).toEqual(
		expect.arrayContaining(['veo3.1-fast', 'pixverse-v6', 'seedance-2.5']),
	);
	expect(listed.find((row) => row.id === 'veo3.1-fast-rev')).toMatchObject({
		known: true,
		family: 'Veo',
		operations: ['generate', 'extend'],
	});
	const [model] = outputOf(result.run, 'Get');
	expect(model.json).toMatchObject({ id: 'pixverse-v6', known: true, family: 'PixVerse' });
	expect(model.json.operations.extend).toMatchObject({ source_task_sent_as: 'ref_task_id' });
	expect(model.json.operations.generate.fields.resolution.values).toEqual([
		'360p',
		'540p',
		'720p',
		'1080p',
	]);
});

describe('a catalogue that ages: Check Model Rules, and what the key serves', () => {
	test('a value the catalogue refuses but QingBo now takes: refused before any submit with the date of the rules; with Check Model Rules off, sent and completed', async () => {
		suite.sim.configure({ modelRules: false }); // this QingBo takes what the catalogue refuses
		const refused = await suite.run(WORKFLOWS.staleRule);
		const error = errorOf(refused.run);
		expect(error.message).toBe('Model Fields › duration: 7 is not allowed for kling-v2-6');
		expect(error.description).toMatch(/Check Model Rules/);
		expect(error.description).toMatch(/as of \d{4}-\d{2}-\d{2}/);
		expect(suite.sim.counters.submits).toBe(0);

		const sent = await suite.run(WORKFLOWS.staleRuleOff);
		expect(errorOf(sent.run)).toBeNull();
		const [row] = outputOf(sent.run, 'Kling');
		expect(row.json).toMatchObject({ status: 'completed', model: 'kling-v2-6' });
		expect(suite.sim.tasks.get(row.json.task_id).body).toMatchObject({ duration: 7 });
	});

	test('a catalogue model the key no longer lists is flagged; an unknown model the key lists generates through Additional Fields', async () => {
		suite.sim.configure({
			models: [
				...require('../../tools/sim/models').TODAY_MODELS.filter((id) => id !== 'veo3.1-lite'),
				'brand-new-model',
			],
		});
		const result = await suite.run(WORKFLOWS.keyServes);
		const listed = outputOf(result.run, 'List').map((item) => item.json);
		expect(listed.find((row) => row.id === 'veo3.1-lite')).toMatchObject({
			served: false,
			known: true,
			note: expect.stringMatching(/^Not listed for this API key/),
		});
		expect(listed.find((row) => row.id === 'brand-new-model')).toMatchObject({
			served: true,
			known: false,
		});
		expect(listed.find((row) => row.id === 'veo3.1-fast')).toMatchObject({ served: true });
		const [made] = outputOf(result.run, 'Unknown Model');
		expect(made.json).toMatchObject({ status: 'completed', model: 'brand-new-model' });
		expect(suite.sim.tasks.get(made.json.task_id).body).toMatchObject({
			duration: 5,
			style: 'noir',
		});
	});
});
