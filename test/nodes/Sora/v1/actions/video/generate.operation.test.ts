import { NodeOperationError } from 'n8n-workflow';

import { execute } from '../../../../../../nodes/Sora/v1/actions/video/generate.operation';
import { executeContext } from '../../../../../helpers/execute-context';
import { generateParams as generate, qingbo } from '../../../../../helpers/fake-qingbo';

const noWait = { ...generate, waitMode: 'none' };

describe('Video › Generate', () => {
	it('sends exactly the request it builds: text to video', async () => {
		const { api, bodies } = qingbo();
		const results = await execute.call(executeContext(api, noWait));
		expect(bodies).toEqual([
			{
				model: 'sora-2',
				action: 'generate',
				prompt: 'A paper boat, take 0',
				aspect_ratio: '16:9',
				duration: 4,
				resolution: '720p',
			},
		]);
		expect(results).toEqual([
			{ itemIndex: 0, json: expect.objectContaining({ task_id: 'task_0', status: 'queued' }) },
		]);
	});

	it('sends exactly the request it builds: images, characters in `extra`, duration as a number', async () => {
		const { api, bodies } = qingbo();
		const params = {
			...noWait,
			prompt: 'Mika folds a paper boat',
			aspectRatio: '9:16',
			duration: '8',
			imageUrls: 'https://img.test/1.png,\n https://img.test/2.png',
			characters: { character: [{ name: 'Mika', assetId: 'char_1' }] },
		};
		await execute.call(executeContext(api, params));
		expect(bodies).toEqual([
			{
				model: 'sora-2',
				action: 'generate',
				prompt: 'Mika folds a paper boat',
				aspect_ratio: '9:16',
				duration: 8,
				resolution: '720p',
				image_urls: ['https://img.test/1.png', 'https://img.test/2.png'],
				extra: { characters: [{ name: 'Mika', asset_id: 'char_1' }] },
			},
		]);
	});

	it('rejects bad input before any billed call, naming the field and item', async () => {
		const { api } = qingbo();
		const params = { ...generate, resolution: (i: number) => (i === 2 ? '1080p' : '720p') };
		const error = await execute.call(executeContext(api, params, { items: 3 })).catch((e) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('Resolution: 1080p needs sora-2-pro, not sora-2');
		expect(error.description).toMatch(/sora-2-pro/);
		expect(error.context.itemIndex).toBe(2);
		expect(api.count('POST', '/v1/tasks')).toBe(0);
	});

	it('refuses an empty prompt and a non-URL image, with the fix', async () => {
		const { api } = qingbo();
		const empty = await execute
			.call(executeContext(api, { ...noWait, prompt: '  ' }))
			.catch((e) => e);
		expect(empty.message).toBe('Prompt: is empty');
		expect(empty.description).toBe('Describe the video to generate.');
		const notUrl = await execute
			.call(executeContext(api, { ...noWait, imageUrls: 'file:///etc/passwd' }))
			.catch((e) => e);
		expect(notUrl.message).toMatch(/^Image URLs: "file:\/\/\/etc\/passwd" is not an http\(s\) URL/);
		expect(api.count('POST', '/v1/tasks')).toBe(0);
	});
});
