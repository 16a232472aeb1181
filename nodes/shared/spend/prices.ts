import type { IDataObject } from 'n8n-workflow';

import type { ModelRules } from '../models/types';

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

/** Same model, action, resolution and length: the same price. */
export function priceKey(body: IDataObject): string {
	return JSON.stringify([body.model, body.action, body.resolution ?? null, body.duration ?? null]);
}
