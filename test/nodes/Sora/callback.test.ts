import { resumeFromCallback } from '../../../nodes/Sora/callback';
import { FakeApi, ok } from '../../helpers/fake-api';
import { webhookContext } from '../../helpers/webhook-context';

describe('resumeFromCallback', () => {
	it('resumes with the task read from the API, as the node output of item 0', async () => {
		const api = new FakeApi().on(
			'GET',
			'/v1/tasks/task_1',
			ok({
				task_id: 'task_1',
				status: 'completed',
				result: { videos: [{ url: 'https://cdn/1.mp4' }] },
			}),
		);
		const { ctx } = webhookContext(
			api,
			{ body: { task_id: 'task_1', status: 'completed' } },
			{ options: {} },
		);
		const result = await resumeFromCallback.call(ctx);
		expect(result.workflowData).toEqual([
			[
				{
					json: expect.objectContaining({ task_id: 'task_1', video_url: 'https://cdn/1.mp4' }),
					pairedItem: { item: 0 },
				},
			],
		]);
		expect(result.webhookResponse).toMatchObject({ resumed: true });
	});

	it('keeps the execution parked on a progress callback', async () => {
		const api = new FakeApi().on(
			'GET',
			'/v1/tasks/task_1',
			ok({ task_id: 'task_1', status: 'processing', progress: 40 }),
		);
		const { ctx, response } = webhookContext(
			api,
			{ body: { task_id: 'task_1', status: 'processing' } },
			{ options: {} },
		);
		const result = await resumeFromCallback.call(ctx);
		expect(result).toEqual({ noWebhookResponse: true });
		expect(response).toMatchObject({ status: 202, body: { resumed: false, status: 'processing' } });
	});

	it('keeps the execution parked when the body names no task', async () => {
		const { ctx, response } = webhookContext(new FakeApi(), { body: 'garbage' }, { options: {} });
		expect((await resumeFromCallback.call(ctx)).workflowData).toBeUndefined();
		expect(response.status).toBe(400);
	});
});
