import { readCallbackTask, reply } from '../../../../nodes/shared/callbacks/callback-request';
import { CALLBACK_READ_ATTEMPTS } from '../../../../nodes/shared/transport/transport';
import { FakeApi, ok, status } from '../../../helpers/fake-api';
import { useFakeClock } from '../../../helpers/fake-clock';
import { webhookContext } from '../../../helpers/webhook-context';

// Retries run on a fake clock: `sleep` moves time forward instead of passing it.
jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(async (ms: number) => jest.setSystemTime(Date.now() + ms)),
}));
useFakeClock();

describe('readCallbackTask', () => {
	it('reads the task the body names from the API, not as the body claims', async () => {
		const api = new FakeApi().on(
			'GET',
			'/v1/tasks/task_a',
			ok({ task_id: 'task_a', status: 'processing', progress: 10 }),
		);
		const { ctx, response } = webhookContext(api, {
			body: { data: { task_id: 'task_a', status: 'completed' } },
		});
		const read = await readCallbackTask(ctx);
		expect(read).toMatchObject({ task: { task_id: 'task_a', status: 'processing', progress: 10 } });
		expect(response.status).toBe(0);
	});

	it('answers 400 to a body without a task ID, before calling the API', async () => {
		const api = new FakeApi();
		const { ctx, response } = webhookContext(api, { body: { hello: 1 } });
		const read = await readCallbackTask(ctx);
		expect(read).toEqual({ answered: { noWebhookResponse: true } });
		expect(response).toEqual({
			status: 400,
			body: { error: 'The callback body names no task_id' },
		});
		expect(api.calls).toHaveLength(0);
	});

	it('answers 404 to a task the account does not know', async () => {
		const api = new FakeApi().on('GET', '/v1/tasks/task_x', status(404));
		const { ctx, response } = webhookContext(api, { body: { task_id: 'task_x' } });
		expect(await readCallbackTask(ctx)).toEqual({ answered: { noWebhookResponse: true } });
		expect(response).toEqual({
			status: 404,
			body: { error: 'Task task_x is not known to this QingBo account', task_id: 'task_x' },
		});
		expect(api.calls).toHaveLength(1);
	});

	it('answers 503 when the API stays down, after a few quick tries, so the sender retries', async () => {
		const api = new FakeApi().always('GET', '/v1/tasks/task_x', status(500));
		const { ctx, response } = webhookContext(api, { body: { task_id: 'task_x' } });
		expect(await readCallbackTask(ctx)).toEqual({ answered: { noWebhookResponse: true } });
		expect(response.status).toBe(503);
		expect(response.body).toMatchObject({ task_id: 'task_x' });
		expect(api.count('GET', '/v1/tasks/task_x')).toBe(CALLBACK_READ_ATTEMPTS);
	});
});

describe('reply', () => {
	it('answers with the status and JSON given, and tells n8n not to answer again', () => {
		const { ctx, response } = webhookContext(new FakeApi(), {});
		expect(reply(ctx, 202, { received: true })).toEqual({ noWebhookResponse: true });
		expect(response).toEqual({ status: 202, body: { received: true } });
	});
});
