import { actionFor } from '../../../../../nodes/shared/models/catalogue';
import {
	model,
	check,
	itRefuses,
	PROMPT,
	IMG,
	IMG2,
	VID,
	images,
} from '../../../../helpers/model-check';

/** The grok family's rules (nodes/shared/models/families/grok.ts; docs/models/ has their sources). No n8n, no network. */

describe('Grok', () => {
	it('grok-imagine-video edit: the source clip, duration 0', () => {
		expect(actionFor(model('grok-imagine-video'), 'edit')).toBe('edit');
		expect(
			check('grok-imagine-video', { prompt: PROMPT, video_urls: VID, duration: '0' }, 'edit'),
		).toEqual({ model: 'grok-imagine-video', prompt: PROMPT, video_urls: [VID], duration: 0 });
	});

	it('grok-imagine-video-1.5: several references with a ratio, at 1080p', () => {
		expect(
			check('grok-imagine-video-1.5', {
				prompt: PROMPT,
				image_urls: [IMG, IMG2],
				aspect_ratio: '16:9',
				resolution: '1080p',
				duration: 15,
			}),
		).toEqual({
			model: 'grok-imagine-video-1.5',
			prompt: PROMPT,
			image_urls: [IMG, IMG2],
			aspect_ratio: '16:9',
			resolution: '1080p',
			duration: 15,
		});
	});

	itRefuses([
		[
			'edit duration 5',
			'grok-imagine-video',
			{ video_urls: VID, duration: 5 },
			'duration',
			'grok-imagine-video takes duration as 0 s.',
			'edit',
		],
		[
			'edit two clips',
			'grok-imagine-video',
			{ video_urls: [VID, VID] },
			'video_urls',
			'exactly 1 public http(s) URL',
			'edit',
		],
		[
			'edit without a clip',
			'grok-imagine-video',
			{ prompt: PROMPT },
			'video_urls',
			'Add video_urls in Model Fields',
			'edit',
		],
		[
			'edit on grok-imagine-video-1.5',
			'grok-imagine-video-1.5',
			{ video_urls: VID },
			'action',
			'grok-imagine-video-1.5 supports generate.',
			'edit',
		],
		[
			'1.5 several references without a ratio',
			'grok-imagine-video-1.5',
			{ prompt: PROMPT, image_urls: [IMG, IMG2] },
			'aspect_ratio',
			'Several reference images need an explicit Aspect Ratio',
		],
		[
			'1.5-rev 5 s',
			'grok-imagine-video-1.5-rev',
			{ duration: 5 },
			'duration',
			'an integer from 6 to 15 s',
		],
		[
			'1.5-rev 8 references',
			'grok-imagine-video-1.5-rev',
			{ image_urls: images(8) },
			'image_urls',
			'up to 7 public http(s) URLs',
		],
		[
			'grok-imagine-video at 1080p',
			'grok-imagine-video',
			{ resolution: '1080p' },
			'resolution',
			'grok-imagine-video takes resolution as 480p or 720p.',
		],
		[
			'generate_audio',
			'grok-imagine-video',
			{ generate_audio: true },
			'generate_audio',
			'Remove generate_audio.',
		],
	]);
});
