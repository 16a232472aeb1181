/**
 * Every current QingBo video model's rules, as plain data (see types.ts). The only source is the research
 * note notes/qingbo-video-models.md (§3 fields and rules, §4 follow-ups, §6.2 listed amounts); each entry's
 * `source` names the note's source keys. Where the note marks a thing as inference or leaves it open, the
 * field is declared and the rule is left out, so the API (400, not billed) has the last word.
 */
import type { ActionRules, CrossRule, FieldRule, FieldValue, ModelRules, Pricing } from './types';

// ---------------------------------------------------------------------------------------------------------
// Small builders, so each entry reads as a table of fields.

type More = Partial<FieldRule>;

const str = (note: string, more: More = {}): FieldRule => ({ kind: 'string', ...more, note });
const choice = (values: string[], note: string, more: More = {}): FieldRule => ({
	kind: 'string',
	values,
	...more,
	note,
});
const int = (note: string, more: More = {}): FieldRule => ({ kind: 'integer', ...more, note });
const bool = (note: string, more: More = {}): FieldRule => ({ kind: 'boolean', ...more, note });
const url = (note: string, more: More = {}): FieldRule => ({ kind: 'url', ...more, note });
const urls = (note: string, more: More = {}): FieldRule => ({ kind: 'urlList', ...more, note });
const list = (note: string, more: More = {}): FieldRule => ({ kind: 'array', ...more, note });
const obj = (note: string, more: More = {}): FieldRule => ({ kind: 'object', ...more, note });

/** A clip length in seconds from a list of allowed values. */
const secondsIn = (values: number[], note: string, more: More = {}): FieldRule => ({
	kind: 'integer',
	values,
	unit: 's',
	...more,
	note,
});
/** A clip length in seconds from an inclusive range. */
const secondsFrom = (min: number, max: number, note: string, more: More = {}): FieldRule => ({
	kind: 'integer',
	min,
	max,
	unit: 's',
	...more,
	note,
});

/** The integers from..to, for enums with a gap (e.g. `0` or `4`–`30`). */
function span(from: number, to: number): number[] {
	return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

const requires = (field: string, needs: string, why: string): CrossRule => ({
	kind: 'requires',
	field,
	needs,
	why,
});
const excludes = (fields: string[], why: string): CrossRule => ({ kind: 'excludes', fields, why });
const anyOf = (fields: string[], why: string): CrossRule => ({ kind: 'anyOf', fields, why });
const when = (
	field: string,
	is: { in?: FieldValue[]; present?: boolean; moreThan?: number },
	then: { field: string; in?: FieldValue[]; present?: boolean },
	why: string,
): CrossRule => ({ kind: 'when', if: { field, ...is }, then, why });

/** One `excludes` rule per pair across two groups (e.g. SkyReels: frame fields vs reference fields). */
function exclusivePairs(left: string[], right: string[], why: string): CrossRule[] {
	return left.flatMap((a) => right.map((b) => excludes([a, b], why)));
}

const perSecond = (usd: Record<string, number>, more: Partial<Pricing> = {}): Pricing => ({
	per: 'second',
	usd,
	...more,
});
const perClip = (usd: Record<string, number>, more: Partial<Pricing> = {}): Pricing => ({
	per: 'clip',
	usd,
	...more,
});

const PRC = 'PRC @8a19348';

// Fields and rules shared across families.
const SEED = int('Random seed for repeatable results');
const WATERMARK = bool('Add a watermark');
const WATERMARK_OFF = bool('Add a watermark', { default: false });
const NEGATIVE_PROMPT = str('What to keep out of the clip');
const N_ONE = int('Number of videos; 1 only', { values: [1], default: 1 });
const RATIOS_5 = ['16:9', '9:16', '1:1', '4:3', '3:4'];
const RATIOS_6 = [...RATIOS_5, '21:9'];
const LAST_NEEDS_FIRST = requires(
	'last_frame_image',
	'first_frame_image',
	'A last frame needs a first frame: add First Frame Image or remove Last Frame Image.',
);

// ---------------------------------------------------------------------------------------------------------
// Veo 3.1: official route (fast, quality) and economy route (lite, fast-rev, quality-rev; extend on -rev).

const VEO_RESOLUTION = choice(['720p', '1080p', '4k'], 'Output resolution', { default: '720p' });
const VEO_RATIO = choice(['16:9', '9:16'], 'Frame shape', { default: '16:9' });

const VEO_OFFICIAL: ActionRules = {
	prompt: true,
	fields: {
		duration: secondsIn([4, 6, 8], 'Clip length; 1080p and 4k take 8 s only', { required: true }),
		resolution: VEO_RESOLUTION,
		aspect_ratio: VEO_RATIO,
		first_frame_image: url('Image the clip starts from'),
		last_frame_image: url('Image the clip ends on; needs a first frame'),
		negative_prompt: NEGATIVE_PROMPT,
		seed: SEED,
		generate_audio: bool('Add generated audio (audio price tier)', { default: false }),
		person_generation: choice(['allow_adult', 'disallow'], 'Whether people may appear'),
		resize_mode: choice(['pad', 'crop'], 'How a frame of another ratio is fitted'),
	},
	rules: [
		when(
			'resolution',
			{ in: ['1080p', '4k'] },
			{ field: 'duration', in: [8] },
			'Veo 3.1 (official) makes 1080p and 4k clips at 8 s only: set Duration to 8 or Resolution to 720p.',
		),
		LAST_NEEDS_FIRST,
	],
};

const VEO_GIF_RULE = when(
	'resolution',
	{ in: ['1080p', '4k'] },
	{ field: 'enable_gif', in: [false] },
	'A GIF is made at 720p only: turn off Enable GIF or set Resolution to 720p.',
);

/** Economy generate; `images` is absent on lite, which takes no images. */
function veoEconomy(images?: { maxItems: number; types: string[] }): ActionRules {
	const fields: Record<string, FieldRule> = {
		duration: secondsIn([8], 'Clip length; the economy route makes 8 s clips', { required: true }),
		resolution: VEO_RESOLUTION,
		aspect_ratio: VEO_RATIO,
		enable_gif: bool('Also return a GIF (720p only)', { default: false }),
	};
	const rules: CrossRule[] = [VEO_GIF_RULE];
	if (images) {
		fields.image_urls = urls('Frames (first, last) or reference images, per Generation Type', {
			minItems: 1,
			maxItems: images.maxItems,
		});
		fields.generation_type = choice(images.types, 'How the images are used; needed with images');
		rules.push(
			requires(
				'image_urls',
				'generation_type',
				'Images need a Generation Type: set it to frame (first/last frame) or reference.',
			),
		);
		if (images.types.includes('reference') && images.maxItems > 2) {
			rules.push(
				when(
					'image_urls',
					{ moreThan: 2 },
					{ field: 'generation_type', in: ['reference'] },
					'Frame mode takes 1 or 2 images (first, last): use at most 2 or set Generation Type to reference.',
				),
			);
		}
	}
	return { prompt: true, fields, rules };
}

/** Economy extend: continues a finished generate task of the same model. */
const veoExtend = (id: string): ActionRules => ({
	prompt: true,
	fields: {
		raw: bool('true returns only the new segment, false the joined clip', { default: false }),
		resolution: choice(['720p', '1080p', '4k'], 'Output resolution; 4k needs a 4k source', {
			default: '720p',
		}),
	},
	source: { via: 'ref_task_id', models: [id], actions: ['generate'] },
});

const VEO_SOURCE = `VEO @7a9d5f1, ${PRC}`;

const VEO: ModelRules[] = [
	{
		id: 'veo3.1-fast',
		family: 'Veo',
		description: 'Google Veo 3.1 Fast, official route: 4/6/8 s, up to 4k, optional audio',
		actions: { generate: VEO_OFFICIAL },
		pricing: perSecond({ '720p': 0.072, '1080p': 0.09 }, { defaultResolution: '720p' }),
		source: VEO_SOURCE,
	},
	{
		id: 'veo3.1-quality',
		family: 'Veo',
		description: 'Google Veo 3.1 Quality, official route: 4/6/8 s, up to 4k, optional audio',
		actions: { generate: VEO_OFFICIAL },
		pricing: perSecond({ '720p': 0.18, '1080p': 0.18 }, { defaultResolution: '720p' }),
		source: VEO_SOURCE,
	},
	{
		id: 'veo3.1-lite',
		family: 'Veo',
		description:
			'Veo 3.1 economy tier (not Google Veo 3.1 Lite): 8 s text-to-video, priced per clip',
		actions: { generate: veoEconomy() },
		pricing: perClip({ '720p': 0.07875, '1080p': 0.07875 }, { defaultResolution: '720p' }),
		source: VEO_SOURCE,
	},
	{
		id: 'veo3.1-fast-rev',
		family: 'Veo',
		description: 'Veo 3.1 Fast, economy route: 8 s, frames or up to 3 references, extend',
		actions: {
			generate: veoEconomy({ maxItems: 3, types: ['frame', 'reference'] }),
			extend: veoExtend('veo3.1-fast-rev'),
		},
		pricing: perClip({ '720p': 0.1575, '1080p': 0.1575 }, { defaultResolution: '720p' }),
		source: VEO_SOURCE,
	},
	{
		id: 'veo3.1-quality-rev',
		family: 'Veo',
		description: 'Veo 3.1 Quality, economy route: 8 s, first/last frames, extend',
		actions: {
			generate: veoEconomy({ maxItems: 2, types: ['frame'] }),
			extend: veoExtend('veo3.1-quality-rev'),
		},
		pricing: perClip({ '720p': 1.125, '1080p': 1.125 }, { defaultResolution: '720p' }),
		source: VEO_SOURCE,
	},
];

// ---------------------------------------------------------------------------------------------------------
// Kling: seven models; edit (source video in video_urls) on v3-omni and video-o1.

const KLING_RES = choice(['720p', '1080p'], 'Output resolution', { default: '720p' });
const KLING_RES_4K = choice(['720p', '1080p', '4k'], 'Output resolution', { default: '720p' });
const KLING_RATIO = choice(['16:9', '9:16', '1:1'], 'Frame shape; follows the input image if any');
const KLING_AUDIO = bool('Add generated audio (audio price tier)', { default: false });
const KLING_ROLES = list('Images with a role: first_frame, last_frame or reference');
const KLING_DURATION_3_15 = secondsFrom(3, 15, 'Clip length', { required: true });
const KLING_DURATION_5_10 = secondsIn([5, 10], 'Clip length', { required: true });

/** Multi-shot fields of kling-v3 and kling-v3-omni. */
const KLING_SHOTS: Record<string, FieldRule> = {
	multi_shot: bool('Make several shots in one clip', { default: false }),
	shot_type: choice(['customize', 'intelligence'], 'How shots are planned; needed with Multi Shot'),
	multi_prompt: list('Shots as {index, prompt, duration}; durations add up to Duration', {
		minItems: 1,
		maxItems: 6,
	}),
	element_list: list('Subjects as {name, description, element_input_urls}, cited as @name', {
		maxItems: 3,
	}),
};
const KLING_SHOT_RULES: CrossRule[] = [
	when(
		'multi_shot',
		{ in: [true] },
		{ field: 'shot_type', present: true },
		'Multi Shot needs a Shot Type: set it to customize or intelligence.',
	),
	when(
		'multi_prompt',
		{ present: true },
		{ field: 'multi_shot', in: [true] },
		'Multi Prompt needs Multi Shot turned on.',
	),
];

/** Kling edit: rework the source clip (its URL goes in video_urls); the length follows the source. */
const klingEdit = (extra: Record<string, FieldRule>): ActionRules => ({
	prompt: true,
	fields: {
		video_urls: urls('Source clip to edit, 3–10 s', { required: true, minItems: 1, maxItems: 1 }),
		duration: secondsIn([0], '0 = the source clip length', { required: true }),
		n: N_ONE,
		...extra,
	},
	source: { via: 'video_urls' },
});

/** The two motion-control models differ only in price. */
const KLING_MOTION: ActionRules = {
	prompt: true,
	fields: {
		duration: secondsIn([0], '0 = the reference video length', { required: true }),
		resolution: KLING_RES,
		image_urls: urls('The character image (exactly 1)', {
			required: true,
			minItems: 1,
			maxItems: 1,
		}),
		video_urls: urls('The motion reference video (1 clip, 3–30 s by orientation)', {
			required: true,
			minItems: 1,
			maxItems: 1,
		}),
		character_orientation: choice(
			['image', 'video'],
			'Follow the image (video 3–10 s) or the video (3–30 s)',
			{ required: true },
		),
		keep_original_sound: choice(['yes', 'no'], "Keep the reference video's sound", {
			default: 'yes',
		}),
		watermark: WATERMARK,
		n: N_ONE,
	},
};

const KLING_SOURCE = `KLING @7a9d5f1, ${PRC}`;
const KLING_OMNI_ONE_IMAGE_WITH_VIDEO = when(
	'image_urls',
	{ moreThan: 1 },
	{ field: 'video_urls', present: false },
	'With a reference video Kling takes at most 1 image: remove images or the video.',
);

const KLING: ModelRules[] = [
	{
		id: 'kling-3.0-turbo',
		family: 'Kling',
		description: 'Kling 3.0 Turbo: 3–15 s, text or first-frame to video',
		actions: {
			generate: {
				prompt: true,
				fields: {
					duration: KLING_DURATION_3_15,
					resolution: KLING_RES,
					aspect_ratio: KLING_RATIO,
					image_urls: urls('First frame (1 image)', { maxItems: 1 }),
					watermark: WATERMARK,
					n: N_ONE,
				},
				rules: [
					excludes(
						['image_urls', 'aspect_ratio'],
						'Kling 3.0 Turbo takes the ratio from the image: remove Aspect Ratio or the image.',
					),
				],
			},
		},
		pricing: perSecond({ '720p': 0.1287, '1080p': 0.1611 }, { defaultResolution: '720p' }),
		source: KLING_SOURCE,
	},
	{
		id: 'kling-v2-6',
		family: 'Kling',
		description: 'Kling 2.6: 5 or 10 s, first/last frames (1080p), audio at 1080p',
		actions: {
			generate: {
				prompt: true,
				fields: {
					duration: KLING_DURATION_5_10,
					resolution: KLING_RES,
					aspect_ratio: KLING_RATIO,
					image_urls: urls('First frame, or first and last frames', { maxItems: 2 }),
					negative_prompt: NEGATIVE_PROMPT,
					generate_audio: KLING_AUDIO,
					watermark: WATERMARK,
					n: N_ONE,
				},
				rules: [
					when(
						'image_urls',
						{ moreThan: 1 },
						{ field: 'resolution', in: ['1080p'] },
						'Kling 2.6 takes first and last frames at 1080p only: set Resolution to 1080p or send one image.',
					),
					when(
						'generate_audio',
						{ in: [true] },
						{ field: 'resolution', in: ['1080p'] },
						'Kling 2.6 adds audio at 1080p only: set Resolution to 1080p or turn off Generate Audio.',
					),
					when(
						'image_urls',
						{ moreThan: 1 },
						{ field: 'generate_audio', in: [false] },
						'Kling 2.6 adds no audio with first and last frames: turn off Generate Audio or send one image.',
					),
				],
			},
		},
		pricing: perSecond({ '720p': 0.0378, '1080p': 0.063 }, { defaultResolution: '720p' }),
		source: KLING_SOURCE,
	},
	{
		id: 'kling-v3',
		family: 'Kling',
		description: 'Kling 3: 3–15 s, up to 4k, frames, audio, multi-shot',
		actions: {
			generate: {
				prompt: true,
				fields: {
					duration: KLING_DURATION_3_15,
					resolution: KLING_RES_4K,
					aspect_ratio: KLING_RATIO,
					image_urls: urls('First frame, or first and last frames', { maxItems: 2 }),
					negative_prompt: NEGATIVE_PROMPT,
					generate_audio: KLING_AUDIO,
					watermark: WATERMARK,
					n: N_ONE,
					...KLING_SHOTS,
				},
				rules: KLING_SHOT_RULES,
			},
		},
		pricing: perSecond({ '720p': 0.0756, '1080p': 0.1008 }, { defaultResolution: '720p' }),
		source: KLING_SOURCE,
	},
	{
		id: 'kling-v3-omni',
		family: 'Kling',
		description: 'Kling 3 Omni: 3–15 s, up to 4k, 7 reference images, reference video, edit',
		actions: {
			generate: {
				prompt: true,
				fields: {
					duration: KLING_DURATION_3_15,
					resolution: KLING_RES_4K,
					aspect_ratio: KLING_RATIO,
					image_urls: urls('Reference images, cited as <<<image_N>>> in the prompt', {
						maxItems: 7,
					}),
					video_urls: urls('Reference video (1 clip, 3–10 s)', { maxItems: 1 }),
					image_with_roles: KLING_ROLES,
					negative_prompt: NEGATIVE_PROMPT,
					generate_audio: KLING_AUDIO,
					watermark: WATERMARK,
					n: N_ONE,
					...KLING_SHOTS,
				},
				rules: [
					...KLING_SHOT_RULES,
					KLING_OMNI_ONE_IMAGE_WITH_VIDEO,
					when(
						'video_urls',
						{ present: true },
						{ field: 'generate_audio', in: [false] },
						'Kling 3 Omni adds no audio to a request with a reference video: turn off Generate Audio.',
					),
				],
			},
			edit: klingEdit({
				resolution: KLING_RES_4K,
				negative_prompt: NEGATIVE_PROMPT,
				watermark: WATERMARK,
			}),
		},
		pricing: perSecond({ '720p': 0.0756, '1080p': 0.1008 }, { defaultResolution: '720p' }),
		source: KLING_SOURCE,
	},
	{
		id: 'kling-video-o1',
		family: 'Kling',
		description: 'Kling Video O1: 5 or 10 s, frames or references, reference video, edit',
		actions: {
			generate: {
				prompt: true,
				fields: {
					duration: KLING_DURATION_5_10,
					resolution: KLING_RES,
					aspect_ratio: KLING_RATIO,
					image_urls: urls('Images, cited as <<<image_N>>> in the prompt', { maxItems: 2 }),
					video_urls: urls('Reference video (1 clip, 3–10 s)', { maxItems: 1 }),
					image_with_roles: KLING_ROLES,
					n: N_ONE,
				},
				rules: [KLING_OMNI_ONE_IMAGE_WITH_VIDEO],
			},
			edit: klingEdit({ resolution: KLING_RES }),
		},
		pricing: perSecond({ '720p': 0.0756, '1080p': 0.1008 }, { defaultResolution: '720p' }),
		source: KLING_SOURCE,
	},
	{
		id: 'kling-v2-6-motion-control',
		family: 'Kling',
		description: 'Kling 2.6 Motion Control: a character image moved like a reference video',
		actions: { generate: KLING_MOTION },
		pricing: perSecond({ '720p': 0.063, '1080p': 0.1008 }, { defaultResolution: '720p' }),
		source: KLING_SOURCE,
	},
	{
		id: 'kling-v3-motion-control',
		family: 'Kling',
		description: 'Kling 3 Motion Control: a character image moved like a reference video',
		actions: { generate: KLING_MOTION },
		pricing: perSecond({ '720p': 0.1134, '1080p': 0.1512 }, { defaultResolution: '720p' }),
		source: KLING_SOURCE,
	},
];

// ---------------------------------------------------------------------------------------------------------
// Seedance: 1.x tiers, the 2.0 tiers (asset:// media) and 2.5 (edit and extend of a video URL).

const SEEDANCE_RES_3 = ['480p', '720p', '1080p'];
const SEEDANCE_RATIO_1X = choice(RATIOS_6, 'Frame shape', { default: '16:9' });
const SEEDANCE_RATIO_2X = choice([...RATIOS_6, 'adaptive'], 'Frame shape; frames need adaptive', {
	default: '16:9',
});
const SEEDANCE_RATIO_25 = choice([...RATIOS_6, 'adaptive'], 'Frame shape; frames need adaptive', {
	default: 'adaptive',
});
const SEEDANCE_LAST_FRAME_NOTE = 'Image the clip ends on; needs a first frame';

const seedanceResolution = (values: string[], def = '720p'): FieldRule =>
	choice(values, 'Output resolution', { default: def });

/** Media fields of the 2.x models; all take `asset://<id>` from the asset library. */
const seedance2xMedia = (max: {
	images: number;
	videos: number;
	audios: number;
}): Record<string, FieldRule> => ({
	first_frame_image: url('Image the clip starts from', { assets: true }),
	last_frame_image: url(SEEDANCE_LAST_FRAME_NOTE, { assets: true }),
	image_urls: urls('Reference images (not frames)', { maxItems: max.images, assets: true }),
	video_urls: urls('Reference videos (MP4/MOV/WebM)', { maxItems: max.videos, assets: true }),
	audio_urls: urls('Reference audio clips', { maxItems: max.audios, assets: true }),
	image_with_roles: list('Images with a role: first_frame, last_frame or reference_image'),
});

const SEEDANCE_2X_EXTRAS: Record<string, FieldRule> = {
	n: N_ONE,
	seed: SEED,
	generate_audio: bool('Add generated audio', { default: true }),
	return_last_frame: bool('Also return the last frame, to start the next shot from', {
		default: false,
	}),
	tools: list('Only [{"type":"web_search"}]', { maxItems: 1 }),
};

const SEEDANCE_FRAME_RULES: CrossRule[] = [
	LAST_NEEDS_FIRST,
	excludes(
		['image_urls', 'first_frame_image'],
		'Reference images cannot be mixed with frames: send Image URLs or First Frame Image, not both.',
	),
	excludes(
		['image_urls', 'last_frame_image'],
		'Reference images cannot be mixed with frames: send Image URLs or Last Frame Image, not both.',
	),
];
const SEEDANCE_ROLES_VS_IMAGES = excludes(
	['image_urls', 'image_with_roles'],
	'Send Image URLs or Image With Roles, not both.',
);
const SEEDANCE_ADAPTIVE_FRAMES = when(
	'first_frame_image',
	{ present: true },
	{ field: 'aspect_ratio', in: ['adaptive'] },
	'Seedance 2.x makes frame-based clips in the adaptive ratio only: set Aspect Ratio to adaptive.',
);

/** The three 2.0 tiers differ in resolutions. */
const seedance20 = (resolutions: string[]): ActionRules => ({
	prompt: false,
	fields: {
		duration: secondsFrom(4, 15, 'Clip length', { required: true }),
		resolution: seedanceResolution(resolutions),
		aspect_ratio: SEEDANCE_RATIO_2X,
		...seedance2xMedia({ images: 9, videos: 3, audios: 3 }),
		...SEEDANCE_2X_EXTRAS,
	},
	rules: [
		...SEEDANCE_FRAME_RULES,
		SEEDANCE_ROLES_VS_IMAGES,
		SEEDANCE_ADAPTIVE_FRAMES,
		anyOf(
			['prompt', 'image_urls', 'video_urls', 'audio_urls', 'image_with_roles'],
			'Seedance 2.0 needs a prompt unless reference media is given: write a prompt or add references.',
		),
	],
});

const SEEDANCE_25_DURATIONS = [0, ...span(4, 30)];
const SEEDANCE_25_FIELDS: Record<string, FieldRule> = {
	resolution: seedanceResolution(SEEDANCE_RES_3),
	...seedance2xMedia({ images: 30, videos: 10, audios: 10 }),
	...SEEDANCE_2X_EXTRAS,
	watermark: WATERMARK,
	output_format: choice(['mp4', 'mov'], 'Container of the result', { default: 'mp4' }),
};
const SEEDANCE_25_ADAPTIVE = choice(['adaptive'], 'Edit and extend keep the adaptive ratio', {
	default: 'adaptive',
});
const SEEDANCE_25_SOURCE_VIDEO = urls('Source clip first (MP4/MOV/WebM, 4–30 s), then references', {
	required: true,
	minItems: 1,
	maxItems: 10,
	assets: true,
});

const SEEDANCE_SOURCE = `SEED @7a9d5f1, ${PRC}`;

const SEEDANCE: ModelRules[] = [
	{
		id: 'seedance-1.0-pro',
		family: 'Seedance',
		description: 'ByteDance Seedance 1.0 Pro: 2–12 s, first/last frames',
		actions: {
			generate: {
				prompt: true,
				fields: {
					duration: secondsFrom(2, 12, 'Clip length', { required: true }),
					resolution: seedanceResolution(SEEDANCE_RES_3, '1080p'),
					aspect_ratio: SEEDANCE_RATIO_1X,
					first_frame_image: url('Image the clip starts from'),
					last_frame_image: url(SEEDANCE_LAST_FRAME_NOTE),
					image_with_roles: list('Frames with a role: first_frame, last_frame (1 each)'),
					n: N_ONE,
					seed: SEED,
				},
				rules: [LAST_NEEDS_FIRST],
			},
		},
		source: 'SEED @7a9d5f1',
	},
	{
		id: 'seedance-1.0-pro-fast',
		family: 'Seedance',
		description: 'ByteDance Seedance 1.0 Pro Fast: 2–12 s, first frame',
		actions: {
			generate: {
				prompt: true,
				fields: {
					duration: secondsFrom(2, 12, 'Clip length', { required: true }),
					resolution: seedanceResolution(SEEDANCE_RES_3, '1080p'),
					aspect_ratio: SEEDANCE_RATIO_1X,
					first_frame_image: url('Image the clip starts from'),
					image_with_roles: list('A frame with the role first_frame'),
					n: N_ONE,
					seed: SEED,
				},
			},
		},
		pricing: perSecond(
			{ '480p': 0.009, '720p': 0.02, '1080p': 0.0432 },
			{ defaultResolution: '1080p' },
		),
		source: SEEDANCE_SOURCE,
	},
	{
		id: 'seedance-1.5-pro',
		family: 'Seedance',
		description: 'ByteDance Seedance 1.5 Pro: 4–12 s, frames or 2 references, audio',
		actions: {
			generate: {
				prompt: true,
				fields: {
					duration: secondsFrom(4, 12, 'Clip length', { required: true }),
					resolution: seedanceResolution(SEEDANCE_RES_3),
					aspect_ratio: SEEDANCE_RATIO_1X,
					first_frame_image: url('Image the clip starts from'),
					last_frame_image: url(SEEDANCE_LAST_FRAME_NOTE),
					image_urls: urls('Reference images', { maxItems: 2 }),
					image_with_roles: list('Frames with a role: first_frame, last_frame (1 each)'),
					generate_audio: bool('Add generated audio (audio price tier)', { default: true }),
					camerafixed: bool('Keep the camera still', { default: false }),
					n: N_ONE,
					seed: SEED,
				},
				rules: [...SEEDANCE_FRAME_RULES, SEEDANCE_ROLES_VS_IMAGES],
			},
		},
		pricing: perSecond(
			{ '480p': 0.0216, '720p': 0.0468, '1080p': 0.116 },
			{ defaultResolution: '720p' },
		),
		source: SEEDANCE_SOURCE,
	},
	{
		id: 'seedance-2.0',
		family: 'Seedance',
		description: 'ByteDance Seedance 2.0: 4–15 s, up to 4k, image/video/audio references, assets',
		actions: { generate: seedance20(['480p', '720p', '1080p', '4k']) },
		pricing: perSecond(
			{ '480p': 0.07, '720p': 0.15, '1080p': 0.37, '4k': 0.78 },
			{ defaultResolution: '720p' },
		),
		source: SEEDANCE_SOURCE,
	},
	{
		id: 'seedance-2.0-fast',
		family: 'Seedance',
		description: 'ByteDance Seedance 2.0 Fast: 4–15 s, 480p/720p, references, assets',
		actions: { generate: seedance20(['480p', '720p']) },
		pricing: perSecond({ '480p': 0.0405, '720p': 0.09 }, { defaultResolution: '720p' }),
		source: SEEDANCE_SOURCE,
	},
	{
		id: 'seedance-2.0-mini',
		family: 'Seedance',
		description: 'ByteDance Seedance 2.0 Mini: 4–15 s, 480p/720p, references, assets',
		actions: { generate: seedance20(['480p', '720p']) },
		pricing: perSecond({ '480p': 0.0144, '720p': 0.0288 }, { defaultResolution: '720p' }),
		source: SEEDANCE_SOURCE,
	},
	{
		id: 'seedance-2.5',
		family: 'Seedance',
		description: 'ByteDance Seedance 2.5: 4–30 s or model-chosen, 30 references, edit, extend',
		actions: {
			generate: {
				prompt: true,
				fields: {
					duration: secondsIn(SEEDANCE_25_DURATIONS, '4–30 s; 0 = the model picks 4–30 s', {
						required: true,
					}),
					aspect_ratio: SEEDANCE_RATIO_25,
					...SEEDANCE_25_FIELDS,
					omni_reference_task_type: choice(
						['auto', 'reference'],
						'reference checks reference-to-video limits at submit',
						{ default: 'auto' },
					),
				},
				rules: [...SEEDANCE_FRAME_RULES, SEEDANCE_ADAPTIVE_FRAMES],
			},
			edit: {
				prompt: true,
				fields: {
					...SEEDANCE_25_FIELDS,
					duration: secondsIn([0], '0 = the source clip length', { required: true }),
					aspect_ratio: SEEDANCE_25_ADAPTIVE,
					video_urls: SEEDANCE_25_SOURCE_VIDEO,
				},
				rules: [...SEEDANCE_FRAME_RULES],
				source: { via: 'video_urls' },
			},
			extend: {
				prompt: true,
				fields: {
					...SEEDANCE_25_FIELDS,
					duration: secondsIn(SEEDANCE_25_DURATIONS, 'Added length; 0 = the model picks 4–30 s', {
						required: true,
					}),
					aspect_ratio: SEEDANCE_25_ADAPTIVE,
					video_urls: SEEDANCE_25_SOURCE_VIDEO,
				},
				rules: [...SEEDANCE_FRAME_RULES],
				source: { via: 'video_urls' },
			},
		},
		pricing: perSecond(
			{ '480p': 0.103, '720p': 0.231, '1080p': 0.409 },
			{ defaultResolution: '720p' },
		),
		source: SEEDANCE_SOURCE,
	},
];

// ---------------------------------------------------------------------------------------------------------
// Wan: 2.5-preview to 3.0; wan2.7-videoedit only edits a source clip.

const WAN_RES = choice(['720p', '1080p'], 'Output resolution', { default: '720p' });
const WAN_RATIO = choice(RATIOS_5, 'Frame shape');
const WAN_PROMPT_EXTEND = bool('Let the model expand the prompt', { default: true });
const WAN_COMMON: Record<string, FieldRule> = {
	negative_prompt: NEGATIVE_PROMPT,
	prompt_extend: WAN_PROMPT_EXTEND,
	seed: SEED,
	watermark: WATERMARK,
};
const WAN_ROLES = list('Images with a role: first_frame, last_frame or reference');
const WAN_I2V_TEMPLATES = [
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
const WAN_RATIO_NOT_WITH_IMAGES = excludes(
	['image_urls', 'aspect_ratio'],
	'With an image the ratio follows the image: remove Aspect Ratio or the image.',
);
const WAN_SHOT_NEEDS_EXTEND = when(
	'shot_type',
	{ present: true },
	{ field: 'prompt_extend', in: [true] },
	'Shot Type needs Prompt Extend turned on.',
);
const wanNoVideoOver = (max: number, upTo: number, who: string): CrossRule =>
	when(
		'duration',
		{ in: span(max + 1, upTo) },
		{ field: 'video_urls', present: false },
		`${who} makes at most ${max} s with a reference video: shorten Duration or remove the video.`,
	);

/** wan2.6-i2v and wan2.6-i2v-flash: one first-frame image, effect templates. */
const wanI2v = (flash: boolean): ActionRules => ({
	prompt: false,
	fields: {
		image_urls: urls('First frame (exactly 1)', { required: true, minItems: 1, maxItems: 1 }),
		duration: secondsFrom(2, 15, 'Clip length', { default: 5 }),
		resolution: WAN_RES,
		shot_type: choice(['single', 'multi'], 'One shot or several; needs Prompt Extend'),
		template: choice(WAN_I2V_TEMPLATES, 'Effect template (one image; the prompt is ignored)'),
		...WAN_COMMON,
		...(flash
			? {
					audio_urls: urls('Audio track (1 clip, 3–30 s)', { maxItems: 1 }),
					generate_audio: bool('Add generated audio (audio price tier)', { default: true }),
				}
			: {}),
	},
	rules: [WAN_SHOT_NEEDS_EXTEND],
});

/** wan3.0-video and wan3.0-video-prime share every field. */
const WAN_30: ActionRules = {
	prompt: false,
	fields: {
		duration: secondsIn([0, ...span(2, 30)], '2–30 s; 0 or empty = the model picks'),
		resolution: choice(['480p', '720p', '1080p'], 'Output resolution', { default: '480p' }),
		aspect_ratio: choice([...RATIOS_5, 'adaptive'], 'Frame shape', { default: 'adaptive' }),
		image_urls: urls('Images: references, or 1–2 frames with Generation Type frame', {
			maxItems: 10,
		}),
		first_frame_image: url('Image the clip starts from'),
		last_frame_image: url('Image the clip ends on; needs a first frame'),
		video_urls: urls('Reference videos (each ≤15 s, 15 s in all)', { maxItems: 5 }),
		audio_urls: urls('Reference audio (each 1–15 s, 15 s in all)', { maxItems: 5 }),
		image_with_roles: WAN_ROLES,
		generation_type: choice(['frame', 'reference'], 'How images are used (inferred if empty)'),
		file_url: url('A document to draw on; not with Link URL'),
		link_url: url('A web page to draw on; not with File URL'),
		generate_audio: bool('Add generated audio', { default: true }),
		seed: SEED,
		watermark: WATERMARK,
	},
	rules: [
		LAST_NEEDS_FIRST,
		...exclusivePairs(
			['first_frame_image'],
			['image_urls', 'video_urls', 'audio_urls', 'file_url', 'link_url'],
			'Frame controls cannot be mixed with reference media: send First Frame Image or references, not both.',
		),
		excludes(['file_url', 'link_url'], 'Send File URL or Link URL, not both.'),
		when(
			'generation_type',
			{ in: ['reference'] },
			{ field: 'first_frame_image', present: false },
			'Generation Type reference takes no frames: remove First Frame Image or use frame.',
		),
		wanNoVideoOver(15, 30, 'Wan 3.0'),
		anyOf(
			[
				'prompt',
				'image_urls',
				'first_frame_image',
				'video_urls',
				'audio_urls',
				'image_with_roles',
				'file_url',
				'link_url',
			],
			'Wan 3.0 needs a prompt unless media is given: write a prompt or add an image or video.',
		),
	],
};

const WAN_SOURCE = `WAN @174193d, ${PRC}`;

const WAN: ModelRules[] = [
	{
		id: 'wan2.5-preview',
		family: 'Wan',
		description: 'Alibaba Wan 2.5 Preview: 5 or 10 s, text or image to video, always with audio',
		actions: {
			generate: {
				prompt: false,
				fields: {
					duration: secondsIn([5, 10], 'Clip length'),
					resolution: choice(['480p', '720p', '1080p'], 'Output resolution', { default: '720p' }),
					aspect_ratio: WAN_RATIO,
					image_urls: urls('An image switches to image-to-video'),
					audio_url: url('Audio track to use instead of generated audio'),
					generate_audio: bool('Always on for this model (false is refused)', {
						values: [true],
						default: true,
					}),
					...WAN_COMMON,
				},
				rules: [
					WAN_RATIO_NOT_WITH_IMAGES,
					when(
						'aspect_ratio',
						{ in: ['4:3', '3:4'] },
						{ field: 'resolution', in: ['720p', '1080p'] },
						'At 480p Wan 2.5 makes 16:9, 9:16 or 1:1 only: change Aspect Ratio or Resolution.',
					),
				],
			},
		},
		pricing: perSecond(
			{ '480p': 0.0378, '720p': 0.0747, '1080p': 0.1233 },
			{ defaultResolution: '720p' },
		),
		source: WAN_SOURCE,
	},
	{
		id: 'wan2.6',
		family: 'Wan',
		description: 'Alibaba Wan 2.6: 5/10/15 s, text or image to video, multi-shot, templates',
		actions: {
			generate: {
				prompt: false,
				fields: {
					duration: secondsIn([5, 10, 15], 'Clip length'),
					resolution: WAN_RES,
					aspect_ratio: WAN_RATIO,
					image_urls: urls('An image switches to image-to-video'),
					audio_url: url('Audio track to use instead of generated audio'),
					generate_audio: bool('Add generated audio', { default: false }),
					shot_type: choice(['single', 'multi'], 'One shot or several'),
					template: str('Effect template name'),
					...WAN_COMMON,
				},
				rules: [WAN_RATIO_NOT_WITH_IMAGES],
			},
		},
		pricing: perSecond({ '1080p': 0.0945 }, { defaultResolution: '720p' }),
		source: WAN_SOURCE,
	},
	{
		id: 'wan2.6-i2v',
		family: 'Wan',
		description: 'Alibaba Wan 2.6 image-to-video: 2–15 s from one first frame, effect templates',
		actions: { generate: wanI2v(false) },
		pricing: perSecond({ '720p': 0.0747, '1080p': 0.1233 }, { defaultResolution: '720p' }),
		source: WAN_SOURCE,
	},
	{
		id: 'wan2.6-i2v-flash',
		family: 'Wan',
		description: 'Alibaba Wan 2.6 image-to-video Flash: 2–15 s from one first frame, audio',
		actions: { generate: wanI2v(true) },
		pricing: perSecond({ '720p': 0.0225, '1080p': 0.03375 }, { defaultResolution: '720p' }),
		source: WAN_SOURCE,
	},
	{
		id: 'wan2.7',
		family: 'Wan',
		description: 'Alibaba Wan 2.7: 2–15 s, text, frames, or continuation of a clip',
		actions: {
			generate: {
				prompt: false,
				fields: {
					duration: secondsFrom(2, 15, 'Clip length; at most 10 s with a video'),
					resolution: WAN_RES,
					aspect_ratio: WAN_RATIO,
					image_urls: urls('First frame, or first and last frames', { minItems: 1, maxItems: 2 }),
					first_frame_image: url('Image the clip starts from'),
					last_frame_image: url('Image the clip ends on; needs a first frame'),
					video_urls: urls('Clip to continue (1, 2–10 s)', { maxItems: 1 }),
					audio_urls: urls('Audio track (1 clip, 2–30 s)', { maxItems: 1 }),
					image_with_roles: WAN_ROLES,
					...WAN_COMMON,
				},
				rules: [
					LAST_NEEDS_FIRST,
					...exclusivePairs(
						['image_urls'],
						['first_frame_image', 'video_urls', 'aspect_ratio'],
						'Wan 2.7 with Image URLs takes no first frame, video or aspect ratio: remove one of them.',
					),
					...exclusivePairs(
						['first_frame_image'],
						['video_urls', 'aspect_ratio'],
						'Wan 2.7 with a first frame takes no video or aspect ratio: remove one of them.',
					),
					...exclusivePairs(
						['video_urls'],
						['audio_urls', 'aspect_ratio'],
						'Wan 2.7 continuing a video takes no audio or aspect ratio: remove one of them.',
					),
					wanNoVideoOver(10, 15, 'Wan 2.7'),
					anyOf(
						[
							'prompt',
							'image_urls',
							'first_frame_image',
							'video_urls',
							'audio_urls',
							'image_with_roles',
						],
						'Wan 2.7 needs a prompt unless media is given: write a prompt or add an image or video.',
					),
				],
			},
		},
		pricing: perSecond({ '720p': 0.09, '1080p': 0.135 }, { defaultResolution: '720p' }),
		source: WAN_SOURCE,
	},
	{
		id: 'wan2.7-r2v',
		family: 'Wan',
		description: 'Alibaba Wan 2.7 reference-to-video: up to 5 reference images or videos',
		actions: {
			generate: {
				prompt: true,
				fields: {
					duration: secondsFrom(2, 15, 'Clip length; at most 10 s with a video'),
					resolution: WAN_RES,
					aspect_ratio: WAN_RATIO,
					image_urls: urls('Reference images (1–5; 4 with a first frame)', {
						minItems: 1,
						maxItems: 5,
					}),
					first_frame_image: url('Image the clip starts from'),
					video_urls: urls('Reference videos (each 1–30 s)', { maxItems: 5 }),
					image_with_roles: WAN_ROLES,
					...WAN_COMMON,
				},
				rules: [
					excludes(
						['image_urls', 'video_urls'],
						'Wan 2.7 R2V takes reference images or videos, not both.',
					),
					...exclusivePairs(
						['first_frame_image'],
						['video_urls', 'aspect_ratio'],
						'Wan 2.7 R2V with a first frame takes no video or aspect ratio: remove one of them.',
					),
					when(
						'image_urls',
						{ moreThan: 4 },
						{ field: 'first_frame_image', present: false },
						'With a first frame Wan 2.7 R2V takes at most 4 reference images.',
					),
					wanNoVideoOver(10, 15, 'Wan 2.7 R2V'),
					anyOf(
						['image_urls', 'video_urls', 'image_with_roles', 'first_frame_image'],
						'Wan 2.7 R2V needs reference images or videos: add some.',
					),
				],
			},
		},
		pricing: perSecond({ '720p': 0.09, '1080p': 0.135 }, { defaultResolution: '720p' }),
		source: WAN_SOURCE,
	},
	{
		id: 'wan2.7-videoedit',
		family: 'Wan',
		description: 'Alibaba Wan 2.7 video edit: reworks a 2–10 s clip, optional style images',
		actions: {
			edit: {
				prompt: false,
				fields: {
					video_urls: urls('Source clip to edit (1, 2–10 s)', {
						required: true,
						minItems: 1,
						maxItems: 1,
					}),
					duration: secondsIn([0, ...span(2, 10)], '2–10 s; 0 = the source clip length'),
					resolution: WAN_RES,
					aspect_ratio: WAN_RATIO,
					image_urls: urls('Style reference images', { maxItems: 4 }),
					metadata: obj('{"audio_setting": "auto" | "origin"}'),
					...WAN_COMMON,
				},
				source: { via: 'video_urls' },
			},
		},
		pricing: perSecond({ '720p': 0.09, '1080p': 0.135 }, { defaultResolution: '720p' }),
		source: WAN_SOURCE,
	},
	{
		id: 'wan3.0-video',
		family: 'Wan',
		description: 'Alibaba Wan 3.0: 2–30 s or model-chosen, frames, image/video/audio references',
		actions: { generate: WAN_30 },
		pricing: perSecond(
			{ '480p': 0.045, '720p': 0.09, '1080p': 0.18 },
			{ defaultResolution: '480p', defaultSeconds: 30 },
		),
		source: WAN_SOURCE,
	},
	{
		id: 'wan3.0-video-prime',
		family: 'Wan',
		description: 'Alibaba Wan 3.0 Prime: the same as Wan 3.0, faster and dearer',
		actions: { generate: WAN_30 },
		source: 'WAN @174193d, CLM @174193d',
	},
];

// ---------------------------------------------------------------------------------------------------------
// PixVerse V6: generate; extend a finished pixverse-v6 task by its task ID.

const PIX_RES = choice(['360p', '540p', '720p', '1080p'], 'Output resolution', {
	default: '540p',
});
const PIX_COMMON: Record<string, FieldRule> = {
	resolution: PIX_RES,
	negative_prompt: str('What to keep out of the clip', { maxLength: 2048 }),
	seed: int('Random seed for repeatable results', { min: 0, max: 2147483647 }),
	watermark: WATERMARK_OFF,
	generate_audio: bool('Add generated audio (audio price tier)', { default: false }),
	motion_mode: choice(['normal'], 'Motion mode'),
};

const PIXVERSE: ModelRules[] = [
	{
		id: 'pixverse-v6',
		family: 'PixVerse',
		description: 'PixVerse V6: 1–15 s, text, image, first/last frames or fusion; extend',
		actions: {
			generate: {
				prompt: true,
				fields: {
					duration: secondsFrom(1, 15, 'Clip length; 5 or 8 s with first/last frames'),
					aspect_ratio: choice(
						['16:9', '4:3', '1:1', '3:4', '9:16', '2:3', '3:2', '21:9'],
						'Frame shape (text-to-video and fusion; else follows the image)',
					),
					image_urls: urls('Image to animate (only the first is used)'),
					first_frame_image: url('Image the clip starts from; send with a last frame'),
					last_frame_image: url('Image the clip ends on; send with a first frame'),
					img_references: urls('Fusion: reference images', { minItems: 1, maxItems: 7 }),
					generate_multi_clip_switch: bool('Several cuts in one clip (text/image to video)', {
						default: false,
					}),
					...PIX_COMMON,
				},
				rules: [
					{
						kind: 'together',
						fields: ['first_frame_image', 'last_frame_image'],
						why: 'PixVerse takes first and last frames together: send both or neither.',
					},
					when(
						'duration',
						{ in: [...span(1, 4), 6, 7, ...span(9, 15)] },
						{ field: 'first_frame_image', present: false },
						'First/last-frame clips are 5 or 8 s: set Duration to 5 or 8, or remove the frames.',
					),
				],
			},
			extend: {
				prompt: true,
				fields: {
					duration: secondsFrom(1, 15, 'Added length'),
					...PIX_COMMON,
				},
				source: { via: 'ref_task_id', models: ['pixverse-v6'] },
			},
		},
		pricing: perSecond(
			{ '360p': 0.018, '540p': 0.027, '720p': 0.036, '1080p': 0.072 },
			{ defaultResolution: '540p' },
		),
		source: `PIX @174193d, ${PRC}`,
	},
];

// ---------------------------------------------------------------------------------------------------------
// Hailuo: MiniMax Hailuo 02 / 2.3 / 2.3-fast; no aspect ratio, seed or image list.

const HAILUO_COMMON: Record<string, FieldRule> = {
	prompt_optimizer: bool('Let the model refine the prompt', { default: true }),
	fast_pretreatment: bool('Faster prompt preprocessing', { default: false }),
	watermark: WATERMARK_OFF,
};
const HAILUO_23_1080 = when(
	'resolution',
	{ in: ['1080p'] },
	{ field: 'duration', in: [6] },
	'Hailuo 2.3 makes 1080p clips at 6 s only: set Duration to 6 or Resolution to 768p.',
);
const hailuo23 = (firstFrameRequired: boolean): ActionRules => ({
	prompt: true,
	fields: {
		duration: secondsIn([6, 10], 'Clip length; 1080p takes 6 s only', { default: 6 }),
		resolution: choice(['768p', '1080p'], 'Output resolution', { default: '768p' }),
		first_frame_image: url(
			'Image the clip starts from',
			firstFrameRequired ? { required: true } : {},
		),
		...HAILUO_COMMON,
	},
	rules: [HAILUO_23_1080],
});

// HAI says Hailuo is priced per clip for each resolution × duration but lists no amounts; PRC lists per-second ones.
const HAILUO_SOURCE = `HAI @7a9d5f1, ${PRC}`;

const HAILUO: ModelRules[] = [
	{
		id: 'minimax-hailuo-02',
		family: 'Hailuo',
		description: 'MiniMax Hailuo 02: 5 or 10 s, up to 1080p, first/last frames',
		actions: {
			generate: {
				prompt: true,
				fields: {
					duration: secondsIn([5, 10], 'Clip length; 1080p takes 5 s only', { default: 5 }),
					resolution: choice(['512p', '768p', '1080p'], 'Output resolution', { default: '768p' }),
					first_frame_image: url('Image the clip starts from; needed at 512p'),
					last_frame_image: url('Image the clip ends on; needs a first frame'),
					...HAILUO_COMMON,
				},
				rules: [
					LAST_NEEDS_FIRST,
					when(
						'resolution',
						{ in: ['512p'] },
						{ field: 'first_frame_image', present: true },
						'Hailuo 02 makes 512p clips from a first frame only: add First Frame Image or pick 768p.',
					),
					when(
						'resolution',
						{ in: ['1080p'] },
						{ field: 'duration', in: [5] },
						'Hailuo 02 makes 1080p clips at 5 s only: set Duration to 5 or Resolution to 768p.',
					),
				],
			},
		},
		source: 'HAI @7a9d5f1',
	},
	{
		id: 'minimax-hailuo-2.3',
		family: 'Hailuo',
		description: 'MiniMax Hailuo 2.3: 6 or 10 s, 768p/1080p, camera tags in the prompt',
		actions: { generate: hailuo23(false) },
		pricing: perSecond({ '768p': 0.0549, '1080p': 0.081 }, { defaultResolution: '768p' }),
		source: HAILUO_SOURCE,
	},
	{
		id: 'minimax-hailuo-2.3-fast',
		family: 'Hailuo',
		description: 'MiniMax Hailuo 2.3 Fast: image-to-video from a first frame, 6 or 10 s',
		actions: { generate: hailuo23(true) },
		pricing: perSecond({ '768p': 0.0279, '1080p': 0.0477 }, { defaultResolution: '768p' }),
		source: HAILUO_SOURCE,
	},
];

// ---------------------------------------------------------------------------------------------------------
// MiniMax H3: h3 and h3-max generate; h3-regeneration re-renders a 768p h3 task at 2k.

const H3_RATIO = choice(
	['21:9', '16:9', '4:3', '1:1', '3:4', '9:16'],
	'Frame shape; follows a frame image if one is sent',
);
const H3_FRAME_RULES: CrossRule[] = exclusivePairs(
	['first_frame_image', 'last_frame_image'],
	['image_urls', 'video_urls', 'audio_urls'],
	'Frames cannot be mixed with reference images, videos or audio: send one or the other.',
);

const MINIMAX: ModelRules[] = [
	{
		id: 'minimax-h3',
		family: 'MiniMax',
		description: 'MiniMax H3: 4–15 s at 768p or 2k, image/video/audio references',
		actions: {
			generate: {
				prompt: true,
				fields: {
					duration: secondsFrom(4, 15, 'Clip length', { required: true }),
					resolution: choice(['768p', '2k'], 'Output resolution', { default: '2k' }),
					aspect_ratio: H3_RATIO,
					image_urls: urls('Reference images', { maxItems: 9 }),
					first_frame_image: url('Image the clip starts from'),
					last_frame_image: url('Image the clip ends on'),
					video_urls: urls('Reference videos (15 s in all, 23.976–60 fps)', { maxItems: 3 }),
					audio_urls: urls('Reference audio (15 s in all); needs a reference image', {
						maxItems: 3,
					}),
					watermark: WATERMARK_OFF,
				},
				rules: [
					...H3_FRAME_RULES,
					requires(
						'audio_urls',
						'image_urls',
						'MiniMax H3 takes reference audio only with a reference image: add Image URLs.',
					),
				],
			},
		},
		pricing: perSecond({ '768p': 0.072, '2k': 0.117 }, { defaultResolution: '2k' }),
		source: `H3 @174193d, ${PRC}`,
	},
	{
		id: 'minimax-h3-max',
		family: 'MiniMax',
		description: 'MiniMax H3 Max: 5–15 s up to 1080p, image/video/audio references',
		actions: {
			generate: {
				prompt: true,
				fields: {
					duration: secondsFrom(5, 15, 'Clip length', { required: true }),
					resolution: choice(['480p', '768p', '1080p'], 'Output resolution', { default: '768p' }),
					aspect_ratio: H3_RATIO,
					image_urls: urls('Reference images', { maxItems: 9 }),
					first_frame_image: url('Image the clip starts from'),
					last_frame_image: url('Image the clip ends on'),
					image_with_roles: list('Images with a role: first_frame, last_frame, reference_image', {
						maxItems: 2,
					}),
					video_urls: urls('Reference videos (each 2–15 s, 15 s in all)', { maxItems: 3 }),
					audio_urls: urls('Reference audio (each 2–15 s); needs an image or video', {
						maxItems: 3,
					}),
					watermark: bool('Add a watermark (not at 1080p)', { default: false }),
				},
				rules: [
					...H3_FRAME_RULES,
					excludes(
						['image_with_roles', 'image_urls'],
						'Send Image With Roles or Image URLs, not both.',
					),
					when(
						'watermark',
						{ in: [true] },
						{ field: 'resolution', in: ['480p', '768p'] },
						'MiniMax H3 Max adds no watermark at 1080p: turn off Watermark or lower Resolution.',
					),
				],
			},
		},
		source: 'H3 @174193d',
	},
	{
		id: 'minimax-h3-regeneration',
		family: 'MiniMax',
		description: 'MiniMax H3 Regeneration: re-renders a finished 768p minimax-h3 task at 2k',
		actions: {
			regenerate: {
				prompt: 'refused',
				fields: {},
				source: { via: 'ref_task_id', models: ['minimax-h3'], actions: ['generate'] },
			},
		},
		pricing: perSecond({ '2k': 0.045 }, { defaultResolution: '2k' }),
		source: `H3 @174193d, ${PRC}`,
	},
];

// ---------------------------------------------------------------------------------------------------------
// Vidu Q3: four tiers, generate only.

const VIDU_RES_3 = choice(['540p', '720p', '1080p'], 'Output resolution', { default: '720p' });
const VIDU_RATIO = choice(RATIOS_5, 'Frame shape');
const VIDU_REFERENCES = urls('Reference images (1–7)', {
	required: true,
	minItems: 1,
	maxItems: 7,
});
const viduFrames = (): ActionRules => ({
	prompt: false,
	fields: {
		duration: secondsFrom(1, 16, 'Clip length', { default: 5 }),
		resolution: VIDU_RES_3,
		aspect_ratio: VIDU_RATIO,
		image_urls: urls('None = text; 1 = start frame; 2 = first and last frames', { maxItems: 2 }),
		generate_audio: bool('Add generated audio', { default: true }),
		seed: SEED,
	},
	rules: [
		excludes(
			['image_urls', 'aspect_ratio'],
			'With images the ratio follows the image: remove Aspect Ratio or the images.',
		),
	],
});

const VIDU_SOURCE = `VIDU @174193d, ${PRC}`;

const VIDU: ModelRules[] = [
	{
		id: 'vidu-q3',
		family: 'Vidu',
		description: 'Vidu Q3: 3–16 s from 1–7 reference images',
		actions: {
			generate: {
				prompt: false,
				fields: {
					duration: secondsFrom(3, 16, 'Clip length'),
					resolution: VIDU_RES_3,
					aspect_ratio: VIDU_RATIO,
					image_urls: VIDU_REFERENCES,
					seed: SEED,
				},
			},
		},
		pricing: perSecond(
			{ '540p': 0.045, '720p': 0.09, '1080p': 0.1125 },
			{ defaultResolution: '720p' },
		),
		source: VIDU_SOURCE,
	},
	{
		id: 'vidu-q3-mix',
		family: 'Vidu',
		description: 'Vidu Q3 Mix: 1–16 s from 1–7 reference images, 720p/1080p',
		actions: {
			generate: {
				prompt: false,
				fields: {
					duration: secondsFrom(1, 16, 'Clip length'),
					resolution: choice(['720p', '1080p'], 'Output resolution', { default: '720p' }),
					aspect_ratio: VIDU_RATIO,
					image_urls: VIDU_REFERENCES,
					seed: SEED,
				},
			},
		},
		pricing: perSecond({ '720p': 0.1125, '1080p': 0.135 }, { defaultResolution: '720p' }),
		source: VIDU_SOURCE,
	},
	{
		id: 'vidu-q3-pro',
		family: 'Vidu',
		description: 'Vidu Q3 Pro: 1–16 s, text, start frame or first/last frames, audio',
		actions: { generate: viduFrames() },
		pricing: perSecond(
			{ '540p': 0.063, '720p': 0.135, '1080p': 0.144 },
			{ defaultResolution: '720p' },
		),
		source: VIDU_SOURCE,
	},
	{
		id: 'vidu-q3-turbo',
		family: 'Vidu',
		description: 'Vidu Q3 Turbo: 1–16 s, text, start frame or first/last frames, audio',
		actions: { generate: viduFrames() },
		pricing: perSecond(
			{ '540p': 0.036, '720p': 0.054, '1080p': 0.063 },
			{ defaultResolution: '720p' },
		),
		source: VIDU_SOURCE,
	},
];

// ---------------------------------------------------------------------------------------------------------
// SkyReels V4: generate; extend continues a source clip given in video_urls.

const SKY_RES = choice(['480p', '720p', '1080p'], 'Output resolution', { default: '1080p' });
const SKY_RATIO = choice(RATIOS_5, 'Frame shape');
const SKY_DURATION = secondsFrom(3, 15, 'Clip length');
const SKY_OPTIMIZER = bool('Let the model refine the prompt', { default: true });
const SKYREELS_ACTIONS: ModelRules['actions'] = {
	generate: {
		prompt: false,
		fields: {
			duration: SKY_DURATION,
			resolution: SKY_RES,
			aspect_ratio: SKY_RATIO,
			first_frame_image: url('Image the clip starts from'),
			end_frame_image: url('Image the clip ends on'),
			mid_frame_images: list('Frames inside the clip as {tag, image_url, time_stamp}', {
				maxItems: 6,
			}),
			ref_images: list('References as {tag, type: image|grid, image_urls, audio_url}'),
			video_urls: urls('Reference video (1); cite it as @video_1 in the prompt', { maxItems: 1 }),
			prompt_optimizer: SKY_OPTIMIZER,
		},
		rules: exclusivePairs(
			['first_frame_image', 'end_frame_image', 'mid_frame_images'],
			['ref_images', 'video_urls'],
			'SkyReels takes frames or references, not both: remove one kind.',
		),
	},
	extend: {
		prompt: false,
		fields: {
			video_urls: urls('Clip to continue (1, MP4/MOV ≤15 s)', {
				required: true,
				minItems: 1,
				maxItems: 1,
			}),
			duration: SKY_DURATION,
			resolution: SKY_RES,
			aspect_ratio: SKY_RATIO,
			prompt_optimizer: SKY_OPTIMIZER,
		},
		source: { via: 'video_urls' },
	},
};

const SKYREELS: ModelRules[] = [
	{
		id: 'skyreels-v4-fast',
		family: 'SkyReels',
		description: 'SkyReels V4 Fast: 3–15 s, frames or references, extend',
		actions: SKYREELS_ACTIONS,
		pricing: perSecond(
			{ '480p': 0.072, '720p': 0.099, '1080p': 0.2475 },
			{ defaultResolution: '1080p' },
		),
		source: `SKY @7a9d5f1, ${PRC}`,
	},
	{
		id: 'skyreels-v4-std',
		family: 'SkyReels',
		description: 'SkyReels V4 Standard: 3–15 s, frames or references, extend',
		actions: SKYREELS_ACTIONS,
		pricing: perSecond(
			{ '480p': 0.099, '720p': 0.126, '1080p': 0.315 },
			{ defaultResolution: '1080p' },
		),
		source: `SKY @7a9d5f1, ${PRC}`,
	},
];

// ---------------------------------------------------------------------------------------------------------
// FLUX 3 Video: a draft model, and the full model that can finalize a draft.
// PRC lists only the with-reference (continuation) rates, so no pricing is given.

const fluxGenerate = (resolutions: string[]): ActionRules => ({
	prompt: false,
	fields: {
		duration: secondsFrom(5, 20, 'Clip length', { default: 5 }),
		resolution: choice(resolutions, 'Output resolution', { default: 'hd' }),
		aspect_ratio: choice(
			['21:9', '2:1', '16:9', '4:3', '1:1', '3:4', '9:16', 'auto'],
			'Frame shape',
			{
				default: 'auto',
			},
		),
		image_urls: urls('Ordered keyframes (1–10)', { minItems: 1, maxItems: 10 }),
		video_urls: urls('Clip to continue (1, ≤20 s)', { maxItems: 1 }),
		generate_audio: bool('Add generated audio', { default: true }),
		safety_tolerance: int('Moderation strictness, 0–4', { min: 0, max: 4, default: 2 }),
	},
	rules: [excludes(['image_urls', 'video_urls'], 'Send keyframe images or a video, not both.')],
});

const FLUX: ModelRules[] = [
	{
		id: 'flux-3-video',
		family: 'FLUX',
		description: 'FLUX 3 Video: 5–20 s from keyframes or a clip; finalizes a draft at hd or fhd',
		actions: {
			generate: fluxGenerate(['hd', 'fhd']),
			finalize: {
				prompt: 'refused',
				fields: {
					resolution: choice(['hd', 'fhd'], 'Final resolution', { default: 'hd' }),
				},
				source: { via: 'ref_task_id', models: ['flux-3-video-draft'] },
			},
		},
		source: 'FLUX @174193d',
	},
	{
		id: 'flux-3-video-draft',
		family: 'FLUX',
		description: 'FLUX 3 Video Draft: a quick hd draft to finalize with flux-3-video',
		actions: { generate: fluxGenerate(['hd']) },
		source: 'FLUX @174193d',
	},
];

// ---------------------------------------------------------------------------------------------------------
// Grok Imagine Video: three tiers; edit on grok-imagine-video.

const GROK_RATIO = str('Frame shape; several reference images need an explicit ratio');
const grokGenerate = (
	resolutions: string[],
	duration: FieldRule,
	references: FieldRule,
	rules?: CrossRule[],
): ActionRules => ({
	prompt: false,
	fields: {
		duration,
		resolution: choice(resolutions, 'Output resolution', { default: '480p' }),
		aspect_ratio: GROK_RATIO,
		image_urls: references,
	},
	...(rules ? { rules } : {}),
});

const GROK: ModelRules[] = [
	{
		id: 'grok-imagine-video',
		family: 'Grok',
		description: 'xAI Grok Imagine Video: 1–15 s at 480p/720p; edits clips up to 8.7 s',
		actions: {
			generate: grokGenerate(
				['480p', '720p'],
				secondsFrom(1, 15, 'Clip length'),
				urls('Reference images (charged per image)'),
			),
			edit: {
				prompt: false,
				fields: {
					video_urls: urls('Source clip to edit (1, ≤8.7 s)', {
						required: true,
						minItems: 1,
						maxItems: 1,
					}),
					duration: secondsIn([0], 'Leave empty or 0: the source length'),
				},
				source: { via: 'video_urls' },
			},
		},
		pricing: perSecond({ '480p': 0.045, '720p': 0.063 }, { defaultResolution: '480p' }),
		source: `GROK @174193d, ${PRC}`,
	},
	{
		id: 'grok-imagine-video-1.5',
		family: 'Grok',
		description: 'xAI Grok Imagine Video 1.5: 1–15 s up to 1080p, several references',
		actions: {
			generate: grokGenerate(
				['480p', '720p', '1080p'],
				secondsFrom(1, 15, 'Clip length'),
				urls('Reference images; several need an explicit ratio'),
				[
					when(
						'image_urls',
						{ moreThan: 1 },
						{ field: 'aspect_ratio', present: true },
						'Several reference images need an explicit Aspect Ratio (not auto): set one.',
					),
				],
			),
		},
		pricing: perSecond(
			{ '480p': 0.072, '720p': 0.126, '1080p': 0.225 },
			{ defaultResolution: '480p' },
		),
		source: `GROK @174193d, ${PRC}`,
	},
	{
		id: 'grok-imagine-video-1.5-rev',
		family: 'Grok',
		description: 'Grok Imagine Video 1.5, economy route: 6–15 s at 480p/720p, 7 references',
		actions: {
			generate: grokGenerate(
				['480p', '720p'],
				secondsFrom(6, 15, 'Clip length'),
				urls('Reference images', { maxItems: 7 }),
			),
		},
		pricing: perSecond({ '480p': 0.01148, '720p': 0.02151 }, { defaultResolution: '480p' }),
		source: `GROK @174193d, ${PRC}`,
	},
];

// ---------------------------------------------------------------------------------------------------------
// HappyHorse: 1.0 (generate, edit) and 1.1 (generate).

const HH_RES = choice(['720p', '1080p'], 'Output resolution');
const HH_GENERATE: ActionRules = {
	prompt: false,
	fields: {
		duration: secondsFrom(3, 15, 'Clip length'),
		resolution: HH_RES,
		aspect_ratio: choice(RATIOS_5, 'Frame shape'),
		image_urls: urls('Reference images'),
		first_frame_image: url('Image the clip starts from'),
		seed: SEED,
		watermark: WATERMARK_OFF,
	},
};

const HAPPYHORSE: ModelRules[] = [
	{
		id: 'happyhorse-1.0',
		family: 'HappyHorse',
		description: 'HappyHorse 1.0: 3–15 s at 720p/1080p; edits 6–15 s clips',
		actions: {
			generate: HH_GENERATE,
			edit: {
				prompt: false,
				fields: {
					video_urls: urls('Source clip to edit (1, 6–15 s)', {
						required: true,
						minItems: 1,
						maxItems: 1,
					}),
					duration: secondsFrom(0, 15, '0 = the source clip length'),
					resolution: HH_RES,
					audio_setting: choice(['auto', 'origin'], 'New audio, or keep the original'),
					seed: SEED,
					watermark: WATERMARK_OFF,
				},
				source: { via: 'video_urls' },
			},
		},
		pricing: perSecond({ '720p': 0.14625, '1080p': 0.25875 }),
		source: `HH @8846645, ${PRC}`,
	},
	{
		id: 'happyhorse-1.1',
		family: 'HappyHorse',
		description: 'HappyHorse 1.1: 3–15 s at 720p/1080p',
		actions: { generate: HH_GENERATE },
		pricing: perSecond({ '720p': 0.14625, '1080p': 0.1935 }),
		source: `HH @8846645, ${PRC}`,
	},
];

// ---------------------------------------------------------------------------------------------------------
// Omni: Omni-Flash-Ext and Gemini Omni (which extend or edit an earlier task through ref_task_id).

const OMNI_RATIO = choice(['16:9', '9:16'], 'Frame shape');
const GEMINI_COMMON: Record<string, FieldRule> = {
	duration: secondsIn([0], 'The model picks 3–10 s; leave empty or 0'),
	aspect_ratio: OMNI_RATIO,
	ref_task_id: str('Our task ID of a video to extend or edit; not with Video URLs'),
};
const GEMINI_RULES: CrossRule[] = [
	excludes(
		['ref_task_id', 'video_urls'],
		'Send a Ref Task ID or a Video URL, not both: one source video per request.',
	),
];
const GEMINI_SOURCE = `GOF @1ddf276, OMNI @174193d, CLM @174193d, ${PRC}`;

const OMNI: ModelRules[] = [
	{
		id: 'omni-flash-ext',
		family: 'Omni',
		description: 'Omni-Flash-Ext: 4–10 s up to 4k, frame or reference images, reference video',
		actions: {
			generate: {
				prompt: false,
				fields: {
					duration: secondsIn([4, 6, 8, 10], 'Clip length; not with a video', { default: 6 }),
					resolution: choice(['360p', '720p', '1080p', '4k'], 'Output resolution', {
						default: '720p',
					}),
					aspect_ratio: OMNI_RATIO,
					image_urls: urls('1 frame, or 1 or 3 references', { maxItems: 3 }),
					generation_type: choice(['frame', 'reference'], 'frame: 1 image; reference: 1 or 3'),
					video_urls: urls('Reference video (1, ≤10 s)', { maxItems: 1 }),
				},
				rules: [
					excludes(
						['duration', 'video_urls'],
						'With a video the length follows the video: remove Duration.',
					),
					{
						kind: 'when',
						if: { field: 'image_urls', moreThan: 1 },
						then: { field: 'image_urls', moreThan: 2 },
						why: 'Omni-Flash-Ext takes 1 or 3 images, not 2: add or remove one.',
					},
					when(
						'image_urls',
						{ moreThan: 1 },
						{ field: 'generation_type', in: ['reference'] },
						'Frame mode takes exactly 1 image: set Generation Type to reference, or send one image.',
					),
				],
			},
		},
		source: 'OFE @8846645',
	},
	{
		id: 'gemini-omni-1.1-flash',
		family: 'Omni',
		description: 'Gemini Omni 1.1 Flash: model-chosen 3–10 s up to 4k; extends or edits a task',
		actions: {
			generate: {
				prompt: false,
				fields: {
					...GEMINI_COMMON,
					resolution: choice(['360p', '720p', '1080p', '4k'], 'Output resolution', {
						default: '720p',
					}),
					image_urls: urls('Reference images (10 in all, frames included)', { maxItems: 10 }),
					first_frame_image: url('Image the clip starts from'),
					last_frame_image: url('Image the clip ends on'),
					image_with_roles: list('Images with a role'),
					video_urls: urls('Reference video (1, ≤10 s)', { maxItems: 1 }),
					metadata: obj(
						'{"task": text_to_video | image_to_video | reference_to_video | edit | extend}',
					),
				},
				rules: GEMINI_RULES,
			},
		},
		pricing: perSecond(
			{ '360p': 0.0333, '720p': 0.099, '1080p': 0.1485, '4k': 0.297 },
			{ defaultResolution: '720p', defaultSeconds: 10 },
		),
		source: GEMINI_SOURCE,
	},
	{
		id: 'gemini-omni-flash-preview',
		family: 'Omni',
		description: 'Gemini Omni Flash Preview: 720p, 16 references (upstream end 2026-09-30)',
		actions: {
			generate: {
				prompt: false,
				fields: {
					...GEMINI_COMMON,
					resolution: choice(['720p'], 'Output resolution', { default: '720p' }),
					image_urls: urls('Reference images', { maxItems: 16 }),
					video_urls: urls('Reference video (1, ≤24 s)', { maxItems: 1 }),
				},
				rules: GEMINI_RULES,
			},
		},
		pricing: perSecond({ '720p': 0.099 }, { defaultResolution: '720p', defaultSeconds: 10 }),
		source: `${GEMINI_SOURCE}, NOT @e4e7882`,
	},
];

// ---------------------------------------------------------------------------------------------------------
// Sora 2: delisted upstream on 2026-09-24; kept so a saved workflow gets a clear refusal.

const SORA_DELISTED = {
	on: '2026-09-24',
	replacements: ['veo3.1-fast', 'veo3.1-quality', 'kling-v3', 'seedance-2.0'],
};

const SORA: ModelRules[] = [
	{
		id: 'sora-2',
		family: 'Sora',
		description: 'OpenAI Sora 2: delisted on 2026-09-24',
		actions: {},
		delisted: SORA_DELISTED,
		source: 'SORA @a35fa0f, CLM @174193d, RET @8a19348, NOT @e4e7882',
	},
	{
		id: 'sora-2-pro',
		family: 'Sora',
		description: 'OpenAI Sora 2 Pro: delisted on 2026-09-24',
		actions: {},
		delisted: SORA_DELISTED,
		source: 'SORA @a35fa0f, CLM @174193d, RET @8a19348, NOT @e4e7882',
	},
];

export const CATALOGUE: readonly ModelRules[] = [
	...VEO,
	...KLING,
	...SEEDANCE,
	...WAN,
	...PIXVERSE,
	...HAILUO,
	...MINIMAX,
	...VIDU,
	...SKYREELS,
	...FLUX,
	...GROK,
	...HAPPYHORSE,
	...OMNI,
	...SORA,
];
