/** Seedance: 1.x tiers, the 2.0 tiers (asset:// media) and 2.5 (edit and extend of a video URL). */
import {
	anyOf,
	bool,
	choice,
	docPage,
	excludes,
	familyOf,
	FIRST_FRAME,
	LAST_FRAME,
	LAST_NEEDS_FIRST,
	list,
	N_ONE,
	perSecond,
	RATIOS_6,
	secondsFrom,
	secondsIn,
	SEED,
	span,
	url,
	urls,
	WATERMARK,
	when,
} from '../builders';
import type { ActionRules, CrossRule, FieldRule, ModelRules } from '../types';

const seedance = familyOf('Seedance', {
	page: docPage('7a9d5f1bebbfc10138286bea33412805eb617154', 'en/api-reference/video/seedance.mdx'),
	read: '2026-11-29',
});

const SEEDANCE_RES_3 = ['480p', '720p', '1080p'];
const SEEDANCE_RATIO_1X = choice(RATIOS_6, 'Frame shape', { default: '16:9' });
const SEEDANCE_RATIO_2X = choice([...RATIOS_6, 'adaptive'], 'Frame shape; frames need adaptive', {
	default: '16:9',
});
const SEEDANCE_RATIO_25 = choice([...RATIOS_6, 'adaptive'], 'Frame shape; frames need adaptive', {
	default: 'adaptive',
});
const SEEDANCE_FRAME_ROLES = list('Frames with a role: first_frame, last_frame (1 each)');

const seedanceResolution = (values: string[], def = '720p'): FieldRule =>
	choice(values, 'Output resolution', { default: def });

/** The 1.x tiers: one ratio list, a first frame, then the model's own media, one video, a seed. */
const seedance1x = (
	duration: FieldRule,
	resolution: FieldRule,
	media: Record<string, FieldRule>,
	rules?: CrossRule[],
): ActionRules => ({
	prompt: true,
	fields: {
		duration,
		resolution,
		aspect_ratio: SEEDANCE_RATIO_1X,
		first_frame_image: FIRST_FRAME,
		...media,
		n: N_ONE,
		seed: SEED,
	},
	...(rules ? { rules } : {}),
});

/** Media fields of the 2.x models; all take `asset://<id>` from the asset library. */
const seedance2xMedia = (max: {
	images: number;
	videos: number;
	audios: number;
}): Record<string, FieldRule> => ({
	first_frame_image: url('Image the clip starts from', { assets: true }),
	last_frame_image: url('Image the clip ends on; needs a first frame', { assets: true }),
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

/** Seedance 2.5 edit and extend: the source clip leads video_urls and the ratio stays adaptive. */
const seedance25FollowUp = (duration: FieldRule): ActionRules => ({
	prompt: true,
	fields: {
		...SEEDANCE_25_FIELDS,
		duration,
		aspect_ratio: choice(['adaptive'], 'Edit and extend keep the adaptive ratio', {
			default: 'adaptive',
		}),
		video_urls: urls('Source clip first (MP4/MOV/WebM, 4–30 s), then references', {
			required: true,
			minItems: 1,
			maxItems: 10,
			assets: true,
		}),
	},
	rules: [...SEEDANCE_FRAME_RULES],
	source: { via: 'video_urls' },
});

export const SEEDANCE: ModelRules[] = [
	seedance('seedance-1.0-pro', 'ByteDance Seedance 1.0 Pro: 2–12 s, first/last frames', {
		generate: seedance1x(
			secondsFrom(2, 12, 'Clip length', { required: true }),
			seedanceResolution(SEEDANCE_RES_3, '1080p'),
			{ last_frame_image: LAST_FRAME, image_with_roles: SEEDANCE_FRAME_ROLES },
			[LAST_NEEDS_FIRST],
		),
	}),
	seedance(
		'seedance-1.0-pro-fast',
		'ByteDance Seedance 1.0 Pro Fast: 2–12 s, first frame',
		{
			generate: seedance1x(
				secondsFrom(2, 12, 'Clip length', { required: true }),
				seedanceResolution(SEEDANCE_RES_3, '1080p'),
				{ image_with_roles: list('A frame with the role first_frame') },
			),
		},
		perSecond({ '480p': 0.009, '720p': 0.02, '1080p': 0.0432 }, { defaultResolution: '1080p' }),
	),
	seedance(
		'seedance-1.5-pro',
		'ByteDance Seedance 1.5 Pro: 4–12 s, frames or 2 references, audio',
		{
			generate: seedance1x(
				secondsFrom(4, 12, 'Clip length', { required: true }),
				seedanceResolution(SEEDANCE_RES_3),
				{
					last_frame_image: LAST_FRAME,
					image_urls: urls('Reference images', { maxItems: 2 }),
					image_with_roles: SEEDANCE_FRAME_ROLES,
					generate_audio: bool('Add generated audio (audio price tier)', { default: true }),
					camerafixed: bool('Keep the camera still', { default: false }),
				},
				[...SEEDANCE_FRAME_RULES, SEEDANCE_ROLES_VS_IMAGES],
			),
		},
		perSecond({ '480p': 0.0216, '720p': 0.0468, '1080p': 0.116 }, { defaultResolution: '720p' }),
	),
	seedance(
		'seedance-2.0',
		'ByteDance Seedance 2.0: 4–15 s, up to 4k, image/video/audio references, assets',
		{ generate: seedance20(['480p', '720p', '1080p', '4k']) },
		perSecond(
			{ '480p': 0.07, '720p': 0.15, '1080p': 0.37, '4k': 0.78 },
			{ defaultResolution: '720p' },
		),
	),
	seedance(
		'seedance-2.0-fast',
		'ByteDance Seedance 2.0 Fast: 4–15 s, 480p/720p, references, assets',
		{ generate: seedance20(['480p', '720p']) },
		perSecond({ '480p': 0.0405, '720p': 0.09 }, { defaultResolution: '720p' }),
	),
	seedance(
		'seedance-2.0-mini',
		'ByteDance Seedance 2.0 Mini: 4–15 s, 480p/720p, references, assets',
		{ generate: seedance20(['480p', '720p']) },
		perSecond({ '480p': 0.0144, '720p': 0.0288 }, { defaultResolution: '720p' }),
	),
	seedance(
		'seedance-2.5',
		'ByteDance Seedance 2.5: 4–30 s or model-chosen, 30 references, edit, extend',
		{
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
			edit: seedance25FollowUp(secondsIn([0], '0 = the source clip length', { required: true })),
			extend: seedance25FollowUp(
				secondsIn(SEEDANCE_25_DURATIONS, 'Added length; 0 = the model picks 4–30 s', {
					required: true,
				}),
			),
		},
		perSecond({ '480p': 0.103, '720p': 0.231, '1080p': 0.409 }, { defaultResolution: '720p' }),
	),
];
