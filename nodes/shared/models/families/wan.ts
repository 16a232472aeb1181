/** Wan: 2.5-preview to 3.0 (the 2.7 models are in wan-2.7.ts); wan2.7-videoedit only edits a source clip. */
import {
	anyOf,
	bool,
	choice,
	excludes,
	exactlyOneUrl,
	exclusivePairs,
	familyOf,
	FIRST_FRAME,
	LAST_FRAME,
	LAST_NEEDS_FIRST,
	MODELS_CHANGELOG,
	perSecond,
	perSecond720p1080p,
	RATIOS_5,
	RES_720_1080,
	secondsFrom,
	secondsIn,
	SEED,
	span,
	str,
	url,
	urls,
	WATERMARK,
	when,
} from '../builders';
import type { ActionRules, CrossRule, FieldRule, ModelRules } from '../types';
import { WAN_27 } from './wan-2.7';
import {
	wan,
	WAN_COMMON,
	WAN_MEDIA,
	wanNoVideoOver,
	WAN_PAGE,
	WAN_RATIO,
	WAN_ROLES,
} from './wan-shared';

/** Prime is documented beside 3.0; that it takes the same fields is in the model changelog. */
const wanWithChangelog = familyOf('Wan', {
	page: WAN_PAGE,
	read: '2026-11-29',
	also: [MODELS_CHANGELOG],
});

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
const WAN_SHOT_NEEDS_EXTEND = when(
	'shot_type',
	{ present: true },
	{ field: 'prompt_extend', in: [true] },
	'Shot Type needs Prompt Extend turned on.',
);

/** wan2.5-preview and wan2.6: text to video, or image to video when an image is sent. */
const wanTextOrImage = (
	duration: FieldRule,
	resolution: FieldRule,
	generateAudio: FieldRule,
	more: Record<string, FieldRule>,
	rules: CrossRule[],
): ActionRules => ({
	prompt: false,
	fields: {
		duration,
		resolution,
		aspect_ratio: WAN_RATIO,
		image_urls: urls('An image switches to image-to-video'),
		audio_url: url('Audio track to use instead of generated audio'),
		generate_audio: generateAudio,
		...more,
		...WAN_COMMON,
	},
	rules: [
		excludes(
			['image_urls', 'aspect_ratio'],
			'With an image the ratio follows the image: remove Aspect Ratio or the image.',
		),
		...rules,
	],
});

/** wan2.6-i2v and wan2.6-i2v-flash: one first-frame image, effect templates. */
const wanI2v = (flash: boolean): ActionRules => ({
	prompt: false,
	fields: {
		image_urls: exactlyOneUrl('First frame (exactly 1)'),
		duration: secondsFrom(2, 15, 'Clip length', { default: 5 }),
		resolution: RES_720_1080,
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
		first_frame_image: FIRST_FRAME,
		last_frame_image: LAST_FRAME,
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
			['prompt', ...WAN_MEDIA, 'file_url', 'link_url'],
			'Wan 3.0 needs a prompt unless media is given: write a prompt or add an image or video.',
		),
	],
};

export const WAN: ModelRules[] = [
	wan(
		'wan2.5-preview',
		'Alibaba Wan 2.5 Preview: 5 or 10 s, text or image to video, always with audio',
		{
			generate: wanTextOrImage(
				secondsIn([5, 10], 'Clip length'),
				choice(['480p', '720p', '1080p'], 'Output resolution', { default: '720p' }),
				bool('Always on for this model (false is refused)', { values: [true], default: true }),
				{},
				[
					when(
						'aspect_ratio',
						{ in: ['4:3', '3:4'] },
						{ field: 'resolution', in: ['720p', '1080p'] },
						'At 480p Wan 2.5 makes 16:9, 9:16 or 1:1 only: change Aspect Ratio or Resolution.',
					),
				],
			),
		},
		perSecond({ '480p': 0.0378, '720p': 0.0747, '1080p': 0.1233 }, { defaultResolution: '720p' }),
	),
	wan(
		'wan2.6',
		'Alibaba Wan 2.6: 5/10/15 s, text or image to video, multi-shot, templates',
		{
			generate: wanTextOrImage(
				secondsIn([5, 10, 15], 'Clip length'),
				RES_720_1080,
				bool('Add generated audio', { default: false }),
				{
					shot_type: choice(['single', 'multi'], 'One shot or several'),
					template: str('Effect template name'),
				},
				[],
			),
		},
		perSecond({ '1080p': 0.0945 }, { defaultResolution: '720p' }),
	),
	wan(
		'wan2.6-i2v',
		'Alibaba Wan 2.6 image-to-video: 2–15 s from one first frame, effect templates',
		{ generate: wanI2v(false) },
		perSecond720p1080p(0.0747, 0.1233),
	),
	wan(
		'wan2.6-i2v-flash',
		'Alibaba Wan 2.6 image-to-video Flash: 2–15 s from one first frame, audio',
		{ generate: wanI2v(true) },
		perSecond720p1080p(0.0225, 0.03375),
	),
	...WAN_27,
	wan(
		'wan3.0-video',
		'Alibaba Wan 3.0: 2–30 s or model-chosen, frames, image/video/audio references',
		{ generate: WAN_30 },
		perSecond(
			{ '480p': 0.045, '720p': 0.09, '1080p': 0.18 },
			{ defaultResolution: '480p', defaultSeconds: 30 },
		),
	),
	wanWithChangelog(
		'wan3.0-video-prime',
		'Alibaba Wan 3.0 Prime: the same as Wan 3.0, faster and dearer',
		{ generate: WAN_30 },
	),
];
