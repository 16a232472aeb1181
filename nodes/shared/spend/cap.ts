import { InputError, SpendLimitReached, type SpendOutcome } from '../errors';
import type { Task } from '../task/task';
import { formatUsd, quotaToUsd } from './money';

/**
 * Options › Max Spend (USD): the most one execution may reserve. Checked before the first submit
 * (capForBatch), then held submit by submit (SpendCap, submitWithinCap).
 */

/** A place under the cap held for one submit until its real reservation is known. */
export interface Hold {
	key: string;
	boundUsd: number;
}

export type Admission = { hold: Hold } | { refusedUsd: number | undefined };

/**
 * Max Spend for one execution. Submits run several at a time; each first holds its cost as learnt
 * from the first submit of the same price (made alone), so what is reserved plus what is held never
 * passes the limit. A reservation larger than the room it had is reported back so the caller can
 * cancel that task.
 */
export class SpendCap {
	private reservedUsd = 0;
	private heldUsd = 0;
	private inFlight = 0;
	private learning = false;
	private readonly learnt = new Map<string, number>();
	private waiters: Array<() => void> = [];

	constructor(readonly limitUsd: number) {}

	get reserved(): number {
		return this.reservedUsd;
	}

	private changed(): void {
		const waiters = this.waiters;
		this.waiters = [];
		for (const wake of waiters) wake();
	}

	private async nextChange(): Promise<void> {
		await new Promise<void>((resolve) => this.waiters.push(resolve));
	}

	/**
	 * Waits for room, then holds it; refuses when the limit leaves none even after every submit in
	 * flight. The first submit of each price is made alone: its real reservation is then the bound of
	 * the others, so an estimate that is off (a price changed upstream) cannot let a wave overshoot.
	 */
	async admit(key: string, estimateUsd: number | undefined): Promise<Admission> {
		for (;;) {
			const learnt = this.learnt.get(key);
			if (this.learning || (learnt === undefined && this.inFlight > 0)) {
				await this.nextChange();
				continue;
			}
			if (learnt === undefined) {
				const room = this.limitUsd - this.reservedUsd;
				if (room <= 1e-9 || (estimateUsd !== undefined && estimateUsd > room + 1e-9))
					return { refusedUsd: estimateUsd };
				this.learning = true;
				this.inFlight++;
				return { hold: { key, boundUsd: Number.POSITIVE_INFINITY } };
			}
			if (this.reservedUsd + this.heldUsd + learnt <= this.limitUsd + 1e-9) {
				this.heldUsd += learnt;
				this.inFlight++;
				return { hold: { key, boundUsd: learnt } };
			}
			// Submits in flight may reserve less than they hold: judge again once they are known.
			if (this.inFlight > 0) {
				await this.nextChange();
				continue;
			}
			return { refusedUsd: learnt };
		}
	}

	/**
	 * The submit answered: `reservedUsd` is its real reservation (undefined: the API did not say, so
	 * the hold counts). Returns false when it took the total over the limit: cancel that task.
	 */
	settle(hold: Hold, reservedUsd: number | undefined): boolean {
		const real = reservedUsd ?? (Number.isFinite(hold.boundUsd) ? hold.boundUsd : 0);
		if (Number.isFinite(hold.boundUsd)) this.heldUsd -= hold.boundUsd;
		else this.learning = false;
		this.inFlight--;
		this.reservedUsd += real;
		this.learnt.set(hold.key, Math.max(this.learnt.get(hold.key) ?? 0, real));
		this.changed();
		return this.reservedUsd <= this.limitUsd + 1e-9;
	}

	/** The submit failed: give back what it held. */
	release(hold: Hold): void {
		if (Number.isFinite(hold.boundUsd)) this.heldUsd -= hold.boundUsd;
		else this.learning = false;
		this.inFlight--;
		this.changed();
	}

	/** A task over the limit was cancelled, and its reservation refunded. */
	refund(usd: number): void {
		this.reservedUsd -= usd;
		this.changed();
	}
}

/** How many items, in order, fit under the limit at their estimates. */
function fitting(estimates: Array<number | undefined>, limit: number): number {
	let total = 0;
	let count = 0;
	for (const usd of estimates) {
		total += usd ?? 0;
		if (total > limit + 1e-9) break;
		count++;
	}
	return count;
}

/**
 * The cap of one execution's batch when Max Spend is set: refuses before the first submit a batch
 * whose known prices cannot fit, unless `submitWhatFits` (Continue On Fail; or idempotency keys,
 * whose tasks given back cost nothing new, so list prices overstate the batch).
 */
export function capForBatch(
	limitUsd: unknown,
	estimates: Array<number | undefined>,
	submitWhatFits: boolean,
): SpendCap | undefined {
	const limit = Number(limitUsd);
	if (!estimates.length || !Number.isFinite(limit) || limit <= 0) return undefined;
	if (!submitWhatFits && estimates.every((usd) => usd !== undefined)) {
		const total = estimates.reduce((sum: number, usd) => sum + usd!, 0);
		if (total > limit + 1e-9) {
			throw new InputError(
				'Options › Max Spend (USD)',
				`these ${estimates.length} items would reserve about ${formatUsd(total)}, over the limit of ${formatUsd(limit)}; nothing was submitted`,
				`At list prices they fit ${fitting(estimates, limit)} of ${estimates.length}. Raise Max Spend, send fewer items, or turn on Continue On Fail to submit the ones that fit (the rest get a row saying why).`,
			);
		}
	}
	return new SpendCap(limit);
}

export type CappedSubmit = { task: Task } | { error: unknown; task?: Task };

/**
 * One submit within the cap. The item is refused (never silently: the error says the limit and what
 * is reserved) when the cap leaves no room; a task that reserved more than its room is cancelled
 * (refunded) at once, or, when it cannot be any more, reported with its ID.
 */
export async function submitWithinCap(
	cap: SpendCap | undefined,
	price: { key: string; estimateUsd?: number },
	submit: () => Promise<Task>,
	cancel: (taskId: string) => Promise<Task>,
): Promise<CappedSubmit> {
	const admission = cap ? await cap.admit(price.key, price.estimateUsd) : undefined;
	if (admission && 'refusedUsd' in admission)
		return { error: new SpendLimitReached(cap!.limitUsd, cap!.reserved, admission.refusedUsd) };
	let task: Task;
	try {
		task = await submit();
	} catch (error) {
		if (admission) cap!.release(admission.hold);
		return { error };
	}
	if (!admission) return { task };
	// A task an earlier run created (Options › Idempotency Key) reserves nothing new; its price is
	// not learnt from it either, since a bound of 0 would let the next submits overshoot.
	if (task.reused === true) {
		cap!.release(admission.hold);
		return { task };
	}
	const reservedUsd = quotaToUsd(task.pre_consumed_cost);
	if (cap!.settle(admission.hold, reservedUsd)) return { task };
	const before = cap!.reserved - (reservedUsd ?? 0);
	const over = (outcome: SpendOutcome) =>
		new SpendLimitReached(cap!.limitUsd, before, reservedUsd, outcome);
	try {
		const cancelled = await cancel(task.task_id);
		cap!.refund(reservedUsd ?? 0);
		return { error: over({ cancelledTaskId: task.task_id }), task: cancelled };
	} catch {
		// Not cancellable any more: it runs and is paid for; say so with its ID rather than hide it.
		return { error: over({ uncancelledTaskId: task.task_id }), task };
	}
}
