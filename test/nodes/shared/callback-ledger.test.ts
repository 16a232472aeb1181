import { mock } from 'jest-mock-extended';
import type { INode, IWebhookFunctions } from 'n8n-workflow';

import { BatchLedger, ledgerOf } from '../../../nodes/shared/callback-ledger';
import type { Task } from '../../../nodes/shared/task';
import type { QingboClient } from '../../../nodes/shared/transport';

/** A client whose tasks are done or not as the test says; it records the order of its reads. */
function clientOf(done: Set<string>) {
	const reads: string[] = [];
	const client = {
		getTask: async (taskId: string): Promise<Task> => {
			reads.push(taskId);
			return {
				task_id: taskId,
				status: done.has(taskId) ? 'completed' : 'processing',
				progress: 0,
			};
		},
	} as unknown as QingboClient;
	return { client, reads };
}

describe('BatchLedger', () => {
	it('sweeps the least recently read first, one at a time, and stops at the first task still running', async () => {
		const ledger = new BatchLedger(['a', 'b', 'c', 'd']);
		const { client, reads } = clientOf(new Set(['b']));
		await ledger.read('a', (id) => client.getTask(id)); // read now: last in line
		await ledger.sweep(client);
		expect(reads).toEqual(['a', 'b', 'c']); // b done, c still running: the sweep ends there
		expect([...ledger.terminal.keys()]).toEqual(['b']);
		expect(ledger.complete()).toBe(false);
	});

	it('reads a task once however many callbacks ask at the same moment', async () => {
		const ledger = new BatchLedger(['a']);
		const { client, reads } = clientOf(new Set(['a']));
		const reader = (id: string) => client.getTask(id);
		await Promise.all([
			ledger.read('a', reader),
			ledger.read('a', reader),
			ledger.read('a', reader),
		]);
		expect(reads).toEqual(['a']);
		expect(ledger.complete()).toBe(true);
	});

	it('lets exactly one caller resume, and tells a task first handled from its repeats', () => {
		const ledger = new BatchLedger(['a']);
		expect([ledger.claimResume(), ledger.claimResume()]).toEqual([true, false]);
		expect(ledger.resumed).toBe(true);
		expect([ledger.firstCallback('a'), ledger.firstCallback('a')]).toEqual([true, false]);
	});

	it('is one per execution and batch in this process', () => {
		const ctx = (executionId: string) => {
			const webhook = mock<IWebhookFunctions>();
			webhook.getExecutionId.mockReturnValue(executionId);
			webhook.getNode.mockReturnValue(mock<INode>({ id: 'node-1' }));
			return webhook;
		};
		expect(ledgerOf(ctx('e1'), ['a', 'b'])).toBe(ledgerOf(ctx('e1'), ['a', 'b']));
		expect(ledgerOf(ctx('e1'), ['a', 'b'])).not.toBe(ledgerOf(ctx('e2'), ['a', 'b']));
	});
});
