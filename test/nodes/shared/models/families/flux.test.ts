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

/** The flux family's rules (nodes/shared/models/families/flux.ts; docs/models/ has their sources). No n8n, no network. */

describe('FLUX', () => {
	it('flux-3-video: ordered keyframes', () => {
		expect(
			check('flux-3-video', {
				prompt: PROMPT,
				image_urls: [IMG, IMG2],
				duration: '20',
				resolution: 'fhd',
				safety_tolerance: '4',
			}),
		).toEqual({
			model: 'flux-3-video',
			prompt: PROMPT,
			image_urls: [IMG, IMG2],
			duration: 20,
			resolution: 'fhd',
			safety_tolerance: 4,
		});
	});

	it('flux-3-video finalize: only resolution with the draft task', () => {
		expect(actionFor(model('flux-3-video'), 'edit')).toBe('finalize');
		expect(
			check(
				'flux-3-video',
				{ prompt: '', resolution: 'fhd', ref_task_id: 'task-wave4' },
				'finalize',
			),
		).toEqual({ model: 'flux-3-video', resolution: 'fhd', ref_task_id: 'task-wave4' });
	});

	itRefuses([
		[
			'finalize with a duration',
			'flux-3-video',
			{ duration: 5 },
			'duration',
			'flux-3-video (finalize) takes resolution; any other field is refused by the API.',
			'finalize',
		],
		[
			'finalize with a prompt',
			'flux-3-video',
			{ prompt: PROMPT, resolution: 'hd' },
			'prompt',
			'Clear the Prompt',
			'finalize',
		],
		[
			'finalize at 4k',
			'flux-3-video',
			{ resolution: '4k' },
			'resolution',
			'flux-3-video takes resolution as hd or fhd.',
			'finalize',
		],
		[
			'finalize on the draft model',
			'flux-3-video-draft',
			{},
			'action',
			'flux-3-video-draft supports generate.',
			'finalize',
		],
		[
			'the draft at fhd',
			'flux-3-video-draft',
			{ resolution: 'fhd' },
			'resolution',
			'flux-3-video-draft takes resolution as hd.',
		],
		[
			'keyframes with a video',
			'flux-3-video',
			{ image_urls: IMG, video_urls: VID },
			'video_urls',
			'Send keyframe images or a video, not both.',
		],
		[
			'safety_tolerance 5',
			'flux-3-video',
			{ safety_tolerance: 5 },
			'safety_tolerance',
			'an integer from 0 to 4',
		],
		['duration 4', 'flux-3-video', { duration: 4 }, 'duration', 'an integer from 5 to 20 s'],
		[
			'11 keyframes',
			'flux-3-video',
			{ image_urls: images(11) },
			'image_urls',
			'1 to 10 public http(s) URLs',
		],
		['seed', 'flux-3-video-draft', { seed: 1 }, 'seed', 'Remove seed.'],
	]);
});
