/** Grok Imagine Video: three tiers; edit on grok-imagine-video. */
import {
	choice,
	docPage,
	familyOf,
	perSecond,
	secondsFrom,
	secondsIn,
	sourceClip,
	str,
	urls,
	when,
} from '../builders';
import type { ActionRules, CrossRule, FieldRule, ModelRules, Pricing } from '../types';

const grok = familyOf('Grok', {
	page: docPage(
		'174193df222bffe11ec38021e5efa3739cda2c03',
		'en/api-reference/video/grok-imagine-video.mdx',
	),
	read: '2026-11-29',
});

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

/** Every Grok price names 480p and up; 480p is priced when the request names none. */
const perSecondFrom480p = (usd: Record<string, number>): Pricing =>
	perSecond(usd, { defaultResolution: '480p' });

export const GROK: ModelRules[] = [
	grok(
		'grok-imagine-video',
		'xAI Grok Imagine Video: 1–15 s at 480p/720p; edits clips up to 8.7 s',
		{
			generate: grokGenerate(
				['480p', '720p'],
				secondsFrom(1, 15, 'Clip length'),
				urls('Reference images (charged per image)'),
			),
			edit: sourceClip('Source clip to edit (1, ≤8.7 s)', {
				duration: secondsIn([0], 'Leave empty or 0: the source length'),
			}),
		},
		perSecondFrom480p({ '480p': 0.045, '720p': 0.063 }),
	),
	grok(
		'grok-imagine-video-1.5',
		'xAI Grok Imagine Video 1.5: 1–15 s up to 1080p, several references',
		{
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
		perSecondFrom480p({ '480p': 0.072, '720p': 0.126, '1080p': 0.225 }),
	),
	grok(
		'grok-imagine-video-1.5-rev',
		'Grok Imagine Video 1.5, economy route: 6–15 s at 480p/720p, 7 references',
		{
			generate: grokGenerate(
				['480p', '720p'],
				secondsFrom(6, 15, 'Clip length'),
				urls('Reference images', { maxItems: 7 }),
			),
		},
		perSecondFrom480p({ '480p': 0.01148, '720p': 0.02151 }),
	),
];
