import { runNode } from '../../../../helpers/run-node';
import { executeContext } from '../../../../helpers/execute-context';
import { FakeApi, ok, status } from '../../../../helpers/fake-api';

const get = { resource: 'task', operation: 'get', taskId: 'task_9', options: {} };

describe('Task › Get', () => {
	it('returns the normalised status whatever it is', async () => {
		const api = new FakeApi().on(
			'GET',
			'/v1/tasks/task_9',
			ok({ task_id: 'task_9', status: 'processing', progress: '12%' }),
		);
		const [output] = await runNode(executeContext(api, get));
		expect(output[0].json).toMatchObject({ task_id: 'task_9', status: 'processing', progress: 12 });
		expect(output[0].binary).toBeUndefined();
	});

	it('of an unknown task names it', async () => {
		const api = new FakeApi().on('GET', '/v1/tasks/nope', status(404, { code: 'task_not_found' }));
		const [output] = await runNode(
			executeContext(api, { ...get, taskId: 'nope' }, { continueOnFail: true }),
		);
		expect(output[0].json).toMatchObject({
			task_id: 'nope',
			error: 'Task nope was not found (HTTP 404)',
		});
	});

	it('downloads the video of a completed task into the field named in Options', async () => {
		const api = new FakeApi().on(
			'GET',
			'/v1/tasks/task_9',
			ok({
				task_id: 'task_9',
				status: 'completed',
				result: { videos: [{ url: 'https://cdn.test/9.mp4' }] },
			}),
		);
		const ctx = executeContext(api, {
			...get,
			options: { download: true, binaryPropertyName: 'video' },
		});
		const stream = { pipe: jest.fn() };
		ctx.helpers.httpRequest.mockResolvedValue({ statusCode: 200, headers: {}, body: stream });
		ctx.helpers.prepareBinaryData.mockResolvedValue({
			data: '',
			mimeType: 'video/mp4',
			fileName: 'task_9.mp4',
		});
		const [output] = await runNode(ctx);
		expect(output[0].json).toMatchObject({ task_id: 'task_9', status: 'completed' });
		expect(Object.keys(output[0].binary ?? {})).toEqual(['video']);
		expect(ctx.helpers.prepareBinaryData).toHaveBeenCalledWith(stream, 'task_9.mp4', 'video/mp4');
	});

	it('reads every item, naming an empty Task ID without calling the API for it', async () => {
		const api = new FakeApi()
			.on('GET', '/v1/tasks/task_a', ok({ task_id: 'task_a', status: 'queued' }))
			.on('GET', '/v1/tasks/task_c', ok({ task_id: 'task_c', status: 'failed' }));
		const ids = ['task_a', '', 'task_c'];
		const [output] = await runNode(
			executeContext(
				api,
				{ ...get, taskId: (i: number) => ids[i] },
				{ items: 3, continueOnFail: true },
			),
		);
		expect(output.map((item) => item.json.task_id)).toEqual(['task_a', undefined, 'task_c']);
		expect(output[1].json.error).toBe('Task ID: is empty');
		expect(api.calls).toHaveLength(2);
	});
});
