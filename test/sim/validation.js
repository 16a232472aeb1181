'use strict';
/**
 * Submit validation: the checks every model gets, and the seed's (April 2026, G1) Sora 2 rules
 * from ../shared/api.md (beside this repository). Only sora-2 / sora-2-pro get the Sora rules; other models are data,
 * accepted with whatever fields they carry.
 *
 * Each validator returns either { error: reply } (reply = { status, body }) or { value }.
 */

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
		return reply(
			400,
			'model_not_available',
			`Model ${body.model} has been delisted upstream and no longer accepts new tasks`,
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

module.exports = { validateCommon, validateSora, SORA_MODELS, isHttpUrl };
