import { sleep } from 'n8n-workflow';

import { SpendCap, submitWithinCap } from '../../../../nodes/shared/spend/cap';
import { priceKey } from '../../../../nodes/shared/spend/prices';

/** Runs `count` submits through the cap, `lanes` at a time, each reserving `reserve(n)` USD after a delay. */
async function batch(
	cap: SpendCap,
	count: number,
	lanes: number,
	estimate: number | undefined,
	reserve: (n: number) => number,
) {
	const submitted: number[] = [];
	const refused: number[] = [];
	let next = 0;
	let maxExposure = 0;
	const lane = async () => {
		while (next < count) {
			const n = next++;
			const admission = await cap.admit(priceKey({ model: 'm', duration: 8 }), estimate);
			if ('refusedUsd' in admission) {
				refused.push(n);
				continue;
			}
			await sleep(1 + (n % 3));
			const within = cap.settle(admission.hold, reserve(n));
			maxExposure = Math.max(maxExposure, cap.reserved);
			if (within) submitted.push(n);
			else {
				cap.refund(reserve(n));
				refused.push(n);
			}
		}
	};
	await Promise.all(Array.from({ length: lanes }, lane));
	return { submitted, refused, maxExposure };
}

describe('SpendCap under concurrency', () => {
	it('with known prices, never lets many submits in flight reserve more than the limit', async () => {
		const cap = new SpendCap(10);
		const run = await batch(cap, 40, 8, 0.8, () => 0.8);
		expect(run.submitted).toHaveLength(12);
		expect(run.refused).toHaveLength(28);
		expect(cap.reserved).toBeCloseTo(9.6);
		expect(run.maxExposure).toBeLessThanOrEqual(10);
	});

	it('with an unknown price, learns it from one submit made alone, then fills up to the limit', async () => {
		const cap = new SpendCap(5);
		const run = await batch(cap, 30, 5, undefined, () => 1.25);
		expect(run.submitted).toHaveLength(4);
		expect(cap.reserved).toBeCloseTo(5);
		expect(run.maxExposure).toBeLessThanOrEqual(5);
	});

	it('reports a reservation dearer than its estimate, so the caller cancels it', async () => {
		const cap = new SpendCap(2);
		const admission = await cap.admit('k', 1);
		expect('hold' in admission).toBe(true);
		if (!('hold' in admission)) return;
		expect(cap.settle(admission.hold, 3)).toBe(false);
		cap.refund(3);
		expect(cap.reserved).toBe(0);
	});

	it('gives back the place of a submit that failed', async () => {
		const cap = new SpendCap(1);
		const first = await cap.admit('k', 1);
		if (!('hold' in first)) throw new Error('admitted expected');
		cap.release(first.hold);
		const second = await cap.admit('k', 1);
		expect('hold' in second).toBe(true);
	});

	it('refuses an item whose estimate alone is over the limit, without waiting', async () => {
		const cap = new SpendCap(1);
		await expect(cap.admit('k', 1.5)).resolves.toEqual({ refusedUsd: 1.5 });
	});
});

describe('submitWithinCap with a task given back (Options › Idempotency Key)', () => {
	const task = (id: string, reused?: boolean) => ({
		task_id: id,
		status: 'queued',
		progress: 0,
		pre_consumed_cost: 288000,
		...(reused === undefined ? {} : { reused }),
	});
	const cancel = async () => await Promise.reject(new Error('not expected'));

	it('reserves nothing for it and learns no price from it, so the next new task is bounded as before', async () => {
		const cap = new SpendCap(1);
		const price = { key: 'veo|8', estimateUsd: 0.576 };
		const given = await submitWithinCap(cap, price, async () => task('t0', true), cancel);
		expect(given).toEqual({ task: task('t0', true) });
		expect(cap.reserved).toBe(0);
		const fresh = await submitWithinCap(cap, price, async () => task('t1', false), cancel);
		expect(fresh).toEqual({ task: task('t1', false) });
		expect(cap.reserved).toBeCloseTo(0.576);
		// The room left ($0.424) is below the learnt price: a second new task is refused unsent.
		let sent = false;
		const refused = await submitWithinCap(
			cap,
			price,
			async () => {
				sent = true;
				return task('t2', false);
			},
			cancel,
		);
		expect('error' in refused && (refused.error as Error).message).toMatch(/Max Spend/);
		expect(sent).toBe(false);
	});
});
