/** Money as the API counts it and as users read it. */

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
