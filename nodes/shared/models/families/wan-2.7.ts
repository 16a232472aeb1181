/** Wan 2.7: text, frames or continuation (wan2.7), references (r2v), and edit only (videoedit). */
import {
	anyOf,
	excludes,
	exclusivePairs,
	FIRST_FRAME,
	LAST_FRAME,
	LAST_NEEDS_FIRST,
	obj,
	perSecond720p1080p,
	RES_720_1080,
	secondsFrom,
	secondsIn,
	sourceClip,
	span,
	urls,
	when,
} from '../builders';
import type { ActionRules, CrossRule, FieldRule, ModelRules } from '../types';
import { wan, WAN_COMMON, WAN_MEDIA, wanNoVideoOver, WAN_RATIO, WAN_ROLES } from './wan-shared';

/** wan2.7 and wan2.7-r2v: the same length, resolution and ratio; they differ in media and rules. */
const wan27Generate = (
	prompt: boolean,
	media: Record<string, FieldRule>,
	rules: CrossRule[],
): ActionRules => ({
	prompt,
	fields: {
		duration: secondsFrom(2, 15, 'Clip length; at most 10 s with a video'),
		resolution: RES_720_1080,
		aspect_ratio: WAN_RATIO,
		...media,
		image_with_roles: WAN_ROLES,
		...WAN_COMMON,
	},
	rules,
});

/** All three 2.7 models list the same rates. */
const WAN_27_PRICE = perSecond720p1080p(0.09, 0.135);

export const WAN_27: ModelRules[] = [
	wan(
		'wan2.7',
		'Alibaba Wan 2.7: 2–15 s, text, frames, or continuation of a clip',
		{
			generate: wan27Generate(
				false,
				{
					image_urls: urls('First frame, or first and last frames', { minItems: 1, maxItems: 2 }),
					first_frame_image: FIRST_FRAME,
					last_frame_image: LAST_FRAME,
					video_urls: urls('Clip to continue (1, 2–10 s)', { maxItems: 1 }),
					audio_urls: urls('Audio track (1 clip, 2–30 s)', { maxItems: 1 }),
				},
				[
					LAST_NEEDS_FIRST,
					...exclusivePairs(
						['image_urls'],
						['first_frame_image', 'video_urls', 'aspect_ratio'],
						'Wan 2.7 with Image URLs takes no first frame, video or aspect ratio: remove one of them.',
					),
					...exclusivePairs(
						['first_frame_image'],
						['video_urls', 'aspect_ratio'],
						'Wan 2.7 with a first frame takes no video or aspect ratio: remove one of them.',
					),
					...exclusivePairs(
						['video_urls'],
						['audio_urls', 'aspect_ratio'],
						'Wan 2.7 continuing a video takes no audio or aspect ratio: remove one of them.',
					),
					wanNoVideoOver(10, 15, 'Wan 2.7'),
					anyOf(
						['prompt', ...WAN_MEDIA],
						'Wan 2.7 needs a prompt unless media is given: write a prompt or add an image or video.',
					),
				],
			),
		},
		WAN_27_PRICE,
	),
	wan(
		'wan2.7-r2v',
		'Alibaba Wan 2.7 reference-to-video: up to 5 reference images or videos',
		{
			generate: wan27Generate(
				true,
				{
					image_urls: urls('Reference images (1–5; 4 with a first frame)', {
						minItems: 1,
						maxItems: 5,
					}),
					first_frame_image: FIRST_FRAME,
					video_urls: urls('Reference videos (each 1–30 s)', { maxItems: 5 }),
				},
				[
					excludes(
						['image_urls', 'video_urls'],
						'Wan 2.7 R2V takes reference images or videos, not both.',
					),
					...exclusivePairs(
						['first_frame_image'],
						['video_urls', 'aspect_ratio'],
						'Wan 2.7 R2V with a first frame takes no video or aspect ratio: remove one of them.',
					),
					when(
						'image_urls',
						{ moreThan: 4 },
						{ field: 'first_frame_image', present: false },
						'With a first frame Wan 2.7 R2V takes at most 4 reference images.',
					),
					wanNoVideoOver(10, 15, 'Wan 2.7 R2V'),
					anyOf(
						['image_urls', 'video_urls', 'image_with_roles', 'first_frame_image'],
						'Wan 2.7 R2V needs reference images or videos: add some.',
					),
				],
			),
		},
		WAN_27_PRICE,
	),
	wan(
		'wan2.7-videoedit',
		'Alibaba Wan 2.7 video edit: reworks a 2–10 s clip, optional style images',
		{
			edit: sourceClip('Source clip to edit (1, 2–10 s)', {
				duration: secondsIn([0, ...span(2, 10)], '2–10 s; 0 = the source clip length'),
				resolution: RES_720_1080,
				aspect_ratio: WAN_RATIO,
				image_urls: urls('Style reference images', { maxItems: 4 }),
				metadata: obj('{"audio_setting": "auto" | "origin"}'),
				...WAN_COMMON,
			}),
		},
		WAN_27_PRICE,
	),
];
