import { check, itRefuses, PROMPT, IMG, VID } from '../../../../helpers/model-check';

/** The happyhorse family's rules (nodes/shared/models/families/happyhorse.ts; docs/models/ has their sources). No n8n, no network. */

describe('HappyHorse', () => {
	it('happyhorse-1.1: 15 s at 1080p', () => {
		expect(
			check('happyhorse-1.1', {
				prompt: PROMPT,
				duration: '15',
				resolution: '1080p',
				watermark: 'false',
				first_frame_image: IMG,
			}),
		).toEqual({
			model: 'happyhorse-1.1',
			prompt: PROMPT,
			duration: 15,
			resolution: '1080p',
			watermark: false,
			first_frame_image: IMG,
		});
	});

	it('happyhorse-1.0 edit: keeps the original audio', () => {
		expect(
			check(
				'happyhorse-1.0',
				{ prompt: PROMPT, video_urls: VID, duration: 0, audio_setting: 'origin' },
				'edit',
			),
		).toEqual({
			model: 'happyhorse-1.0',
			prompt: PROMPT,
			video_urls: [VID],
			duration: 0,
			audio_setting: 'origin',
		});
	});

	itRefuses([
		[
			'edit on happyhorse-1.1',
			'happyhorse-1.1',
			{ video_urls: VID },
			'action',
			'happyhorse-1.1 supports generate.',
			'edit',
		],
		[
			'audio_setting under generate',
			'happyhorse-1.0',
			{ audio_setting: 'auto' },
			'audio_setting',
			'Remove audio_setting.',
		],
		[
			'duration 2',
			'happyhorse-1.1',
			{ duration: 2 },
			'duration',
			'happyhorse-1.1 takes duration as an integer from 3 to 15 s.',
		],
		[
			'480p',
			'happyhorse-1.0',
			{ resolution: '480p' },
			'resolution',
			'happyhorse-1.0 takes resolution as 720p or 1080p.',
		],
		[
			'generate_audio',
			'happyhorse-1.1',
			{ generate_audio: true },
			'generate_audio',
			'Remove generate_audio.',
		],
		[
			'edit without a clip',
			'happyhorse-1.0',
			{ audio_setting: 'auto' },
			'video_urls',
			'Add video_urls in Model Fields',
			'edit',
		],
		[
			'edit duration 16',
			'happyhorse-1.0',
			{ video_urls: VID, duration: 16 },
			'duration',
			'an integer from 0 to 15 s',
			'edit',
		],
		[
			'edit audio_setting mute',
			'happyhorse-1.0',
			{ video_urls: VID, audio_setting: 'mute' },
			'audio_setting',
			'happyhorse-1.0 takes audio_setting as auto or origin.',
			'edit',
		],
	]);
});
