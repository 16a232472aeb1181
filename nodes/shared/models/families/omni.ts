/** Omni: Omni-Flash-Ext and Gemini Omni (which extend or edit an earlier task through ref_task_id). */
import {
	choice,
	docPage,
	excludes,
	familyOf,
	FIRST_FRAME,
	list,
	MODELS_CHANGELOG,
	NOTICES,
	obj,
	perSecond,
	secondsIn,
	str,
	url,
	urls,
	when,
} from '../builders';
import type { ActionRules, Citation, FieldRule, ModelRules } from '../types';

const omniFlashExt = familyOf('Omni', {
	page: docPage(
		'8846645d91288fa9c158a7e65b4fdb571006c2fe',
		'en/api-reference/video/omni/omni-flash-ext.mdx',
	),
	read: '2026-11-29',
});
// The Gemini Omni page read is one of three versions (which is newest is unknown); the Omni overview and
// the model changelog (duration must be omitted or 0) complete it.
const GEMINI_SOURCE: Citation = {
	page: docPage(
		'1ddf276ed6f518b475156bae924db184ad24fc87',
		'en/api-reference/video/omni/gemini-omni-flash.mdx',
	),
	read: '2026-11-29',
	also: [
		docPage('174193df222bffe11ec38021e5efa3739cda2c03', 'en/api-reference/video/omni/overview.mdx'),
		MODELS_CHANGELOG,
	],
};
const geminiOmni = familyOf('Omni', GEMINI_SOURCE);
/** The preview's upstream end date is in the notices. */
const geminiOmniPreview = familyOf('Omni', {
	...GEMINI_SOURCE,
	also: [...(GEMINI_SOURCE.also ?? []), NOTICES],
});

const OMNI_RATIO = choice(['16:9', '9:16'], 'Frame shape');
const OMNI_RESOLUTION = choice(['360p', '720p', '1080p', '4k'], 'Output resolution', {
	default: '720p',
});

/** Both Gemini Omni models: the model picks the length; one source video, by task ID or by URL. */
const geminiGenerate = (resolution: FieldRule, media: Record<string, FieldRule>): ActionRules => ({
	prompt: false,
	fields: {
		duration: secondsIn([0], 'The model picks 3–10 s; leave empty or 0'),
		aspect_ratio: OMNI_RATIO,
		ref_task_id: str('Our task ID of a video to extend or edit; not with Video URLs'),
		resolution,
		...media,
	},
	rules: [
		excludes(
			['ref_task_id', 'video_urls'],
			'Send a Ref Task ID or a Video URL, not both: one source video per request.',
		),
	],
});

export const OMNI: ModelRules[] = [
	omniFlashExt(
		'omni-flash-ext',
		'Omni-Flash-Ext: 4–10 s up to 4k, frame or reference images, reference video',
		{
			generate: {
				prompt: false,
				fields: {
					duration: secondsIn([4, 6, 8, 10], 'Clip length; not with a video', { default: 6 }),
					resolution: OMNI_RESOLUTION,
					aspect_ratio: OMNI_RATIO,
					image_urls: urls('1 frame, or 1 or 3 references', { maxItems: 3 }),
					generation_type: choice(['frame', 'reference'], 'frame: 1 image; reference: 1 or 3'),
					video_urls: urls('Reference video (1, ≤10 s)', { maxItems: 1 }),
				},
				rules: [
					excludes(
						['duration', 'video_urls'],
						'With a video the length follows the video: remove Duration.',
					),
					{
						kind: 'when',
						if: { field: 'image_urls', moreThan: 1 },
						then: { field: 'image_urls', moreThan: 2 },
						why: 'Omni-Flash-Ext takes 1 or 3 images, not 2: add or remove one.',
					},
					when(
						'image_urls',
						{ moreThan: 1 },
						{ field: 'generation_type', in: ['reference'] },
						'Frame mode takes exactly 1 image: set Generation Type to reference, or send one image.',
					),
				],
			},
		},
	),
	geminiOmni(
		'gemini-omni-1.1-flash',
		'Gemini Omni 1.1 Flash: model-chosen 3–10 s up to 4k; extends or edits a task',
		{
			generate: geminiGenerate(OMNI_RESOLUTION, {
				image_urls: urls('Reference images (10 in all, frames included)', { maxItems: 10 }),
				first_frame_image: FIRST_FRAME,
				last_frame_image: url('Image the clip ends on'),
				image_with_roles: list('Images with a role'),
				video_urls: urls('Reference video (1, ≤10 s)', { maxItems: 1 }),
				metadata: obj(
					'{"task": text_to_video | image_to_video | reference_to_video | edit | extend}',
				),
			}),
		},
		perSecond(
			{ '360p': 0.0333, '720p': 0.099, '1080p': 0.1485, '4k': 0.297 },
			{ defaultResolution: '720p', defaultSeconds: 10 },
		),
	),
	geminiOmniPreview(
		'gemini-omni-flash-preview',
		'Gemini Omni Flash Preview: 720p, 16 references (upstream end 2026-09-30)',
		{
			generate: geminiGenerate(choice(['720p'], 'Output resolution', { default: '720p' }), {
				image_urls: urls('Reference images', { maxItems: 16 }),
				video_urls: urls('Reference video (1, ≤24 s)', { maxItems: 1 }),
			}),
		},
		perSecond({ '720p': 0.099 }, { defaultResolution: '720p', defaultSeconds: 10 }),
	),
];
