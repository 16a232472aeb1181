/** Kling: seven models; edit (source video in video_urls) on v3-omni and video-o1. */
import {
	AUDIO_TIER_OFF,
	bool,
	choice,
	docPage,
	exactlyOneUrl,
	excludes,
	familyOf,
	list,
	N_ONE,
	NEGATIVE_PROMPT,
	perSecond720p1080p,
	RES_720_1080,
	secondsFrom,
	secondsIn,
	sourceClip,
	urls,
	WATERMARK,
	when,
} from '../builders';
import type { ActionRules, CrossRule, FieldRule, ModelRules } from '../types';

const kling = familyOf('Kling', {
	page: docPage('7a9d5f1bebbfc10138286bea33412805eb617154', 'en/api-reference/video/kling.mdx'),
	read: '2026-11-29',
});

const KLING_RES_4K = choice(['720p', '1080p', '4k'], 'Output resolution', { default: '720p' });
const KLING_RATIO = choice(['16:9', '9:16', '1:1'], 'Frame shape; follows the input image if any');
const KLING_ROLES = list('Images with a role: first_frame, last_frame or reference');
const KLING_DURATION_3_15 = secondsFrom(3, 15, 'Clip length', { required: true });
const KLING_DURATION_5_10 = secondsIn([5, 10], 'Clip length', { required: true });
const KLING_REFERENCE_VIDEO = urls('Reference video (1 clip, 3–10 s)', { maxItems: 1 });
const KLING_FIRST_AND_LAST = urls('First frame, or first and last frames', { maxItems: 2 });

/** The fields after the media on v2-6, v3 and v3-omni. */
const KLING_WITH_AUDIO: Record<string, FieldRule> = {
	negative_prompt: NEGATIVE_PROMPT,
	generate_audio: AUDIO_TIER_OFF,
	watermark: WATERMARK,
	n: N_ONE,
};

/** Multi-shot fields of kling-v3 and kling-v3-omni. */
const KLING_SHOTS: Record<string, FieldRule> = {
	multi_shot: bool('Make several shots in one clip', { default: false }),
	shot_type: choice(['customize', 'intelligence'], 'How shots are planned; needed with Multi Shot'),
	multi_prompt: list('Shots as {index, prompt, duration}; durations add up to Duration', {
		minItems: 1,
		maxItems: 6,
	}),
	element_list: list('Subjects as {name, description, element_input_urls}, cited as @name', {
		maxItems: 3,
	}),
};
const KLING_SHOT_RULES: CrossRule[] = [
	when(
		'multi_shot',
		{ in: [true] },
		{ field: 'shot_type', present: true },
		'Multi Shot needs a Shot Type: set it to customize or intelligence.',
	),
	when(
		'multi_prompt',
		{ present: true },
		{ field: 'multi_shot', in: [true] },
		'Multi Prompt needs Multi Shot turned on.',
	),
];

/** Kling generate: length, resolution and ratio, then the model's media and its other fields. */
const klingGenerate = (
	duration: FieldRule,
	resolution: FieldRule,
	media: Record<string, FieldRule>,
	more: Record<string, FieldRule>,
	rules: CrossRule[],
): ActionRules => ({
	prompt: true,
	fields: { duration, resolution, aspect_ratio: KLING_RATIO, ...media, ...more },
	rules,
});

/** Kling edit: rework the source clip (its URL goes in video_urls); the length follows the source. */
const klingEdit = (more: Record<string, FieldRule>): ActionRules =>
	sourceClip(
		'Source clip to edit, 3–10 s',
		{
			duration: secondsIn([0], '0 = the source clip length', { required: true }),
			n: N_ONE,
			...more,
		},
		true,
	);

/** The two motion-control models differ only in price. */
const KLING_MOTION: ActionRules = {
	prompt: true,
	fields: {
		duration: secondsIn([0], '0 = the reference video length', { required: true }),
		resolution: RES_720_1080,
		image_urls: exactlyOneUrl('The character image (exactly 1)'),
		video_urls: exactlyOneUrl('The motion reference video (1 clip, 3–30 s by orientation)'),
		character_orientation: choice(
			['image', 'video'],
			'Follow the image (video 3–10 s) or the video (3–30 s)',
			{ required: true },
		),
		keep_original_sound: choice(['yes', 'no'], "Keep the reference video's sound", {
			default: 'yes',
		}),
		watermark: WATERMARK,
		n: N_ONE,
	},
};

const KLING_OMNI_ONE_IMAGE_WITH_VIDEO = when(
	'image_urls',
	{ moreThan: 1 },
	{ field: 'video_urls', present: false },
	'With a reference video Kling takes at most 1 image: remove images or the video.',
);

export const KLING: ModelRules[] = [
	kling(
		'kling-3.0-turbo',
		'Kling 3.0 Turbo: 3–15 s, text or first-frame to video',
		{
			generate: klingGenerate(
				KLING_DURATION_3_15,
				RES_720_1080,
				{ image_urls: urls('First frame (1 image)', { maxItems: 1 }) },
				{ watermark: WATERMARK, n: N_ONE },
				[
					excludes(
						['image_urls', 'aspect_ratio'],
						'Kling 3.0 Turbo takes the ratio from the image: remove Aspect Ratio or the image.',
					),
				],
			),
		},
		perSecond720p1080p(0.1287, 0.1611),
	),
	kling(
		'kling-v2-6',
		'Kling 2.6: 5 or 10 s, first/last frames (1080p), audio at 1080p',
		{
			generate: klingGenerate(
				KLING_DURATION_5_10,
				RES_720_1080,
				{ image_urls: KLING_FIRST_AND_LAST },
				KLING_WITH_AUDIO,
				[
					when(
						'image_urls',
						{ moreThan: 1 },
						{ field: 'resolution', in: ['1080p'] },
						'Kling 2.6 takes first and last frames at 1080p only: set Resolution to 1080p or send one image.',
					),
					when(
						'generate_audio',
						{ in: [true] },
						{ field: 'resolution', in: ['1080p'] },
						'Kling 2.6 adds audio at 1080p only: set Resolution to 1080p or turn off Generate Audio.',
					),
					when(
						'image_urls',
						{ moreThan: 1 },
						{ field: 'generate_audio', in: [false] },
						'Kling 2.6 adds no audio with first and last frames: turn off Generate Audio or send one image.',
					),
				],
			),
		},
		perSecond720p1080p(0.0378, 0.063),
	),
	kling(
		'kling-v3',
		'Kling 3: 3–15 s, up to 4k, frames, audio, multi-shot',
		{
			generate: klingGenerate(
				KLING_DURATION_3_15,
				KLING_RES_4K,
				{ image_urls: KLING_FIRST_AND_LAST },
				{ ...KLING_WITH_AUDIO, ...KLING_SHOTS },
				KLING_SHOT_RULES,
			),
		},
		perSecond720p1080p(0.0756, 0.1008),
	),
	kling(
		'kling-v3-omni',
		'Kling 3 Omni: 3–15 s, up to 4k, 7 reference images, reference video, edit',
		{
			generate: klingGenerate(
				KLING_DURATION_3_15,
				KLING_RES_4K,
				{
					image_urls: urls('Reference images, cited as <<<image_N>>> in the prompt', {
						maxItems: 7,
					}),
					video_urls: KLING_REFERENCE_VIDEO,
					image_with_roles: KLING_ROLES,
				},
				{ ...KLING_WITH_AUDIO, ...KLING_SHOTS },
				[
					...KLING_SHOT_RULES,
					KLING_OMNI_ONE_IMAGE_WITH_VIDEO,
					when(
						'video_urls',
						{ present: true },
						{ field: 'generate_audio', in: [false] },
						'Kling 3 Omni adds no audio to a request with a reference video: turn off Generate Audio.',
					),
				],
			),
			edit: klingEdit({
				resolution: KLING_RES_4K,
				negative_prompt: NEGATIVE_PROMPT,
				watermark: WATERMARK,
			}),
		},
		perSecond720p1080p(0.0756, 0.1008),
	),
	kling(
		'kling-video-o1',
		'Kling Video O1: 5 or 10 s, frames or references, reference video, edit',
		{
			generate: klingGenerate(
				KLING_DURATION_5_10,
				RES_720_1080,
				{
					image_urls: urls('Images, cited as <<<image_N>>> in the prompt', { maxItems: 2 }),
					video_urls: KLING_REFERENCE_VIDEO,
					image_with_roles: KLING_ROLES,
				},
				{ n: N_ONE },
				[KLING_OMNI_ONE_IMAGE_WITH_VIDEO],
			),
			edit: klingEdit({ resolution: RES_720_1080 }),
		},
		perSecond720p1080p(0.0756, 0.1008),
	),
	kling(
		'kling-v2-6-motion-control',
		'Kling 2.6 Motion Control: a character image moved like a reference video',
		{ generate: KLING_MOTION },
		perSecond720p1080p(0.063, 0.1008),
	),
	kling(
		'kling-v3-motion-control',
		'Kling 3 Motion Control: a character image moved like a reference video',
		{ generate: KLING_MOTION },
		perSecond720p1080p(0.1134, 0.1512),
	),
];
