import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../../../helpers/run-node';
import { executeContext } from '../../../helpers/execute-context';
import { FakeApi, ok } from '../../../helpers/fake-api';

/**
 * Version 1 is untouched: a saved version-1 node sends byte for byte the requests it sent before
 * version 2 existed. The snapshot file was written by the code of commit 3466891 (before version 2)
 * and is compared here with what the code sends now: method, URL, headers and the body's exact JSON.
 */
const CASES: Record<string, IDataObject> = {
	'generate, every field': {
		resource: 'video',
		operation: 'generate',
		model: 'sora-2-pro',
		prompt: 'Mika folds a paper boat on a rainy street',
		aspectRatio: '9:16',
		duration: 12,
		resolution: '1080p',
		imageUrls: 'https://example.com/a.png,\nhttps://example.com/b.png',
		characters: { character: [{ name: 'Mika', assetId: 'char_1' }] },
		waitMode: 'none',
		options: {
			extra: '{"seed": 7}',
			additionalFields: '{"style": "noir"}',
			callbackUrl: ' https://n8n.example.com/webhook/x/sora ',
		},
	},
	'generate, defaults': {
		resource: 'video',
		operation: 'generate',
		model: 'sora-2',
		prompt: 'A cat',
		aspectRatio: '16:9',
		duration: 4,
		resolution: '720p',
		imageUrls: '',
		characters: {},
		waitMode: 'none',
		options: {},
	},
	'generate, a newer model through Additional Fields': {
		resource: 'video',
		operation: 'generate',
		model: 'veo3.1-fast',
		prompt: 'A fox',
		aspectRatio: '16:9',
		duration: 8,
		resolution: '720p',
		imageUrls: '',
		characters: {},
		waitMode: 'none',
		options: { additionalFields: { generate_audio: true } },
	},
	'remix, word strength': {
		resource: 'video',
		operation: 'remix',
		model: 'sora-2',
		prompt: 'Neon',
		sourceTaskId: 'task_src',
		strength: 'strong',
		waitMode: 'none',
		options: {},
	},
	'remix, numeric strength with extra': {
		resource: 'video',
		operation: 'remix',
		model: 'sora-2',
		prompt: 'Neon',
		sourceTaskId: 'task_src',
		strength: '3',
		waitMode: 'none',
		options: { extra: { seed: 1 } },
	},
	extend: {
		resource: 'video',
		operation: 'extend',
		model: 'sora-2',
		prompt: 'It flies away',
		sourceTaskId: 'task_src',
		duration: 8,
		waitMode: 'none',
		options: {},
	},
};

describe('version 1 sends the requests it always sent', () => {
	it.each(Object.keys(CASES))('%s', async (name) => {
		const api = new FakeApi().always(
			'POST',
			'/v1/tasks',
			ok({ task_id: 'task_1', status: 'queued' }),
		);
		await runNode(executeContext(api, CASES[name]));
		const sent = api.calls.map((call) => ({
			method: call.method,
			url: call.url,
			headers: call.headers,
			body: JSON.stringify(call.body),
		}));
		expect(sent).toMatchSnapshot();
	});
});
