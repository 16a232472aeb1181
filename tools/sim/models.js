'use strict';
/**
 * Today's QingBo video catalogue (from 2026-09-24): per-model submit rules and list prices.
 *
 * Written by hand from QingBo's model pages (the ones docs/models/ cites: fields per model, follow-ups,
 * pricing), apart from the package's catalogue. It deliberately imports nothing from nodes/ or dist/:
 * the simulator is a second, independent reading of the docs, so it can catch the package's mistakes.
 *
 * Each model: { id, family, description, defaults: {resolution, duration}, assets, actions, price }.
 *   actions[name] = { fields, required, rules, ref, refRules }
 *     fields:   every body field the action declares besides model / action / callback_url /
 *               callback_events (those are always accepted). `prompt` is listed where it is taken.
 *     required: fields that must be present.
 *     rules:    cross-field checks (body, eff) => [param, message] | null, where eff holds the
 *               effective { model, action, resolution, duration } (defaults filled in).
 *     ref:      the action takes `ref_task_id`: { models: 'same' | 'any' | [ids], action?, note }.
 *     refRules: checks against the source task (eff, source) => [param, message] | null.
 *   Field specs: { type: 'string' | 'integer' | 'boolean' | 'url' | 'urls' | 'array' | 'object',
 *     values?, min?, max?, also? (extra allowed integers, e.g. 0), maxLength?, nonEmpty? }.
 *   For 'urls' / 'array' min and max count items. Media URLs are http(s); `assets` models also
 *   take asset://<id>.
 *   price = { unit: 'second' | 'clip', rates: {resolution: usd}, audio?, ref?, holdSeconds? }:
 *     rates per second (or per finished clip; a clip rate may be {duration: usd});
 *     `audio` applies when generate_audio is true, `ref` when video_urls is sent;
 *     holdSeconds = seconds reserved when duration is 0 or absent (the model picks the length).
 *     `rates: null` = no amount listed (the default rate is used, and /v1/models omits price_config).
 */

const QUOTA_PER_USD = 500000;
const DEFAULT_USD_PER_SECOND = 0.05;
const DEFAULT_SECONDS = 8;

// ---- field spec builders -------------------------------------------------------------------

const PROMPT = { type: 'string', nonEmpty: true };
const str = (extra = {}) => ({ type: 'string', ...extra });
const oneOf = (...values) => ({ type: 'string', values });
const int = (extra = {}) => ({ type: 'integer', ...extra });
const intIn = (...values) => ({ type: 'integer', values });
const range = (min, max, also) => ({ type: 'integer', min, max, also });
const BOOL = { type: 'boolean' };
const URL_FIELD = { type: 'url' };
const urls = (min, max) => ({ type: 'urls', min, max });
const list = (min, max) => ({ type: 'array', min, max });
const OBJ = { type: 'object' };
const REF_ID = { type: 'string', nonEmpty: true };

const RATIOS_5 = ['16:9', '9:16', '1:1', '4:3', '3:4'];
const has = (b, key) => b[key] !== undefined;
const count = (b, key) => (Array.isArray(b[key]) ? b[key].length : 0);

// ---- shared cross-field rules --------------------------------------------------------------

const lastNeedsFirst = (b) =>
	has(b, 'last_frame_image') && !has(b, 'first_frame_image')
		? ['last_frame_image', 'last_frame_image needs first_frame_image']
		: null;

const notTogether =
	(a, c, why = '') =>
	(b) =>
		has(b, a) && has(b, c) ? [c, `${c} cannot be combined with ${a}${why}`] : null;

const requireOneOf = (keys, message) => (b) =>
	keys.some((k) => has(b, k) && (!Array.isArray(b[k]) || b[k].length > 0))
		? null
		: [keys[0], message];

// ---- families ------------------------------------------------------------------------------

const VEO_OFFICIAL = ['veo3.1-fast', 'veo3.1-quality'];

function veo(id) {
	const official = VEO_OFFICIAL.includes(id);
	const rev = id.endsWith('-rev');
	const resolution = oneOf('720p', '1080p', '4k');
	const fields = {
		prompt: PROMPT,
		duration: official ? intIn(4, 6, 8) : intIn(8),
		resolution,
		aspect_ratio: oneOf('16:9', '9:16'),
	};
	const rules = [];
	if (official) {
		Object.assign(fields, {
			first_frame_image: URL_FIELD,
			last_frame_image: URL_FIELD,
			negative_prompt: str(),
			seed: int(),
			generate_audio: BOOL,
			person_generation: oneOf('allow_adult', 'disallow'),
			resize_mode: oneOf('pad', 'crop'),
		});
		rules.push(lastNeedsFirst, (b, e) =>
			e.resolution !== '720p' && e.duration !== 8
				? ['resolution', `${id}: ${e.resolution} is available only with duration 8`]
				: null,
		);
	} else {
		fields.enable_gif = BOOL;
		rules.push((b, e) =>
			b.enable_gif === true && e.resolution !== '720p'
				? ['enable_gif', 'enable_gif cannot be combined with 1080p or 4k (GIF is 720p only)']
				: null,
		);
	}
	if (rev) {
		const fast = id === 'veo3.1-fast-rev';
		fields.image_urls = urls(1, fast ? 3 : 2);
		fields.generation_type = fast ? oneOf('frame', 'reference') : oneOf('frame');
		rules.push((b) => {
			if (!has(b, 'image_urls')) return null;
			if (!has(b, 'generation_type'))
				return ['generation_type', 'generation_type is required when image_urls is sent'];
			const n = count(b, 'image_urls');
			if (b.generation_type === 'frame' && n > 2)
				return ['image_urls', 'generation_type frame takes 1 or 2 images (first / last frame)'];
			return null;
		});
	}
	const actions = { generate: { fields, required: ['prompt', 'duration'], rules } };
	if (rev) {
		actions.extend = {
			fields: { prompt: PROMPT, ref_task_id: REF_ID, raw: BOOL, resolution },
			required: ['prompt', 'ref_task_id'],
			ref: { models: 'same', action: 'generate' },
			refRules: [
				(e, src) =>
					e.resolution === '4k' && src.resolution !== '4k'
						? ['resolution', 'A 4k extend needs a 4k parent task']
						: null,
			],
		};
	}
	const prices = {
		'veo3.1-fast': {
			unit: 'second',
			rates: { '720p': 0.072, '1080p': 0.09 },
			audio: { '720p': 0.09, '1080p': 0.108 },
		},
		'veo3.1-quality': {
			unit: 'second',
			rates: { '720p': 0.18, '1080p': 0.18 },
			audio: { '720p': 0.36, '1080p': 0.36 },
		},
		'veo3.1-lite': { unit: 'clip', rates: { '720p': 0.07875, '1080p': 0.07875 } },
		'veo3.1-fast-rev': { unit: 'clip', rates: { '720p': 0.1575, '1080p': 0.1575 } },
		'veo3.1-quality-rev': { unit: 'clip', rates: { '720p': 1.125, '1080p': 1.125 } },
	};
	return {
		id,
		family: 'veo',
		description: official
			? 'Veo 3.1 (official route): 4/6/8 s; 1080p and 4k only at 8 s'
			: `Veo 3.1 economy route: fixed 8 s clips${rev ? '; extend via ref_task_id' : ''}`,
		defaults: { resolution: '720p', duration: 8 },
		actions,
		price: prices[id],
	};
}

const KLING_DURATION = {
	'kling-3.0-turbo': range(3, 15),
	'kling-v3': range(3, 15),
	'kling-v3-omni': range(3, 15),
	'kling-v2-6': intIn(5, 10),
	'kling-video-o1': intIn(5, 10),
	'kling-v2-6-motion-control': intIn(0),
	'kling-v3-motion-control': intIn(0),
};
const KLING_PRICES = {
	'kling-v3': {
		rates: { '720p': 0.0756, '1080p': 0.1008 },
		audio: { '720p': 0.1134, '1080p': 0.1512 },
	},
	'kling-v3-omni': {
		rates: { '720p': 0.0756, '1080p': 0.1008 },
		audio: { '720p': 0.1008, '1080p': 0.126 },
		ref: { '720p': 0.1134, '1080p': 0.1512 },
	},
	'kling-3.0-turbo': { rates: { '720p': 0.1287, '1080p': 0.1611 } },
	'kling-v2-6': { rates: { '720p': 0.0378, '1080p': 0.063 }, audio: { '1080p': 0.126 } },
	'kling-video-o1': {
		rates: { '720p': 0.0756, '1080p': 0.1008 },
		ref: { '720p': 0.1134, '1080p': 0.1512 },
	},
	'kling-v2-6-motion-control': { rates: { '720p': 0.063, '1080p': 0.1008 } },
	'kling-v3-motion-control': { rates: { '720p': 0.1134, '1080p': 0.1512 } },
};

function kling(id) {
	const motion = id.endsWith('-motion-control');
	const omniLike = id === 'kling-v3-omni' || id === 'kling-video-o1';
	const v3ish = id === 'kling-v3' || id === 'kling-v3-omni';
	const resolution = v3ish ? oneOf('720p', '1080p', '4k') : oneOf('720p', '1080p');
	const maxImages = motion ? 1 : id === 'kling-3.0-turbo' ? 1 : id === 'kling-v3-omni' ? 7 : 2;
	const fields = {
		prompt: PROMPT,
		n: intIn(1),
		duration: KLING_DURATION[id],
		resolution,
		image_urls: urls(motion ? 1 : 0, maxImages),
	};
	const required = ['prompt', 'duration'];
	const rules = [];
	if (!motion) fields.aspect_ratio = oneOf('16:9', '9:16', '1:1');
	if (id !== 'kling-video-o1') fields.watermark = BOOL;
	if (['kling-v2-6', 'kling-v3', 'kling-v3-omni'].includes(id)) {
		fields.negative_prompt = str();
		fields.generate_audio = BOOL;
	}
	if (v3ish) {
		Object.assign(fields, {
			multi_shot: BOOL,
			shot_type: oneOf('customize', 'intelligence'),
			multi_prompt: list(1, 6),
			element_list: list(0, 3),
		});
		rules.push(
			(b) =>
				b.multi_shot === true && !has(b, 'shot_type')
					? ['shot_type', 'shot_type is required when multi_shot is true']
					: null,
			(b) =>
				has(b, 'multi_prompt') && b.multi_shot !== true
					? ['multi_prompt', 'multi_prompt needs multi_shot: true']
					: null,
		);
	}
	if (omniLike) {
		fields.image_with_roles = list(0, 7);
		fields.video_urls = urls(0, 1);
		rules.push((b) =>
			count(b, 'video_urls') > 0 && count(b, 'image_urls') > 1
				? ['image_urls', 'With video_urls at most 1 image is accepted']
				: null,
		);
	}
	if (motion) {
		fields.video_urls = urls(1, 1);
		fields.character_orientation = oneOf('image', 'video');
		fields.keep_original_sound = oneOf('yes', 'no');
		required.push('image_urls', 'video_urls', 'character_orientation');
	}
	if (id === 'kling-3.0-turbo') rules.push(notTogether('image_urls', 'aspect_ratio'));
	if (id === 'kling-v2-6') {
		rules.push(
			(b, e) =>
				count(b, 'image_urls') === 2 && e.resolution !== '1080p'
					? ['resolution', 'kling-v2-6 with two images (first + last frame) needs 1080p']
					: null,
			(b, e) =>
				b.generate_audio === true && (e.resolution !== '1080p' || count(b, 'image_urls') === 2)
					? ['generate_audio', 'kling-v2-6 audio needs 1080p and no first/last-frame pair']
					: null,
		);
	}
	if (id === 'kling-v3-omni') {
		rules.push((b) =>
			b.generate_audio === true && count(b, 'video_urls') > 0
				? ['generate_audio', 'generate_audio cannot be combined with video_urls']
				: null,
		);
	}
	const actions = { generate: { fields, required, rules } };
	if (omniLike) {
		actions.edit = {
			fields: {
				prompt: PROMPT,
				video_urls: urls(1, 1),
				duration: intIn(0),
				resolution,
				n: intIn(1),
				...(id === 'kling-v3-omni' ? { watermark: BOOL } : {}),
			},
			required: ['prompt', 'video_urls'],
			rules: [],
		};
	}
	return {
		id,
		family: 'kling',
		description: motion
			? 'Kling motion control: one image plus one reference video; duration 0 follows the video'
			: `Kling ${id.replace(/^kling-/, '')}: duration ${
					KLING_DURATION[id].values ? KLING_DURATION[id].values.join(' or ') : '3-15'
				} s${omniLike ? '; edit via video_urls' : ''}`,
		defaults: { resolution: '720p', duration: 5 },
		actions,
		price: { unit: 'second', ...KLING_PRICES[id] },
	};
}

const SEEDANCE_PRICES = {
	'seedance-2.0': {
		rates: { '480p': 0.07, '720p': 0.15, '1080p': 0.37, '4k': 0.78 },
		ref: { '480p': 0.045, '720p': 0.09657, '1080p': 0.24264, '4k': 0.49986 },
	},
	'seedance-2.0-fast': {
		rates: { '480p': 0.0405, '720p': 0.09 },
		ref: { '480p': 0.02664, '720p': 0.05769 },
	},
	'seedance-2.0-mini': {
		rates: { '480p': 0.0144, '720p': 0.0288 },
		ref: { '480p': 0.0072, '720p': 0.01557 },
	},
	'seedance-2.5': {
		rates: { '480p': 0.103, '720p': 0.231, '1080p': 0.409 },
		ref: { '480p': 0.072, '720p': 0.1458, '1080p': 0.25866 },
		holdSeconds: 30,
	},
	'seedance-1.5-pro': { rates: { '480p': 0.0216, '720p': 0.0468, '1080p': 0.116 } },
	'seedance-1.0-pro-fast': { rates: { '480p': 0.009, '720p': 0.02, '1080p': 0.0432 } },
	'seedance-1.0-pro': { rates: null },
};

function seedance(id) {
	const v1 = id.startsWith('seedance-1.0');
	const v2 = id.startsWith('seedance-2.');
	const v25 = id === 'seedance-2.5';
	const v20 = v2 && !v25;
	const duration =
		{
			'seedance-1.0-pro': range(2, 12),
			'seedance-1.0-pro-fast': range(2, 12),
			'seedance-1.5-pro': range(4, 12),
			'seedance-2.5': range(4, 30, [0]),
		}[id] || range(4, 15);
	const resolution =
		id === 'seedance-2.0'
			? oneOf('480p', '720p', '1080p', '4k')
			: id === 'seedance-2.0-fast' || id === 'seedance-2.0-mini'
				? oneOf('480p', '720p')
				: oneOf('480p', '720p', '1080p');
	const ratios = ['16:9', '9:16', '1:1', '4:3', '3:4', '21:9'];
	const aspect_ratio = v2 ? oneOf(...ratios, 'adaptive') : oneOf(...ratios);
	const fields = {
		prompt: PROMPT,
		duration,
		resolution,
		aspect_ratio,
		n: intIn(1),
		seed: int(),
		first_frame_image: URL_FIELD,
		image_with_roles: list(1, v25 ? 30 : 9),
	};
	if (id !== 'seedance-1.0-pro-fast') fields.last_frame_image = URL_FIELD;
	if (!v1) fields.image_urls = urls(1, id === 'seedance-1.5-pro' ? 2 : v25 ? 30 : 9);
	if (!v1) fields.generate_audio = BOOL;
	if (v2) {
		fields.video_urls = urls(1, v25 ? 10 : 3);
		fields.audio_urls = urls(1, v25 ? 10 : 3);
		fields.return_last_frame = BOOL;
		fields.tools = list(1, 1);
	}
	if (id === 'seedance-1.5-pro') fields.camerafixed = BOOL;
	if (v25) {
		fields.watermark = BOOL;
		fields.output_format = oneOf('mp4', 'mov');
		fields.omni_reference_task_type = oneOf('auto', 'reference');
	}
	const rules = [
		lastNeedsFirst,
		(b) =>
			count(b, 'image_urls') > 0 && (has(b, 'first_frame_image') || has(b, 'last_frame_image'))
				? ['image_urls', 'image_urls cannot be combined with first_frame_image / last_frame_image']
				: null,
	];
	if (id === 'seedance-1.5-pro' || v20) rules.push(notTogether('image_urls', 'image_with_roles'));
	if (v2) {
		rules.push((b) =>
			has(b, 'first_frame_image') && has(b, 'aspect_ratio') && b.aspect_ratio !== 'adaptive'
				? ['aspect_ratio', 'With a first frame Seedance 2.x takes aspect_ratio adaptive only']
				: null,
		);
	}
	if (v20) {
		rules.push((b) =>
			count(b, 'audio_urls') > 0 &&
			!count(b, 'image_urls') &&
			!count(b, 'video_urls') &&
			!has(b, 'image_with_roles') &&
			!has(b, 'first_frame_image')
				? ['audio_urls', `${id} rejects audio-only reference requests`]
				: null,
		);
	}
	// The 2.0 tiers take no prompt when reference media carry the request.
	const required = ['duration'];
	if (v20) {
		rules.push((b) =>
			!has(b, 'prompt') &&
			!count(b, 'image_urls') &&
			!count(b, 'video_urls') &&
			!has(b, 'image_with_roles') &&
			!has(b, 'first_frame_image')
				? ['prompt', 'prompt is required unless reference media are sent']
				: null,
		);
	} else required.unshift('prompt');
	const actions = { generate: { fields, required, rules } };
	if (v25) {
		const followUp = (name) => ({
			fields: {
				prompt: PROMPT,
				video_urls: urls(1, 10),
				duration: name === 'edit' ? intIn(0) : range(4, 30, [0]),
				resolution,
				aspect_ratio: oneOf('adaptive'),
				n: intIn(1),
				seed: int(),
				image_urls: urls(1, 30),
				audio_urls: urls(1, 10),
				generate_audio: BOOL,
				return_last_frame: BOOL,
				watermark: BOOL,
				output_format: oneOf('mp4', 'mov'),
			},
			required: ['prompt', 'video_urls', 'duration'],
			rules: [],
		});
		actions.edit = followUp('edit');
		actions.extend = followUp('extend');
	}
	return {
		id,
		family: 'seedance',
		description: `Seedance ${id.replace(/^seedance-/, '')}${
			v25 ? ': 4-30 s or 0 (model picks); edit / extend via video_urls' : ''
		}`,
		defaults: { resolution: v1 ? '1080p' : '720p', duration: 5 },
		assets: v2,
		actions,
		price: { unit: 'second', ...SEEDANCE_PRICES[id] },
	};
}

const WAN_PRICES = {
	'wan2.7': { '720p': 0.09, '1080p': 0.135 },
	'wan2.7-r2v': { '720p': 0.09, '1080p': 0.135 },
	'wan2.7-videoedit': { '720p': 0.09, '1080p': 0.135 },
	'wan3.0-video': { '480p': 0.045, '720p': 0.09, '1080p': 0.18 },
	'wan3.0-video-prime': null,
	'wan2.6': { '1080p': 0.0945 },
	'wan2.6-i2v': { '720p': 0.0747, '1080p': 0.1233 },
	'wan2.6-i2v-flash': { '720p': 0.0225, '1080p': 0.03375 },
	'wan2.5-preview': { '480p': 0.0378, '720p': 0.0747, '1080p': 0.1233 },
};
const WAN_TEMPLATES = [
	'squish',
	'rotation',
	'poke',
	'inflate',
	'dissolve',
	'carousel',
	'singleheart',
	'flying',
	'rose',
	'hug',
	'frenchkiss',
	'coupleheart',
];

function wan(id) {
	const v30 = id.startsWith('wan3.0');
	const i2v = id.startsWith('wan2.6-i2v');
	const common = { prompt: PROMPT, seed: int(), watermark: BOOL };
	if (!v30) {
		common.negative_prompt = str();
		common.prompt_extend = BOOL;
	}
	const hd = oneOf('720p', '1080p');
	const sd = oneOf('480p', '720p', '1080p');
	const ratios = oneOf(...RATIOS_5);
	const withVideoMax10 = (b, e) =>
		count(b, 'video_urls') > 0 && e.duration > 10
			? ['duration', 'With video_urls the duration is at most 10 s']
			: null;
	let fields;
	let required = [];
	const rules = [];
	switch (id) {
		case 'wan2.5-preview':
		case 'wan2.6':
			fields = {
				...common,
				image_urls: urls(1, 1),
				audio_url: URL_FIELD,
				generate_audio: id === 'wan2.5-preview' ? { type: 'boolean', values: [true] } : BOOL,
				resolution: id === 'wan2.5-preview' ? sd : hd,
				duration: id === 'wan2.5-preview' ? intIn(5, 10) : intIn(5, 10, 15),
				aspect_ratio: ratios,
			};
			if (id === 'wan2.6') {
				fields.shot_type = oneOf('single', 'multi');
				fields.template = str();
			}
			rules.push(notTogether('image_urls', 'aspect_ratio', ' (the image sets the ratio)'));
			if (id === 'wan2.5-preview') {
				rules.push((b, e) =>
					e.resolution === '480p' &&
					has(b, 'aspect_ratio') &&
					!['16:9', '9:16', '1:1'].includes(b.aspect_ratio)
						? ['aspect_ratio', '480p takes 16:9, 9:16 or 1:1 only']
						: null,
				);
			}
			break;
		case 'wan2.6-i2v':
		case 'wan2.6-i2v-flash':
			fields = {
				...common,
				image_urls: urls(1, 1),
				resolution: hd,
				duration: range(2, 15),
				shot_type: oneOf('single', 'multi'),
				template: oneOf(...WAN_TEMPLATES),
			};
			if (id === 'wan2.6-i2v-flash') {
				fields.audio_urls = urls(1, 1);
				fields.generate_audio = BOOL;
			}
			required = ['image_urls'];
			rules.push((b) =>
				has(b, 'shot_type') && b.prompt_extend === false
					? ['prompt_extend', 'prompt_extend must be true when shot_type is set']
					: null,
			);
			break;
		case 'wan2.7':
			fields = {
				...common,
				image_urls: urls(1, 2),
				first_frame_image: URL_FIELD,
				last_frame_image: URL_FIELD,
				video_urls: urls(1, 1),
				audio_urls: urls(1, 1),
				resolution: hd,
				duration: range(2, 15),
				aspect_ratio: ratios,
				image_with_roles: list(1, 2),
			};
			rules.push(
				lastNeedsFirst,
				notTogether('image_urls', 'first_frame_image'),
				notTogether('image_urls', 'video_urls'),
				notTogether('image_urls', 'aspect_ratio'),
				notTogether('first_frame_image', 'video_urls'),
				notTogether('first_frame_image', 'aspect_ratio'),
				notTogether('video_urls', 'audio_urls'),
				notTogether('video_urls', 'aspect_ratio'),
				withVideoMax10,
				requireOneOf(
					['prompt', 'image_urls', 'first_frame_image', 'video_urls', 'image_with_roles'],
					'prompt is required when no media are sent',
				),
			);
			break;
		case 'wan2.7-r2v':
			fields = {
				...common,
				image_urls: urls(1, 5),
				first_frame_image: URL_FIELD,
				video_urls: urls(1, 5),
				resolution: hd,
				duration: range(2, 15),
				aspect_ratio: ratios,
				image_with_roles: list(1, 5),
			};
			required = ['prompt'];
			rules.push(
				notTogether('image_urls', 'video_urls', ' (send images or videos, not both)'),
				notTogether('first_frame_image', 'video_urls'),
				notTogether('first_frame_image', 'aspect_ratio'),
				(b) =>
					has(b, 'first_frame_image') && count(b, 'image_urls') > 4
						? ['image_urls', 'With first_frame_image at most 4 image_urls are accepted']
						: null,
				withVideoMax10,
				requireOneOf(
					['image_urls', 'video_urls', 'first_frame_image', 'image_with_roles'],
					'wan2.7-r2v needs reference images or videos',
				),
			);
			break;
		case 'wan2.7-videoedit':
			fields = {
				...common,
				image_urls: urls(1, 4),
				video_urls: urls(1, 1),
				resolution: hd,
				duration: range(2, 10, [0]),
				aspect_ratio: ratios,
				metadata: OBJ,
			};
			required = ['video_urls'];
			break;
		default: // wan3.0-video, wan3.0-video-prime
			fields = {
				...common,
				image_urls: urls(1, 10),
				first_frame_image: URL_FIELD,
				last_frame_image: URL_FIELD,
				video_urls: urls(1, 5),
				audio_urls: urls(1, 5),
				generate_audio: BOOL,
				resolution: sd,
				duration: range(2, 30, [0]),
				aspect_ratio: oneOf(...RATIOS_5, 'adaptive'),
				image_with_roles: list(1, 10),
				generation_type: oneOf('frame', 'reference'),
				file_url: URL_FIELD,
				link_url: URL_FIELD,
			};
			rules.push(
				lastNeedsFirst,
				notTogether('file_url', 'link_url'),
				...['image_urls', 'video_urls', 'audio_urls', 'file_url', 'link_url'].map((k) =>
					notTogether(k, 'first_frame_image'),
				),
				(b, e) =>
					count(b, 'video_urls') > 0 && e.duration > 15
						? ['duration', 'With video_urls the duration is at most 15 s']
						: null,
				(b) =>
					b.generation_type === 'frame' && count(b, 'image_urls') > 2
						? ['image_urls', 'generation_type frame takes 1 or 2 images']
						: null,
				requireOneOf(
					[
						'prompt',
						'image_urls',
						'first_frame_image',
						'video_urls',
						'audio_urls',
						'image_with_roles',
					],
					'prompt is required when no media are sent',
				),
			);
	}
	const action = id === 'wan2.7-videoedit' ? 'edit' : 'generate';
	const rates = WAN_PRICES[id];
	return {
		id,
		family: 'wan',
		description:
			id === 'wan2.7-videoedit'
				? 'Wan 2.7 video edit: action edit with one source clip in video_urls'
				: `Wan ${id.replace(/^wan/, '')}${i2v ? ': image to video (one image)' : ''}`,
		defaults: { resolution: v30 ? '480p' : '720p', duration: 5 },
		actions: { [action]: { fields, required, rules } },
		price: {
			unit: 'second',
			rates,
			...(id === 'wan2.6-i2v-flash' ? { audio: { '720p': 0.045, '1080p': 0.0675 } } : {}),
			...(v30 ? { holdSeconds: 30 } : {}),
		},
	};
}

function pixverse() {
	const common = {
		prompt: { type: 'string', nonEmpty: true, maxLength: 5000 },
		negative_prompt: str({ maxLength: 2048 }),
		duration: range(1, 15),
		resolution: oneOf('360p', '540p', '720p', '1080p'),
		seed: range(0, 2147483647),
		watermark: BOOL,
		generate_audio: BOOL,
		motion_mode: oneOf('normal'),
	};
	return {
		id: 'pixverse-v6',
		family: 'pixverse',
		description:
			'PixVerse V6: 1-15 s, 360p-1080p; extend a finished pixverse-v6 task via ref_task_id',
		defaults: { resolution: '540p', duration: 5 },
		actions: {
			generate: {
				fields: {
					...common,
					aspect_ratio: oneOf('16:9', '4:3', '1:1', '3:4', '9:16', '2:3', '3:2', '21:9'),
					image_urls: urls(1, 10),
					first_frame_image: URL_FIELD,
					last_frame_image: URL_FIELD,
					generate_multi_clip_switch: BOOL,
					img_references: urls(1, 7),
				},
				required: ['prompt'],
				rules: [
					(b) =>
						has(b, 'first_frame_image') !== has(b, 'last_frame_image')
							? [
									has(b, 'first_frame_image') ? 'last_frame_image' : 'first_frame_image',
									'first_frame_image and last_frame_image must be sent together',
								]
							: null,
					(b) =>
						has(b, 'first_frame_image') && has(b, 'duration') && ![5, 8].includes(b.duration)
							? ['duration', 'First/last-frame mode takes duration 5 or 8']
							: null,
				],
			},
			extend: {
				fields: { ...common, ref_task_id: REF_ID },
				required: ['prompt', 'ref_task_id'],
				ref: { models: ['pixverse-v6'] },
			},
		},
		price: {
			unit: 'second',
			rates: { '360p': 0.018, '540p': 0.027, '720p': 0.036, '1080p': 0.072 },
			audio: { '360p': 0.027, '540p': 0.036, '720p': 0.045, '1080p': 0.09 },
		},
	};
}

function hailuo(id) {
	const v02 = id === 'minimax-hailuo-02';
	const fields = {
		prompt: PROMPT,
		duration: v02 ? intIn(5, 10) : intIn(6, 10),
		resolution: v02 ? oneOf('512p', '768p', '1080p') : oneOf('768p', '1080p'),
		first_frame_image: URL_FIELD,
		prompt_optimizer: BOOL,
		fast_pretreatment: BOOL,
		watermark: BOOL,
	};
	const rules = [];
	if (v02) {
		fields.last_frame_image = URL_FIELD;
		rules.push(
			lastNeedsFirst,
			(b, e) =>
				e.resolution === '512p' && !has(b, 'first_frame_image')
					? ['first_frame_image', 'minimax-hailuo-02 at 512p needs first_frame_image']
					: null,
			(b, e) =>
				e.resolution === '1080p' && e.duration !== 5
					? ['duration', 'minimax-hailuo-02 at 1080p takes duration 5 only']
					: null,
		);
	} else {
		rules.push((b, e) =>
			e.resolution === '1080p' && e.duration !== 6
				? ['duration', `${id} at 1080p takes duration 6 only`]
				: null,
		);
	}
	const required = id === 'minimax-hailuo-2.3-fast' ? ['prompt', 'first_frame_image'] : ['prompt'];
	const rates = {
		'minimax-hailuo-2.3': { '768p': 0.0549, '1080p': 0.081 },
		'minimax-hailuo-2.3-fast': { '768p': 0.0279, '1080p': 0.0477 },
		'minimax-hailuo-02': null,
	}[id];
	return {
		id,
		family: 'hailuo',
		description: `Hailuo ${id.replace(/^minimax-hailuo-/, '')}: no aspect_ratio; 1080p at ${v02 ? 5 : 6} s only`,
		defaults: { resolution: '768p', duration: v02 ? 5 : 6 },
		actions: { generate: { fields, required, rules } },
		price: { unit: 'second', rates },
	};
}

function minimaxH3(id) {
	if (id === 'minimax-h3-regeneration') {
		return {
			id,
			family: 'minimax-h3',
			description: 'MiniMax H3 regeneration: action regenerate of a finished 768p minimax-h3 task',
			defaults: { resolution: '2k', duration: 8 },
			actions: {
				regenerate: {
					fields: { ref_task_id: REF_ID },
					required: ['ref_task_id'],
					ref: { models: ['minimax-h3'], action: 'generate' },
					refRules: [
						(e, src) =>
							src.resolution !== '768p'
								? ['ref_task_id', 'minimax-h3-regeneration needs a 768p minimax-h3 source']
								: null,
					],
				},
			},
			price: { unit: 'second', rates: { '2k': 0.045 } },
		};
	}
	const max = id === 'minimax-h3-max';
	const fields = {
		prompt: PROMPT,
		duration: max ? range(5, 15) : range(4, 15),
		resolution: max ? oneOf('480p', '768p', '1080p') : oneOf('768p', '2k'),
		aspect_ratio: oneOf('21:9', '16:9', '4:3', '1:1', '3:4', '9:16'),
		image_urls: urls(1, 9),
		first_frame_image: URL_FIELD,
		last_frame_image: URL_FIELD,
		video_urls: urls(1, 3),
		audio_urls: urls(1, 3),
		watermark: BOOL,
	};
	const rules = [
		lastNeedsFirst,
		...['image_urls', 'video_urls', 'audio_urls'].map((k) => notTogether(k, 'first_frame_image')),
		(b) => {
			if (!count(b, 'audio_urls')) return null;
			const ok = max
				? count(b, 'image_urls') || count(b, 'video_urls') || has(b, 'image_with_roles')
				: count(b, 'image_urls');
			return ok
				? null
				: ['audio_urls', `audio_urls needs a reference image${max ? ' or video' : ''}`];
		},
	];
	if (max) {
		fields.image_with_roles = list(1, 2);
		rules.push(notTogether('image_urls', 'image_with_roles'), (b, e) =>
			b.watermark === true && e.resolution === '1080p'
				? ['watermark', 'watermark is not available at 1080p']
				: null,
		);
	}
	return {
		id,
		family: 'minimax-h3',
		description: max ? 'MiniMax H3 Max: 5-15 s, 480p/768p/1080p' : 'MiniMax H3: 4-15 s, 768p or 2k',
		defaults: { resolution: max ? '768p' : '2k', duration: 8 },
		actions: { generate: { fields, required: ['prompt', 'duration'], rules } },
		price: {
			unit: 'second',
			rates: max ? null : { '768p': 0.072, '2k': 0.117 },
		},
	};
}

function vidu(id) {
	const refModel = id === 'vidu-q3' || id === 'vidu-q3-mix';
	const fields = {
		prompt: str(),
		image_urls: refModel ? urls(1, 7) : urls(0, 2),
		duration: id === 'vidu-q3' ? range(3, 16) : range(1, 16),
		resolution: id === 'vidu-q3-mix' ? oneOf('720p', '1080p') : oneOf('540p', '720p', '1080p'),
		aspect_ratio: oneOf('16:9', '9:16', '4:3', '3:4', '1:1'),
		seed: int(),
	};
	const rules = [];
	if (!refModel) {
		fields.generate_audio = BOOL;
		rules.push((b) =>
			count(b, 'image_urls') > 0 && has(b, 'aspect_ratio')
				? ['aspect_ratio', `${id} takes no aspect_ratio with images (the image sets it)`]
				: null,
		);
	}
	const rates = {
		'vidu-q3': { '540p': 0.045, '720p': 0.09, '1080p': 0.1125 },
		'vidu-q3-mix': { '720p': 0.1125, '1080p': 0.135 },
		'vidu-q3-pro': { '540p': 0.063, '720p': 0.135, '1080p': 0.144 },
		'vidu-q3-turbo': { '540p': 0.036, '720p': 0.054, '1080p': 0.063 },
	}[id];
	return {
		id,
		family: 'vidu',
		description: refModel
			? `Vidu ${id.replace(/^vidu-/, '')}: 1-7 reference images required`
			: `Vidu ${id.replace(/^vidu-/, '')}: text or 1-2 frame images`,
		defaults: { resolution: '720p', duration: 5 },
		actions: { generate: { fields, required: refModel ? ['image_urls'] : [], rules } },
		price: { unit: 'second', rates },
	};
}

function skyreels(id) {
	const fast = id === 'skyreels-v4-fast';
	const base = {
		prompt: PROMPT,
		duration: range(3, 15),
		resolution: oneOf('480p', '720p', '1080p'),
		aspect_ratio: oneOf(...RATIOS_5),
		prompt_optimizer: BOOL,
	};
	const i2v = ['first_frame_image', 'end_frame_image', 'mid_frame_images'];
	const refs = ['ref_images', 'video_urls'];
	return {
		id,
		family: 'skyreels',
		description: `SkyReels V4 ${fast ? 'fast' : 'std'}: 3-15 s; extend a clip via video_urls`,
		defaults: { resolution: '1080p', duration: 5 },
		actions: {
			generate: {
				fields: {
					...base,
					first_frame_image: URL_FIELD,
					end_frame_image: URL_FIELD,
					mid_frame_images: list(1, 6),
					ref_images: list(1, 10),
					video_urls: urls(1, 1),
				},
				required: ['prompt'],
				rules: [
					(b) => {
						const a = i2v.find((k) => has(b, k));
						const r = refs.find((k) => has(b, k));
						return a && r
							? [r, `${r} cannot be combined with ${a} (I2V and reference modes)`]
							: null;
					},
					(b) =>
						count(b, 'video_urls') > 0 &&
						typeof b.prompt === 'string' &&
						!b.prompt.includes('@video_1')
							? ['prompt', 'With video_urls the prompt must cite @video_1']
							: null,
				],
			},
			extend: {
				fields: { ...base, video_urls: urls(1, 1) },
				required: ['prompt', 'video_urls'],
			},
		},
		price: {
			unit: 'second',
			rates: fast
				? { '480p': 0.072, '720p': 0.099, '1080p': 0.2475 }
				: { '480p': 0.099, '720p': 0.126, '1080p': 0.315 },
			ref: fast
				? { '480p': 0.135, '720p': 0.18, '1080p': 0.45 }
				: { '480p': 0.162, '720p': 0.225, '1080p': 0.5625 },
		},
	};
}

function flux(id) {
	const draft = id === 'flux-3-video-draft';
	const resolution = draft ? oneOf('hd') : oneOf('hd', 'fhd');
	const actions = {
		generate: {
			fields: {
				prompt: PROMPT,
				image_urls: urls(1, 10),
				video_urls: urls(1, 1),
				resolution,
				duration: range(5, 20),
				aspect_ratio: oneOf('21:9', '2:1', '16:9', '4:3', '1:1', '3:4', '9:16', 'auto'),
				generate_audio: BOOL,
				safety_tolerance: range(0, 4),
			},
			required: ['prompt'],
			rules: [notTogether('image_urls', 'video_urls')],
		},
	};
	if (!draft) {
		actions.finalize = {
			// aspect_ratio and generate_audio are accepted but have no effect (FLUX).
			fields: { ref_task_id: REF_ID, resolution, aspect_ratio: str(), generate_audio: BOOL },
			required: ['ref_task_id'],
			ref: { models: ['flux-3-video-draft'] },
		};
	}
	return {
		id,
		family: 'flux',
		description: draft
			? 'FLUX 3 Video draft: hd, 5-20 s; finalize it with flux-3-video'
			: 'FLUX 3 Video: hd or fhd, 5-20 s; finalize a flux-3-video-draft task via ref_task_id',
		defaults: { resolution: 'hd', duration: 5 },
		actions,
		price: {
			unit: 'second',
			rates: null,
			ref: draft ? { hd: 0.108 } : { hd: 0.369, fhd: 0.477 },
		},
	};
}

function grok(id) {
	const base = id === 'grok-imagine-video';
	const rev = id === 'grok-imagine-video-1.5-rev';
	const resolution =
		id === 'grok-imagine-video-1.5' ? oneOf('480p', '720p', '1080p') : oneOf('480p', '720p');
	const rules = [];
	if (id === 'grok-imagine-video-1.5') {
		rules.push((b) =>
			count(b, 'image_urls') > 1 && (!has(b, 'aspect_ratio') || b.aspect_ratio === 'auto')
				? ['aspect_ratio', 'Several reference images need an explicit aspect_ratio (not auto)']
				: null,
		);
	}
	const actions = {
		generate: {
			fields: {
				prompt: PROMPT,
				duration: rev ? range(6, 15) : range(1, 15),
				resolution,
				aspect_ratio: str(),
				image_urls: urls(1, rev ? 7 : 10),
			},
			required: ['prompt'],
			rules,
		},
	};
	if (base) {
		actions.edit = {
			fields: { prompt: PROMPT, video_urls: urls(1, 1), duration: intIn(0) },
			required: ['prompt', 'video_urls'],
		};
	}
	const rates = {
		'grok-imagine-video': { '480p': 0.045, '720p': 0.063 },
		'grok-imagine-video-1.5': { '480p': 0.072, '720p': 0.126, '1080p': 0.225 },
		'grok-imagine-video-1.5-rev': { '480p': 0.01148, '720p': 0.02151 },
	}[id];
	return {
		id,
		family: 'grok',
		description: `Grok Imagine Video${id.slice('grok-imagine-video'.length).replace('-', ' ')}${
			base ? '; edit via video_urls' : ''
		}`,
		defaults: { resolution: '480p', duration: 6 },
		actions,
		price: { unit: 'second', rates, holdSeconds: 15 },
	};
}

function happyhorse(id) {
	const v10 = id === 'happyhorse-1.0';
	const common = {
		prompt: PROMPT,
		resolution: oneOf('720p', '1080p'),
		aspect_ratio: oneOf(...RATIOS_5),
		seed: int(),
		watermark: BOOL,
	};
	const actions = {
		generate: {
			fields: {
				...common,
				duration: range(3, 15),
				image_urls: urls(1, 10),
				first_frame_image: URL_FIELD,
			},
			required: ['prompt'],
		},
	};
	if (v10) {
		actions.edit = {
			fields: {
				...common,
				video_urls: urls(1, 1),
				duration: range(3, 15, [0]),
				audio_setting: oneOf('auto', 'origin'),
			},
			required: ['prompt', 'video_urls'],
		};
	}
	return {
		id,
		family: 'happyhorse',
		description: `HappyHorse ${id.replace(/^happyhorse-/, '')}: 720p/1080p, 3-15 s${v10 ? '; edit via video_urls' : ''}`,
		defaults: { resolution: '720p', duration: 5 },
		actions,
		price: {
			unit: 'second',
			rates: v10 ? { '720p': 0.14625, '1080p': 0.25875 } : { '720p': 0.14625, '1080p': 0.1935 },
		},
	};
}

function omni(id) {
	if (id === 'omni-flash-ext') {
		return {
			id,
			family: 'omni',
			description: 'Omni-Flash-Ext: 4/6/8/10 s clips; image_urls need generation_type',
			defaults: { resolution: '720p', duration: 6 },
			actions: {
				generate: {
					fields: {
						prompt: PROMPT,
						duration: intIn(4, 6, 8, 10),
						resolution: oneOf('360p', '720p', '1080p', '4k'),
						aspect_ratio: oneOf('16:9', '9:16'),
						image_urls: urls(1, 3),
						generation_type: oneOf('frame', 'reference'),
						video_urls: urls(1, 1),
					},
					required: ['prompt'],
					rules: [
						notTogether('video_urls', 'duration'),
						(b) => {
							if (!has(b, 'image_urls')) return null;
							if (!has(b, 'generation_type'))
								return ['generation_type', 'generation_type is required when image_urls is sent'];
							const n = count(b, 'image_urls');
							if (b.generation_type === 'frame' && n !== 1)
								return ['image_urls', 'generation_type frame takes exactly 1 image'];
							if (b.generation_type === 'reference' && n !== 1 && n !== 3)
								return ['image_urls', 'generation_type reference takes 1 or 3 images'];
							return null;
						},
					],
				},
			},
			price: {
				unit: 'clip',
				rates: {
					'360p': { 4: 0.16875, 6: 0.19687, 8: 0.225, 10: 0.25312 },
					'720p': { 4: 0.28125, 6: 0.3375, 8: 0.39375, 10: 0.45 },
				},
			},
		};
	}
	const preview = id === 'gemini-omni-flash-preview';
	const fields = {
		prompt: PROMPT,
		duration: intIn(0),
		resolution: preview ? oneOf('720p') : oneOf('360p', '720p', '1080p', '4k'),
		aspect_ratio: oneOf('16:9', '9:16'),
		image_urls: urls(1, preview ? 16 : 10),
		video_urls: urls(1, 1),
		ref_task_id: REF_ID,
	};
	if (!preview) {
		Object.assign(fields, {
			first_frame_image: URL_FIELD,
			last_frame_image: URL_FIELD,
			image_with_roles: list(1, 10),
			metadata: OBJ,
		});
	}
	return {
		id,
		family: 'omni',
		description: `Gemini Omni ${preview ? 'Flash preview' : '1.1 Flash'}: the model picks 3-10 s; follow-ups via ref_task_id`,
		defaults: { resolution: '720p', duration: 0 },
		actions: {
			generate: {
				fields,
				required: ['prompt'],
				rules: [lastNeedsFirst, notTogether('ref_task_id', 'video_urls')],
				ref: { models: 'any' },
			},
		},
		price: {
			unit: 'second',
			rates: preview
				? { '720p': 0.099 }
				: { '360p': 0.0333, '720p': 0.099, '1080p': 0.1485, '4k': 0.297 },
			holdSeconds: 10,
		},
	};
}

// ---- the table -----------------------------------------------------------------------------

const IDS = {
	veo: ['veo3.1-fast', 'veo3.1-quality', 'veo3.1-lite', 'veo3.1-fast-rev', 'veo3.1-quality-rev'],
	kling: Object.keys(KLING_DURATION),
	seedance: Object.keys(SEEDANCE_PRICES),
	wan: Object.keys(WAN_PRICES),
	pixverse: ['pixverse-v6'],
	hailuo: ['minimax-hailuo-02', 'minimax-hailuo-2.3', 'minimax-hailuo-2.3-fast'],
	h3: ['minimax-h3', 'minimax-h3-max', 'minimax-h3-regeneration'],
	vidu: ['vidu-q3', 'vidu-q3-mix', 'vidu-q3-pro', 'vidu-q3-turbo'],
	skyreels: ['skyreels-v4-fast', 'skyreels-v4-std'],
	flux: ['flux-3-video', 'flux-3-video-draft'],
	grok: ['grok-imagine-video', 'grok-imagine-video-1.5', 'grok-imagine-video-1.5-rev'],
	happyhorse: ['happyhorse-1.0', 'happyhorse-1.1'],
	omni: ['omni-flash-ext', 'gemini-omni-1.1-flash', 'gemini-omni-flash-preview'],
};
const BUILDERS = {
	veo,
	kling,
	seedance,
	wan,
	pixverse,
	hailuo,
	h3: minimaxH3,
	vidu,
	skyreels,
	flux,
	grok,
	happyhorse,
	omni,
};

/** id -> model rules, for every model of today's catalogue (Sora excluded: it is delisted). */
const MODEL_RULES = {};
for (const [family, ids] of Object.entries(IDS)) {
	for (const id of ids) MODEL_RULES[id] = BUILDERS[family](id);
}

/** The models `flavour: 'today'` lists and accepts by default. */
const TODAY_MODELS = Object.keys(MODEL_RULES);

/** Models retired upstream, with the date (used in model_not_available messages). */
const DELISTED = { 'sora-2': '2026-09-24', 'sora-2-pro': '2026-09-24' };
const SORA_SUCCESSORS = ['veo3.1-fast', 'veo3.1-quality', 'kling-v3', 'seedance-2.0'];

/** Sora 2 list prices (the docs' price list before 2026-09-24) so the seed / latest flavours keep their figures. */
const SORA_PRICES = {
	'sora-2': {
		unit: 'second',
		rates: { '720p': 0.09 },
		defaults: { resolution: '720p', duration: 4 },
	},
	'sora-2-pro': {
		unit: 'second',
		rates: { '720p': 0.27, '1080p': 0.63 },
		defaults: { resolution: '720p', duration: 4 },
	},
};

// ---- pricing -------------------------------------------------------------------------------

function priceSpecOf(modelId) {
	if (SORA_PRICES[modelId]) return SORA_PRICES[modelId];
	const m = MODEL_RULES[modelId];
	return m ? { ...m.price, defaults: m.defaults } : null;
}

/** The rate for `resolution` in a rate table; unlisted resolutions take the dearest listed rate. */
function rateFor(table, resolution, fallbackResolution) {
	if (!table) return null;
	const key = resolution !== undefined ? resolution : fallbackResolution;
	if (typeof key === 'string' && table[key] !== undefined) return table[key];
	const all = Object.values(table);
	if (!all.length) return null;
	return all.reduce((a, b) => (clipMax(a) >= clipMax(b) ? a : b));
}
const clipMax = (r) => (typeof r === 'number' ? r : Math.max(...Object.values(r)));

/**
 * The USD price of one submit.
 * @param {string} modelId
 * @param {object} body the submitted body (values may be anything in the flavours without modelRules)
 * @param {{overrides?: object, sourceSeconds?: number}} [ctx] overrides = the `prices` option;
 *   sourceSeconds = billed seconds of the ref_task_id source (used when the body has no duration)
 */
function priceUsd(modelId, body, { overrides = {}, sourceSeconds } = {}) {
	if (typeof overrides[modelId] === 'number') return overrides[modelId];
	const spec = priceSpecOf(modelId);
	const resolution = typeof body.resolution === 'string' ? body.resolution : undefined;
	const seconds = billedSeconds(modelId, body, sourceSeconds);
	if (!spec) return DEFAULT_USD_PER_SECOND * seconds;
	const def = spec.defaults.resolution;
	let table = spec.rates;
	if (Array.isArray(body.video_urls) && body.video_urls.length > 0 && spec.ref) table = spec.ref;
	else if (body.generate_audio === true && spec.audio) table = { ...spec.rates, ...spec.audio };
	const rate = rateFor(table, resolution, def);
	if (rate === null) return DEFAULT_USD_PER_SECOND * seconds;
	if (spec.unit === 'clip') {
		if (typeof rate === 'number') return rate;
		return rate[seconds] !== undefined ? rate[seconds] : clipMax(rate);
	}
	return rate * seconds;
}

/** Seconds a submit is billed for: its duration, else the source's, else the model's hold or default. */
function billedSeconds(modelId, body, sourceSeconds) {
	if (typeof body.duration === 'number' && Number.isFinite(body.duration) && body.duration > 0)
		return body.duration;
	if (sourceSeconds > 0) return sourceSeconds;
	const spec = priceSpecOf(modelId);
	if (!spec) return DEFAULT_SECONDS;
	if (spec.holdSeconds) return spec.holdSeconds;
	return spec.defaults.duration > 0 ? spec.defaults.duration : DEFAULT_SECONDS;
}

const usdToQuota = (usd) => Math.round(usd * QUOTA_PER_USD);
const quotaToUsd = (quota) => Math.round((quota / QUOTA_PER_USD) * 1e6) / 1e6;

/** `price_config.video_prices` for GET /v1/models: base rates keyed by resolution (null when none listed). */
function videoPrices(modelId) {
	const spec = priceSpecOf(modelId);
	if (!spec || !spec.rates) return null;
	const out = {};
	for (const [res, rate] of Object.entries(spec.rates)) {
		out[res] =
			typeof rate === 'number'
				? rate
				: rate[spec.defaults.duration] !== undefined
					? rate[spec.defaults.duration]
					: clipMax(rate);
	}
	return out;
}

function describe(modelId) {
	const m = MODEL_RULES[modelId];
	if (m) return m.description;
	if (SORA_PRICES[modelId]) return `Sora 2 (${modelId})`;
	return `Video model ${modelId}`;
}

module.exports = {
	MODEL_RULES,
	TODAY_MODELS,
	DELISTED,
	SORA_SUCCESSORS,
	QUOTA_PER_USD,
	DEFAULT_USD_PER_SECOND,
	priceUsd,
	billedSeconds,
	usdToQuota,
	quotaToUsd,
	videoPrices,
	describe,
};
