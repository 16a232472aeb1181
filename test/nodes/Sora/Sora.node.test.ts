import type {
	INodeProperties,
	INodePropertyCollection,
	INodePropertyOptions,
	INodeTypeDescription,
} from 'n8n-workflow';
import { Sora } from '../../../nodes/Sora/Sora.node';

/**
 * The public contract: saved workflows store these names and omit values equal to
 * a parameter's default, so a renamed parameter or value, or a changed default, silently changes them.
 */
const node = new Sora();
const descriptionOf = (version: number): INodeTypeDescription =>
	node.getNodeType(version).description;

/** The parameters named `name` that the editor shows for this resource and operation, on a node version. */
function shown(name: string, resource: string, operation?: string, version = 1): INodeProperties[] {
	return descriptionOf(version).properties.filter((p) => {
		const show = p.displayOptions?.show ?? {};
		return (
			p.name === name &&
			(!show.resource || show.resource.includes(resource)) &&
			(!operation || !show.operation || show.operation.includes(operation))
		);
	});
}

function one(name: string, resource: string, operation?: string, version = 1): INodeProperties {
	const found = shown(name, resource, operation, version);
	expect(found).toHaveLength(1);
	return found[0];
}

const values = (p: INodeProperties) =>
	(p.options as INodePropertyOptions[]).map((o) => o.value).sort();
const optionNames = (p: INodeProperties) =>
	(p.options as Array<INodeProperties | INodePropertyCollection>).map((o) => o.name).sort();

describe('QingBo Video (type sora) version 1: the public names and defaults saved workflows rely on', () => {
	it('is the node type "sora", versions 1 and 2 (2 for new nodes), with the qingboApi credential, usable as an AI tool', () => {
		expect(node.description).toMatchObject({ name: 'sora', defaultVersion: 2 });
		expect(Object.keys(node.nodeVersions)).toEqual(['1', '2']);
		for (const version of [1, 2]) {
			const description = descriptionOf(version);
			expect(description).toMatchObject({ name: 'sora', version });
			expect(description.credentials).toEqual([{ name: 'qingboApi', required: true }]);
			expect(description.usableAsTool).toBe(true);
		}
	});

	it('is named for QingBo in the node panel and on the canvas (the type name stays sora)', () => {
		expect(node.description.displayName).toBe('QingBo Video');
		expect(descriptionOf(2)).toMatchObject({
			displayName: 'QingBo Video',
			defaults: { name: 'QingBo Video' },
		});
	});

	it('offers the resources video (default) and task with their operations and defaults', () => {
		const resource = one('resource', 'video');
		expect(values(resource)).toEqual(['task', 'video']);
		expect(resource.default).toBe('video');
		const videoOperation = one('operation', 'video');
		expect(values(videoOperation)).toEqual(['extend', 'generate', 'remix']);
		expect(videoOperation.default).toBe('generate');
		const taskOperation = one('operation', 'task');
		expect(values(taskOperation)).toEqual(['cancel', 'get', 'wait']);
		expect(taskOperation.default).toBe('get');
	});

	it.each(['generate', 'remix', 'extend'])(
		'video › %s has model (default sora-2), prompt, waitMode none/poll/callback (default poll) and the options',
		(operation) => {
			expect(one('model', 'video', operation).default).toBe('sora-2');
			expect(one('prompt', 'video', operation).type).toBe('string');
			const waitMode = one('waitMode', 'video', operation);
			expect(values(waitMode)).toEqual(['callback', 'none', 'poll']);
			expect(waitMode.default).toBe('poll');
			const options = one('options', 'video', operation);
			expect(options.default).toEqual({});
			expect(optionNames(options)).toEqual(
				[
					'additionalFields',
					'binaryPropertyName',
					'callbackUrl',
					'download',
					'extra',
					'pollInterval',
					'timeout',
				].sort(),
			);
		},
	);

	it('video › generate has aspectRatio, duration, resolution, imageUrls and characters with their defaults', () => {
		const aspectRatio = one('aspectRatio', 'video', 'generate');
		expect(values(aspectRatio)).toEqual(['16:9', '9:16']);
		expect(aspectRatio.default).toBe('16:9');
		const duration = one('duration', 'video', 'generate');
		expect(values(duration)).toEqual([12, 16, 20, 4, 8]);
		expect(duration.default).toBe(4);
		const resolution = one('resolution', 'video', 'generate');
		expect(values(resolution)).toEqual(['1080p', '720p']);
		expect(resolution.default).toBe('720p');
		expect(one('imageUrls', 'video', 'generate').default).toBe('');
		const characters = one('characters', 'video', 'generate');
		const [character] = characters.options as INodePropertyCollection[];
		expect(character.name).toBe('character');
		expect(character.values.map((v) => v.name).sort()).toEqual(['assetId', 'name']);
	});

	it('video › remix has sourceTaskId and strength (Subtle, Mild, Strong or 1-8; default Mild)', () => {
		expect(one('sourceTaskId', 'video', 'remix').type).toBe('string');
		const strength = one('strength', 'video', 'remix');
		expect(values(strength)).toEqual(
			['Subtle', 'Mild', 'Strong', '1', '2', '3', '4', '5', '6', '7', '8'].sort(),
		);
		expect(strength.default).toBe('Mild');
	});

	it('video › extend has sourceTaskId and duration', () => {
		expect(one('sourceTaskId', 'video', 'extend').type).toBe('string');
		expect(values(one('duration', 'video', 'extend'))).toEqual([12, 16, 20, 4, 8]);
	});

	it('the options keep their defaults: adaptive polling, 1200 s timeout, no download, binary field "data"', () => {
		const options = one('options', 'video', 'generate').options as INodeProperties[];
		const option = (name: string) => options.find((o) => o.name === name);
		expect(option('pollInterval')?.default).toBe(0);
		expect(option('timeout')?.default).toBe(1200);
		expect(option('download')?.default).toBe(false);
		expect(option('binaryPropertyName')?.default).toBe('data');
	});

	it.each([
		['get', ['binaryPropertyName', 'download', 'maxDownloadMb']],
		['wait', ['binaryPropertyName', 'download', 'maxDownloadMb', 'pollInterval', 'timeout']],
		['cancel', null],
	])('task › %s takes taskId and its options', (operation, options) => {
		expect(one('taskId', 'task', operation).type).toBe('string');
		if (options) expect(optionNames(one('options', 'task', operation))).toEqual(options);
		else expect(shown('options', 'task', operation)).toHaveLength(0);
	});
});

describe('QingBo Video (type sora) version 2: the public names and defaults saved workflows rely on', () => {
	it('offers the resources video (default), task, account and model', () => {
		const resource = one('resource', 'video', undefined, 2);
		expect(values(resource)).toEqual(['account', 'model', 'task', 'video']);
		expect(resource.default).toBe('video');
		const videoOperation = one('operation', 'video', undefined, 2);
		expect(values(videoOperation)).toEqual(['edit', 'extend', 'generate']);
		expect(videoOperation.default).toBe('generate');
		expect(values(one('operation', 'task', undefined, 2))).toEqual(['cancel', 'get', 'wait']);
		expect(values(one('operation', 'account', undefined, 2))).toEqual(['getBalance']);
		expect(values(one('operation', 'model', undefined, 2))).toEqual(['get', 'list']);
	});

	it.each(['generate', 'extend', 'edit'])(
		'video › %s has model (default veo3.1-fast), prompt, modelFields, waitMode and the options with maxSpendUsd',
		(operation) => {
			expect(one('model', 'video', operation, 2).default).toBe('veo3.1-fast');
			expect(one('prompt', 'video', operation, 2).type).toBe('string');
			const modelFields = one('modelFields', 'video', operation, 2);
			expect(modelFields.type).toBe('resourceMapper');
			expect(modelFields.default).toEqual({ mappingMode: 'defineBelow', value: null });
			expect(modelFields.typeOptions?.resourceMapper?.resourceMapperMethod).toBe('getModelFields');
			const waitMode = one('waitMode', 'video', operation, 2);
			expect(values(waitMode)).toEqual(['callback', 'none', 'poll']);
			expect(waitMode.default).toBe('poll');
			expect(optionNames(one('options', 'video', operation, 2))).toEqual(
				[
					'additionalFields',
					'binaryPropertyName',
					'callbackUrl',
					'checkModelRules',
					'idempotencyKey',
					'download',
					'maxDownloadMb',
					'maxSpendUsd',
					'pollInterval',
					'timeout',
				].sort(),
			);
			if (operation !== 'generate')
				expect(one('sourceTaskId', 'video', operation, 2).type).toBe('string');
			else expect(shown('sourceTaskId', 'video', operation, 2)).toHaveLength(0);
		},
	);

	it('Options › Idempotency Key defaults to empty: a saved workflow without it submits anew per execution', () => {
		for (const operation of ['generate', 'extend', 'edit']) {
			const options = one('options', 'video', operation, 2).options as INodeProperties[];
			expect(options.find((o) => o.name === 'idempotencyKey')).toMatchObject({
				type: 'string',
				default: '',
			});
		}
	});

	it('checks model rules unless Options › Check Model Rules is turned off (default true)', () => {
		for (const operation of ['generate', 'extend', 'edit']) {
			const options = one('options', 'video', operation, 2).options as INodeProperties[];
			expect(options.find((o) => o.name === 'checkModelRules')).toMatchObject({
				type: 'boolean',
				default: true,
			});
		}
	});

	it("shows none of version 1's Sora-only parameters", () => {
		for (const name of [
			'aspectRatio',
			'duration',
			'resolution',
			'imageUrls',
			'characters',
			'strength',
		])
			expect(shown(name, 'video', undefined, 2)).toHaveLength(0);
	});

	it('is found by a search for the model families, QingBo and Sora', () => {
		const codex = jest.requireActual('../../../nodes/Sora/Sora.node.json') as {
			alias?: string[];
		};
		for (const word of ['Veo', 'Kling', 'Seedance', 'Wan', 'PixVerse', 'Hailuo', 'QingBo', 'Sora'])
			expect(codex.alias).toContain(word);
	});
});
