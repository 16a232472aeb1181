import { resumeFromCallback } from '../../../nodes/Sora/resume';
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

	it("keeps the parked submit's reservation on the row when the final status omits it", async () => {
		const api = new FakeApi().on(
			'GET',
			'/v1/tasks/task_1',
			ok({ task_id: 'task_1', status: 'completed', cost: 288000 }),
		);
		const { ctx } = webhookContext(api, { body: { task_id: 'task_1' } }, { options: {} });
		ctx.evaluateExpression.mockReturnValue({
			task_id: 'task_1',
			status: 'queued',
			timed_out: true,
			pre_consumed_cost: 288000,
		});
		const result = await resumeFromCallback.call(ctx);
		expect(result.workflowData?.[0][0].json).toMatchObject({
			task_id: 'task_1',
			cost_usd: 0.576,
			pre_consumed_cost: 288000,
			pre_consumed_cost_usd: 0.576,
		});
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

	// How a parked task is checked against the callback: test/nodes/shared/callback-request.test.ts.
	describe('an execution parked for task A', () => {
		const parkedFor = (ctx: ReturnType<typeof webhookContext>['ctx'], taskId: string) =>
			ctx.evaluateExpression.mockReturnValue({
				task_id: taskId,
				status: 'queued',
				timed_out: true,
			});

		it('answers 409 to a callback about another task, without reading it, and stays parked', async () => {
			const api = new FakeApi();
			const { ctx, response } = webhookContext(
				api,
				{ body: { task_id: 'task_B', status: 'completed' } },
				{ options: {} },
			);
			parkedFor(ctx, 'task_A');
			const result = await resumeFromCallback.call(ctx);
			expect(result).toEqual({ noWebhookResponse: true });
			expect(response).toMatchObject({
				status: 409,
				body: { received: false, task_id: 'task_B', expected_task_id: 'task_A' },
			});
			expect(api.calls).toHaveLength(0);
		});

		it('resumes with task A when the callback names it', async () => {
			const api = new FakeApi().on(
				'GET',
				'/v1/tasks/task_A',
				ok({ task_id: 'task_A', status: 'failed', error: { message: 'x' } }),
			);
			const { ctx } = webhookContext(api, { body: { task_id: 'task_A' } }, { options: {} });
			parkedFor(ctx, 'task_A');
			const result = await resumeFromCallback.call(ctx);
			expect(result.workflowData?.[0][0].json).toMatchObject({
				task_id: 'task_A',
				status: 'failed',
			});
		});

		it('ignores an input that is not the parked row (no timed_out flag)', async () => {
			const api = new FakeApi().on(
				'GET',
				'/v1/tasks/task_B',
				ok({ task_id: 'task_B', status: 'completed' }),
			);
			const { ctx } = webhookContext(api, { body: { task_id: 'task_B' } }, { options: {} });
			ctx.evaluateExpression.mockReturnValue({ task_id: 'task_A' });
			expect((await resumeFromCallback.call(ctx)).workflowData).toBeDefined();
		});
	});

	it('keeps the execution parked when the body names no task', async () => {
		const { ctx, response } = webhookContext(new FakeApi(), { body: 'garbage' }, { options: {} });
		expect((await resumeFromCallback.call(ctx)).workflowData).toBeUndefined();
		expect(response.status).toBe(400);
	});
});
