/** HappyHorse: 1.0 (generate, edit) and 1.1 (generate). */
import {
	choice,
	docPage,
	familyOf,
	FIRST_FRAME,
	perSecond,
	RATIOS_5,
	secondsFrom,
	SEED,
	sourceClip,
	urls,
	WATERMARK_OFF,
} from '../builders';
import type { ActionRules, ModelRules } from '../types';

const happyhorse = familyOf('HappyHorse', {
	page: docPage(
		'8846645d91288fa9c158a7e65b4fdb571006c2fe',
		'en/api-reference/video/happyhorse.mdx',
	),
	read: '2026-11-29',
});

const HH_RES = choice(['720p', '1080p'], 'Output resolution');
const HH_GENERATE: ActionRules = {
	prompt: false,
	fields: {
		duration: secondsFrom(3, 15, 'Clip length'),
		resolution: HH_RES,
		aspect_ratio: choice(RATIOS_5, 'Frame shape'),
		image_urls: urls('Reference images'),
		first_frame_image: FIRST_FRAME,
		seed: SEED,
		watermark: WATERMARK_OFF,
	},
};

export const HAPPYHORSE: ModelRules[] = [
	happyhorse(
		'happyhorse-1.0',
		'HappyHorse 1.0: 3–15 s at 720p/1080p; edits 6–15 s clips',
		{
			generate: HH_GENERATE,
			edit: sourceClip('Source clip to edit (1, 6–15 s)', {
				duration: secondsFrom(0, 15, '0 = the source clip length'),
				resolution: HH_RES,
				audio_setting: choice(['auto', 'origin'], 'New audio, or keep the original'),
				seed: SEED,
				watermark: WATERMARK_OFF,
			}),
		},
		perSecond({ '720p': 0.14625, '1080p': 0.25875 }),
	),
	happyhorse(
		'happyhorse-1.1',
		'HappyHorse 1.1: 3–15 s at 720p/1080p',
		{ generate: HH_GENERATE },
		perSecond({ '720p': 0.14625, '1080p': 0.1935 }),
	),
];
