import type { IDataObject } from 'n8n-workflow';

import { InputError } from '../../../../nodes/shared/errors';
import type { ActionName, ModelRules } from '../../../../nodes/shared/models/types';
import {
	delistedError,
	describeField,
	RULES_AS_OF,
} from '../../../../nodes/shared/models/describe';
import { actionFor, findModel } from '../../../../nodes/shared/models/catalogue';
import { checkModelRequest } from '../../../../nodes/shared/models/validate';
import { rejection } from '../../../helpers/rejection';

/** The catalogue's rules, family by family (docs/models/<family>.md has their sources). No n8n, no network. */

function model(id: string): ModelRules {
	const found = findModel(id);
	if (!found) throw new Error(`${id} is not in the catalogue`);
	return found;
}

/** Checks a request as the node does: `model` in the body, a ref_task_id source filled by the node. */
function check(id: string, request: IDataObject, action: ActionName = 'generate'): IDataObject {
	const rules = model(id).actions[action];
	const implicit = rules?.source?.via === 'ref_task_id' ? ['ref_task_id'] : [];
	return checkModelRequest(model(id), action, { model: id, ...request }, implicit);
}

/** What the user reads before the colon: the prompt, the operation, or the field under Model Fields. */
function label(field: string): string {
	if (field === 'prompt') return 'Prompt';
	return field === 'action' ? 'Operation' : `Model Fields › ${field}`;
}

/** The rule's own fix: every refusal of the catalogue ends with the date of its rules and the way round. */
function ruleFix(error: InputError): string {
	expect(error.fix.endsWith(` ${RULES_AS_OF}`)).toBe(true);
	return error.fix.slice(0, -RULES_AS_OF.length - 1);
}

function expectRefused(run: () => unknown, field: string, fix: string | RegExp): InputError {
	const error = rejection(run);
	expect(error.field).toBe(label(field));
	expect(error.message.slice(0, label(field).length + 2)).toBe(`${label(field)}: `);
	expect(ruleFix(error)).toMatch(fix);
	return error;
}

/** [what is broken, model, request, field named, what the fix says, action]. */
type Refusal = [string, string, IDataObject, string, string | RegExp, ActionName?];

function itRefuses(cases: Refusal[]): void {
	it.each(cases)('refuses %s', (_title, id, request, field, fix, action = 'generate') => {
		expectRefused(() => check(id, request, action), field, fix);
	});
}

const PROMPT = 'A red fox runs through snow';
const IMG = 'https://cdn.example.com/a.png';
const IMG2 = 'https://cdn.example.com/b.png';
const IMG3 = 'https://cdn.example.com/c.png';
const VID = 'https://cdn.example.com/source.mp4';
const AUDIO = 'https://cdn.example.com/track.mp3';
const images = (count: number): string[] =>
	Array.from({ length: count }, (_, i) => `https://cdn.example.com/${i}.png`);

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

describe('PixVerse', () => {
	it('pixverse-v6: first and last frames at 8 s, the highest seed', () => {
		expect(
			check('pixverse-v6', {
				prompt: PROMPT,
				duration: '8',
				first_frame_image: IMG,
				last_frame_image: IMG2,
				seed: '2147483647',
				watermark: 'false',
			}),
		).toEqual({
			model: 'pixverse-v6',
			prompt: PROMPT,
			duration: 8,
			first_frame_image: IMG,
			last_frame_image: IMG2,
			seed: 2147483647,
			watermark: false,
		});
	});

	it.each([0, 2147483647])('takes seed %i', (seed) => {
		expect(check('pixverse-v6', { prompt: PROMPT, seed }).seed).toBe(seed);
	});

	it('extend: duration and resolution with the source task', () => {
		expect(
			check(
				'pixverse-v6',
				{ prompt: PROMPT, duration: '5', resolution: '1080p', ref_task_id: 'task-wave2' },
				'extend',
			),
		).toEqual({
			model: 'pixverse-v6',
			prompt: PROMPT,
			duration: 5,
			resolution: '1080p',
			ref_task_id: 'task-wave2',
		});
	});

	itRefuses([
		[
			'seed -1',
			'pixverse-v6',
			{ prompt: PROMPT, seed: -1 },
			'seed',
			'pixverse-v6 takes seed as an integer from 0 to 2147483647.',
		],
		[
			'seed 2147483648',
			'pixverse-v6',
			{ prompt: PROMPT, seed: '2147483648' },
			'seed',
			'an integer from 0 to 2147483647',
		],
		[
			'a first frame without a last frame',
			'pixverse-v6',
			{ prompt: PROMPT, first_frame_image: IMG },
			'first_frame_image',
			'send both or neither',
		],
		[
			'first and last frames at 6 s',
			'pixverse-v6',
			{ prompt: PROMPT, duration: 6, first_frame_image: IMG, last_frame_image: IMG2 },
			'first_frame_image',
			'First/last-frame clips are 5 or 8 s',
		],
		[
			'a negative prompt over 2048 characters',
			'pixverse-v6',
			{ prompt: PROMPT, negative_prompt: 'x'.repeat(2049) },
			'negative_prompt',
			'text of up to 2048 characters',
		],
		[
			'8 fusion references',
			'pixverse-v6',
			{ prompt: PROMPT, img_references: images(8) },
			'img_references',
			'1 to 7 public http(s) URLs',
		],
		[
			'motion_mode fast',
			'pixverse-v6',
			{ prompt: PROMPT, motion_mode: 'fast' },
			'motion_mode',
			'pixverse-v6 takes motion_mode as normal.',
		],
		[
			'duration 16',
			'pixverse-v6',
			{ prompt: PROMPT, duration: 16 },
			'duration',
			'an integer from 1 to 15 s',
		],
		[
			'images under extend',
			'pixverse-v6',
			{ prompt: PROMPT, image_urls: IMG },
			'image_urls',
			'Remove image_urls.',
			'extend',
		],
	]);
});

describe('Hailuo', () => {
	it('minimax-hailuo-2.3: 1080p at the default 6 s, and at an explicit 6 s', () => {
		expect(check('minimax-hailuo-2.3', { prompt: PROMPT, resolution: '1080p' })).toEqual({
			model: 'minimax-hailuo-2.3',
			prompt: PROMPT,
			resolution: '1080p',
		});
		expect(
			check('minimax-hailuo-2.3', { prompt: PROMPT, resolution: '1080p', duration: '6' }).duration,
		).toBe(6);
	});

	it('minimax-hailuo-02: 512p from a first frame, with a last frame', () => {
		expect(
			check('minimax-hailuo-02', {
				prompt: PROMPT,
				resolution: '512p',
				duration: 10,
				first_frame_image: IMG,
				last_frame_image: IMG2,
				prompt_optimizer: 'false',
			}),
		).toEqual({
			model: 'minimax-hailuo-02',
			prompt: PROMPT,
			resolution: '512p',
			duration: 10,
			first_frame_image: IMG,
			last_frame_image: IMG2,
			prompt_optimizer: false,
		});
	});

	itRefuses([
		[
			'aspect_ratio (undeclared)',
			'minimax-hailuo-2.3',
			{ prompt: PROMPT, aspect_ratio: '16:9' },
			'aspect_ratio',
			/^Remove aspect_ratio\. minimax-hailuo-2\.3 \(generate\) takes duration, resolution, first_frame_image/,
		],
		[
			'2.3 at 1080p for 10 s',
			'minimax-hailuo-2.3',
			{ prompt: PROMPT, resolution: '1080p', duration: 10 },
			'duration',
			'1080p clips at 6 s only',
		],
		[
			'2.3-fast at 1080p for 10 s',
			'minimax-hailuo-2.3-fast',
			{ prompt: PROMPT, resolution: '1080p', duration: 10, first_frame_image: IMG },
			'duration',
			'set Duration to 6',
		],
		[
			'2.3 duration 5',
			'minimax-hailuo-2.3',
			{ prompt: PROMPT, duration: 5 },
			'duration',
			'minimax-hailuo-2.3 takes duration as 6 or 10 s.',
		],
		[
			'2.3-fast without a first frame',
			'minimax-hailuo-2.3-fast',
			{ prompt: PROMPT },
			'first_frame_image',
			'Add first_frame_image in Model Fields: one public http(s) URL.',
		],
		[
			'2.3 last frame',
			'minimax-hailuo-2.3',
			{ prompt: PROMPT, first_frame_image: IMG, last_frame_image: IMG2 },
			'last_frame_image',
			'Remove last_frame_image.',
		],
		[
			'seed (dropped 2026-09-24)',
			'minimax-hailuo-02',
			{ prompt: PROMPT, seed: 1 },
			'seed',
			'Remove seed.',
		],
		[
			'02 at 512p without a first frame',
			'minimax-hailuo-02',
			{ prompt: PROMPT, resolution: '512p' },
			'first_frame_image',
			'512p clips from a first frame only',
		],
		[
			'02 at 1080p for 10 s',
			'minimax-hailuo-02',
			{ prompt: PROMPT, resolution: '1080p', duration: 10 },
			'duration',
			'1080p clips at 5 s only',
		],
		[
			'without a prompt',
			'minimax-hailuo-02',
			{ duration: 5 },
			'prompt',
			'minimax-hailuo-02 (generate) needs a prompt.',
		],
	]);
});

describe('MiniMax H3', () => {
	it('minimax-h3: references with audio', () => {
		expect(
			check('minimax-h3', {
				prompt: PROMPT,
				duration: '15',
				resolution: '768p',
				image_urls: IMG,
				audio_urls: AUDIO,
			}),
		).toEqual({
			model: 'minimax-h3',
			prompt: PROMPT,
			duration: 15,
			resolution: '768p',
			image_urls: [IMG],
			audio_urls: [AUDIO],
		});
	});

	it('minimax-h3-regeneration: only the source task, no prompt', () => {
		const regeneration = model('minimax-h3-regeneration');
		expect(actionFor(regeneration, 'edit')).toBe('regenerate');
		expect(actionFor(regeneration, 'generate')).toBeUndefined();
		expect(
			check('minimax-h3-regeneration', { prompt: '', ref_task_id: 'task-wave3' }, 'regenerate'),
		).toEqual({ model: 'minimax-h3-regeneration', ref_task_id: 'task-wave3' });
	});

	it('minimax-h3-regeneration: any field is refused, and the fix does not offer a prompt', () => {
		const error = expectRefused(
			() =>
				check(
					'minimax-h3-regeneration',
					{ resolution: '2k', ref_task_id: 'task-wave3' },
					'regenerate',
				),
			'resolution',
			'Remove resolution.',
		);
		expect(ruleFix(error)).toBe(
			'Remove resolution. minimax-h3-regeneration (regenerate) takes no fields; any other field is refused by the API.',
		);
	});

	itRefuses([
		[
			'a prompt on minimax-h3-regeneration',
			'minimax-h3-regeneration',
			{ prompt: 'Make it sharper', ref_task_id: 'task-wave3' },
			'prompt',
			'Clear the Prompt',
			'regenerate',
		],
		[
			'minimax-h3 audio without a reference image',
			'minimax-h3',
			{ prompt: PROMPT, duration: 5, audio_urls: AUDIO },
			'audio_urls',
			'reference audio only with a reference image',
		],
		[
			'minimax-h3 a first frame with reference images',
			'minimax-h3',
			{ prompt: PROMPT, duration: 5, first_frame_image: IMG, image_urls: IMG2 },
			'image_urls',
			'Frames cannot be mixed with reference images, videos or audio',
		],
		[
			'minimax-h3 duration 3',
			'minimax-h3',
			{ prompt: PROMPT, duration: 3 },
			'duration',
			'an integer from 4 to 15 s',
		],
		[
			'minimax-h3 at 1080p',
			'minimax-h3',
			{ prompt: PROMPT, duration: 5, resolution: '1080p' },
			'resolution',
			'minimax-h3 takes resolution as 768p or 2k.',
		],
		[
			'minimax-h3 seed',
			'minimax-h3',
			{ prompt: PROMPT, duration: 5, seed: 1 },
			'seed',
			'Remove seed.',
		],
		[
			'minimax-h3 without a duration',
			'minimax-h3',
			{ prompt: PROMPT },
			'duration',
			'Add duration in Model Fields: an integer from 4 to 15 s.',
		],
		[
			'minimax-h3-max duration 4',
			'minimax-h3-max',
			{ prompt: PROMPT, duration: 4 },
			'duration',
			'an integer from 5 to 15 s',
		],
		[
			'minimax-h3-max a watermark at 1080p',
			'minimax-h3-max',
			{ prompt: PROMPT, duration: 5, resolution: '1080p', watermark: true },
			'resolution',
			'adds no watermark at 1080p',
		],
		[
			'minimax-h3-max image_with_roles with image_urls',
			'minimax-h3-max',
			{
				prompt: PROMPT,
				duration: 5,
				image_with_roles: [{ url: IMG, role: 'first_frame' }],
				image_urls: IMG2,
			},
			'image_urls',
			'Send Image With Roles or Image URLs, not both.',
		],
	]);
});

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

describe('HappyHorse', () => {
	it('happyhorse-1.1: 15 s at 1080p', () => {
		expect(
			check('happyhorse-1.1', {
				prompt: PROMPT,
				duration: '15',
				resolution: '1080p',
				watermark: 'false',
				first_frame_image: IMG,
			}),
		).toEqual({
			model: 'happyhorse-1.1',
			prompt: PROMPT,
			duration: 15,
			resolution: '1080p',
			watermark: false,
			first_frame_image: IMG,
		});
	});

	it('happyhorse-1.0 edit: keeps the original audio', () => {
		expect(
			check(
				'happyhorse-1.0',
				{ prompt: PROMPT, video_urls: VID, duration: 0, audio_setting: 'origin' },
				'edit',
			),
		).toEqual({
			model: 'happyhorse-1.0',
			prompt: PROMPT,
			video_urls: [VID],
			duration: 0,
			audio_setting: 'origin',
		});
	});

	itRefuses([
		[
			'edit on happyhorse-1.1',
			'happyhorse-1.1',
			{ video_urls: VID },
			'action',
			'happyhorse-1.1 supports generate.',
			'edit',
		],
		[
			'audio_setting under generate',
			'happyhorse-1.0',
			{ audio_setting: 'auto' },
			'audio_setting',
			'Remove audio_setting.',
		],
		[
			'duration 2',
			'happyhorse-1.1',
			{ duration: 2 },
			'duration',
			'happyhorse-1.1 takes duration as an integer from 3 to 15 s.',
		],
		[
			'480p',
			'happyhorse-1.0',
			{ resolution: '480p' },
			'resolution',
			'happyhorse-1.0 takes resolution as 720p or 1080p.',
		],
		[
			'generate_audio',
			'happyhorse-1.1',
			{ generate_audio: true },
			'generate_audio',
			'Remove generate_audio.',
		],
		[
			'edit without a clip',
			'happyhorse-1.0',
			{ audio_setting: 'auto' },
			'video_urls',
			'Add video_urls in Model Fields',
			'edit',
		],
		[
			'edit duration 16',
			'happyhorse-1.0',
			{ video_urls: VID, duration: 16 },
			'duration',
			'an integer from 0 to 15 s',
			'edit',
		],
		[
			'edit audio_setting mute',
			'happyhorse-1.0',
			{ video_urls: VID, audio_setting: 'mute' },
			'audio_setting',
			'happyhorse-1.0 takes audio_setting as auto or origin.',
			'edit',
		],
	]);
});

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

describe('any model', () => {
	it('types a numeric string as a number', () => {
		expect(check('veo3.1-fast', { prompt: PROMPT, duration: '8' }).duration).toBe(8);
		expect(check('veo3.1-fast', { prompt: PROMPT, duration: ' 6 ' }).duration).toBe(6);
	});

	it.each([
		['8.5', 'is not a whole number'],
		['eight', 'is not a number'],
		[8.5, 'is not a whole number'],
		[true, 'is not a number'],
	])('refuses duration %p (%s)', (duration, problem) => {
		const error = expectRefused(
			() => check('veo3.1-fast', { prompt: PROMPT, duration }),
			'duration',
			'veo3.1-fast takes duration as 4, 6 or 8 s.',
		);
		expect(error.message).toContain(problem);
	});

	it.each([
		['true', true],
		[' TRUE ', true],
		['false', false],
		[false, false],
	])('types boolean %p as %p', (value, typed) => {
		expect(
			check('veo3.1-fast', { prompt: PROMPT, duration: 8, generate_audio: value }).generate_audio,
		).toBe(typed);
	});

	it('refuses a boolean that is neither true nor false', () => {
		expectRefused(
			() => check('veo3.1-fast', { prompt: PROMPT, duration: 8, generate_audio: 'yes' }),
			'generate_audio',
			'veo3.1-fast takes generate_audio as true or false.',
		);
	});

	it('splits a URL list given as one string (commas or new lines)', () => {
		const request = { prompt: PROMPT, duration: 8, generation_type: 'reference' };
		expect(
			check('veo3.1-fast-rev', { ...request, image_urls: 'https://a/x.png, https://b/y.png' })
				.image_urls,
		).toEqual(['https://a/x.png', 'https://b/y.png']);
		expect(
			check('veo3.1-fast-rev', { ...request, image_urls: 'https://a/x.png\n\nhttps://b/y.png,' })
				.image_urls,
		).toEqual(['https://a/x.png', 'https://b/y.png']);
	});

	it.each([
		'file:///x.png',
		'data:image/png;base64,iVBORw0KGgo=',
		'/tmp/x.png',
		'C:\\images\\x.png',
		'ftp://a/x.png',
		'asset://asset-123',
	])('refuses a URL list entry %p (not a public http(s) URL)', (value) => {
		const error = expectRefused(
			() => check('kling-v3-omni', { prompt: PROMPT, duration: 5, image_urls: [IMG, value] }),
			'image_urls',
			'kling-v3-omni takes image_urls as up to 7 public http(s) URLs. Local files, data: and base64 are refused by the API.',
		);
		expect(error.message).toContain('is not a public http(s) URL');
	});

	it.each(['file:///x.png', 'data:image/png;base64,iVBORw0KGgo=', 'http://'])(
		'refuses a single URL field given %p',
		(value) => {
			expectRefused(
				() => check('veo3.1-fast', { prompt: PROMPT, duration: 8, first_frame_image: value }),
				'first_frame_image',
				'veo3.1-fast takes first_frame_image as one public http(s) URL. Local files, data: and base64 are refused by the API.',
			);
		},
	);

	it('refuses too many list items, naming maxItems', () => {
		const error = expectRefused(
			() => check('kling-v3-omni', { prompt: PROMPT, duration: 5, image_urls: images(8) }),
			'image_urls',
			'up to 7',
		);
		expect(error.message).toBe('Model Fields › image_urls: 8 items are too many for kling-v3-omni');
	});

	it('refuses too few list items, naming minItems', () => {
		expectRefused(() => check('omni-flash-ext', { image_urls: images(2) }), 'image_urls', '1 or 3');
	});

	it("drops empty values ('', blanks, null, [], a list of blanks)", () => {
		expect(
			check('veo3.1-fast', {
				prompt: PROMPT,
				duration: 8,
				seed: '',
				negative_prompt: '   ',
				first_frame_image: null,
				resolution: undefined,
				callback_url: '',
			}),
		).toEqual({ model: 'veo3.1-fast', prompt: PROMPT, duration: 8 });
		expect(check('veo3.1-fast-rev', { prompt: PROMPT, duration: 8, image_urls: [] })).toEqual({
			model: 'veo3.1-fast-rev',
			prompt: PROMPT,
			duration: 8,
		});
		expect(check('veo3.1-fast-rev', { prompt: PROMPT, duration: 8, image_urls: ' , \n' })).toEqual({
			model: 'veo3.1-fast-rev',
			prompt: PROMPT,
			duration: 8,
		});
	});

	it('an empty value does not count as sent for a required field', () => {
		expectRefused(
			() => check('veo3.1-fast', { prompt: PROMPT, duration: '' }),
			'duration',
			'Add duration in Model Fields: 4, 6 or 8 s.',
		);
		expectRefused(
			() => check('vidu-q3', { image_urls: ', ' }),
			'image_urls',
			'Add image_urls in Model Fields',
		);
	});

	it('refuses a missing required field', () => {
		const error = expectRefused(
			() => check('veo3.1-fast', { prompt: PROMPT }),
			'duration',
			'Add duration in Model Fields: 4, 6 or 8 s.',
		);
		expect(error.message).toBe('Model Fields › duration: is required by veo3.1-fast (generate)');
	});

	it.each([undefined, '', '   ', null])('refuses a required prompt given %p', (prompt) => {
		const error = expectRefused(
			() => check('kling-v3', { prompt, duration: 5 }),
			'prompt',
			'kling-v3 (generate) needs a prompt.',
		);
		expect(error.message).toBe('Prompt: is empty');
	});

	it('leaves an optional prompt out when it is empty', () => {
		expect(check('vidu-q3', { prompt: '  ', image_urls: IMG })).toEqual({
			model: 'vidu-q3',
			image_urls: [IMG],
		});
	});

	it('accepts the callback fields on any model', () => {
		expect(
			check('wan2.6', {
				prompt: PROMPT,
				callback_url: 'https://hooks.example.com/x',
				callback_events: ['completed'],
			}),
		).toEqual({
			model: 'wan2.6',
			prompt: PROMPT,
			callback_url: 'https://hooks.example.com/x',
			callback_events: ['completed'],
		});
	});

	it('accepts implicit fields (the 4th argument) without declaring them', () => {
		const veo = model('veo3.1-fast-rev');
		const request = { prompt: PROMPT, ref_task_id: 'task-wave6' };
		expect(checkModelRequest(veo, 'extend', request, ['ref_task_id'])).toEqual(request);
		expectRefused(
			() => checkModelRequest(veo, 'extend', request),
			'ref_task_id',
			'Remove ref_task_id.',
		);
	});

	it('does not ask for a required field the node fills itself', () => {
		expect(
			checkModelRequest(model('grok-imagine-video'), 'edit', { prompt: PROMPT }, ['video_urls']),
		).toEqual({ prompt: PROMPT });
	});

	it('finds models by ID, forgiving case and spaces', () => {
		expect(findModel(' VEO3.1-Fast ')?.id).toBe('veo3.1-fast');
		expect(findModel('veo9')).toBeUndefined();
		expect(findModel(42)).toBeUndefined();
		expect(findModel(undefined)).toBeUndefined();
	});

	it('maps operations to model actions', () => {
		expect(actionFor(model('veo3.1-fast-rev'), 'extend')).toBe('extend');
		expect(actionFor(model('veo3.1-fast'), 'extend')).toBeUndefined();
		expect(actionFor(model('kling-v3-omni'), 'edit')).toBe('edit');
		expect(actionFor(model('sora-2'), 'generate')).toBeUndefined();
		expect(actionFor(model('veo3.1-fast'), 'remix')).toBeUndefined();
	});

	it.each([
		[{ kind: 'integer', values: [4, 6, 8], unit: 's' }, '4, 6 or 8 s'],
		[{ kind: 'integer', min: 3, max: 15, unit: 's' }, 'an integer from 3 to 15 s'],
		[{ kind: 'number', min: 0 }, 'a number of at least 0'],
		[{ kind: 'urlList', maxItems: 7 }, 'up to 7 public http(s) URLs'],
		[{ kind: 'urlList', minItems: 1, maxItems: 1 }, 'exactly 1 public http(s) URL'],
		[{ kind: 'url', assets: true }, 'one http(s) or asset:// URL'],
		[{ kind: 'string', maxLength: 2048 }, 'text of up to 2048 characters'],
	] as const)('describes %j as %p', (rule, words) => {
		expect(
			describeField({ ...rule, values: 'values' in rule ? [...rule.values] : undefined }),
		).toBe(words);
	});

	it('refuses a delisted model with its date and replacements', () => {
		const error = delistedError(model('sora-2'));
		expect(error).toBeInstanceOf(InputError);
		expect(error.field).toBe('Model');
		expect(error.message).toContain('2026-09-24');
		expect(error.fix).toContain('veo3.1-fast');
		expect(delistedError(model('sora-2-pro')).message).toContain('sora-2-pro');
	});

	it('refuses any request for a delisted model (it has no actions)', () => {
		expectRefused(() => check('sora-2', { prompt: PROMPT }), 'action', 'sora-2 takes no requests.');
	});
});
