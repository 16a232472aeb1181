import { mock } from 'jest-mock-extended';
import type { INode, IWebhookFunctions } from 'n8n-workflow';

import { BatchLedger, ledgerOf } from '../../../../nodes/shared/callbacks/callback-ledger';
import type { Task } from '../../../../nodes/shared/task/task';
import type { QingboClient } from '../../../../nodes/shared/transport/transport';

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

function ctx(executionId: string) {
	const webhook = mock<IWebhookFunctions>();
	webhook.getExecutionId.mockReturnValue(executionId);
	webhook.getNode.mockReturnValue(mock<INode>({ id: 'node-1' }));
	return webhook;
}

describe('BatchLedger', () => {
	it('sweeps the tasks never read first, last submitted first, and stops at the first task still running', async () => {
		jest.useFakeTimers({ now: 1_000_000 });
		try {
			const ledger = new BatchLedger(['a', 'b', 'c', 'd']);
			const { client, reads } = clientOf(new Set(['d', 'c']));
			await ledger.read('a', (id) => client.getTask(id));
			jest.advanceTimersByTime(1_000);
			expect(await ledger.sweep(client)).toBe('running');
			expect(reads).toEqual(['a', 'd', 'c', 'b']); // d and c done, b still running: the sweep ends there
			expect([...ledger.terminal.keys()]).toEqual(['d', 'c']);
			// Every task read once: the one read longest ago comes first.
			reads.length = 0;
			await ledger.sweep(client);
			expect(reads).toEqual(['a']);
		} finally {
			jest.useRealTimers();
		}
	});

	it('owes a sweep after a first callback, due once every task read running is worth reading again', async () => {
		jest.useFakeTimers({ now: 1_000_000 });
		try {
			const ledger = new BatchLedger(['a', 'b'], () => 0.5);
			const { client } = clientOf(new Set(['a']));
			await ledger.read('b', (id) => client.getTask(id)); // running, no pace: read again in 5 s
			await ledger.read('a', (id) => client.getTask(id));
			ledger.oweSweep();
			expect(ledger.owesSweep).toBe(true);
			expect(ledger.sweepDueAt()).toBe(Date.now() + 5_000);
			expect(await ledger.sweep(client)).toBe('running');
			expect(ledger.owesSweep).toBe(false);
		} finally {
			jest.useRealTimers();
		}
	});

	it('keeps a sweep owed after a failed read and backs off before the next', async () => {
		jest.useFakeTimers({ now: 1_000_000 });
		try {
			const ledger = new BatchLedger(['a']);
			const failing = {
				getTask: async () => await Promise.reject(new Error('503')),
			} as unknown as QingboClient;
			ledger.oweSweep();
			expect(await ledger.sweep(failing)).toBe('failed');
			expect(ledger.owesSweep).toBe(true);
			expect(ledger.sweepDueAt()).toBe(Date.now() + 2_000);
			expect(await ledger.sweep(failing)).toBe('failed');
			expect(ledger.sweepDueAt()).toBe(Date.now() + 4_000);
			const { client } = clientOf(new Set(['a']));
			expect(await ledger.sweep(client)).toBe('complete');
			expect(ledger.owesSweep).toBe(false);
		} finally {
			jest.useRealTimers();
		}
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
		expect(ledgerOf(ctx('e1'), ['a', 'b'])).toBe(ledgerOf(ctx('e1'), ['a', 'b']));
		expect(ledgerOf(ctx('e1'), ['a', 'b'])).not.toBe(ledgerOf(ctx('e2'), ['a', 'b']));
	});

	it('forgets the least recently called back batches beyond its cap, never one that is resuming', () => {
		const resuming = ledgerOf(ctx('resuming'), ['r']);
		resuming.claimResume();
		const idle = ledgerOf(ctx('idle'), ['i']);
		for (let n = 0; n < 1_000; n++) ledgerOf(ctx(`other-${n}`), ['x']);
		expect(ledgerOf(ctx('resuming'), ['r'])).toBe(resuming);
		expect(ledgerOf(ctx('idle'), ['i'])).not.toBe(idle);
	});
});
