'use strict';
/**
 * Submit validation: the checks every model gets, and the Sora 2 rules of QingBo's first docs
 * (April 2026). Only sora-2 / sora-2-pro get the Sora rules. Other
 * models are data, accepted with whatever fields they carry, unless the `modelRules` option is on:
 * then the models of today's catalogue (models.js) get their own per-model rules (validateModelRules).
 *
 * Each validator returns either { error: reply } (reply = { status, body }) or { value }.
 */

const { DELISTED, SORA_SUCCESSORS } = require('./models');

const SORA_MODELS = new Set(['sora-2', 'sora-2-pro']);
const ACTIONS = ['generate', 'remix', 'extend'];
const ASPECT_RATIOS = ['16:9', '9:16'];
const DURATIONS = [4, 8, 12, 16, 20];
const RESOLUTIONS = ['720p', '1080p'];
const STRENGTHS = ['Subtle', 'Mild', 'Strong'];
const MAX_CHARACTERS = 2;
const MAX_EXTENSIONS_PER_CHAIN = 6;

function reply(status, code, message, param) {
	const error = { message, code, type: 'invalid_request_error' };
	if (param) error.param = param;
	return { error: { status, body: { error } } };
}
const invalid = (message, param) => reply(400, 'invalid_request', message, param);
const capability = (message, param) => reply(400, 'capability_violation', message, param);

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

function isHttpUrl(value) {
	if (typeof value !== 'string') return false;
	try {
		const u = new URL(value);
		return u.protocol === 'http:' || u.protocol === 'https:';
	} catch {
		return false;
	}
}

/**
 * Checks for any model: body shape, model known and listed, `extra` in latest flavour, callback_url.
 * @param {unknown} body parsed JSON body
 * @param {{models: string[], delistedModels: string[], rejectExtra: boolean}} opts
 */
function validateCommon(body, opts) {
	if (!isObject(body)) return invalid('Request body must be a JSON object');
	if (typeof body.model !== 'string' || body.model === '')
		return invalid('model is required', 'model');
	if (opts.delistedModels.includes(body.model)) {
		const when = DELISTED[body.model];
		const detail = when
			? ` (delisted on ${when}${
					SORA_MODELS.has(body.model) ? `; try ${SORA_SUCCESSORS.join(', ')}` : ''
				})`
			: '';
		return reply(
			400,
			'model_not_available',
			`Model ${body.model} has been delisted upstream and no longer accepts new tasks${detail}`,
			'model',
		);
	}
	if (!opts.models.includes(body.model))
		return reply(404, 'model_not_found', `Model ${body.model} not found`, 'model');
	// Later docs (G3) reject `extra` outright before billing; model fields then live at the body root.
	if (opts.rejectExtra && 'extra' in body) {
		return capability(
			'The extra field is no longer supported; send model fields at the top level of the body',
			'extra',
		);
	}
	if (!opts.rejectExtra && body.extra !== undefined && !isObject(body.extra))
		return invalid('extra must be an object', 'extra');
	if (body.callback_url !== undefined && !isHttpUrl(body.callback_url)) {
		return invalid('callback_url must be an absolute http(s) URL', 'callback_url');
	}
	return { value: true };
}

/**
 * The seed's Sora 2 rules. Model fields (video_id, strength, characters) come from `extra`
 * in the seed flavour, from the body root when `rejectExtra` is on.
 * @param {object} body
 * @param {{rejectExtra: boolean, findTask: (id: string) => ({task: object, status: string} | undefined)}} ctx
 * @returns {{error: object} | {value: object}} value = normalised parameters for the task record
 */
function validateSora(body, ctx) {
	const fields = ctx.rejectExtra ? body : body.extra || {};
	const at = (name) => (ctx.rejectExtra ? name : `extra.${name}`);

	if (typeof body.prompt !== 'string' || body.prompt.trim() === '')
		return invalid('prompt is required', 'prompt');
	const prompt = body.prompt;

	const action = body.action === undefined ? 'generate' : body.action;
	if (!ACTIONS.includes(action))
		return invalid(`action must be one of ${ACTIONS.join(', ')}`, 'action');

	const aspectRatio = body.aspect_ratio === undefined ? '9:16' : body.aspect_ratio;
	if (!ASPECT_RATIOS.includes(aspectRatio))
		return invalid(`aspect_ratio must be one of ${ASPECT_RATIOS.join(', ')}`, 'aspect_ratio');

	if (action === 'extend' && body.duration === undefined)
		return invalid('duration is required for extend', 'duration');
	const duration = body.duration === undefined ? 4 : body.duration;
	if (!DURATIONS.includes(duration))
		return invalid(`duration must be one of ${DURATIONS.join(', ')} (seconds)`, 'duration');

	const resolution = body.resolution === undefined ? '720p' : body.resolution;
	if (!RESOLUTIONS.includes(resolution))
		return invalid(`resolution must be one of ${RESOLUTIONS.join(', ')}`, 'resolution');
	if (resolution === '1080p' && body.model !== 'sora-2-pro') {
		return capability(
			`Model ${body.model} supports 720p only; 1080p needs sora-2-pro`,
			'resolution',
		);
	}

	let imageUrls;
	if (body.image_urls !== undefined) {
		if (!Array.isArray(body.image_urls) || !body.image_urls.every(isHttpUrl)) {
			return invalid('image_urls must be an array of public http(s) URLs', 'image_urls');
		}
		if (body.image_urls.length > 0 && action !== 'generate') {
			return capability(`image_urls is not allowed with action ${action}`, 'image_urls');
		}
		imageUrls = body.image_urls;
	}

	let characters;
	if (fields.characters !== undefined) {
		const param = at('characters');
		if (action !== 'generate')
			return capability(`characters are not allowed with action ${action}`, param);
		if (!Array.isArray(fields.characters)) return invalid('characters must be an array', param);
		if (fields.characters.length > MAX_CHARACTERS)
			return invalid(`At most ${MAX_CHARACTERS} characters are allowed`, param);
		for (const c of fields.characters) {
			if (
				!isObject(c) ||
				typeof c.name !== 'string' ||
				!c.name ||
				typeof c.asset_id !== 'string' ||
				!c.asset_id
			) {
				return invalid('Each character needs a name and an asset_id', param);
			}
			if (!prompt.includes(c.name))
				return invalid(`Character name "${c.name}" must appear in the prompt`, param);
		}
		characters = fields.characters;
	}

	let strength;
	let source;
	if (action === 'remix' || action === 'extend') {
		const param = at('video_id');
		const videoId = fields.video_id;
		if (typeof videoId !== 'string' || videoId === '')
			return invalid(`${param} is required for ${action}`, param);
		source = ctx.findTask(videoId);
		if (!source) return reply(404, 'task_not_found', `Task ${videoId} not found`, param);
		if (source.status !== 'completed') {
			return invalid(
				`Source task ${videoId} is ${source.status}; ${action} needs a completed video`,
				param,
			);
		}
		if (!SORA_MODELS.has(source.task.model))
			return invalid(`Source task ${videoId} is not a Sora video`, param);
		if (action === 'extend' && source.task.extensions >= MAX_EXTENSIONS_PER_CHAIN) {
			return capability(
				`At most ${MAX_EXTENSIONS_PER_CHAIN} extensions per chain (120 s in all)`,
				param,
			);
		}
	}
	if (action === 'remix') {
		strength = fields.strength === undefined ? 'Mild' : fields.strength;
		const ok =
			STRENGTHS.includes(strength) ||
			(typeof strength === 'number' && strength >= 1 && strength <= 8);
		if (!ok)
			return invalid(
				'strength must be Subtle, Mild, Strong or a number from 1 to 8',
				at('strength'),
			);
	}

	return {
		value: {
			action,
			aspectRatio,
			duration,
			resolution,
			imageUrls,
			characters,
			strength,
			sourceTaskId: source ? source.task.id : undefined,
			// An extend continues its source's chain; generate and remix start a new one.
			extensions: action === 'extend' ? source.task.extensions + 1 : 0,
		},
	};
}

// ---- today's per-model rules (modelRules option) --------------------------------------------

/** Fields every model takes besides its own (prompt only where the model declares it). */
const ALWAYS_ACCEPTED = new Set(['model', 'action', 'callback_url', 'callback_events']);

function isMediaUrl(value, assets) {
	if (isHttpUrl(value)) return true;
	return Boolean(assets) && typeof value === 'string' && /^asset:\/\/[^\s/]+$/.test(value);
}

function describeValue(v) {
	if (v === null) return 'null';
	if (Array.isArray(v)) return 'an array';
	if (typeof v === 'string') return `the string ${JSON.stringify(v.slice(0, 40))}`;
	return `a ${typeof v}`;
}

function countProblem(name, list, spec) {
	const n = list.length;
	if (spec.min !== undefined && n < spec.min)
		return `${name} needs at least ${spec.min} item${spec.min === 1 ? '' : 's'}`;
	if (spec.max !== undefined && n > spec.max) return `${name} takes at most ${spec.max} items`;
	return null;
}

/** Why `value` breaks the field spec (see models.js), or null. The real API is strict JSON: no coercion. */
function fieldProblem(name, value, spec, assets) {
	const got = `got ${describeValue(value)}`;
	const media = `public http(s) URL${assets ? ' or asset://<id>' : ''}`;
	switch (spec.type) {
		case 'string':
			if (typeof value !== 'string') return `${name} must be a string, ${got}`;
			if (spec.nonEmpty && value.trim() === '') return `${name} must not be empty`;
			if (spec.maxLength && value.length > spec.maxLength)
				return `${name} must be at most ${spec.maxLength} characters`;
			if (spec.values && !spec.values.includes(value))
				return `${name} must be one of ${spec.values.join(', ')}, ${got}`;
			return null;
		case 'integer': {
			if (typeof value !== 'number' || !Number.isInteger(value))
				return `${name} must be an integer JSON number, ${got}`;
			if (spec.also && spec.also.includes(value)) return null;
			const also = spec.also ? ` (or ${spec.also.join(', ')})` : '';
			if (spec.values && !spec.values.includes(value))
				return `${name} must be one of ${spec.values.join(', ')}${also}, got ${value}`;
			if (
				(spec.min !== undefined && value < spec.min) ||
				(spec.max !== undefined && value > spec.max)
			)
				return `${name} must be from ${spec.min} to ${spec.max}${also}, got ${value}`;
			return null;
		}
		case 'boolean':
			if (typeof value !== 'boolean') return `${name} must be a boolean, ${got}`;
			if (spec.values && !spec.values.includes(value))
				return `${name} must be ${spec.values.join(' or ')}`;
			return null;
		case 'url':
			return isMediaUrl(value, assets) ? null : `${name} must be a ${media}, ${got}`;
		case 'urls':
			if (!Array.isArray(value)) return `${name} must be an array of URLs, ${got}`;
			if (!value.every((v) => isMediaUrl(v, assets)))
				return `Every ${name} entry must be a ${media}`;
			return countProblem(name, value, spec);
		case 'array':
			if (!Array.isArray(value)) return `${name} must be an array, ${got}`;
			return countProblem(name, value, spec);
		case 'object':
			return isObject(value) ? null : `${name} must be an object, ${got}`;
		default:
			throw new Error(`models.js: unknown field type ${spec.type} for ${name}`);
	}
}

/** 400 invalid_ref_task for a ref_task_id that cannot be followed up. */
const badRef = (message) => reply(400, 'invalid_ref_task', message, 'ref_task_id');

/**
 * Check a submit against one model's rules (models.js): action, undeclared fields
 * (capability_violation), JSON types and allowed values, required fields and cross-field rules
 * (invalid_request), then ref_task_id (invalid_ref_task). All 400, before anything is created or billed.
 * @param {object} body
 * @param {object} rules the model's entry in MODEL_RULES
 * @param {{findTask: (id: string) => ({task: object, status: string} | undefined)}} ctx findTask
 *   only sees tasks of the caller's key
 * @returns {{error: object} | {value: object}} value = normalised parameters for the task record
 */
function validateModelRules(body, rules, ctx) {
	const model = rules.id;
	const action = body.action === undefined ? 'generate' : body.action;
	if (typeof action !== 'string') return invalid('action must be a string', 'action');
	const spec = rules.actions[action];
	if (!spec) {
		return capability(
			`Model ${model} does not support action ${action} (supported: ${Object.keys(rules.actions).join(', ')})`,
			'action',
		);
	}
	for (const key of Object.keys(body)) {
		if (ALWAYS_ACCEPTED.has(key) || Object.hasOwn(spec.fields, key)) continue;
		return capability(
			`Parameter ${key} is not supported by model ${model} with action ${action}`,
			key,
		);
	}
	if (
		body.callback_events !== undefined &&
		!(
			Array.isArray(body.callback_events) &&
			body.callback_events.every((e) => typeof e === 'string')
		)
	) {
		return invalid('callback_events must be an array of strings', 'callback_events');
	}
	for (const [key, fieldSpec] of Object.entries(spec.fields)) {
		if (body[key] === undefined) continue;
		const problem = fieldProblem(key, body[key], fieldSpec, rules.assets);
		if (problem) return invalid(problem, key);
	}
	for (const key of spec.required || []) {
		if (body[key] === undefined) return invalid(`${key} is required for ${model} ${action}`, key);
	}
	const eff = {
		model,
		action,
		resolution: body.resolution !== undefined ? body.resolution : rules.defaults.resolution,
		duration: body.duration !== undefined ? body.duration : rules.defaults.duration,
	};
	for (const rule of spec.rules || []) {
		const broken = rule(body, eff);
		if (broken) return invalid(broken[1], broken[0]);
	}

	let source;
	if (spec.ref && body.ref_task_id !== undefined) {
		const id = body.ref_task_id;
		const found = ctx.findTask(id);
		if (!found) return badRef(`Task ${id} not found for this API key`);
		if (found.status !== 'completed')
			return badRef(`Task ${id} is ${found.status}; ${model} ${action} needs a completed task`);
		const src = found.task;
		const wanted = spec.ref.models === 'same' ? [model] : spec.ref.models;
		if (Array.isArray(wanted) && !wanted.includes(src.model)) {
			return badRef(
				`Task ${id} is a ${src.model} task; ${model} ${action} needs a ${wanted.join(' or ')} task`,
			);
		}
		if (spec.ref.action && src.action !== spec.ref.action) {
			return badRef(
				`Task ${id} is a ${src.action} task; ${model} ${action} needs a ${spec.ref.action} task`,
			);
		}
		const srcEff = {
			resolution: src.params ? src.params.resolution : src.body.resolution,
			duration: src.params ? src.params.duration : src.body.duration,
		};
		for (const rule of spec.refRules || []) {
			const broken = rule(eff, srcEff);
			if (broken) {
				return broken[0] === 'ref_task_id' ? badRef(broken[1]) : invalid(broken[1], broken[0]);
			}
		}
		source = src;
	}

	return {
		value: {
			action,
			resolution: eff.resolution,
			duration: body.duration,
			sourceTaskId: source ? source.id : undefined,
			sourceBillSeconds: source ? source.billSeconds : undefined,
			extensions: 0,
		},
	};
}

module.exports = { validateCommon, validateSora, validateModelRules, SORA_MODELS, isHttpUrl };
