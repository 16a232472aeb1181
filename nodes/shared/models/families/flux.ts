/**
 * FLUX 3 Video: a draft model, and the full model that can finalize a draft. The pricing changelog lists
 * only the with-reference (continuation) rates, so no pricing is given.
 */
import { bool, choice, docPage, excludes, familyOf, int, secondsFrom, urls } from '../builders';
import type { ActionRules, ModelRules } from '../types';

const flux = familyOf('FLUX', {
	page: docPage(
		'174193df222bffe11ec38021e5efa3739cda2c03',
		'en/api-reference/video/flux/flux-3-video.mdx',
	),
	read: '2026-11-29',
});

const fluxGenerate = (resolutions: string[]): ActionRules => ({
	prompt: false,
	fields: {
		duration: secondsFrom(5, 20, 'Clip length', { default: 5 }),
		resolution: choice(resolutions, 'Output resolution', { default: 'hd' }),
		aspect_ratio: choice(
			['21:9', '2:1', '16:9', '4:3', '1:1', '3:4', '9:16', 'auto'],
			'Frame shape',
			{ default: 'auto' },
		),
		image_urls: urls('Ordered keyframes (1–10)', { minItems: 1, maxItems: 10 }),
		video_urls: urls('Clip to continue (1, ≤20 s)', { maxItems: 1 }),
		generate_audio: bool('Add generated audio', { default: true }),
		safety_tolerance: int('Moderation strictness, 0–4', { min: 0, max: 4, default: 2 }),
	},
	rules: [excludes(['image_urls', 'video_urls'], 'Send keyframe images or a video, not both.')],
});

export const FLUX: ModelRules[] = [
	flux(
		'flux-3-video',
		'FLUX 3 Video: 5–20 s from keyframes or a clip; finalizes a draft at hd or fhd',
		{
			generate: fluxGenerate(['hd', 'fhd']),
			finalize: {
				prompt: 'refused',
				fields: {
					resolution: choice(['hd', 'fhd'], 'Final resolution', { default: 'hd' }),
				},
				source: { via: 'ref_task_id', models: ['flux-3-video-draft'] },
			},
		},
	),
	flux('flux-3-video-draft', 'FLUX 3 Video Draft: a quick hd draft to finalize with flux-3-video', {
		generate: fluxGenerate(['hd']),
	}),
];
