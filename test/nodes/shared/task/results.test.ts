import { mock } from 'jest-mock-extended';
import { NodeOperationError, type INode } from 'n8n-workflow';

import { failed, raiseFailure, type ItemResult } from '../../../../nodes/shared/task/results';
import { TaskFailure } from '../../../../nodes/shared/errors';

const node = mock<INode>({ id: 'node-1', name: 'Sora', type: 'n8n-nodes-qingbo-sora.sora' });

const raised = (results: Array<ItemResult | undefined>): NodeOperationError => {
	try {
		raiseFailure(node, results);
	} catch (error) {
		return error as NodeOperationError;
	}
	throw new Error('raiseFailure did not throw');
};

const done = (itemIndex: number, taskId: string): ItemResult => ({
	itemIndex,
	json: { task_id: taskId, status: 'completed' },
});

describe('failed', () => {
	it('takes the task from the error when none is given', () => {
		const task = { task_id: 'task_9', status: 'failed' };
		const error = new TaskFailure('Task task_9 failed', task, 'advice');
		expect(failed(2, error)).toEqual({ itemIndex: 2, error, task });
	});

	it('prefers the task it is given over the one on the error', () => {
		const error = new TaskFailure('Task task_9 failed', { task_id: 'task_9' }, 'advice');
		const given = { task_id: 'task_9', status: 'completed', video_url: 'https://cdn/9.mp4' };
		expect(failed(0, error, given).task).toBe(given);
	});

	it('has no task when neither the caller nor the error has one', () => {
		const result = failed(1, new Error('boom'));
		expect(result).toEqual({ itemIndex: 1, error: new Error('boom'), task: undefined });
		expect(failed(1, 'a string').task).toBeUndefined();
	});
});

describe('raiseFailure', () => {
	it('returns quietly when no item failed', () => {
		expect(() =>
			raiseFailure(node, [done(0, 'task_0'), undefined, done(2, 'task_2')]),
		).not.toThrow();
	});

	it('raises the first failed item (by position) with its task ID and item index', () => {
		const error = raised([
			done(0, 'task_0'),
			{ itemIndex: 1, error: new Error('download failed'), task: { task_id: 'task_1' } },
			{ itemIndex: 2, error: new Error('later failure'), task: { task_id: 'task_2' } },
		]);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('Task task_1: download failed');
		expect(error.context.itemIndex).toBe(1);
		// The other failed item's task also keeps running, so it is listed too.
		expect(error.description).toMatch(
			/^Tasks of other items keep running upstream: task_0 \(item 0\), task_2 \(item 2\)\. Running the workflow again/,
		);
	});

	it("appends the list to the error's own advice and leaves out items without a task", () => {
		const failure = new TaskFailure(
			'Task task_1 failed: moderation',
			{ task_id: 'task_1' },
			'Fix the prompt.',
		);
		const error = raised([
			undefined,
			failed(1, failure),
			{ itemIndex: 2, error: new Error('Prompt: is empty') },
			{ itemIndex: 3, json: { status: 'completed' } },
			{ itemIndex: 4, json: { task_id: '' } },
			{ itemIndex: 5, task: { task_id: 'task_5' } },
		]);
		expect(error.message).toBe('Task task_1 failed: moderation');
		expect(error.description).toMatch(
			/^Fix the prompt\. Tasks of other items keep running upstream: task_5 \(item 5\)\. Running the workflow again/,
		);
	});

	it('adds no list when no other item started a task', () => {
		const error = raised([{ itemIndex: 0, error: new Error('Prompt: is empty') }, undefined]);
		expect(error.message).toBe('Prompt: is empty');
		expect(error.description ?? '').not.toMatch(/keep running/);
	});

	it('lists exactly 20 other tasks in full, and from 21 says how many more', () => {
		const first: ItemResult = { itemIndex: 0, error: new Error('nope') };
		const others = (n: number) => Array.from({ length: n }, (_, i) => done(i + 1, `task_${i + 1}`));

		const twenty = raised([first, ...others(20)]).description ?? '';
		expect(twenty).toMatch(/task_1 \(item 1\), .*task_20 \(item 20\)\. Running/);
		expect(twenty).not.toMatch(/more/);
		expect(twenty.match(/\(item \d+\)/g)).toHaveLength(20);

		const twentyOne = raised([first, ...others(21)]).description ?? '';
		expect(twentyOne).toMatch(/task_20 \(item 20\) and 1 more\. Running/);
		expect(twentyOne).not.toMatch(/task_21/);
	});

	describe('says how to run the batch again without paying twice', () => {
		const failing: ItemResult = { itemIndex: 0, error: new Error('nope') };
		const v2 = mock<INode>({ id: 'node-2', name: 'QingBo Video', typeVersion: 2 });
		const v1 = mock<INode>({ id: 'node-1', name: 'Sora', typeVersion: 1 });
		const describeFailure = (n: INode, results: ItemResult[]) => {
			try {
				raiseFailure(n, results);
			} catch (error) {
				return (error as NodeOperationError).description ?? '';
			}
			throw new Error('raiseFailure did not throw');
		};

		it('with Options › Idempotency Key set (rows carry reused): run it again as it is', () => {
			const keyed = { itemIndex: 1, json: { task_id: 'task_1', status: 'queued', reused: false } };
			const text = describeFailure(v2, [failing, keyed]);
			expect(text).toMatch(/Idempotency Key is set: run the workflow again within 24 h/);
			expect(text).not.toMatch(/bills them again/);
		});

		it('without it, on version 2: running again bills them again; the option and Continue On Fail are named', () => {
			const text = describeFailure(v2, [failing, done(1, 'task_1')]);
			expect(text).toMatch(/submits and bills them again/);
			expect(text).toMatch(/set Options › Idempotency Key/);
			expect(text).toMatch(/Continue On Fail/);
		});

		it('on version 1, which has no such option, names only Task › Wait and Continue On Fail', () => {
			const text = describeFailure(v1, [failing, done(1, 'task_1')]);
			expect(text).toMatch(/submits and bills them again/);
			expect(text).not.toMatch(/Idempotency Key/);
			expect(text).toMatch(/Continue On Fail/);
		});
	});
});
