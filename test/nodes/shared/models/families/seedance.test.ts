import type { IDataObject } from 'n8n-workflow';

import { check, itRefuses, PROMPT, IMG, IMG2, VID, images } from '../../../../helpers/model-check';

/** The seedance family's rules (nodes/shared/models/families/seedance.ts; docs/models/ has their sources). No n8n, no network. */

describe('Seedance', () => {
	it.each([0, 4, 30])('seedance-2.5 takes duration %i', (duration) => {
		expect(check('seedance-2.5', { prompt: PROMPT, duration: String(duration) }).duration).toBe(
			duration,
		);
	});

	it.each([
		['seedance-2.0', 'image_urls'],
		['seedance-2.0-fast', 'video_urls'],
		['seedance-2.0-mini', 'audio_urls'],
		['seedance-2.5', 'image_urls'],
		['seedance-2.5', 'video_urls'],
	])('%s takes asset:// in %s', (id, field) => {
		const request: IDataObject = { prompt: PROMPT, duration: 5, [field]: 'asset://asset-123' };
		expect(check(id, request)[field]).toEqual(['asset://asset-123']);
	});

	it('seedance-2.0 takes asset:// frames in the adaptive ratio', () => {
		expect(
			check('seedance-2.0', {
				prompt: PROMPT,
				duration: '5',
				aspect_ratio: 'adaptive',
				first_frame_image: 'asset://first',
				last_frame_image: 'asset://last',
				generate_audio: 'false',
			}),
		).toEqual({
			model: 'seedance-2.0',
			prompt: PROMPT,
			duration: 5,
			aspect_ratio: 'adaptive',
			first_frame_image: 'asset://first',
			last_frame_image: 'asset://last',
			generate_audio: false,
		});
	});

	it('seedance-2.5 edit: the source clip (an asset) and duration 0', () => {
		expect(
			check('seedance-2.5', { prompt: PROMPT, video_urls: 'asset://clip', duration: 0 }, 'edit'),
		).toEqual({ model: 'seedance-2.5', prompt: PROMPT, video_urls: ['asset://clip'], duration: 0 });
	});

	it('seedance-1.5-pro: two reference images, camera fixed', () => {
		expect(
			check('seedance-1.5-pro', {
				prompt: PROMPT,
				duration: 12,
				image_urls: [IMG, IMG2],
				camerafixed: true,
			}),
		).toEqual({
			model: 'seedance-1.5-pro',
			prompt: PROMPT,
			duration: 12,
			image_urls: [IMG, IMG2],
			camerafixed: true,
		});
	});

	itRefuses([
		[
			'seedance-2.5 duration 31',
			'seedance-2.5',
			{ prompt: PROMPT, duration: 31 },
			'duration',
			/^seedance-2\.5 takes duration as 0 or 4 to 30 s\.$/,
		],
		[
			'seedance-2.5 duration 3',
			'seedance-2.5',
			{ prompt: PROMPT, duration: 3 },
			'duration',
			'0 or 4 to 30',
		],
		[
			'asset:// in seedance-1.5-pro image_urls',
			'seedance-1.5-pro',
			{ prompt: PROMPT, duration: 5, image_urls: 'asset://asset-123' },
			'image_urls',
			'seedance-1.5-pro takes image_urls as up to 2 public http(s) URLs.',
		],
		[
			'asset:// in seedance-1.0-pro first_frame_image',
			'seedance-1.0-pro',
			{ prompt: PROMPT, duration: 5, first_frame_image: 'asset://asset-123' },
			'first_frame_image',
			'seedance-1.0-pro takes first_frame_image as one public http(s) URL.',
		],
		[
			'seedance-2.0 frames in 16:9',
			'seedance-2.0',
			{ prompt: PROMPT, duration: 5, first_frame_image: IMG, aspect_ratio: '16:9' },
			'aspect_ratio',
			'adaptive ratio only',
		],
		[
			'seedance-2.0 with neither prompt nor references',
			'seedance-2.0',
			{ duration: 5 },
			'prompt',
			'needs a prompt unless reference media is given',
		],
		[
			'seedance-2.0 duration 3',
			'seedance-2.0',
			{ prompt: PROMPT, duration: 3 },
			'duration',
			'an integer from 4 to 15 s',
		],
		[
			'seedance-2.0-fast at 1080p',
			'seedance-2.0-fast',
			{ prompt: PROMPT, duration: 5, resolution: '1080p' },
			'resolution',
			'seedance-2.0-fast takes resolution as 480p or 720p.',
		],
		[
			'seedance-2.0 10 reference images',
			'seedance-2.0',
			{ prompt: PROMPT, duration: 5, image_urls: images(10) },
			'image_urls',
			'up to 9 public http(s) or asset:// URLs',
		],
		[
			'seedance-2.0 image_urls with image_with_roles',
			'seedance-2.0',
			{
				prompt: PROMPT,
				duration: 5,
				image_urls: IMG,
				image_with_roles: [{ url: IMG2, role: 'reference_image' }],
			},
			'image_with_roles',
			'Send Image URLs or Image With Roles, not both.',
		],
		[
			'seedance-2.0 two tools',
			'seedance-2.0',
			{ prompt: PROMPT, duration: 5, tools: '[{"type":"web_search"},{"type":"web_search"}]' },
			'tools',
			'a JSON array of up to 1 item',
		],
		[
			'seedance-1.5-pro reference images mixed with a first frame',
			'seedance-1.5-pro',
			{ prompt: PROMPT, duration: 5, image_urls: IMG, first_frame_image: IMG2 },
			'first_frame_image',
			'Reference images cannot be mixed with frames',
		],
		[
			'seedance-1.0-pro-fast last frame',
			'seedance-1.0-pro-fast',
			{ prompt: PROMPT, duration: 5, first_frame_image: IMG, last_frame_image: IMG2 },
			'last_frame_image',
			'Remove last_frame_image.',
		],
		[
			'seedance-1.0-pro audio (1.0 takes none)',
			'seedance-1.0-pro',
			{ prompt: PROMPT, duration: 5, generate_audio: true },
			'generate_audio',
			'Remove generate_audio.',
		],
		[
			'seedance-1.0-pro without a prompt',
			'seedance-1.0-pro',
			{ duration: 5 },
			'prompt',
			'seedance-1.0-pro (generate) needs a prompt.',
		],
		[
			'seedance-1.0-pro duration 13',
			'seedance-1.0-pro',
			{ prompt: PROMPT, duration: 13 },
			'duration',
			'an integer from 2 to 12 s',
		],
		[
			'seedance-2.5 edit duration 5',
			'seedance-2.5',
			{ prompt: PROMPT, video_urls: VID, duration: 5 },
			'duration',
			'seedance-2.5 takes duration as 0 s.',
			'edit',
		],
		[
			'seedance-2.5 extend in 16:9',
			'seedance-2.5',
			{ prompt: PROMPT, video_urls: VID, duration: 0, aspect_ratio: '16:9' },
			'aspect_ratio',
			'seedance-2.5 takes aspect_ratio as adaptive.',
			'extend',
		],
		[
			'seedance-2.5 extend without a source clip',
			'seedance-2.5',
			{ prompt: PROMPT, duration: 0 },
			'video_urls',
			'Add video_urls in Model Fields',
			'extend',
		],
		[
			'seedance-2.0 edit (2.5 only)',
			'seedance-2.0',
			{ prompt: PROMPT, video_urls: VID },
			'action',
			'seedance-2.0 supports generate.',
			'edit',
		],
	]);
});
