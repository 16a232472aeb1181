import { CATALOGUE, CATALOGUE_CHECKED_ON } from '../../../../nodes/shared/models/catalogue';
import type {
	ActionName,
	ActionRules,
	Condition,
	CrossRule,
	FieldRule,
	FieldValue,
	ModelRules,
} from '../../../../nodes/shared/models/types';

/** Every family the catalogue serves (the node's model list groups by these). */
const FAMILIES = [
	'Veo',
	'Kling',
	'Seedance',
	'Wan',
	'PixVerse',
	'Hailuo',
	'MiniMax',
	'Vidu',
	'SkyReels',
	'FLUX',
	'Grok',
	'HappyHorse',
	'Omni',
	'Sora',
];

/** Every model ID in §3 of notes/qingbo-video-models.md. */
const EXPECTED_IDS = [
	// §3.1 Veo 3.1
	'veo3.1-fast',
	'veo3.1-quality',
	'veo3.1-lite',
	'veo3.1-fast-rev',
	'veo3.1-quality-rev',
	// §3.2 Kling
	'kling-3.0-turbo',
	'kling-v2-6',
	'kling-v3',
	'kling-v3-omni',
	'kling-video-o1',
	'kling-v2-6-motion-control',
	'kling-v3-motion-control',
	// §3.3 Seedance
	'seedance-1.0-pro',
	'seedance-1.0-pro-fast',
	'seedance-1.5-pro',
	'seedance-2.0',
	'seedance-2.0-fast',
	'seedance-2.0-mini',
	'seedance-2.5',
	// §3.4 Wan
	'wan2.5-preview',
	'wan2.6',
	'wan2.6-i2v',
	'wan2.6-i2v-flash',
	'wan2.7',
	'wan2.7-r2v',
	'wan2.7-videoedit',
	'wan3.0-video',
	'wan3.0-video-prime',
	// §3.5 PixVerse
	'pixverse-v6',
	// §3.6 Hailuo and MiniMax H3
	'minimax-hailuo-02',
	'minimax-hailuo-2.3',
	'minimax-hailuo-2.3-fast',
	'minimax-h3',
	'minimax-h3-max',
	'minimax-h3-regeneration',
	// §3.7 the other families
	'vidu-q3',
	'vidu-q3-mix',
	'vidu-q3-pro',
	'vidu-q3-turbo',
	'skyreels-v4-fast',
	'skyreels-v4-std',
	'flux-3-video',
	'flux-3-video-draft',
	'grok-imagine-video',
	'grok-imagine-video-1.5',
	'grok-imagine-video-1.5-rev',
	'happyhorse-1.0',
	'happyhorse-1.1',
	'omni-flash-ext',
	'gemini-omni-1.1-flash',
	'gemini-omni-flash-preview',
	'sora-2',
	'sora-2-pro',
];

const ACTIONS: ActionName[] = ['generate', 'extend', 'edit', 'finalize', 'regenerate'];
const FOLLOW_UPS: ActionName[] = ['extend', 'edit', 'finalize', 'regenerate'];
/** Body fields the node always handles itself, never declared per model. */
const NODE_FIELDS = ['model', 'action', 'prompt', 'callback_url'];
const NUMERIC_KINDS = ['integer', 'number'];
const LIST_KINDS = ['urlList', 'array'];

const byId = new Map(CATALOGUE.map((model) => [model.id, model]));

/** A page of QingBo's docs repository pinned to a full commit, or of the site built from it. */
const DOC_PAGE =
	/^https:\/\/(github\.com\/QingBo-AI\/WaveAPI-Doc\/blob\/[0-9a-f]{40}\/\S+|docs\.qingbo\.dev\/\S*)$/;

/** A real calendar day written YYYY-MM-DD. */
function isIsoDate(text: string): boolean {
	return (
		/^\d{4}-\d{2}-\d{2}$/.test(text) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text)
	);
}

function actionsOf(model: ModelRules): Array<[ActionName, ActionRules]> {
	return ACTIONS.flatMap((name) => {
		const rules = model.actions[name];
		return rules ? [[name, rules] as [ActionName, ActionRules]] : [];
	});
}

/** Why `value` cannot be a value of `rule` (wrong JSON type, not allowed, out of range), if it cannot. */
function valueProblem(rule: FieldRule, value: FieldValue): string | undefined {
	switch (rule.kind) {
		case 'integer':
			if (typeof value !== 'number' || !Number.isInteger(value))
				return `${value} is not an integer`;
			break;
		case 'number':
			if (typeof value !== 'number' || !Number.isFinite(value)) return `${value} is not a number`;
			break;
		case 'boolean':
			if (typeof value !== 'boolean') return `${value} is not a boolean`;
			break;
		case 'string':
		case 'url':
		case 'urlList':
			if (typeof value !== 'string') return `${value} is not a string`;
			break;
		default:
			return `a ${rule.kind} field takes no scalar value`;
	}
	if (rule.values && !rule.values.includes(value)) return `${value} is not among its values`;
	if (typeof value === 'number' && rule.min !== undefined && value < rule.min) {
		return `${value} is below min ${rule.min}`;
	}
	if (typeof value === 'number' && rule.max !== undefined && value > rule.max) {
		return `${value} is above max ${rule.max}`;
	}
	return undefined;
}

/** Everything wrong with one field rule on its own. */
function fieldProblems(name: string, rule: FieldRule): string[] {
	const problems: string[] = [];
	const say = (text: string) => problems.push(`${name}: ${text}`);
	if (NODE_FIELDS.includes(name)) say('is set by the node, not declared per model');
	if (rule.values) {
		if (rule.values.length === 0) say('has an empty list of values');
		if (new Set(rule.values).size !== rule.values.length) say('repeats a value');
		for (const value of rule.values) {
			const problem = valueProblem({ ...rule, values: undefined }, value);
			if (problem) say(`value ${problem}`);
		}
	}
	if (rule.min !== undefined || rule.max !== undefined) {
		if (!NUMERIC_KINDS.includes(rule.kind)) say(`has a range but is a ${rule.kind}`);
		if (rule.min !== undefined && rule.max !== undefined && rule.min > rule.max) {
			say(`min ${rule.min} > max ${rule.max}`);
		}
	}
	if (rule.minItems !== undefined || rule.maxItems !== undefined) {
		if (!LIST_KINDS.includes(rule.kind)) say(`has item counts but is a ${rule.kind}`);
		if (rule.minItems !== undefined && rule.minItems < 0) say('minItems < 0');
		if (rule.maxItems !== undefined && rule.maxItems < 1) say('maxItems < 1');
		if (
			rule.minItems !== undefined &&
			rule.maxItems !== undefined &&
			rule.minItems > rule.maxItems
		) {
			say(`minItems ${rule.minItems} > maxItems ${rule.maxItems}`);
		}
	}
	if (rule.default !== undefined) {
		const problem = valueProblem(rule, rule.default);
		if (problem) say(`default ${problem}`);
	}
	if (rule.unit !== undefined && !NUMERIC_KINDS.includes(rule.kind)) say('has a unit');
	if (rule.assets && !['url', 'urlList'].includes(rule.kind)) say('takes assets but is no URL');
	if (rule.maxLength !== undefined && rule.kind !== 'string') say('has maxLength but no text');
	if (!rule.note || rule.note.includes('\n')) say('needs a one-line note');
	return problems;
}

function ruleFields(rule: CrossRule): string[] {
	switch (rule.kind) {
		case 'requires':
			return [rule.field, rule.needs];
		case 'when':
			return [rule.if.field, rule.then.field];
		default:
			return rule.fields;
	}
}

/** Whether a condition can hold at all given the field it names. */
function conditionProblems(condition: Condition, fields: Record<string, FieldRule>): string[] {
	const field = fields[condition.field];
	if (!field) return [];
	const problems: string[] = [];
	for (const value of condition.in ?? []) {
		const problem = valueProblem(field, value);
		if (problem) problems.push(`${condition.field}: condition value ${problem}`);
	}
	if (condition.moreThan !== undefined && !LIST_KINDS.includes(field.kind)) {
		problems.push(`${condition.field}: moreThan on a ${field.kind}`);
	}
	return problems;
}

/** Everything wrong with one action's cross-field rules. */
function ruleProblems(action: ActionRules): string[] {
	const problems: string[] = [];
	for (const rule of action.rules ?? []) {
		if (!rule.why.trim()) problems.push(`${rule.kind} rule without a why`);
		for (const name of ruleFields(rule)) {
			if (name === 'prompt') {
				if (action.prompt === 'refused') problems.push(`${rule.kind} rule names a refused prompt`);
			} else if (!action.fields[name]) {
				problems.push(`${rule.kind} rule names undeclared field ${name}`);
			}
		}
		if (rule.kind === 'when') {
			problems.push(...conditionProblems(rule.if, action.fields));
			problems.push(...conditionProblems(rule.then, action.fields));
		}
		if (rule.kind !== 'requires' && rule.kind !== 'when' && rule.fields.length < 2) {
			problems.push(`${rule.kind} rule over fewer than two fields`);
		}
		if (rule.kind === 'anyOf' && rule.fields.includes('prompt') && action.prompt === true) {
			problems.push('anyOf names a prompt that is already required');
		}
	}
	return problems;
}

describe('CATALOGUE', () => {
	it('has each model ID once', () => {
		const ids = CATALOGUE.map((model) => model.id);
		expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
	});

	it('lists every model ID of the note, and nothing else', () => {
		const ids = CATALOGUE.map((model) => model.id);
		expect(EXPECTED_IDS.filter((id) => !ids.includes(id))).toEqual([]);
		expect(ids.filter((id) => !EXPECTED_IDS.includes(id))).toEqual([]);
	});

	it('uses only the known families', () => {
		expect(CATALOGUE.filter((model) => !FAMILIES.includes(model.family)).map((m) => m.id)).toEqual(
			[],
		);
	});

	it('covers every family', () => {
		const families = new Set(CATALOGUE.map((model) => model.family));
		expect(FAMILIES.filter((family) => !families.has(family))).toEqual([]);
	});

	it('is checked as of the oldest reading of its sources', () => {
		expect(isIsoDate(CATALOGUE_CHECKED_ON)).toBe(true);
		const oldestRead = CATALOGUE.map((model) => model.source.read).sort()[0];
		expect(CATALOGUE_CHECKED_ON).toBe(oldestRead);
	});

	it('offers Sora 2 only as delisted, pointing to listed replacements', () => {
		for (const id of ['sora-2', 'sora-2-pro']) {
			const model = byId.get(id);
			expect(model?.delisted?.on).toBe('2026-09-24');
			expect(model?.actions).toEqual({});
		}
	});
});

describe.each(CATALOGUE.map((model) => [model.id, model] as [string, ModelRules]))(
	'%s',
	(_id, model) => {
		it('has a description, a source and at least one action unless delisted', () => {
			expect(model.description.trim()).not.toBe('');
			expect(model.description).not.toContain('\n');
			expect(model.source.page).toMatch(DOC_PAGE);
			if (model.delisted) {
				expect(actionsOf(model)).toEqual([]);
				expect(model.delisted.on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
				for (const replacement of model.delisted.replacements) {
					expect(byId.get(replacement)?.delisted).toBeUndefined();
					expect(byId.has(replacement)).toBe(true);
				}
			} else {
				expect(actionsOf(model).length).toBeGreaterThan(0);
			}
		});

		it('cites pinned public documentation pages, read on an ISO date', () => {
			const { page, read, pricing, also } = model.source;
			for (const cited of [page, ...(pricing ? [pricing] : []), ...(also ?? [])]) {
				expect(cited).toMatch(DOC_PAGE);
			}
			expect(isIsoDate(read)).toBe(true);
			// Every listed amount comes from the pricing changelog, so it is cited exactly where one is given.
			expect(pricing !== undefined).toBe(model.pricing !== undefined);
		});

		it('declares well-formed fields', () => {
			const problems = actionsOf(model).flatMap(([action, rules]) =>
				Object.entries(rules.fields).flatMap(([name, rule]) =>
					fieldProblems(name, rule).map((problem) => `${action} › ${problem}`),
				),
			);
			expect(problems).toEqual([]);
		});

		it('has cross-field rules over declared fields only', () => {
			const problems = actionsOf(model).flatMap(([action, rules]) =>
				ruleProblems(rules).map((problem) => `${action} › ${problem}`),
			);
			expect(problems).toEqual([]);
		});

		it('names a source on every follow-up, and only there', () => {
			for (const [action, rules] of actionsOf(model)) {
				if (!FOLLOW_UPS.includes(action)) {
					expect(rules.source).toBeUndefined();
					continue;
				}
				expect(rules.source).toBeDefined();
				const source = rules.source!;
				for (const sourceModel of source.models ?? []) {
					expect(byId.has(sourceModel)).toBe(true);
				}
				for (const sourceAction of source.actions ?? []) {
					expect(ACTIONS).toContain(sourceAction);
				}
				if (source.via === 'video_urls') {
					// The node places the source URL first in video_urls, so the field must exist there.
					expect(rules.fields.video_urls?.kind).toBe('urlList');
				} else {
					// The node sets ref_task_id from the Source Task ID itself.
					expect(rules.fields.ref_task_id).toBeUndefined();
				}
			}
		});

		it('prices only resolutions the model offers', () => {
			if (!model.pricing) return;
			const { usd, defaultResolution, defaultSeconds } = model.pricing;
			const offered = new Set(
				actionsOf(model).flatMap(([, rules]) => rules.fields.resolution?.values ?? []),
			);
			expect(Object.keys(usd).length).toBeGreaterThan(0);
			for (const [resolution, amount] of Object.entries(usd)) {
				expect(amount).toBeGreaterThan(0);
				if (offered.size > 0) expect(offered).toContain(resolution);
			}
			if (defaultResolution !== undefined && offered.size > 0) {
				expect(offered).toContain(defaultResolution);
			}
			if (defaultSeconds !== undefined) expect(defaultSeconds).toBeGreaterThan(0);
		});
	},
);

describe('rules the note states outright', () => {
	const generate = (id: string) => byId.get(id)?.actions.generate;

	it('Veo official: 1080p and 4k only at 8 s; economy: 8 s and extend of the same model', () => {
		expect(generate('veo3.1-fast')?.fields.duration?.values).toEqual([4, 6, 8]);
		expect(generate('veo3.1-fast')?.rules).toContainEqual(
			expect.objectContaining({
				kind: 'when',
				if: { field: 'resolution', in: ['1080p', '4k'] },
				then: { field: 'duration', in: [8] },
			}),
		);
		expect(generate('veo3.1-lite')?.fields.duration?.values).toEqual([8]);
		const extend = byId.get('veo3.1-quality-rev')?.actions.extend;
		expect(Object.keys(extend?.fields ?? {}).sort()).toEqual(['raw', 'resolution']);
		expect(extend?.prompt).toBe(true);
		expect(extend?.source).toEqual({
			via: 'ref_task_id',
			models: ['veo3.1-quality-rev'],
			actions: ['generate'],
		});
		expect(byId.get('veo3.1-lite')?.actions.extend).toBeUndefined();
		expect(byId.get('veo3.1-fast')?.actions.extend).toBeUndefined();
	});

	it('Hailuo takes no aspect ratio, seed or image list; 2.3-fast needs a first frame', () => {
		for (const id of ['minimax-hailuo-02', 'minimax-hailuo-2.3', 'minimax-hailuo-2.3-fast']) {
			const fields = generate(id)?.fields ?? {};
			expect(fields.aspect_ratio).toBeUndefined();
			expect(fields.seed).toBeUndefined();
			expect(fields.image_urls).toBeUndefined();
		}
		expect(generate('minimax-hailuo-2.3-fast')?.fields.first_frame_image?.required).toBe(true);
	});

	it('follow-ups exist only where the note documents them', () => {
		const followUps = CATALOGUE.flatMap((model) =>
			FOLLOW_UPS.filter((action) => model.actions[action]).map((action) => `${model.id} ${action}`),
		).sort();
		expect(followUps).toEqual(
			[
				'veo3.1-fast-rev extend',
				'veo3.1-quality-rev extend',
				'kling-v3-omni edit',
				'kling-video-o1 edit',
				'seedance-2.5 edit',
				'seedance-2.5 extend',
				'wan2.7-videoedit edit',
				'pixverse-v6 extend',
				'minimax-h3-regeneration regenerate',
				'skyreels-v4-fast extend',
				'skyreels-v4-std extend',
				'flux-3-video finalize',
				'grok-imagine-video edit',
				'happyhorse-1.0 edit',
			].sort(),
		);
		expect(generate('wan2.7-videoedit')).toBeUndefined();
		expect(generate('minimax-h3-regeneration')).toBeUndefined();
	});

	it('takes asset:// only on the Seedance 2.x media fields', () => {
		const withAssets = CATALOGUE.filter((model) =>
			actionsOf(model).some(([, rules]) => Object.values(rules.fields).some((rule) => rule.assets)),
		).map((model) => model.id);
		expect(withAssets.sort()).toEqual(
			['seedance-2.0', 'seedance-2.0-fast', 'seedance-2.0-mini', 'seedance-2.5'].sort(),
		);
	});
});
