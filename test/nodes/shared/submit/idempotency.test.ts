import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

import {
	createdBeforeThisSubmit,
	idempotencyKeyFor,
	userIdempotencyKey,
} from '../../../../nodes/shared/submit/idempotency';
import type { Task } from '../../../../nodes/shared/task/task';
import { executeContext } from '../../../helpers/execute-context';
import { FakeApi } from '../../../helpers/fake-api';

const request = { model: 'veo3.1-fast', prompt: 'A fox', duration: 8 };
const ctxOf = (options: { executionId?: string; workflowId?: string } = {}) =>
	executeContext(new FakeApi(), {}, options);

describe('userIdempotencyKey (Options › Idempotency Key as given)', () => {
	it.each([undefined, null, '', '   '])('%j means no key: as before', (value) => {
		expect(userIdempotencyKey(value)).toBeUndefined();
	});

	it('trims text and takes a number or an object from an expression as text', () => {
		expect(userIdempotencyKey('  row-7 ')).toBe('row-7');
		expect(userIdempotencyKey(7)).toBe('7');
		expect(userIdempotencyKey({ sheet: 'a', row: 7 })).toBe('{"sheet":"a","row":7}');
	});
});

describe('idempotencyKeyFor', () => {
	it('without a user key: exactly the key of before (execution, node, run, item, request)', () => {
		const seed = JSON.stringify(['exec-1', 'node-1', 0, 2, request]);
		const before = `n8n-${createHash('sha256').update(seed).digest('hex').slice(0, 40)}`;
		expect(idempotencyKeyFor(ctxOf(), 2, request, undefined)).toBe(before);
		expect(idempotencyKeyFor(ctxOf({ executionId: 'exec-2' }), 2, request, undefined)).not.toBe(
			before,
		);
	});

	it('with a user key: the same in every execution, whatever the item position', () => {
		const first = idempotencyKeyFor(ctxOf(), 0, request, 'row-7');
		expect(idempotencyKeyFor(ctxOf({ executionId: 'exec-2' }), 0, request, 'row-7')).toBe(first);
		expect(idempotencyKeyFor(ctxOf({ executionId: 'exec-3' }), 5, request, 'row-7')).toBe(first);
		expect(first).toMatch(/^n8n-k-[0-9a-f]{40}$/);
	});

	it('the same request in another key order is the same request', () => {
		const reordered = { duration: 8, prompt: 'A fox', model: 'veo3.1-fast' };
		expect(idempotencyKeyFor(ctxOf(), 0, reordered, 'row-7')).toBe(
			idempotencyKeyFor(ctxOf(), 0, request, 'row-7'),
		);
	});

	it('differs across workflows, nodes, user keys and requests', () => {
		const base = idempotencyKeyFor(ctxOf(), 0, request, 'row-7');
		const otherNode = ctxOf();
		otherNode.getNode.mockReturnValue({ ...otherNode.getNode(), id: 'node-2' });
		const others = [
			idempotencyKeyFor(ctxOf({ workflowId: 'wf-2' }), 0, request, 'row-7'),
			idempotencyKeyFor(otherNode, 0, request, 'row-7'),
			idempotencyKeyFor(ctxOf(), 0, request, 'row-8'),
			idempotencyKeyFor(ctxOf(), 0, { ...request, prompt: 'A wolf' }, 'row-7'),
			idempotencyKeyFor(ctxOf(), 0, { ...request, duration: 6 }, 'row-7'),
		];
		expect(new Set([base, ...others]).size).toBe(6);
	});
});

describe('createdBeforeThisSubmit (was the task given back?)', () => {
	const sentAtMs = Date.parse('2026-12-07T10:00:00Z');
	const task = (extra: IDataObject): Task => ({
		task_id: 'task_1',
		status: 'queued',
		progress: 0,
		...extra,
	});
	const seconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);

	it('a finished task always was', () => {
		for (const status of ['completed', 'failed', 'cancelled'])
			expect(createdBeforeThisSubmit(task({ status }), { sentAtMs, answeredAtMs: sentAtMs })).toBe(
				true,
			);
	});

	it("on the server's clock (Date header): created before the call reached it", () => {
		const timing = {
			sentAtMs,
			answeredAtMs: sentAtMs + 300,
			serverDateMs: Date.parse('2026-12-07T10:05:00Z'), // the server's clock runs 5 min ahead
		};
		expect(
			createdBeforeThisSubmit(task({ created_at: seconds('2026-12-07T10:05:00Z') }), timing),
		).toBe(false);
		expect(
			createdBeforeThisSubmit(task({ created_at: seconds('2026-12-07T10:04:40Z') }), timing),
		).toBe(true);
		// Milliseconds are read as milliseconds.
		expect(
			createdBeforeThisSubmit(task({ created_at: Date.parse('2026-12-07T10:01:00Z') }), timing),
		).toBe(true);
	});

	it('a slow submit answer is still a new task: the call took its time on the server', () => {
		const timing = {
			sentAtMs,
			answeredAtMs: sentAtMs + 20_000,
			serverDateMs: sentAtMs + 20_000,
		};
		expect(createdBeforeThisSubmit(task({ created_at: sentAtMs / 1000 + 1 }), timing)).toBe(false);
	});

	it('without a Date header, only a task a minute older than the send counts (clocks may differ)', () => {
		const timing = { sentAtMs, answeredAtMs: sentAtMs + 200 };
		expect(createdBeforeThisSubmit(task({ created_at: sentAtMs / 1000 - 30 }), timing)).toBe(false);
		expect(createdBeforeThisSubmit(task({ created_at: sentAtMs / 1000 - 120 }), timing)).toBe(true);
	});

	it('without created_at a queued task is taken as new (Max Spend counts it)', () => {
		expect(
			createdBeforeThisSubmit(task({}), {
				sentAtMs,
				answeredAtMs: sentAtMs,
				serverDateMs: sentAtMs,
			}),
		).toBe(false);
	});
});
