import { check, itRefuses, PROMPT, IMG, IMG2, VID, images } from '../../../../helpers/model-check';

/** The omni family's rules (nodes/shared/models/families/omni.ts; docs/models/ has their sources). No n8n, no network. */

describe('Omni', () => {
	it('gemini-omni-1.1-flash: edits an earlier task by ref_task_id', () => {
		expect(
			check('gemini-omni-1.1-flash', {
				prompt: 'Make it night',
				ref_task_id: 'task-wave5',
				resolution: '4k',
				duration: '0',
				metadata: '{"task":"edit"}',
			}),
		).toEqual({
			model: 'gemini-omni-1.1-flash',
			prompt: 'Make it night',
			ref_task_id: 'task-wave5',
			resolution: '4k',
			duration: 0,
			metadata: { task: 'edit' },
		});
	});

	it('omni-flash-ext: 3 references, 10 s at 4k', () => {
		expect(
			check('omni-flash-ext', {
				prompt: PROMPT,
				image_urls: images(3),
				generation_type: 'reference',
				duration: '10',
				resolution: '4k',
			}),
		).toEqual({
			model: 'omni-flash-ext',
			prompt: PROMPT,
			image_urls: images(3),
			generation_type: 'reference',
			duration: 10,
			resolution: '4k',
		});
	});

	itRefuses([
		[
			'gemini ref_task_id with video_urls',
			'gemini-omni-1.1-flash',
			{ prompt: PROMPT, ref_task_id: 'task-wave5', video_urls: VID },
			'video_urls',
			'Send a Ref Task ID or a Video URL, not both',
		],
		[
			'gemini-omni-flash-preview ref_task_id with video_urls',
			'gemini-omni-flash-preview',
			{ ref_task_id: 'task-wave5', video_urls: VID },
			'video_urls',
			'one source video per request',
		],
		[
			'gemini duration 5 (model-chosen)',
			'gemini-omni-1.1-flash',
			{ duration: 5 },
			'duration',
			'gemini-omni-1.1-flash takes duration as 0 s.',
		],
		[
			'gemini preview at 1080p',
			'gemini-omni-flash-preview',
			{ resolution: '1080p' },
			'resolution',
			'gemini-omni-flash-preview takes resolution as 720p.',
		],
		[
			'gemini preview first frame (1.1 only)',
			'gemini-omni-flash-preview',
			{ first_frame_image: IMG },
			'first_frame_image',
			'Remove first_frame_image.',
		],
		[
			'gemini 11 reference images',
			'gemini-omni-1.1-flash',
			{ image_urls: images(11) },
			'image_urls',
			'up to 10 public http(s) URLs',
		],
		[
			'gemini metadata given as an array',
			'gemini-omni-1.1-flash',
			{ metadata: '[1]' },
			'metadata',
			'takes metadata as a JSON object.',
		],
		[
			'omni-flash-ext 2 images',
			'omni-flash-ext',
			{ image_urls: [IMG, IMG2], generation_type: 'reference' },
			'image_urls',
			'takes 1 or 3 images, not 2',
		],
		[
			'omni-flash-ext a duration with a video',
			'omni-flash-ext',
			{ duration: 6, video_urls: VID },
			'video_urls',
			'With a video the length follows the video: remove Duration.',
		],
		[
			'omni-flash-ext duration 5',
			'omni-flash-ext',
			{ duration: 5 },
			'duration',
			'omni-flash-ext takes duration as 4, 6, 8 or 10 s.',
		],
		[
			'omni-flash-ext ref_task_id',
			'omni-flash-ext',
			{ ref_task_id: 'task-wave5' },
			'ref_task_id',
			'Remove ref_task_id.',
		],
	]);
});
