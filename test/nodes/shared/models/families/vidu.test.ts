import { check, itRefuses, PROMPT, IMG, IMG2, images } from '../../../../helpers/model-check';

/** The vidu family's rules (nodes/shared/models/families/vidu.ts; docs/models/ has their sources). No n8n, no network. */

describe('Vidu', () => {
	it('vidu-q3: references as one comma-separated string', () => {
		expect(check('vidu-q3', { image_urls: `${IMG},${IMG2}`, duration: '16', seed: '7' })).toEqual({
			model: 'vidu-q3',
			image_urls: [IMG, IMG2],
			duration: 16,
			seed: 7,
		});
	});

	it('vidu-q3-pro: text to video without audio, no prompt required', () => {
		expect(
			check('vidu-q3-pro', { prompt: PROMPT, aspect_ratio: '1:1', generate_audio: 'false' }),
		).toEqual({ model: 'vidu-q3-pro', prompt: PROMPT, aspect_ratio: '1:1', generate_audio: false });
		expect(check('vidu-q3-turbo', { duration: 1, image_urls: [IMG, IMG2] }).duration).toBe(1);
	});

	itRefuses([
		[
			'vidu-q3 without references',
			'vidu-q3',
			{ prompt: PROMPT },
			'image_urls',
			'Add image_urls in Model Fields: 1 to 7 public http(s) URLs.',
		],
		[
			'vidu-q3-mix 8 references',
			'vidu-q3-mix',
			{ image_urls: images(8) },
			'image_urls',
			'1 to 7 public http(s) URLs',
		],
		[
			'vidu-q3 duration 2',
			'vidu-q3',
			{ image_urls: IMG, duration: 2 },
			'duration',
			'an integer from 3 to 16 s',
		],
		[
			'vidu-q3-mix at 540p',
			'vidu-q3-mix',
			{ image_urls: IMG, resolution: '540p' },
			'resolution',
			'vidu-q3-mix takes resolution as 720p or 1080p.',
		],
		[
			'vidu-q3-pro images with an aspect ratio',
			'vidu-q3-pro',
			{ image_urls: IMG, aspect_ratio: '16:9' },
			'aspect_ratio',
			'the ratio follows the image',
		],
		[
			'vidu-q3-turbo 3 images',
			'vidu-q3-turbo',
			{ image_urls: images(3) },
			'image_urls',
			'up to 2 public http(s) URLs',
		],
		[
			'vidu-q3-pro first_frame_image',
			'vidu-q3-pro',
			{ first_frame_image: IMG },
			'first_frame_image',
			'Remove first_frame_image.',
		],
		[
			'vidu-q3 generate_audio (pro and turbo only)',
			'vidu-q3',
			{ image_urls: IMG, generate_audio: true },
			'generate_audio',
			'Remove generate_audio.',
		],
	]);
});
