import { mock, mockDeep } from 'jest-mock-extended';
import type { INode, IWebhookFunctions, Workflow } from 'n8n-workflow';

import { claimDelivery, deliveryKey } from '../../../nodes/SoraTrigger/dedupe';

/** A webhook context of one trigger node in one workflow; only the IDs matter here. */
function trigger(workflowId: string, nodeId: string) {
	const ctx = mockDeep<IWebhookFunctions>();
	ctx.getWorkflow.mockReturnValue({ id: workflowId } as Workflow);
	ctx.getNode.mockReturnValue(mock<INode>({ id: nodeId, name: 'Sora Trigger' }));
	return ctx;
}

// The memory lives for the whole process, so every test uses its own task IDs.
describe('deliveryKey', () => {
	it('is the task ID and status, the same for every copy of one outcome', () => {
		expect(deliveryKey('task_1', 'completed')).toBe('task_1:completed');
		expect(deliveryKey('task_1', 'completed')).toBe(deliveryKey('task_1', 'completed'));
		expect(deliveryKey('task_1', 'failed')).not.toBe(deliveryKey('task_1', 'completed'));
		expect(deliveryKey('task_2', 'completed')).not.toBe(deliveryKey('task_1', 'completed'));
	});
});

describe('claimDelivery', () => {
	it('is true the first time a trigger sees an outcome, false for every repeat', () => {
		const ctx = trigger('wf-1', 'node-1');
		const key = deliveryKey('task_once', 'completed');
		expect(claimDelivery(ctx, key)).toBe(true);
		expect(claimDelivery(ctx, key)).toBe(false);
		expect(claimDelivery(trigger('wf-1', 'node-1'), key)).toBe(false);
	});

	it("treats another outcome of the same task as new (e.g. 'failed' after 'processing')", () => {
		const ctx = trigger('wf-1', 'node-1');
		expect(claimDelivery(ctx, deliveryKey('task_two', 'processing'))).toBe(true);
		expect(claimDelivery(ctx, deliveryKey('task_two', 'failed'))).toBe(true);
		expect(claimDelivery(ctx, deliveryKey('task_two', 'failed'))).toBe(false);
	});

	it('keeps each workflow and each trigger node apart', () => {
		const key = deliveryKey('task_shared', 'completed');
		expect(claimDelivery(trigger('wf-1', 'node-1'), key)).toBe(true);
		expect(claimDelivery(trigger('wf-2', 'node-1'), key)).toBe(true);
		expect(claimDelivery(trigger('wf-1', 'node-2'), key)).toBe(true);
		expect(claimDelivery(trigger('wf-2', 'node-1'), key)).toBe(false);
		expect(claimDelivery(trigger('wf-1', 'node-2'), key)).toBe(false);
	});

	it('remembers the last 2000 deliveries and forgets the oldest beyond that', () => {
		const ctx = trigger('wf-mem', 'node-mem');
		const key = (n: number) => deliveryKey(`task_mem_${n}`, 'completed');
		expect(claimDelivery(ctx, key(0))).toBe(true);
		for (let n = 1; n <= 2100; n++) claimDelivery(ctx, key(n));
		// The newest are still remembered; the very first has been pushed out.
		expect(claimDelivery(ctx, key(2100))).toBe(false);
		expect(claimDelivery(ctx, key(1500))).toBe(false);
		expect(claimDelivery(ctx, key(0))).toBe(true);
	});
});
