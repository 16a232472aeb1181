/** Veo 3.1: official route (fast, quality) and economy route (lite, fast-rev, quality-rev; extend on -rev). */
import {
	AUDIO_TIER_OFF,
	bool,
	choice,
	docPage,
	familyOf,
	FIRST_FRAME,
	LAST_FRAME,
	LAST_NEEDS_FIRST,
	NEGATIVE_PROMPT,
	perClip,
	perSecond720p1080p,
	requires,
	secondsIn,
	SEED,
	urls,
	when,
} from '../builders';
import type { ActionRules, CrossRule, FieldRule, ModelRules, Pricing } from '../types';

const veo = familyOf('Veo', {
	page: docPage('7a9d5f1bebbfc10138286bea33412805eb617154', 'en/api-reference/video/veo.mdx'),
	read: '2026-11-29',
});

const VEO_RESOLUTIONS = ['720p', '1080p', '4k'];
const VEO_RESOLUTION = choice(VEO_RESOLUTIONS, 'Output resolution', { default: '720p' });
const VEO_RATIO = choice(['16:9', '9:16'], 'Frame shape', { default: '16:9' });

const VEO_OFFICIAL: ActionRules = {
	prompt: true,
	fields: {
		duration: secondsIn([4, 6, 8], 'Clip length; 1080p and 4k take 8 s only', { required: true }),
		resolution: VEO_RESOLUTION,
		aspect_ratio: VEO_RATIO,
		first_frame_image: FIRST_FRAME,
		last_frame_image: LAST_FRAME,
		negative_prompt: NEGATIVE_PROMPT,
		seed: SEED,
		generate_audio: AUDIO_TIER_OFF,
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

/** Economy generate and extend: the extend continues a finished generate task of the same model. */
const veoEconomyWithExtend = (
	id: string,
	images: { maxItems: number; types: string[] },
): ModelRules['actions'] => ({
	generate: veoEconomy(images),
	extend: {
		prompt: true,
		fields: {
			raw: bool('true returns only the new segment, false the joined clip', { default: false }),
			resolution: choice(VEO_RESOLUTIONS, 'Output resolution; 4k needs a 4k source', {
				default: '720p',
			}),
		},
		source: { via: 'ref_task_id', models: [id], actions: ['generate'] },
	},
});

/** The economy route charges one amount per clip, whatever the resolution. */
const perClipAtAnyResolution = (usd: number): Pricing =>
	perClip({ '720p': usd, '1080p': usd }, { defaultResolution: '720p' });

export const VEO: ModelRules[] = [
	veo(
		'veo3.1-fast',
		'Google Veo 3.1 Fast, official route: 4/6/8 s, up to 4k, optional audio',
		{ generate: VEO_OFFICIAL },
		perSecond720p1080p(0.072, 0.09),
	),
	veo(
		'veo3.1-quality',
		'Google Veo 3.1 Quality, official route: 4/6/8 s, up to 4k, optional audio',
		{ generate: VEO_OFFICIAL },
		perSecond720p1080p(0.18, 0.18),
	),
	veo(
		'veo3.1-lite',
		'Veo 3.1 economy tier (not Google Veo 3.1 Lite): 8 s text-to-video, priced per clip',
		{ generate: veoEconomy() },
		perClipAtAnyResolution(0.07875),
	),
	veo(
		'veo3.1-fast-rev',
		'Veo 3.1 Fast, economy route: 8 s, frames or up to 3 references, extend',
		veoEconomyWithExtend('veo3.1-fast-rev', { maxItems: 3, types: ['frame', 'reference'] }),
		perClipAtAnyResolution(0.1575),
	),
	veo(
		'veo3.1-quality-rev',
		'Veo 3.1 Quality, economy route: 8 s, first/last frames, extend',
		veoEconomyWithExtend('veo3.1-quality-rev', { maxItems: 2, types: ['frame'] }),
		perClipAtAnyResolution(1.125),
	),
];
