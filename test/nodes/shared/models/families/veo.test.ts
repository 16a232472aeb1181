import { check, itRefuses, PROMPT, IMG, IMG2, IMG3, images } from '../../../../helpers/model-check';

/** The veo family's rules (nodes/shared/models/families/veo.ts; docs/models/ has their sources). No n8n, no network. */

describe('Veo 3.1', () => {
	it('official: types a full request', () => {
		expect(
			check('veo3.1-fast', {
				prompt: `  ${PROMPT} `,
				duration: '8',
				resolution: '4k',
				generate_audio: 'false',
				seed: '42',
				first_frame_image: ` ${IMG} `,
				last_frame_image: IMG2,
			}),
		).toEqual({
			model: 'veo3.1-fast',
			prompt: PROMPT,
			duration: 8,
			resolution: '4k',
			generate_audio: false,
			seed: 42,
			first_frame_image: IMG,
			last_frame_image: IMG2,
		});
	});

	it.each([4, 6, 8])('official: %i s at 720p (the default resolution) passes', (duration) => {
		expect(check('veo3.1-quality', { prompt: PROMPT, duration }).duration).toBe(duration);
	});

	it('economy: up to 3 references on veo3.1-fast-rev, with a GIF at 720p', () => {
		expect(
			check('veo3.1-fast-rev', {
				prompt: PROMPT,
				duration: 8,
				image_urls: `${IMG}\n${IMG2}\n${IMG3}`,
				generation_type: 'reference',
				enable_gif: 'true',
			}),
		).toEqual({
			model: 'veo3.1-fast-rev',
			prompt: PROMPT,
			duration: 8,
			image_urls: [IMG, IMG2, IMG3],
			generation_type: 'reference',
			enable_gif: true,
		});
	});

	it('economy: extend takes prompt, raw and resolution with the source task', () => {
		expect(
			check(
				'veo3.1-quality-rev',
				{ prompt: 'She turns around', raw: 'true', resolution: '1080p', ref_task_id: 'task-wave1' },
				'extend',
			),
		).toEqual({
			model: 'veo3.1-quality-rev',
			prompt: 'She turns around',
			raw: true,
			resolution: '1080p',
			ref_task_id: 'task-wave1',
		});
	});

	itRefuses([
		[
			'official 6 s at 1080p',
			'veo3.1-quality',
			{ prompt: PROMPT, duration: 6, resolution: '1080p' },
			'duration',
			'set Duration to 8',
		],
		[
			'official 4 s at 4k',
			'veo3.1-fast',
			{ prompt: PROMPT, duration: '4', resolution: '4k' },
			'duration',
			'1080p and 4k clips at 8 s only',
		],
		[
			'official duration 5',
			'veo3.1-fast',
			{ prompt: PROMPT, duration: 5 },
			'duration',
			'veo3.1-fast takes duration as 4, 6 or 8 s.',
		],
		[
			'official image_urls (undeclared)',
			'veo3.1-fast',
			{ prompt: PROMPT, duration: 8, image_urls: IMG },
			'image_urls',
			/^Remove image_urls\. veo3\.1-fast \(generate\) takes duration, resolution, .*first_frame_image/,
		],
		[
			'a field named like a property of every object (toString)',
			'veo3.1-fast',
			{ prompt: PROMPT, duration: 8, toString: 'x' },
			'toString',
			/^Remove toString\. veo3\.1-fast \(generate\) takes duration/,
		],
		[
			'a field named like a property of every object (constructor)',
			'veo3.1-fast',
			{ prompt: PROMPT, duration: 8, constructor: 'x' },
			'constructor',
			/^Remove constructor\./,
		],
		[
			'official enable_gif (economy only)',
			'veo3.1-quality',
			{ prompt: PROMPT, duration: 8, enable_gif: true },
			'enable_gif',
			'Remove enable_gif.',
		],
		[
			'official last frame without a first frame',
			'veo3.1-fast',
			{ prompt: PROMPT, duration: 8, last_frame_image: IMG },
			'last_frame_image',
			'A last frame needs a first frame',
		],
		[
			'official 8k',
			'veo3.1-fast',
			{ prompt: PROMPT, duration: 8, resolution: '8k' },
			'resolution',
			'veo3.1-fast takes resolution as 720p, 1080p or 4k.',
		],
		[
			'economy image_urls without generation_type',
			'veo3.1-fast-rev',
			{ prompt: PROMPT, duration: 8, image_urls: [IMG] },
			'image_urls',
			'Images need a Generation Type: set it to frame (first/last frame) or reference.',
		],
		[
			'economy duration 6',
			'veo3.1-lite',
			{ prompt: PROMPT, duration: 6 },
			'duration',
			'veo3.1-lite takes duration as 8 s.',
		],
		[
			'economy GIF at 1080p',
			'veo3.1-lite',
			{ prompt: PROMPT, duration: 8, resolution: '1080p', enable_gif: true },
			'enable_gif',
			'A GIF is made at 720p only',
		],
		[
			'lite images (lite takes none)',
			'veo3.1-lite',
			{ prompt: PROMPT, duration: 8, image_urls: IMG },
			'image_urls',
			'veo3.1-lite (generate) takes duration, resolution, aspect_ratio or enable_gif',
		],
		[
			'economy 3 frames in frame mode',
			'veo3.1-fast-rev',
			{ prompt: PROMPT, duration: 8, image_urls: images(3), generation_type: 'frame' },
			'generation_type',
			'Frame mode takes 1 or 2 images',
		],
		[
			'quality-rev references (frames only)',
			'veo3.1-quality-rev',
			{ prompt: PROMPT, duration: 8, image_urls: [IMG], generation_type: 'reference' },
			'generation_type',
			'veo3.1-quality-rev takes generation_type as frame.',
		],
		[
			'quality-rev 3 images',
			'veo3.1-quality-rev',
			{ prompt: PROMPT, duration: 8, image_urls: images(3), generation_type: 'frame' },
			'image_urls',
			'veo3.1-quality-rev takes image_urls as 1 to 2 public http(s) URLs.',
		],
		[
			'economy seed (official only)',
			'veo3.1-fast-rev',
			{ prompt: PROMPT, duration: 8, seed: 1 },
			'seed',
			'Remove seed.',
		],
		[
			'extend duration',
			'veo3.1-fast-rev',
			{ prompt: PROMPT, duration: 8 },
			'duration',
			'veo3.1-fast-rev (extend) takes raw or resolution',
			'extend',
		],
		[
			'extend without a prompt',
			'veo3.1-fast-rev',
			{ raw: true },
			'prompt',
			'veo3.1-fast-rev (extend) needs a prompt.',
			'extend',
		],
		[
			'extend on the official route',
			'veo3.1-fast',
			{ prompt: PROMPT },
			'action',
			'veo3.1-fast supports generate. Pick a model that supports extend.',
			'extend',
		],
	]);
});
