import { runNode } from '../../../../helpers/run-node';
import { executeContext } from '../../../../helpers/execute-context';
import { FakeApi, ok } from '../../../../helpers/fake-api';
import { useFakeClock } from '../../../../helpers/fake-clock';

jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(async (ms: number) => jest.setSystemTime(Date.now() + ms)),
}));
useFakeClock();

const wait = {
	resource: 'task',
	operation: 'wait',
	taskId: 'task_1',
	options: { pollInterval: 5, timeout: 60 },
};

const processing = (id: string) => ok({ task_id: id, status: 'processing', progress: 30 });
const completed = (id: string) =>
	ok({ task_id: id, status: 'completed', result: { videos: [{ url: `https://cdn/${id}.mp4` }] } });

describe('Task › Wait', () => {
	it('reads the task until it ends and outputs it with its video URL', async () => {
		const api = new FakeApi().on(
			'GET',
			'/v1/tasks/task_1',
			processing('task_1'),
			processing('task_1'),
			completed('task_1'),
		);
		const [output] = await runNode(executeContext(api, wait));
		expect(output[0].json).toMatchObject({
			task_id: 'task_1',
			status: 'completed',
			progress: 100,
			video_url: 'https://cdn/task_1.mp4',
		});
		expect(api.count('GET', '/v1/tasks/task_1')).toBe(3);
	});

	it('fails with the task ID when the task failed upstream', async () => {
		const api = new FakeApi().on(
			'GET',
			'/v1/tasks/task_1',
			ok({
				task_id: 'task_1',
				status: 'failed',
				error: { message: 'moderation', code: 'blocked' },
			}),
		);
		const error = await runNode(executeContext(api, wait)).catch((e) => e);
		expect(error.message).toBe('Task task_1 failed: moderation (blocked)');
		expect(error.description).toMatch(/could not render this task/);
	});

	it('gives up at the timeout, naming the task that keeps running', async () => {
		const api = new FakeApi().always('GET', '/v1/tasks/task_1', processing('task_1'));
		const [output] = await runNode(
			executeContext(
				api,
				{ ...wait, options: { pollInterval: 5, timeout: 30 } },
				{ continueOnFail: true },
			),
		);
		expect(output[0].json).toMatchObject({ task_id: 'task_1', status: 'processing' });
		expect(output[0].json.error).toBe(
			'Task task_1 is still processing, 30% done after 30 s of waiting',
		);
		expect(output[0].json.errorDescription).toMatch(/keeps running upstream/);
		expect(api.count('GET', '/v1/tasks/task_1')).toBeLessThanOrEqual(30 / 5 + 2);
	});

	it('stops on an empty Task ID before any read, naming the item', async () => {
		const api = new FakeApi();
		const error = await runNode(
			executeContext(
				api,
				{ ...wait, taskId: (i: number) => (i === 1 ? '' : 'task_1') },
				{ items: 2 },
			),
		).catch((e) => e);
		expect(error.message).toBe('Task ID: is empty');
		expect(error.context.itemIndex).toBe(1);
		expect(api.calls).toHaveLength(0);
	});
});
