import { mockDeep } from 'jest-mock-extended';
import type { IExecuteFunctions } from 'n8n-workflow';

import { TaskFailure } from '../../../nodes/shared/errors';
import { ExecutionCancelled } from '../../../nodes/shared/pause';
import { QingboClient } from '../../../nodes/shared/transport';
import { waitForTasks } from '../../../nodes/shared/waiting';
import { FakeApi, ok, status } from '../../helpers/fake-api';
import { useFakeClock } from '../../helpers/fake-clock';

jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(async (ms: number) => jest.setSystemTime(Date.now() + ms)),
}));
useFakeClock();

async function clientFor(api: FakeApi, signal?: AbortSignal) {
	const ctx = mockDeep<IExecuteFunctions>();
	ctx.getCredentials.mockResolvedValue({ apiKey: 'k', baseUrl: 'https://qingbo.test' });
	ctx.helpers.httpRequestWithAuthentication.mockImplementation(api.request as never);
	ctx.getExecutionCancelSignal.mockReturnValue(signal);
	return await QingboClient.create(ctx);
}

const processing = (id: string) => ok({ task_id: id, status: 'processing', progress: 50 });
const completed = (id: string) =>
	ok({
		task_id: id,
		status: 'completed',
		progress: 100,
		result: { videos: [{ url: [`https://cdn/${id}.mp4`] }] },
	});

describe('waitForTasks', () => {
	it('waits on a batch together: wall time is the slowest task, not the sum', async () => {
		const api = new FakeApi();
		for (let n = 0; n < 10; n++)
			api.on(
				'GET',
				`/v1/tasks/t${n}`,
				...Array(n % 3).fill(processing(`t${n}`)),
				completed(`t${n}`),
			);
		const client = await clientFor(api);
		const start = Date.now();
		const outcomes = await waitForTasks(
			client,
			Array.from({ length: 10 }, (_, n) => ({ taskId: `t${n}`, timeoutMs: 60_000 })),
			{ pollIntervalMs: 1000 },
		);
		expect(outcomes.every((o) => o.task?.status === 'completed')).toBe(true);
		expect(Date.now() - start).toBeLessThanOrEqual(2000 + 100);
		expect(api.calls).toHaveLength(10 + 2 * 3 + 1 * 3); // one read per task per round it is unfinished
	});

	it('does not read a just-submitted task before one interval has passed', async () => {
		const api = new FakeApi().on('GET', '/v1/tasks/t1', completed('t1'));
		const client = await clientFor(api);
		const start = Date.now();
		await waitForTasks(
			client,
			[
				{
					taskId: 't1',
					timeoutMs: 60_000,
					known: { task_id: 't1', status: 'queued', progress: 0 },
				},
			],
			{
				pollIntervalMs: 5000,
			},
		);
		expect(Date.now() - start).toBeGreaterThanOrEqual(5000);
	});

	it('ends a task at its timeout with its ID and last status, while others complete', async () => {
		const api = new FakeApi()
			.always('GET', '/v1/tasks/slow', processing('slow'))
			.on('GET', '/v1/tasks/fast', completed('fast'));
		const client = await clientFor(api);
		const [slow, fast] = await waitForTasks(
			client,
			[
				{ taskId: 'slow', timeoutMs: 10_000 },
				{ taskId: 'fast', timeoutMs: 10_000 },
			],
			{ pollIntervalMs: 2000 },
		);
		expect('error' in slow && slow.error).toBeInstanceOf(TaskFailure);
		expect('error' in slow && slow.error.message).toMatch(
			/Task slow is still processing, 50% done after 10 s/,
		);
		expect(fast.task?.video_url).toBe('https://cdn/fast.mp4');
	});

	it('says so when a timeout follows unreadable statuses', async () => {
		const api = new FakeApi().always('GET', '/v1/tasks/dark', status(503));
		const client = await clientFor(api);
		const [dark] = await waitForTasks(client, [{ taskId: 'dark', timeoutMs: 5_000 }], {
			pollIntervalMs: 1000,
		});
		expect('error' in dark && dark.error.message).toMatch(
			/^Task dark is still unknown after 5 s of waiting \(its status could not be read lately: HTTP 503\)$/,
		);
	});

	it('reports failed and cancelled tasks with the API reason', async () => {
		const api = new FakeApi()
			.on(
				'GET',
				'/v1/tasks/bad',
				ok({
					task_id: 'bad',
					status: 'failed',
					error: { message: 'content policy', code: 'task_failed' },
				}),
			)
			.on('GET', '/v1/tasks/gone', ok({ task_id: 'gone', status: 'cancelled' }));
		const client = await clientFor(api);
		const [bad, gone] = await waitForTasks(
			client,
			[
				{ taskId: 'bad', timeoutMs: 10_000 },
				{ taskId: 'gone', timeoutMs: 10_000 },
			],
			{ pollIntervalMs: 1000 },
		);
		expect('error' in bad && bad.error.message).toBe(
			'Task bad failed: content policy (task_failed)',
		);
		expect('error' in gone && gone.error.message).toBe('Task gone was cancelled');
		expect(bad.task).toMatchObject({ task_id: 'bad', status: 'failed' });
	});

	it('rides out transient read failures and stops on a permanent one', async () => {
		const api = new FakeApi()
			.on('GET', '/v1/tasks/flaky', ...Array(7).fill(status(502)), completed('flaky'))
			.always('GET', '/v1/tasks/missing', status(404, { code: 'task_not_found' }));
		const client = await clientFor(api);
		const [flaky, missing] = await waitForTasks(
			client,
			[
				{ taskId: 'flaky', timeoutMs: 600_000 },
				{ taskId: 'missing', timeoutMs: 600_000 },
			],
			{ pollIntervalMs: 1000 },
		);
		expect(flaky.task?.status).toBe('completed');
		expect('error' in missing && missing.error).toMatchObject({
			status: 404,
			code: 'task_not_found',
		});
		expect(api.count('GET', '/v1/tasks/missing')).toBe(1);
	});

	it('stops promptly when the execution is cancelled', async () => {
		const controller = new AbortController();
		const api = new FakeApi().always('GET', '/v1/tasks/t1', () => {
			controller.abort();
			return { statusCode: 200, body: { task_id: 't1', status: 'processing' } };
		});
		const client = await clientFor(api, controller.signal);
		const start = Date.now();
		await expect(
			waitForTasks(client, [{ taskId: 't1', timeoutMs: 600_000 }], {
				pollIntervalMs: 60_000,
				signal: controller.signal,
			}),
		).rejects.toBeInstanceOf(ExecutionCancelled);
		expect(Date.now() - start).toBeLessThan(1000);
	});
});
