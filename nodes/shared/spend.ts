import type { IDataObject } from 'n8n-workflow';

import type { ModelRules } from './models/types';

/** The API counts money in integer quota: 500,000 quota = 1 USD. */
export const QUOTA_PER_USD = 500_000;

/** USD from the API's integer quota (a number or numeric string), to a millionth; undefined when absent. */
export function quotaToUsd(quota: unknown): number | undefined {
	const n = typeof quota === 'string' && quota.trim() !== '' ? Number(quota) : quota;
	if (typeof n !== 'number' || !Number.isFinite(n)) return undefined;
	return Math.round((n / QUOTA_PER_USD) * 1e6) / 1e6;
}

/** "$1.728", "$2": to a hundredth of a cent, no trailing zeros. */
export function formatUsd(usd: number): string {
	return `$${Math.round(usd * 10000) / 10000}`;
}

/** Per-resolution USD rates from `GET /v1/models` (`price_config.video_prices`), by model ID. */
export type PriceList = Map<string, Record<string, number>>;

export function priceListFrom(entries: IDataObject[]): PriceList {
	const prices: PriceList = new Map();
	for (const entry of entries) {
		const config = entry.price_config as IDataObject | undefined;
		const video = (config?.video_prices ?? undefined) as IDataObject | undefined;
		if (typeof entry.id !== 'string' || !video || typeof video !== 'object') continue;
		const rates: Record<string, number> = {};
		for (const [key, value] of Object.entries(video)) {
			const rate = typeof value === 'number' ? value : Number((value as IDataObject)?.usd ?? value);
			if (Number.isFinite(rate) && rate >= 0) rates[key.toLowerCase()] = rate;
		}
		if (Object.keys(rates).length) prices.set(entry.id, rates);
	}
	return prices;
}

/**
 * What one request should reserve, in USD, when the price is known in advance: the key's
 * `price_config` first, else the catalogue's list price. Undefined when either is unknown; the API's
 * own `pre_consumed_cost` is the truth either way.
 */
export function estimateUsd(
	body: IDataObject,
	rules: ModelRules | undefined,
	prices: PriceList | undefined,
): number | undefined {
	const pricing = rules?.pricing;
	const fields = rules?.actions[(body.action as 'generate') ?? 'generate']?.fields ?? {};
	const resolution = String(
		body.resolution ?? pricing?.defaultResolution ?? fields.resolution?.default ?? '',
	).toLowerCase();
	const rates = prices?.get(String(body.model)) ?? pricing?.usd;
	const only = rates && Object.keys(rates).length === 1 ? Object.values(rates)[0] : undefined;
	const rate = rates?.[resolution] ?? (resolution ? undefined : only);
	if (rate === undefined) return undefined;
	if (pricing?.per === 'clip') return rate;
	const asked = Number(body.duration);
	const seconds =
		Number.isFinite(asked) && asked > 0
			? asked
			: (pricing?.defaultSeconds ??
				(typeof fields.duration?.default === 'number' ? fields.duration.default : undefined));
	return seconds === undefined ? undefined : rate * seconds;
}

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

/** Same model, action, resolution and length: the same price. */
export function priceKey(body: IDataObject): string {
	return JSON.stringify([body.model, body.action, body.resolution ?? null, body.duration ?? null]);
}
