import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../../../../../helpers/run-node';
import { executeContext } from '../../../../../helpers/execute-context';
import { FakeApi, ok } from '../../../../../helpers/fake-api';

/** Video › Extend and Edit on version 2: the source task becomes ref_task_id or its video URL. */
const followUp = (operation: string, model: string, value: IDataObject) => ({
	resource: 'video',
	operation,
	model,
	prompt: 'It goes on',
	sourceTaskId: 'task-src',
	modelFields: { mappingMode: 'defineBelow', value },
	waitMode: 'none',
	options: {},
});
const inAnHour = Math.floor(Date.now() / 1000) + 3600;
const source = (fields: IDataObject = {}) =>
	ok({
		task_id: 'task-src',
		status: 'completed',
		model: 'seedance-2.5',
		action: 'generate',
		result: { videos: [{ url: ['https://cdn.test/src.mp4'], expires_at: inAnHour }] },
		...fields,
	});

async function run(params: IDataObject, api: FakeApi, items = 1) {
	api.always('POST', '/v1/tasks', ok({ task_id: 'task-new', status: 'queued' }));
	return await runNode(executeContext(api, params, { typeVersion: 2, items }));
}
const bodies = (api: FakeApi) => api.calls.filter((c) => c.method === 'POST').map((c) => c.body);

describe('Video › Extend and Edit (version 2)', () => {
	it("sends the source's video URL in video_urls, reading the source once for every item", async () => {
		const api = new FakeApi().always('GET', '/v1/tasks/task-src', source());
		await run(followUp('edit', 'seedance-2.5', { duration: 0, aspect_ratio: 'adaptive' }), api, 3);
		expect(api.count('GET', '/v1/tasks/task-src')).toBe(1);
		expect(bodies(api)).toHaveLength(3);
		expect(bodies(api)[0]).toEqual({
			model: 'seedance-2.5',
			action: 'edit',
			duration: 0,
			aspect_ratio: 'adaptive',
			prompt: 'It goes on',
			video_urls: ['https://cdn.test/src.mp4'],
		});
	});

	it('sends our task ID in ref_task_id where the model chains by task', async () => {
		const api = new FakeApi().always(
			'GET',
			'/v1/tasks/task-src',
			source({ model: 'veo3.1-fast-rev', result: undefined }),
		);
		await run(followUp('extend', 'veo3.1-fast-rev', { raw: true }), api);
		expect(bodies(api)).toEqual([
			{
				model: 'veo3.1-fast-rev',
				action: 'extend',
				raw: true,
				prompt: 'It goes on',
				ref_task_id: 'task-src',
			},
		]);
	});

	it.each([
		['not completed', source({ status: 'processing' }), /task-src is processing, not completed/],
		[
			'expired',
			source({ result: { videos: [{ url: ['https://cdn.test/src.mp4'], expires_at: 1000 }] } }),
			/video link expired/,
		],
		[
			'of a model the follow-up does not take',
			source({ model: 'veo3.1-quality-rev' }),
			/made by veo3\.1-quality-rev/,
		],
	])('refuses a source that is %s, before any submit', async (_case, answer, message) => {
		const api = new FakeApi().always('GET', '/v1/tasks/task-src', answer);
		const params =
			_case === 'of a model the follow-up does not take'
				? followUp('extend', 'veo3.1-fast-rev', {})
				: followUp('edit', 'seedance-2.5', { duration: 0, aspect_ratio: 'adaptive' });
		await expect(run(params, api)).rejects.toThrow(message);
		expect(api.count('POST', '/v1/tasks')).toBe(0);
	});

	it('reads no source for a request that breaks its own rules', async () => {
		const api = new FakeApi();
		await expect(run(followUp('edit', 'seedance-2.5', { duration: 5 }), api)).rejects.toThrow(
			/duration/,
		);
		expect(api.calls).toHaveLength(0);
	});
});
