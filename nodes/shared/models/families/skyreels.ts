/** SkyReels V4: generate; extend continues a source clip given in video_urls. */
import {
	choice,
	docPage,
	exclusivePairs,
	familyOf,
	FIRST_FRAME,
	list,
	perSecond,
	PROMPT_OPTIMIZER,
	RATIOS_5,
	secondsFrom,
	sourceClip,
	url,
	urls,
} from '../builders';
import type { FieldRule, ModelRules, Pricing } from '../types';

const skyreels = familyOf('SkyReels', {
	page: docPage('7a9d5f1bebbfc10138286bea33412805eb617154', 'en/api-reference/video/skyreels.mdx'),
	read: '2026-11-29',
});

/** Length, resolution and ratio, the same under both actions. */
const SKY_SHAPE: Record<string, FieldRule> = {
	duration: secondsFrom(3, 15, 'Clip length'),
	resolution: choice(['480p', '720p', '1080p'], 'Output resolution', { default: '1080p' }),
	aspect_ratio: choice(RATIOS_5, 'Frame shape'),
};

/** Both tiers take the same fields; they differ only in price. */
const SKYREELS_ACTIONS: ModelRules['actions'] = {
	generate: {
		prompt: false,
		fields: {
			...SKY_SHAPE,
			first_frame_image: FIRST_FRAME,
			end_frame_image: url('Image the clip ends on'),
			mid_frame_images: list('Frames inside the clip as {tag, image_url, time_stamp}', {
				maxItems: 6,
			}),
			ref_images: list('References as {tag, type: image|grid, image_urls, audio_url}'),
			video_urls: urls('Reference video (1); cite it as @video_1 in the prompt', { maxItems: 1 }),
			prompt_optimizer: PROMPT_OPTIMIZER,
		},
		rules: exclusivePairs(
			['first_frame_image', 'end_frame_image', 'mid_frame_images'],
			['ref_images', 'video_urls'],
			'SkyReels takes frames or references, not both: remove one kind.',
		),
	},
	extend: sourceClip('Clip to continue (1, MP4/MOV ≤15 s)', {
		...SKY_SHAPE,
		prompt_optimizer: PROMPT_OPTIMIZER,
	}),
};

/** Per second at 480p, 720p and 1080p; 1080p is priced when the request names none. */
const perSecondTo1080p = (low: number, hd: number, fullHd: number): Pricing =>
	perSecond({ '480p': low, '720p': hd, '1080p': fullHd }, { defaultResolution: '1080p' });

export const SKYREELS: ModelRules[] = [
	skyreels(
		'skyreels-v4-fast',
		'SkyReels V4 Fast: 3–15 s, frames or references, extend',
		SKYREELS_ACTIONS,
		perSecondTo1080p(0.072, 0.099, 0.2475),
	),
	skyreels(
		'skyreels-v4-std',
		'SkyReels V4 Standard: 3–15 s, frames or references, extend',
		SKYREELS_ACTIONS,
		perSecondTo1080p(0.099, 0.126, 0.315),
	),
];
