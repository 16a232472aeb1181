import { jsonParse } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import { InputError } from './errors';

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
