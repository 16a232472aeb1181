/**
 * MiniMax's video models: Hailuo 02 / 2.3 / 2.3-fast (family Hailuo: no aspect ratio, seed or image list)
 * and H3 (family MiniMax: h3 and h3-max generate; h3-regeneration re-renders a 768p h3 task at 2k).
 */
import {
	bool,
	choice,
	docPage,
	excludes,
	exclusivePairs,
	familyOf,
	FIRST_FRAME,
	LAST_FRAME,
	LAST_NEEDS_FIRST,
	list,
	perSecond,
	PROMPT_OPTIMIZER,
	requires,
	secondsFrom,
	secondsIn,
	url,
	urls,
	WATERMARK_OFF,
	when,
} from '../builders';
import type { ActionRules, CrossRule, FieldRule, ModelRules } from '../types';

// The Hailuo page says Hailuo is priced per clip for each resolution × duration but lists no amounts; the
// pricing changelog lists per-second ones.
const hailuo = familyOf('Hailuo', {
	page: docPage('7a9d5f1bebbfc10138286bea33412805eb617154', 'en/api-reference/video/hailuo.mdx'),
	read: '2026-11-29',
});
const h3 = familyOf('MiniMax', {
	page: docPage(
		'174193df222bffe11ec38021e5efa3739cda2c03',
		'en/api-reference/video/minimax-h3.mdx',
	),
	read: '2026-11-29',
});

const HAILUO_COMMON: Record<string, FieldRule> = {
	prompt_optimizer: PROMPT_OPTIMIZER,
	fast_pretreatment: bool('Faster prompt preprocessing', { default: false }),
	watermark: WATERMARK_OFF,
};
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
	rules: [
		when(
			'resolution',
			{ in: ['1080p'] },
			{ field: 'duration', in: [6] },
			'Hailuo 2.3 makes 1080p clips at 6 s only: set Duration to 6 or Resolution to 768p.',
		),
	],
});

/** h3 and h3-max: references or frames (not both), then each model's media and watermark. */
const h3Generate = (
	duration: FieldRule,
	resolution: FieldRule,
	media: Record<string, FieldRule>,
	watermark: FieldRule,
	rules: CrossRule[],
): ActionRules => ({
	prompt: true,
	fields: {
		duration,
		resolution,
		aspect_ratio: choice(
			['21:9', '16:9', '4:3', '1:1', '3:4', '9:16'],
			'Frame shape; follows a frame image if one is sent',
		),
		image_urls: urls('Reference images', { maxItems: 9 }),
		first_frame_image: FIRST_FRAME,
		last_frame_image: url('Image the clip ends on'),
		...media,
		watermark,
	},
	rules: [
		...exclusivePairs(
			['first_frame_image', 'last_frame_image'],
			['image_urls', 'video_urls', 'audio_urls'],
			'Frames cannot be mixed with reference images, videos or audio: send one or the other.',
		),
		...rules,
	],
});

export const HAILUO_AND_H3: ModelRules[] = [
	hailuo('minimax-hailuo-02', 'MiniMax Hailuo 02: 5 or 10 s, up to 1080p, first/last frames', {
		generate: {
			prompt: true,
			fields: {
				duration: secondsIn([5, 10], 'Clip length; 1080p takes 5 s only', { default: 5 }),
				resolution: choice(['512p', '768p', '1080p'], 'Output resolution', { default: '768p' }),
				first_frame_image: url('Image the clip starts from; needed at 512p'),
				last_frame_image: LAST_FRAME,
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
	}),
	hailuo(
		'minimax-hailuo-2.3',
		'MiniMax Hailuo 2.3: 6 or 10 s, 768p/1080p, camera tags in the prompt',
		{ generate: hailuo23(false) },
		perSecond({ '768p': 0.0549, '1080p': 0.081 }, { defaultResolution: '768p' }),
	),
	hailuo(
		'minimax-hailuo-2.3-fast',
		'MiniMax Hailuo 2.3 Fast: image-to-video from a first frame, 6 or 10 s',
		{ generate: hailuo23(true) },
		perSecond({ '768p': 0.0279, '1080p': 0.0477 }, { defaultResolution: '768p' }),
	),
	h3(
		'minimax-h3',
		'MiniMax H3: 4–15 s at 768p or 2k, image/video/audio references',
		{
			generate: h3Generate(
				secondsFrom(4, 15, 'Clip length', { required: true }),
				choice(['768p', '2k'], 'Output resolution', { default: '2k' }),
				{
					video_urls: urls('Reference videos (15 s in all, 23.976–60 fps)', { maxItems: 3 }),
					audio_urls: urls('Reference audio (15 s in all); needs a reference image', {
						maxItems: 3,
					}),
				},
				WATERMARK_OFF,
				[
					requires(
						'audio_urls',
						'image_urls',
						'MiniMax H3 takes reference audio only with a reference image: add Image URLs.',
					),
				],
			),
		},
		perSecond({ '768p': 0.072, '2k': 0.117 }, { defaultResolution: '2k' }),
	),
	h3('minimax-h3-max', 'MiniMax H3 Max: 5–15 s up to 1080p, image/video/audio references', {
		generate: h3Generate(
			secondsFrom(5, 15, 'Clip length', { required: true }),
			choice(['480p', '768p', '1080p'], 'Output resolution', { default: '768p' }),
			{
				image_with_roles: list('Images with a role: first_frame, last_frame, reference_image', {
					maxItems: 2,
				}),
				video_urls: urls('Reference videos (each 2–15 s, 15 s in all)', { maxItems: 3 }),
				audio_urls: urls('Reference audio (each 2–15 s); needs an image or video', {
					maxItems: 3,
				}),
			},
			bool('Add a watermark (not at 1080p)', { default: false }),
			[
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
		),
	}),
	h3(
		'minimax-h3-regeneration',
		'MiniMax H3 Regeneration: re-renders a finished 768p minimax-h3 task at 2k',
		{
			regenerate: {
				prompt: 'refused',
				fields: {},
				source: { via: 'ref_task_id', models: ['minimax-h3'], actions: ['generate'] },
			},
		},
		perSecond({ '2k': 0.045 }, { defaultResolution: '2k' }),
	),
];
