/** PixVerse V6: generate; extend a finished pixverse-v6 task by its task ID. */
import {
	AUDIO_TIER_OFF,
	bool,
	choice,
	docPage,
	familyOf,
	int,
	perSecond,
	secondsFrom,
	span,
	str,
	url,
	urls,
	WATERMARK_OFF,
	when,
} from '../builders';
import type { FieldRule, ModelRules } from '../types';

const pixverse = familyOf('PixVerse', {
	page: docPage('174193df222bffe11ec38021e5efa3739cda2c03', 'en/api-reference/video/pixverse.mdx'),
	read: '2026-11-29',
});

/** Fields both actions take, after each action's own. */
const PIX_COMMON: Record<string, FieldRule> = {
	resolution: choice(['360p', '540p', '720p', '1080p'], 'Output resolution', { default: '540p' }),
	negative_prompt: str('What to keep out of the clip', { maxLength: 2048 }),
	seed: int('Random seed for repeatable results', { min: 0, max: 2147483647 }),
	watermark: WATERMARK_OFF,
	generate_audio: AUDIO_TIER_OFF,
	motion_mode: choice(['normal'], 'Motion mode'),
};

export const PIXVERSE: ModelRules[] = [
	pixverse(
		'pixverse-v6',
		'PixVerse V6: 1–15 s, text, image, first/last frames or fusion; extend',
		{
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
		perSecond(
			{ '360p': 0.018, '540p': 0.027, '720p': 0.036, '1080p': 0.072 },
			{ defaultResolution: '540p' },
		),
	),
];
