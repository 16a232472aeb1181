import { check, itRefuses, PROMPT, IMG, IMG2, IMG3, VID } from '../../../../helpers/model-check';

/** The skyreels family's rules (nodes/shared/models/families/skyreels.ts; docs/models/ has their sources). No n8n, no network. */

describe('SkyReels', () => {
	it('generate: frames, with mid frames as JSON text', () => {
		expect(
			check('skyreels-v4-fast', {
				prompt: PROMPT,
				duration: '10',
				first_frame_image: IMG,
				end_frame_image: IMG2,
				mid_frame_images: `[{"tag":"m","image_url":"${IMG3}","time_stamp":5}]`,
				prompt_optimizer: 'false',
			}),
		).toEqual({
			model: 'skyreels-v4-fast',
			prompt: PROMPT,
			duration: 10,
			first_frame_image: IMG,
			end_frame_image: IMG2,
			mid_frame_images: [{ tag: 'm', image_url: IMG3, time_stamp: 5 }],
			prompt_optimizer: false,
		});
	});

	it('extend: continues the clip in video_urls', () => {
		expect(check('skyreels-v4-std', { video_urls: VID, duration: 5 }, 'extend')).toEqual({
			model: 'skyreels-v4-std',
			video_urls: [VID],
			duration: 5,
		});
	});

	itRefuses([
		[
			'frames with references',
			'skyreels-v4-fast',
			{ first_frame_image: IMG, ref_images: [{ tag: 'a', type: 'image', image_urls: [IMG2] }] },
			'ref_images',
			'SkyReels takes frames or references, not both',
		],
		[
			'an end frame with a reference video',
			'skyreels-v4-std',
			{ end_frame_image: IMG, video_urls: VID },
			'video_urls',
			'frames or references, not both',
		],
		[
			'last_frame_image (SkyReels says end_frame_image)',
			'skyreels-v4-fast',
			{ last_frame_image: IMG },
			'last_frame_image',
			/^Remove last_frame_image\. .*end_frame_image/,
		],
		[
			'7 mid frames',
			'skyreels-v4-fast',
			{ mid_frame_images: Array.from({ length: 7 }, (_, i) => ({ tag: `${i}` })) },
			'mid_frame_images',
			'a JSON array of up to 6 items',
		],
		[
			'mid frames given as an object',
			'skyreels-v4-fast',
			{ mid_frame_images: '{"tag":"m"}' },
			'mid_frame_images',
			'skyreels-v4-fast takes mid_frame_images as a JSON array of up to 6 items.',
		],
		['duration 16', 'skyreels-v4-std', { duration: 16 }, 'duration', 'an integer from 3 to 15 s'],
		[
			'extend without a source clip',
			'skyreels-v4-fast',
			{ duration: 5 },
			'video_urls',
			'Add video_urls in Model Fields: exactly 1 public http(s) URL.',
			'extend',
		],
		[
			'extend with a first frame',
			'skyreels-v4-fast',
			{ video_urls: VID, first_frame_image: IMG },
			'first_frame_image',
			'Remove first_frame_image.',
			'extend',
		],
	]);
});
