import { actionFor } from '../../../../../nodes/shared/models/catalogue';
import {
	model,
	check,
	ruleFix,
	expectRefused,
	itRefuses,
	PROMPT,
	IMG,
	IMG2,
	AUDIO,
} from '../../../../helpers/model-check';

/** The hailuo family's rules (nodes/shared/models/families/hailuo.ts; docs/models/ has their sources). No n8n, no network. */

describe('Hailuo', () => {
	it('minimax-hailuo-2.3: 1080p at the default 6 s, and at an explicit 6 s', () => {
		expect(check('minimax-hailuo-2.3', { prompt: PROMPT, resolution: '1080p' })).toEqual({
			model: 'minimax-hailuo-2.3',
			prompt: PROMPT,
			resolution: '1080p',
		});
		expect(
			check('minimax-hailuo-2.3', { prompt: PROMPT, resolution: '1080p', duration: '6' }).duration,
		).toBe(6);
	});

	it('minimax-hailuo-02: 512p from a first frame, with a last frame', () => {
		expect(
			check('minimax-hailuo-02', {
				prompt: PROMPT,
				resolution: '512p',
				duration: 10,
				first_frame_image: IMG,
				last_frame_image: IMG2,
				prompt_optimizer: 'false',
			}),
		).toEqual({
			model: 'minimax-hailuo-02',
			prompt: PROMPT,
			resolution: '512p',
			duration: 10,
			first_frame_image: IMG,
			last_frame_image: IMG2,
			prompt_optimizer: false,
		});
	});

	itRefuses([
		[
			'aspect_ratio (undeclared)',
			'minimax-hailuo-2.3',
			{ prompt: PROMPT, aspect_ratio: '16:9' },
			'aspect_ratio',
			/^Remove aspect_ratio\. minimax-hailuo-2\.3 \(generate\) takes duration, resolution, first_frame_image/,
		],
		[
			'2.3 at 1080p for 10 s',
			'minimax-hailuo-2.3',
			{ prompt: PROMPT, resolution: '1080p', duration: 10 },
			'duration',
			'1080p clips at 6 s only',
		],
		[
			'2.3-fast at 1080p for 10 s',
			'minimax-hailuo-2.3-fast',
			{ prompt: PROMPT, resolution: '1080p', duration: 10, first_frame_image: IMG },
			'duration',
			'set Duration to 6',
		],
		[
			'2.3 duration 5',
			'minimax-hailuo-2.3',
			{ prompt: PROMPT, duration: 5 },
			'duration',
			'minimax-hailuo-2.3 takes duration as 6 or 10 s.',
		],
		[
			'2.3-fast without a first frame',
			'minimax-hailuo-2.3-fast',
			{ prompt: PROMPT },
			'first_frame_image',
			'Add first_frame_image in Model Fields: one public http(s) URL.',
		],
		[
			'2.3 last frame',
			'minimax-hailuo-2.3',
			{ prompt: PROMPT, first_frame_image: IMG, last_frame_image: IMG2 },
			'last_frame_image',
			'Remove last_frame_image.',
		],
		[
			'seed (dropped 2026-09-24)',
			'minimax-hailuo-02',
			{ prompt: PROMPT, seed: 1 },
			'seed',
			'Remove seed.',
		],
		[
			'02 at 512p without a first frame',
			'minimax-hailuo-02',
			{ prompt: PROMPT, resolution: '512p' },
			'first_frame_image',
			'512p clips from a first frame only',
		],
		[
			'02 at 1080p for 10 s',
			'minimax-hailuo-02',
			{ prompt: PROMPT, resolution: '1080p', duration: 10 },
			'duration',
			'1080p clips at 5 s only',
		],
		[
			'without a prompt',
			'minimax-hailuo-02',
			{ duration: 5 },
			'prompt',
			'minimax-hailuo-02 (generate) needs a prompt.',
		],
	]);
});

describe('MiniMax H3', () => {
	it('minimax-h3: references with audio', () => {
		expect(
			check('minimax-h3', {
				prompt: PROMPT,
				duration: '15',
				resolution: '768p',
				image_urls: IMG,
				audio_urls: AUDIO,
			}),
		).toEqual({
			model: 'minimax-h3',
			prompt: PROMPT,
			duration: 15,
			resolution: '768p',
			image_urls: [IMG],
			audio_urls: [AUDIO],
		});
	});

	it('minimax-h3-regeneration: only the source task, no prompt', () => {
		const regeneration = model('minimax-h3-regeneration');
		expect(actionFor(regeneration, 'edit')).toBe('regenerate');
		expect(actionFor(regeneration, 'generate')).toBeUndefined();
		expect(
			check('minimax-h3-regeneration', { prompt: '', ref_task_id: 'task-wave3' }, 'regenerate'),
		).toEqual({ model: 'minimax-h3-regeneration', ref_task_id: 'task-wave3' });
	});

	it('minimax-h3-regeneration: any field is refused, and the fix does not offer a prompt', () => {
		const error = expectRefused(
			() =>
				check(
					'minimax-h3-regeneration',
					{ resolution: '2k', ref_task_id: 'task-wave3' },
					'regenerate',
				),
			'resolution',
			'Remove resolution.',
		);
		expect(ruleFix(error)).toBe(
			'Remove resolution. minimax-h3-regeneration (regenerate) takes no fields; any other field is refused by the API.',
		);
	});

	itRefuses([
		[
			'a prompt on minimax-h3-regeneration',
			'minimax-h3-regeneration',
			{ prompt: 'Make it sharper', ref_task_id: 'task-wave3' },
			'prompt',
			'Clear the Prompt',
			'regenerate',
		],
		[
			'minimax-h3 audio without a reference image',
			'minimax-h3',
			{ prompt: PROMPT, duration: 5, audio_urls: AUDIO },
			'audio_urls',
			'reference audio only with a reference image',
		],
		[
			'minimax-h3 a first frame with reference images',
			'minimax-h3',
			{ prompt: PROMPT, duration: 5, first_frame_image: IMG, image_urls: IMG2 },
			'image_urls',
			'Frames cannot be mixed with reference images, videos or audio',
		],
		[
			'minimax-h3 duration 3',
			'minimax-h3',
			{ prompt: PROMPT, duration: 3 },
			'duration',
			'an integer from 4 to 15 s',
		],
		[
			'minimax-h3 at 1080p',
			'minimax-h3',
			{ prompt: PROMPT, duration: 5, resolution: '1080p' },
			'resolution',
			'minimax-h3 takes resolution as 768p or 2k.',
		],
		[
			'minimax-h3 seed',
			'minimax-h3',
			{ prompt: PROMPT, duration: 5, seed: 1 },
			'seed',
			'Remove seed.',
		],
		[
			'minimax-h3 without a duration',
			'minimax-h3',
			{ prompt: PROMPT },
			'duration',
			'Add duration in Model Fields: an integer from 4 to 15 s.',
		],
		[
			'minimax-h3-max duration 4',
			'minimax-h3-max',
			{ prompt: PROMPT, duration: 4 },
			'duration',
			'an integer from 5 to 15 s',
		],
		[
			'minimax-h3-max a watermark at 1080p',
			'minimax-h3-max',
			{ prompt: PROMPT, duration: 5, resolution: '1080p', watermark: true },
			'resolution',
			'adds no watermark at 1080p',
		],
		[
			'minimax-h3-max image_with_roles with image_urls',
			'minimax-h3-max',
			{
				prompt: PROMPT,
				duration: 5,
				image_with_roles: [{ url: IMG, role: 'first_frame' }],
				image_urls: IMG2,
			},
			'image_urls',
			'Send Image With Roles or Image URLs, not both.',
		],
	]);
});
