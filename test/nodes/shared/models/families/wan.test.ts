import { actionFor } from '../../../../../nodes/shared/models/catalogue';
import {
	model,
	check,
	expectRefused,
	itRefuses,
	PROMPT,
	IMG,
	IMG2,
	VID,
	AUDIO,
	images,
} from '../../../../helpers/model-check';

/** The wan family's rules (nodes/shared/models/families/wan.ts; docs/models/ has their sources). No n8n, no network. */

describe('Wan', () => {
	it('wan2.6 takes 15 s', () => {
		expect(check('wan2.6', { prompt: PROMPT, duration: '15' })).toEqual({
			model: 'wan2.6',
			prompt: PROMPT,
			duration: 15,
		});
	});

	it('wan2.7-videoedit has only edit', () => {
		const videoedit = model('wan2.7-videoedit');
		expect(actionFor(videoedit, 'generate')).toBeUndefined();
		expect(actionFor(videoedit, 'edit')).toBe('edit');
		expectRefused(
			() => check('wan2.7-videoedit', { prompt: PROMPT, video_urls: VID }),
			'action',
			'wan2.7-videoedit supports edit. Pick a model that supports generate.',
		);
		expect(
			check(
				'wan2.7-videoedit',
				{
					prompt: 'Make it a watercolour',
					video_urls: VID,
					duration: '0',
					image_urls: IMG,
					metadata: '{"audio_setting":"origin"}',
				},
				'edit',
			),
		).toEqual({
			model: 'wan2.7-videoedit',
			prompt: 'Make it a watercolour',
			video_urls: [VID],
			duration: 0,
			image_urls: [IMG],
			metadata: { audio_setting: 'origin' },
		});
	});

	it('wan3.0-video: model-chosen length (0) and a reference video at 15 s', () => {
		expect(check('wan3.0-video', { prompt: PROMPT, duration: 0 }).duration).toBe(0);
		expect(check('wan3.0-video-prime', { prompt: PROMPT, duration: 15, video_urls: VID })).toEqual({
			model: 'wan3.0-video-prime',
			prompt: PROMPT,
			duration: 15,
			video_urls: [VID],
		});
	});

	it('wan2.6-i2v-flash: one first frame, an effect template, audio', () => {
		expect(
			check('wan2.6-i2v-flash', {
				image_urls: IMG,
				template: 'hug',
				audio_urls: AUDIO,
				prompt_extend: 'true',
				shot_type: 'multi',
			}),
		).toEqual({
			model: 'wan2.6-i2v-flash',
			image_urls: [IMG],
			template: 'hug',
			audio_urls: [AUDIO],
			prompt_extend: true,
			shot_type: 'multi',
		});
	});

	itRefuses([
		[
			'wan2.5-preview 15 s',
			'wan2.5-preview',
			{ prompt: PROMPT, duration: 15 },
			'duration',
			'wan2.5-preview takes duration as 5 or 10 s.',
		],
		[
			'wan2.5-preview without audio',
			'wan2.5-preview',
			{ prompt: PROMPT, generate_audio: 'false' },
			'generate_audio',
			'wan2.5-preview takes generate_audio as true.',
		],
		[
			'wan2.5-preview 4:3 at 480p',
			'wan2.5-preview',
			{ prompt: PROMPT, resolution: '480p', aspect_ratio: '4:3' },
			'resolution',
			'At 480p Wan 2.5 makes 16:9, 9:16 or 1:1 only',
		],
		[
			'wan2.6 image with an aspect ratio',
			'wan2.6',
			{ prompt: PROMPT, image_urls: IMG, aspect_ratio: '1:1' },
			'aspect_ratio',
			'the ratio follows the image',
		],
		['wan2.6 n (no Wan takes n)', 'wan2.6', { prompt: PROMPT, n: 1 }, 'n', 'Remove n.'],
		[
			'wan2.6-i2v without its image',
			'wan2.6-i2v',
			{ prompt: PROMPT },
			'image_urls',
			'Add image_urls in Model Fields: exactly 1 public http(s) URL.',
		],
		[
			'wan2.6-i2v shot_type with prompt_extend off',
			'wan2.6-i2v',
			{ image_urls: IMG, shot_type: 'single', prompt_extend: false },
			'prompt_extend',
			'Shot Type needs Prompt Extend turned on.',
		],
		[
			'wan2.6-i2v an unknown template',
			'wan2.6-i2v',
			{ image_urls: IMG, template: 'moonwalk' },
			'template',
			/takes template as squish, rotation, .* or coupleheart\./,
		],
		[
			'wan2.6-i2v audio (flash only)',
			'wan2.6-i2v',
			{ image_urls: IMG, audio_urls: AUDIO },
			'audio_urls',
			'Remove audio_urls.',
		],
		[
			'wan2.7 12 s with a video',
			'wan2.7',
			{ prompt: PROMPT, duration: 12, video_urls: VID },
			'video_urls',
			'Wan 2.7 makes at most 10 s with a reference video',
		],
		[
			'wan2.7 a video with an aspect ratio',
			'wan2.7',
			{ prompt: PROMPT, video_urls: VID, aspect_ratio: '16:9' },
			'aspect_ratio',
			'continuing a video takes no audio or aspect ratio',
		],
		[
			'wan2.7 with neither prompt nor media',
			'wan2.7',
			{ duration: 5 },
			'prompt',
			'Wan 2.7 needs a prompt unless media is given',
		],
		[
			'wan2.7-r2v without a prompt',
			'wan2.7-r2v',
			{ image_urls: IMG },
			'prompt',
			'wan2.7-r2v (generate) needs a prompt.',
		],
		[
			'wan2.7-r2v images and videos',
			'wan2.7-r2v',
			{ prompt: PROMPT, image_urls: IMG, video_urls: VID },
			'video_urls',
			'reference images or videos, not both',
		],
		[
			'wan2.7-r2v 5 images with a first frame',
			'wan2.7-r2v',
			{ prompt: PROMPT, image_urls: images(5), first_frame_image: IMG },
			'first_frame_image',
			'at most 4 reference images',
		],
		[
			'wan3.0-video 20 s with a video',
			'wan3.0-video',
			{ prompt: PROMPT, duration: 20, video_urls: VID },
			'video_urls',
			'Wan 3.0 makes at most 15 s with a reference video',
		],
		[
			'wan3.0-video 31 s',
			'wan3.0-video',
			{ prompt: PROMPT, duration: 31 },
			'duration',
			/takes duration as 0 or 2 to 30 s\./,
		],
		[
			'wan3.0-video file and link',
			'wan3.0-video',
			{ prompt: PROMPT, file_url: 'https://a.example/doc.pdf', link_url: 'https://a.example/' },
			'link_url',
			'Send File URL or Link URL, not both.',
		],
		[
			'wan3.0-video reference mode with a first frame',
			'wan3.0-video',
			{ prompt: PROMPT, generation_type: 'reference', first_frame_image: IMG },
			'first_frame_image',
			'Generation Type reference takes no frames',
		],
		[
			'wan3.0-video a first frame with reference images',
			'wan3.0-video',
			{ prompt: PROMPT, first_frame_image: IMG, image_urls: IMG2 },
			'image_urls',
			'Frame controls cannot be mixed with reference media',
		],
		[
			'wan3.0-video negative_prompt (not on 3.0)',
			'wan3.0-video',
			{ prompt: PROMPT, negative_prompt: 'blur' },
			'negative_prompt',
			'Remove negative_prompt.',
		],
		[
			'wan2.7-videoedit without its source clip',
			'wan2.7-videoedit',
			{ prompt: PROMPT },
			'video_urls',
			'Add video_urls in Model Fields',
			'edit',
		],
		[
			'wan2.7-videoedit 11 s',
			'wan2.7-videoedit',
			{ video_urls: VID, duration: 11 },
			'duration',
			/takes duration as 0 or 2 to 10 s\./,
			'edit',
		],
	]);
});
