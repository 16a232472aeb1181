import { runNode } from '../../../../helpers/run-node';
import { executeContext } from '../../../../helpers/execute-context';
import { FakeApi, ok, status } from '../../../../helpers/fake-api';

const cancel = { resource: 'task', operation: 'cancel', taskId: 'task_9' };

describe('Task › Cancel', () => {
	it('cancels a queued task and outputs it as the API now has it', async () => {
		const api = new FakeApi().on('POST', '/v1/tasks/task_9/cancel', ok({ status: 'Canceled' }));
		const [output] = await runNode(executeContext(api, cancel));
		expect(output).toEqual([
			{
				json: expect.objectContaining({ task_id: 'task_9', status: 'cancelled' }),
				pairedItem: { item: 0 },
			},
		]);
		expect(api.calls.map((c) => `${c.method} ${c.url}`)).toEqual([
			'POST https://qingbo.test/v1/tasks/task_9/cancel',
		]);
	});

	it('of a processing task explains that it can no longer be cancelled', async () => {
		const api = new FakeApi().on(
			'POST',
			'/v1/tasks/task_9/cancel',
			status(400, { code: 'task_not_cancellable', message: 'Task is processing' }),
		);
		const error = await runNode(executeContext(api, cancel)).catch((e) => e);
		expect(error.message).toBe('Task task_9 can no longer be cancelled');
		expect(error.description).toMatch(/Only queued tasks/);
	});
});
