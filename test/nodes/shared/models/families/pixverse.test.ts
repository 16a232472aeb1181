import { check, itRefuses, PROMPT, IMG, IMG2, images } from '../../../../helpers/model-check';

/** The pixverse family's rules (nodes/shared/models/families/pixverse.ts; docs/models/ has their sources). No n8n, no network. */

describe('PixVerse', () => {
	it('pixverse-v6: first and last frames at 8 s, the highest seed', () => {
		expect(
			check('pixverse-v6', {
				prompt: PROMPT,
				duration: '8',
				first_frame_image: IMG,
				last_frame_image: IMG2,
				seed: '2147483647',
				watermark: 'false',
			}),
		).toEqual({
			model: 'pixverse-v6',
			prompt: PROMPT,
			duration: 8,
			first_frame_image: IMG,
			last_frame_image: IMG2,
			seed: 2147483647,
			watermark: false,
		});
	});

	it.each([0, 2147483647])('takes seed %i', (seed) => {
		expect(check('pixverse-v6', { prompt: PROMPT, seed }).seed).toBe(seed);
	});

	it('extend: duration and resolution with the source task', () => {
		expect(
			check(
				'pixverse-v6',
				{ prompt: PROMPT, duration: '5', resolution: '1080p', ref_task_id: 'task-wave2' },
				'extend',
			),
		).toEqual({
			model: 'pixverse-v6',
			prompt: PROMPT,
			duration: 5,
			resolution: '1080p',
			ref_task_id: 'task-wave2',
		});
	});

	itRefuses([
		[
			'seed -1',
			'pixverse-v6',
			{ prompt: PROMPT, seed: -1 },
			'seed',
			'pixverse-v6 takes seed as an integer from 0 to 2147483647.',
		],
		[
			'seed 2147483648',
			'pixverse-v6',
			{ prompt: PROMPT, seed: '2147483648' },
			'seed',
			'an integer from 0 to 2147483647',
		],
		[
			'a first frame without a last frame',
			'pixverse-v6',
			{ prompt: PROMPT, first_frame_image: IMG },
			'first_frame_image',
			'send both or neither',
		],
		[
			'first and last frames at 6 s',
			'pixverse-v6',
			{ prompt: PROMPT, duration: 6, first_frame_image: IMG, last_frame_image: IMG2 },
			'first_frame_image',
			'First/last-frame clips are 5 or 8 s',
		],
		[
			'a negative prompt over 2048 characters',
			'pixverse-v6',
			{ prompt: PROMPT, negative_prompt: 'x'.repeat(2049) },
			'negative_prompt',
			'text of up to 2048 characters',
		],
		[
			'8 fusion references',
			'pixverse-v6',
			{ prompt: PROMPT, img_references: images(8) },
			'img_references',
			'1 to 7 public http(s) URLs',
		],
		[
			'motion_mode fast',
			'pixverse-v6',
			{ prompt: PROMPT, motion_mode: 'fast' },
			'motion_mode',
			'pixverse-v6 takes motion_mode as normal.',
		],
		[
			'duration 16',
			'pixverse-v6',
			{ prompt: PROMPT, duration: 16 },
			'duration',
			'an integer from 1 to 15 s',
		],
		[
			'images under extend',
			'pixverse-v6',
			{ prompt: PROMPT, image_urls: IMG },
			'image_urls',
			'Remove image_urls.',
			'extend',
		],
	]);
});
