import { jsonParse } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import { InputError } from '../errors';
import { MAX_POLL_INTERVAL_S, MAX_TIMEOUT_S } from '../option-defaults';

/** Reading node parameters that every version shares: required text and JSON objects. */

export function requireText(value: unknown, field: string, fix: string): string {
	const text = typeof value === 'string' ? value.trim() : value == null ? '' : String(value).trim();
	if (!text) throw new InputError(field, 'is empty', fix);
	return text;
}

export function parseJson(text: string, field: string): unknown {
	const invalid = Symbol('invalid');
	const parsed = jsonParse<unknown>(text, { fallbackValue: invalid });
	if (parsed === invalid) {
		throw new InputError(field, 'is not valid JSON', 'Fix the JSON syntax, e.g. {"seed": 7}.');
	}
	return parsed;
}

/** A JSON object option, typed in the UI as text or given as an object by expression. */
export function parseJsonObject(value: unknown, field: string): IDataObject {
	if (value == null || value === '') return {};
	const parsed = typeof value === 'string' ? parseJson(value, field) : value;
	if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
		throw new InputError(
			field,
			'must be a JSON object',
			'Give an object such as {"seed": 7}, or leave it empty.',
		);
	}
	return parsed as IDataObject;
}

interface NumberOption {
	field: string;
	min: number;
	max: number;
	/** 0 is accepted below `min` (it means "none"). */
	zero?: boolean;
	fix: string;
}

/** The number options checked before anything is submitted, by parameter name. */
const NUMBER_OPTIONS: Record<string, NumberOption> = {
	timeout: {
		field: 'Options › Timeout (Seconds)',
		min: 1,
		max: MAX_TIMEOUT_S,
		fix: `Give a number of seconds from 1 to ${MAX_TIMEOUT_S} (7 days), or leave it empty for the default.`,
	},
	pollInterval: {
		field: 'Options › Poll Interval (Seconds)',
		min: 0,
		max: MAX_POLL_INTERVAL_S,
		fix: `Give 0 (adaptive) or a number of seconds up to ${MAX_POLL_INTERVAL_S}.`,
	},
	maxDownloadMb: {
		field: 'Options › Max Download Size (MB)',
		min: 1,
		max: 1024 * 1024,
		fix: 'Give a number of megabytes, at least 1, or leave it empty for 2048 (2 GiB).',
	},
	maxSpendUsd: {
		field: 'Options › Max Spend (USD)',
		min: 0.0001,
		max: 1e9,
		zero: true,
		fix: 'Give a positive amount in USD, or 0 (or leave it empty) for no limit.',
	},
};

/** An optional number option: given as a number or numeric text, finite, within its bounds; else a clear refusal. */
function numberOption(value: unknown, rule: NumberOption): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const n = typeof value === 'string' ? Number(value.trim()) : value;
	const ok =
		typeof n === 'number' &&
		Number.isFinite(n) &&
		((rule.zero && n === 0) || (n >= rule.min && n <= rule.max));
	if (!ok) throw new InputError(rule.field, `${JSON.stringify(value)} is not usable`, rule.fix);
	return n as number;
}

/**
 * Options › Timeout, Poll Interval, Max Download Size and Max Spend, checked before anything is submitted: a value
 * that is not a sane number would otherwise make a wait endless (a NaN deadline) or a cap void.
 */
export function checkNumberOptions<T extends object>(options: T): T {
	const checked: IDataObject = { ...(options as IDataObject) };
	for (const [name, rule] of Object.entries(NUMBER_OPTIONS)) {
		const value = numberOption(checked[name], rule);
		if (value === undefined) delete checked[name];
		else checked[name] = value;
	}
	return checked as T;
}
