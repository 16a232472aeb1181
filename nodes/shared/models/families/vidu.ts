/** Vidu Q3: four tiers, generate only. */
import {
	bool,
	choice,
	docPage,
	excludes,
	familyOf,
	perSecond,
	perSecond720p1080p,
	RATIOS_5,
	RES_720_1080,
	secondsFrom,
	SEED,
	urls,
} from '../builders';
import type { ActionRules, FieldRule, ModelRules, Pricing } from '../types';

const vidu = familyOf('Vidu', {
	page: docPage('174193df222bffe11ec38021e5efa3739cda2c03', 'en/api-reference/video/vidu.mdx'),
	read: '2026-11-29',
});

const VIDU_RES_3 = choice(['540p', '720p', '1080p'], 'Output resolution', { default: '720p' });
const VIDU_RATIO = choice(RATIOS_5, 'Frame shape');

/** vidu-q3 and vidu-q3-mix: 1–7 reference images, no frames or audio. */
const viduReferences = (duration: FieldRule, resolution: FieldRule): ActionRules => ({
	prompt: false,
	fields: {
		duration,
		resolution,
		aspect_ratio: VIDU_RATIO,
		image_urls: urls('Reference images (1–7)', { required: true, minItems: 1, maxItems: 7 }),
		seed: SEED,
	},
});

/** vidu-q3-pro and vidu-q3-turbo: text, a start frame, or first and last frames. */
const VIDU_FRAMES: ActionRules = {
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
};

/** Per second at 540p, 720p and 1080p; 720p is priced when the request names none. */
const perSecondFrom540p = (low: number, hd: number, fullHd: number): Pricing =>
	perSecond({ '540p': low, '720p': hd, '1080p': fullHd }, { defaultResolution: '720p' });

export const VIDU: ModelRules[] = [
	vidu(
		'vidu-q3',
		'Vidu Q3: 3–16 s from 1–7 reference images',
		{ generate: viduReferences(secondsFrom(3, 16, 'Clip length'), VIDU_RES_3) },
		perSecondFrom540p(0.045, 0.09, 0.1125),
	),
	vidu(
		'vidu-q3-mix',
		'Vidu Q3 Mix: 1–16 s from 1–7 reference images, 720p/1080p',
		{ generate: viduReferences(secondsFrom(1, 16, 'Clip length'), RES_720_1080) },
		perSecond720p1080p(0.1125, 0.135),
	),
	vidu(
		'vidu-q3-pro',
		'Vidu Q3 Pro: 1–16 s, text, start frame or first/last frames, audio',
		{ generate: VIDU_FRAMES },
		perSecondFrom540p(0.063, 0.135, 0.144),
	),
	vidu(
		'vidu-q3-turbo',
		'Vidu Q3 Turbo: 1–16 s, text, start frame or first/last frames, audio',
		{ generate: VIDU_FRAMES },
		perSecondFrom540p(0.036, 0.054, 0.063),
	),
];
