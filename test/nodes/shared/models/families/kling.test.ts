import { check, itRefuses, PROMPT, IMG, IMG2, VID, images } from '../../../../helpers/model-check';

/** The kling family's rules (nodes/shared/models/families/kling.ts; docs/models/ has their sources). No n8n, no network. */

describe('Kling', () => {
	it.each([3, 15])('kling-3.0-turbo takes %i s', (duration) => {
		expect(check('kling-3.0-turbo', { prompt: PROMPT, duration: String(duration) })).toEqual({
			model: 'kling-3.0-turbo',
			prompt: PROMPT,
			duration,
		});
	});

	it('kling-v3: 4k multi-shot, multi_prompt parsed from JSON text', () => {
		expect(
			check('kling-v3', {
				prompt: PROMPT,
				duration: '12',
				resolution: '4k',
				multi_shot: 'true',
				shot_type: 'customize',
				multi_prompt: '[{"index":1,"prompt":"a fox","duration":12}]',
				n: '1',
			}),
		).toEqual({
			model: 'kling-v3',
			prompt: PROMPT,
			duration: 12,
			resolution: '4k',
			multi_shot: true,
			shot_type: 'customize',
			multi_prompt: [{ index: 1, prompt: 'a fox', duration: 12 }],
			n: 1,
		});
	});

	it('kling-v2-6: first and last frames with audio off at 1080p', () => {
		expect(
			check('kling-v2-6', {
				prompt: PROMPT,
				duration: 10,
				resolution: '1080p',
				image_urls: `${IMG}, ${IMG2}`,
			}).image_urls,
		).toEqual([IMG, IMG2]);
	});

	it('motion control: one image, one video, duration 0', () => {
		expect(
			check('kling-v3-motion-control', {
				prompt: PROMPT,
				duration: '0',
				image_urls: IMG,
				video_urls: VID,
				character_orientation: 'video',
			}),
		).toEqual({
			model: 'kling-v3-motion-control',
			prompt: PROMPT,
			duration: 0,
			image_urls: [IMG],
			video_urls: [VID],
			character_orientation: 'video',
		});
	});

	it('kling-v3-omni edit: the source clip in video_urls, duration 0', () => {
		expect(
			check('kling-v3-omni', { prompt: PROMPT, video_urls: [VID], duration: 0 }, 'edit'),
		).toEqual({ model: 'kling-v3-omni', prompt: PROMPT, video_urls: [VID], duration: 0 });
	});

	itRefuses([
		[
			'kling-v2-6 duration 7',
			'kling-v2-6',
			{ prompt: PROMPT, duration: 7 },
			'duration',
			'kling-v2-6 takes duration as 5 or 10 s.',
		],
		[
			'kling-3.0-turbo duration 2',
			'kling-3.0-turbo',
			{ prompt: PROMPT, duration: 2 },
			'duration',
			'kling-3.0-turbo takes duration as an integer from 3 to 15 s.',
		],
		[
			'kling-3.0-turbo duration 16',
			'kling-3.0-turbo',
			{ prompt: PROMPT, duration: '16' },
			'duration',
			'an integer from 3 to 15 s',
		],
		[
			'kling-3.0-turbo image with an aspect ratio',
			'kling-3.0-turbo',
			{ prompt: PROMPT, duration: 5, image_urls: IMG, aspect_ratio: '16:9' },
			'aspect_ratio',
			'takes the ratio from the image',
		],
		[
			'kling-3.0-turbo two images',
			'kling-3.0-turbo',
			{ prompt: PROMPT, duration: 5, image_urls: [IMG, IMG2] },
			'image_urls',
			'up to 1 public http(s) URL',
		],
		[
			'kling-v2-6 first and last frames at 720p',
			'kling-v2-6',
			{ prompt: PROMPT, duration: 5, image_urls: [IMG, IMG2] },
			'resolution',
			'first and last frames at 1080p only',
		],
		[
			'kling-v2-6 audio at 720p',
			'kling-v2-6',
			{ prompt: PROMPT, duration: 5, resolution: '720p', generate_audio: true },
			'resolution',
			'adds audio at 1080p only',
		],
		[
			'kling-v2-6 audio with first and last frames',
			'kling-v2-6',
			{
				prompt: PROMPT,
				duration: 5,
				resolution: '1080p',
				image_urls: [IMG, IMG2],
				generate_audio: true,
			},
			'generate_audio',
			'adds no audio with first and last frames',
		],
		[
			'kling-v2-6 at 4k',
			'kling-v2-6',
			{ prompt: PROMPT, duration: 5, resolution: '4k' },
			'resolution',
			'kling-v2-6 takes resolution as 720p or 1080p.',
		],
		[
			'kling-v3 multi_shot without shot_type',
			'kling-v3',
			{ prompt: PROMPT, duration: 5, multi_shot: true },
			'shot_type',
			'Multi Shot needs a Shot Type',
		],
		[
			'kling-v3 multi_prompt without multi_shot',
			'kling-v3',
			{ prompt: PROMPT, duration: 5, multi_prompt: [{ index: 1, prompt: 'a', duration: 5 }] },
			'multi_shot',
			'Multi Prompt needs Multi Shot turned on.',
		],
		[
			'kling-v3 seed (not a Kling field)',
			'kling-v3',
			{ prompt: PROMPT, duration: 5, seed: 3 },
			'seed',
			'Remove seed.',
		],
		[
			'kling-v3-omni 8 reference images',
			'kling-v3-omni',
			{ prompt: PROMPT, duration: 5, image_urls: images(8) },
			'image_urls',
			'up to 7 public http(s) URLs',
		],
		[
			'kling-v3-omni audio with a reference video',
			'kling-v3-omni',
			{ prompt: PROMPT, duration: 5, video_urls: VID, generate_audio: true },
			'generate_audio',
			'adds no audio to a request with a reference video',
		],
		[
			'kling-video-o1 two images with a video',
			'kling-video-o1',
			{ prompt: PROMPT, duration: 5, image_urls: [IMG, IMG2], video_urls: VID },
			'video_urls',
			'at most 1 image',
		],
		['n = 2', 'kling-v3', { prompt: PROMPT, duration: 5, n: 2 }, 'n', 'kling-v3 takes n as 1.'],
		[
			'motion control without character_orientation',
			'kling-v2-6-motion-control',
			{ prompt: PROMPT, duration: 0, image_urls: IMG, video_urls: VID },
			'character_orientation',
			'Add character_orientation in Model Fields: image or video.',
		],
		[
			'motion control duration 5',
			'kling-v2-6-motion-control',
			{
				prompt: PROMPT,
				duration: 5,
				image_urls: IMG,
				video_urls: VID,
				character_orientation: 'image',
			},
			'duration',
			'takes duration as 0 s',
		],
		[
			'edit duration 5 (follows the source)',
			'kling-video-o1',
			{ prompt: PROMPT, video_urls: VID, duration: 5 },
			'duration',
			'kling-video-o1 takes duration as 0 s.',
			'edit',
		],
		[
			'edit on kling-v3 (generate only)',
			'kling-v3',
			{ prompt: PROMPT, video_urls: VID },
			'action',
			'kling-v3 supports generate.',
			'edit',
		],
	]);
});
