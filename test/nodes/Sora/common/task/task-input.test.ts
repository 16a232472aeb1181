import { forEachTask, readTaskId } from '../../../../../nodes/Sora/common/task/task-input';
import { IN_FLIGHT } from '../../../../../nodes/shared/transport/concurrency';
import { InputError } from '../../../../../nodes/shared/errors';
import { QingboClient } from '../../../../../nodes/shared/transport/transport';
import { executeContext } from '../../../../helpers/execute-context';
import { FakeApi } from '../../../../helpers/fake-api';

/** A promise the test resolves by hand, so the order of completion is chosen, not timed. */
function gate() {
	let open!: () => void;
	const opened = new Promise<void>((resolve) => (open = resolve));
	return { open, opened };
}

const flush = async () => {
	for (let n = 0; n < 20; n++) await Promise.resolve();
};

describe('readTaskId', () => {
	it('returns the trimmed Task ID of the item', () => {
		const ctx = executeContext(
			new FakeApi(),
			{ taskId: (i: number) => ` task_${i} ` },
			{ items: 2 },
		);
		expect(readTaskId(ctx, 1)).toBe('task_1');
		expect(ctx.getNodeParameter).toHaveBeenCalledWith('taskId', 1);
	});

	it.each(['', '   ', undefined])(
		'refuses an empty Task ID (%p) with an InputError naming the field',
		(value) => {
			const ctx = executeContext(new FakeApi(), { taskId: value });
			let error: unknown;
			try {
				readTaskId(ctx, 0);
			} catch (e) {
				error = e;
			}
			expect(error).toBeInstanceOf(InputError);
			expect((error as InputError).field).toBe('Task ID');
			expect((error as InputError).message).toBe('Task ID: is empty');
			expect((error as InputError).fix).toMatch(/task ID/);
		},
	);
});

describe('forEachTask', () => {
	it('calls the work once per item with its task ID and a client, results in item order', async () => {
		const ctx = executeContext(new FakeApi(), { taskId: (i: number) => `task_${i}` }, { items: 3 });
		const work = jest.fn(async (_client: QingboClient, taskId: string, itemIndex: number) => ({
			json: { task_id: taskId, seen: itemIndex },
		}));
		const results = await forEachTask(ctx, work);
		expect(results).toEqual(
			[0, 1, 2].map((i) => ({ itemIndex: i, json: { task_id: `task_${i}`, seen: i } })),
		);
		expect(work).toHaveBeenCalledTimes(3);
		expect(work.mock.calls.every(([client]) => client instanceof QingboClient)).toBe(true);
	});

	it('keeps the task ID on a failed row, and has no task when the ID itself was missing', async () => {
		const ctx = executeContext(
			new FakeApi(),
			{ taskId: (i: number) => (i === 1 ? '' : `task_${i}`) },
			{ items: 3 },
		);
		const broken = new Error('read failed');
		const results = await forEachTask(ctx, async (_client, taskId) => {
			if (taskId === 'task_2') throw broken;
			return { json: { task_id: taskId } };
		});
		expect(results[0]).toEqual({ itemIndex: 0, json: { task_id: 'task_0' } });
		expect(results[1].itemIndex).toBe(1);
		expect(results[1].error).toBeInstanceOf(InputError);
		expect(results[1].task).toBeUndefined();
		expect(results[2]).toEqual({ itemIndex: 2, error: broken, task: { task_id: 'task_2' } });
	});

	it(`runs at most IN_FLIGHT.taskCalls (${IN_FLIGHT.taskCalls}) calls at once`, async () => {
		const items = IN_FLIGHT.taskCalls * 2 + 1;
		const ctx = executeContext(new FakeApi(), { taskId: (i: number) => `task_${i}` }, { items });
		const gates = Array.from({ length: items }, gate);
		const started: number[] = [];
		let inFlight = 0;
		let most = 0;
		const running = forEachTask(ctx, async (_client, taskId, itemIndex) => {
			started.push(itemIndex);
			most = Math.max(most, ++inFlight);
			await gates[itemIndex].opened;
			inFlight--;
			return { json: { task_id: taskId } };
		});
		await flush();
		expect(started).toHaveLength(IN_FLIGHT.taskCalls);
		gates[0].open();
		await flush();
		expect(started).toHaveLength(IN_FLIGHT.taskCalls + 1);
		for (const g of gates) g.open();
		const results = await running;
		expect(results.map((r) => r.itemIndex)).toEqual(Array.from({ length: items }, (_, i) => i));
		expect(most).toBe(IN_FLIGHT.taskCalls);
	});
});
