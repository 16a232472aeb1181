import { mock, mockDeep } from 'jest-mock-extended';
import type { INode, IWebhookFunctions, Workflow } from 'n8n-workflow';

import {
	claimDelivery,
	deliveryKey,
	settleDelivery,
	type Claim,
} from '../../../nodes/SoraTrigger/dedupe';

/** A webhook context of one trigger node in one workflow; only the IDs matter here. */
function trigger(workflowId: string, nodeId: string) {
	const ctx = mockDeep<IWebhookFunctions>();
	ctx.getWorkflow.mockReturnValue({ id: workflowId } as Workflow);
	ctx.getNode.mockReturnValue(mock<INode>({ id: nodeId, name: 'QingBo Trigger' }));
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

/** A delivery claimed and handled, as the trigger does when its output is built. */
async function deliver(ctx: IWebhookFunctions, key: string): Promise<Claim> {
	const claim = await claimDelivery(ctx, key, 50);
	if (claim.first) settleDelivery(ctx, key, true);
	return claim;
}
const FIRST = { first: true };
const DUPLICATE = { first: false, handled: true };

describe('claimDelivery', () => {
	it('is first the first time a trigger sees an outcome, a handled duplicate for every repeat', async () => {
		const ctx = trigger('wf-1', 'node-1');
		const key = deliveryKey('task_once', 'completed');
		await expect(deliver(ctx, key)).resolves.toEqual(FIRST);
		await expect(deliver(ctx, key)).resolves.toEqual(DUPLICATE);
		await expect(deliver(trigger('wf-1', 'node-1'), key)).resolves.toEqual(DUPLICATE);
	});

	it("treats another outcome of the same task as new (e.g. 'failed' after 'processing')", async () => {
		const ctx = trigger('wf-1', 'node-1');
		await expect(deliver(ctx, deliveryKey('task_two', 'processing'))).resolves.toEqual(FIRST);
		await expect(deliver(ctx, deliveryKey('task_two', 'failed'))).resolves.toEqual(FIRST);
		await expect(deliver(ctx, deliveryKey('task_two', 'failed'))).resolves.toEqual(DUPLICATE);
	});

	it('keeps each workflow and each trigger node apart', async () => {
		const key = deliveryKey('task_shared', 'completed');
		await expect(deliver(trigger('wf-1', 'node-1'), key)).resolves.toEqual(FIRST);
		await expect(deliver(trigger('wf-2', 'node-1'), key)).resolves.toEqual(FIRST);
		await expect(deliver(trigger('wf-1', 'node-2'), key)).resolves.toEqual(FIRST);
		await expect(deliver(trigger('wf-2', 'node-1'), key)).resolves.toEqual(DUPLICATE);
		await expect(deliver(trigger('wf-1', 'node-2'), key)).resolves.toEqual(DUPLICATE);
	});

	it('remembers the last 2000 deliveries and forgets the oldest beyond that', async () => {
		const ctx = trigger('wf-mem', 'node-mem');
		const key = (n: number) => deliveryKey(`task_mem_${n}`, 'completed');
		await expect(deliver(ctx, key(0))).resolves.toEqual(FIRST);
		for (let n = 1; n <= 2100; n++) await deliver(ctx, key(n));
		// The newest are still remembered; the very first has been pushed out.
		await expect(deliver(ctx, key(2100))).resolves.toEqual(DUPLICATE);
		await expect(deliver(ctx, key(1500))).resolves.toEqual(DUPLICATE);
		await expect(deliver(ctx, key(0))).resolves.toEqual(FIRST);
	});

	it('a copy arriving while the first is being delivered waits for it: a duplicate once it is handled', async () => {
		const ctx = trigger('wf-flight', 'node-1');
		const key = deliveryKey('task_flight_ok', 'completed');
		await expect(claimDelivery(ctx, key)).resolves.toEqual(FIRST);
		const copy = claimDelivery(ctx, key);
		settleDelivery(ctx, key, true);
		await expect(copy).resolves.toEqual(DUPLICATE);
	});

	it('when the first delivery fails (its download), the waiting copy makes it instead', async () => {
		const ctx = trigger('wf-flight', 'node-1');
		const key = deliveryKey('task_flight_fail', 'completed');
		await expect(claimDelivery(ctx, key)).resolves.toEqual(FIRST);
		const firstCopy = claimDelivery(ctx, key);
		const secondCopy = claimDelivery(ctx, key);
		settleDelivery(ctx, key, false);
		// The copy that waited longest takes over; the other now waits for it.
		await expect(firstCopy).resolves.toEqual(FIRST);
		settleDelivery(ctx, key, true);
		await expect(secondCopy).resolves.toEqual(DUPLICATE);
	});

	it('still pending after the wait: says so, so the sender is asked to retry later', async () => {
		const ctx = trigger('wf-flight', 'node-1');
		const key = deliveryKey('task_flight_slow', 'completed');
		await expect(claimDelivery(ctx, key)).resolves.toEqual(FIRST);
		await expect(claimDelivery(ctx, key, 20)).resolves.toEqual({
			first: false,
			handled: 'pending',
		});
		settleDelivery(ctx, key, true);
		await expect(claimDelivery(ctx, key, 20)).resolves.toEqual(DUPLICATE);
	});
});
