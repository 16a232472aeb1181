import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import { resourceOperations } from '../../../../nodes/Sora/common/router';
import { runNode } from '../../../helpers/run-node';
import { executeContext } from '../../../helpers/execute-context';
import { FakeApi, ok, status } from '../../../helpers/fake-api';
import { useFakeClock } from '../../../helpers/fake-clock';
import { generateParams as generate, qingbo } from '../../../helpers/fake-qingbo';

jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(async (ms: number) => jest.setSystemTime(Date.now() + ms)),
}));
useFakeClock();

/** Each operation's own behaviour is tested in actions/<resource>/<operation>.operation.test.ts. */
describe('router: dispatch', () => {
	const queued = ok({ task_id: 'task_0', status: 'queued' });
	it.each([
		['video', 'generate', { ...generate, waitMode: 'none' }, 'POST /v1/tasks', 'generate'],
		[
			'video',
			'remix',
			{ model: 'sora-2', prompt: 'p', sourceTaskId: 's', strength: 'Mild', waitMode: 'none' },
			'POST /v1/tasks',
			'remix',
		],
		[
			'video',
			'extend',
			{ model: 'sora-2', prompt: 'p', sourceTaskId: 's', duration: 4, waitMode: 'none' },
			'POST /v1/tasks',
			'extend',
		],
		['task', 'get', { taskId: 'task_0' }, 'GET /v1/tasks/task_0', undefined],
		['task', 'wait', { taskId: 'task_0' }, 'GET /v1/tasks/task_0', undefined],
		['task', 'cancel', { taskId: 'task_0' }, 'POST /v1/tasks/task_0/cancel', undefined],
	])('%s › %s runs its own operation', async (resource, operation, params, call, action) => {
		const [method, path] = call.split(' ');
		const answer = operation === 'wait' ? ok({ task_id: 'task_0', status: 'completed' }) : queued;
		const api = new FakeApi().on(method, path, answer);
		const [output] = await runNode(
			executeContext(api, { options: {}, ...params, resource, operation }),
		);
		expect(api.calls.map((c) => `${c.method} ${new URL(c.url).pathname}`)).toEqual([call]);
		if (action) expect((api.calls[0].body as IDataObject).action).toBe(action);
		expect(output).toEqual([
			{ json: expect.objectContaining({ task_id: 'task_0' }), pairedItem: { item: 0 } },
		]);
	});

	it('names an operation it does not know, without calling the API', async () => {
		const api = new FakeApi();
		const error = await runNode(
			executeContext(api, { resource: 'video', operation: 'upscale' }),
		).catch((e) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('The operation "upscale" of "video" is not supported');
		expect(error.context.itemIndex).toBe(0);
		expect(api.calls).toHaveLength(0);
	});
});

describe('router: output order and pairedItem', () => {
	it('submits every item, waits on all together and keeps input order and pairedItem', async () => {
		const { api } = qingbo();
		const [output] = await runNode(executeContext(api, generate, { items: 3 }));
		expect(output.map((item) => item.json.task_id)).toEqual(['task_0', 'task_1', 'task_2']);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output[1].json).toMatchObject({
			status: 'completed',
			progress: 100,
			video_url: 'https://cdn/task_1.mp4',
		});
	});

	it('puts an item that failed early back in its place among the others', async () => {
		// Task › Wait returns the items refused before waiting first; the output must not.
		const api = new FakeApi()
			.on('GET', '/v1/tasks/task_a', ok({ task_id: 'task_a', status: 'completed' }))
			.on('GET', '/v1/tasks/task_c', ok({ task_id: 'task_c', status: 'completed' }));
		const ids = ['task_a', '', 'task_c'];
		const [output] = await runNode(
			executeContext(
				api,
				{ resource: 'task', operation: 'wait', taskId: (i: number) => ids[i], options: {} },
				{ items: 3, continueOnFail: true },
			),
		);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output.map((item) => item.json.task_id ?? item.json.error)).toEqual([
			'task_a',
			'Task ID: is empty',
			'task_c',
		]);
	});
});

describe('router: continue-on-fail error rows', () => {
	it('keeps the task ID on the row of a failed render', async () => {
		const { api } = qingbo();
		const params = { ...generate, prompt: (i: number) => (i === 1 ? 'boat [fail]' : 'boat') };
		const [output] = await runNode(executeContext(api, params, { items: 3, continueOnFail: true }));
		expect(output).toHaveLength(3);
		expect(output[1].json).toMatchObject({
			task_id: 'task_1',
			status: 'failed',
			error: 'Task task_1 failed: render failed (task_failed)',
		});
		expect(output[1].json.errorDescription).toMatch(/could not render this task/);
		expect(output[0].json.status).toBe('completed');
		expect(output[1].pairedItem).toEqual({ item: 1 });
	});

	it('gives an item refused at submit a row with the advice, and still waits for the others', async () => {
		const { api } = qingbo(2);
		const [output] = await runNode(
			executeContext(api, generate, { items: 3, continueOnFail: true }),
		);
		expect(output.map((item) => item.json.status)).toEqual(['completed', undefined, 'completed']);
		expect(output[1]).toEqual({
			json: {
				error: 'Your QingBo balance is too low (HTTP 402)',
				errorDescription: 'Top up your QingBo account, then run the workflow again.',
			},
			pairedItem: { item: 1 },
		});
	});
});

describe('router: raiseFailure', () => {
	it('fails on a refused submit, naming the tasks other items already started', async () => {
		const { api } = qingbo(2);
		const error = await runNode(executeContext(api, generate, { items: 3 })).catch((e) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Your QingBo balance is too low (HTTP 402)');
		expect(error.description).toMatch(/task_0 \(item 0\)/);
		expect(error.description).toMatch(/\(item 2\)/);
	});

	it('raises the first failed item with its task ID, and lists at most 20 other tasks', async () => {
		const api = new FakeApi().on('GET', '/v1/tasks/task_0', status(404));
		for (let n = 1; n < 23; n++) {
			api.on('GET', `/v1/tasks/task_${n}`, ok({ task_id: `task_${n}`, status: 'queued' }));
		}
		const error = await runNode(
			executeContext(
				api,
				{ resource: 'task', operation: 'get', taskId: (i: number) => `task_${i}`, options: {} },
				{ items: 23 },
			),
		).catch((e) => e);
		expect(error.message).toBe('Task task_0 was not found (HTTP 404)');
		expect(error.context.itemIndex).toBe(0);
		expect(error.description).toMatch(/task_1 \(item 1\), .*task_20 \(item 20\) and 2 more\. /);
		expect(error.description).not.toMatch(/task_21/);
	});
});

describe('resourceOperations: what the Operation selector shows, the router can run', () => {
	const execute = async () => await Promise.resolve([]);

	it('makes the selector and the map from the same operation files', () => {
		const { selector, operations } = resourceOperations(
			'thing',
			{ make: { execute }, read: { execute } },
			[
				{ name: 'Make', value: 'make', action: 'Make a thing' },
				{ name: 'Read', value: 'read', action: 'Read a thing' },
			],
			'read',
		);
		expect(selector).toMatchObject({
			name: 'operation',
			default: 'read',
			displayOptions: { show: { resource: ['thing'] } },
		});
		expect(Object.keys(operations)).toEqual(['make', 'read']);
		expect(operations.make).toBe(execute);
	});

	it('refuses at type-check time an option with no operation file', () => {
		const { operations } = resourceOperations(
			'thing',
			{ make: { execute } },
			[
				{ name: 'Make', value: 'make' },
				// @ts-expect-error: "remove" names no operation file, so the node could not run it
				{ name: 'Remove', value: 'remove' },
			],
			'make',
		);
		expect(Object.keys(operations)).toEqual(['make']);
	});
});
