import { InputError } from '../../../../nodes/shared/errors';
import { delistedError, describeField } from '../../../../nodes/shared/models/describe';
import { actionFor, findModel } from '../../../../nodes/shared/models/catalogue';
import { checkModelRequest, typeModelRequest } from '../../../../nodes/shared/models/validate';
import { rejection } from '../../../helpers/rejection';
import { model, check, expectRefused, PROMPT, IMG, images } from '../../../helpers/model-check';

/** What the validator does for any model; each family's rules are tested in families/<family>.test.ts. */

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

describe('media links, whatever the model', () => {
	const telegram = 'https://api.telegram.org/file/bot123456:AAE-secret-token/photos/file_7.jpg';

	it('refuses a Telegram file link before billing, without showing the token back', () => {
		const error = rejection(() =>
			check('veo3.1-fast', { prompt: PROMPT, first_frame_image: telegram }),
		);
		expect(error.field).toBe('Model Fields › first_frame_image');
		expect(error.message).toMatch(/Telegram file link, which carries your bot's token/);
		expect(`${error.message} ${error.fix}`).not.toContain('secret-token');
	});

	it('refuses it with Check Model Rules off too: the token would still reach QingBo', () => {
		const veo = model('veo3.1-fast');
		expect(() =>
			typeModelRequest(veo, 'generate', { prompt: PROMPT, first_frame_image: telegram }),
		).toThrow(/Telegram file link/);
	});

	it('sends the file behind a Drive or Dropbox share page', () => {
		const sent = check('veo3.1-fast', {
			prompt: PROMPT,
			duration: 8,
			first_frame_image: 'https://drive.google.com/file/d/1AbC/view?usp=sharing',
		});
		expect(sent.first_frame_image).toBe('https://drive.google.com/uc?export=download&id=1AbC');
	});
});
