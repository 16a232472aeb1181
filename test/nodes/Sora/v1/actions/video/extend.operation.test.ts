import { execute } from '../../../../../../nodes/Sora/v1/actions/video/extend.operation';
import { executeContext } from '../../../../../helpers/execute-context';
import { qingbo } from '../../../../../helpers/fake-qingbo';

const extend = {
	resource: 'video',
	operation: 'extend',
	sourceTaskId: ' task_src ',
	model: 'sora-2',
	prompt: 'The boat reaches the sea',
	duration: 8,
	waitMode: 'none',
	options: {},
};

describe('Video › Extend', () => {
	it('sends exactly the request it builds: the source as extra.video_id, the segment length as a number', async () => {
		const { api, bodies } = qingbo();
		const results = await execute.call(executeContext(api, { ...extend, duration: '12' }));
		expect(bodies).toEqual([
			{
				model: 'sora-2',
				action: 'extend',
				prompt: 'The boat reaches the sea',
				duration: 12,
				extra: { video_id: 'task_src' },
			},
		]);
		expect(results[0]).toMatchObject({ itemIndex: 0, json: { task_id: 'task_0' } });
	});

	it('merges Options › Extra into the same `extra` as the source', async () => {
		const { api, bodies } = qingbo();
		await execute.call(executeContext(api, { ...extend, options: { extra: '{"seed": 7}' } }));
		expect(bodies[0].extra).toEqual({ video_id: 'task_src', seed: 7 });
	});

	it('needs a source task, before any billed call', async () => {
		const { api } = qingbo();
		const error = await execute
			.call(executeContext(api, { ...extend, sourceTaskId: '' }))
			.catch((e) => e);
		expect(error.message).toBe('Source Task ID: is empty');
		expect(error.description).toBe('Give the ID of the completed task to extend.');
		expect(api.count('POST', '/v1/tasks')).toBe(0);
	});

	it('refuses images added through Additional Fields: an extension continues the source', async () => {
		const { api } = qingbo();
		const params = {
			...extend,
			options: { additionalFields: { image_urls: ['https://img.test/1.png'] } },
		};
		const error = await execute.call(executeContext(api, params)).catch((e) => e);
		expect(error.message).toBe('Image URLs: cannot be used to extend a video');
		expect(api.count('POST', '/v1/tasks')).toBe(0);
	});
});
