/** What the Wan models share: one documentation page, the common fields and the reference-video limit. */
import {
	bool,
	choice,
	docPage,
	familyOf,
	list,
	NEGATIVE_PROMPT,
	RATIOS_5,
	SEED,
	span,
	WATERMARK,
	when,
} from '../builders';
import type { CrossRule, FieldRule } from '../types';

export const WAN_PAGE = docPage(
	'174193df222bffe11ec38021e5efa3739cda2c03',
	'en/api-reference/video/wan.mdx',
);
export const wan = familyOf('Wan', { page: WAN_PAGE, read: '2026-11-29' });

export const WAN_RATIO = choice(RATIOS_5, 'Frame shape');
export const WAN_COMMON: Record<string, FieldRule> = {
	negative_prompt: NEGATIVE_PROMPT,
	prompt_extend: bool('Let the model expand the prompt', { default: true }),
	seed: SEED,
	watermark: WATERMARK,
};
export const WAN_ROLES = list('Images with a role: first_frame, last_frame or reference');
/** The media that let wan2.7 and wan3.0 go without a prompt. */
export const WAN_MEDIA = [
	'image_urls',
	'first_frame_image',
	'video_urls',
	'audio_urls',
	'image_with_roles',
];

/** At most `max` seconds (of a range reaching `upTo`) when a reference video is sent. */
export const wanNoVideoOver = (max: number, upTo: number, who: string): CrossRule =>
	when(
		'duration',
		{ in: span(max + 1, upTo) },
		{ field: 'video_urls', present: false },
		`${who} makes at most ${max} s with a reference video: shorten Duration or remove the video.`,
	);
