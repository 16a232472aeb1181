import type { IDataObject } from 'n8n-workflow';

import { InputError } from '../errors';
import { CATALOGUE_CHECKED_ON, OPERATION_ACTIONS } from './catalogue';
import type { FieldRule, FieldValue, ModelRules } from './types';

/**
 * A model's rules in words: what the node's errors, the Model Fields labels and Model › Get (what an
 * AI agent reads before it generates) say a field takes.
 */

/** "a, b or c", for messages. */
export function listWords(values: readonly unknown[]): string {
	const words = values.map((value) => String(value));
	return words.length <= 1
		? (words[0] ?? '')
		: `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

/** Runs of consecutive integers written as ranges: [0, 4, 5, ..., 30] -> "0 or 4 to 30". */
function compactValues(values: readonly unknown[]): string {
	if (values.length < 6 || !values.every((value) => Number.isInteger(value)))
		return listWords(values);
	const runs: string[] = [];
	const sorted = [...(values as number[])].sort((a, b) => a - b);
	let start = sorted[0];
	for (let i = 1; i <= sorted.length; i++) {
		if (sorted[i] === sorted[i - 1] + 1) continue;
		const end = sorted[i - 1];
		runs.push(
			end - start >= 2 ? `${start} to ${end}` : end === start ? `${start}` : `${start}, ${end}`,
		);
		start = sorted[i];
	}
	return listWords(runs);
}

/** "1 URL", "3 URLs". */
function count(n: number, noun: string): string {
	return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** What a field takes, in words: "4, 6 or 8 s", "an integer from 3 to 15 s", "up to 7 URLs". */
export function describeField(rule: FieldRule): string {
	const unit = rule.unit ? ` ${rule.unit}` : '';
	if (rule.values) return `${compactValues(rule.values)}${unit}`;
	switch (rule.kind) {
		case 'integer':
		case 'number': {
			const what = rule.kind === 'integer' ? 'an integer' : 'a number';
			if (rule.min !== undefined && rule.max !== undefined)
				return `${what} from ${rule.min} to ${rule.max}${unit}`;
			if (rule.min !== undefined) return `${what} of at least ${rule.min}${unit}`;
			if (rule.max !== undefined) return `${what} up to ${rule.max}${unit}`;
			return what;
		}
		case 'boolean':
			return 'true or false';
		case 'url':
			return rule.assets ? 'one http(s) or asset:// URL' : 'one public http(s) URL';
		case 'urlList': {
			const noun = `public http(s)${rule.assets ? ' or asset://' : ''} URL`;
			if (rule.minItems !== undefined && rule.maxItems !== undefined)
				return rule.minItems === rule.maxItems
					? `exactly ${count(rule.maxItems, noun)}`
					: `${rule.minItems} to ${rule.maxItems} ${noun}s`;
			if (rule.maxItems !== undefined) return `up to ${count(rule.maxItems, noun)}`;
			return `a list of ${noun}s`;
		}
		case 'array':
			return rule.maxItems !== undefined
				? `a JSON array of up to ${count(rule.maxItems, 'item')}`
				: 'a JSON array';
		case 'object':
			return 'a JSON object';
		default:
			return rule.maxLength ? `text of up to ${rule.maxLength} characters` : 'text';
	}
}

/**
 * Said with every refusal that comes from the catalogue rather than from QingBo: the rules are the
 * package's knowledge as of a date, and the way to send the request anyway.
 */
export const RULES_AS_OF = `(The node's rules as of ${CATALOGUE_CHECKED_ON}: if QingBo now takes it, turn off Options › Check Model Rules to send it anyway.)`;

/** The error for a delisted model, with QingBo's suggested replacements. */
export function delistedError(model: ModelRules): InputError {
	const instead = model.delisted?.replacements ?? [];
	return new InputError(
		'Model',
		`${model.id} was delisted by QingBo on ${model.delisted?.on}; the API refuses every request for it`,
		`Pick another model${instead.length ? `, e.g. ${listWords(instead)}` : ''}, and set its fields in Model Fields. ${RULES_AS_OF}`,
	);
}

/** Typed default values, for showing a model's rules (Model › Get). */
export function fieldSummary(rule: FieldRule): IDataObject {
	const summary: IDataObject = { type: rule.kind, takes: describeField(rule) };
	if (rule.required) summary.required = true;
	if (rule.values) summary.values = rule.values as FieldValue[];
	if (rule.default !== undefined) summary.default = rule.default;
	if (rule.note) summary.note = rule.note;
	return summary;
}

/** The node's operations a model supports (Generate, Extend, Edit), by its catalogue entry. */
export function operationsOf(rules: ModelRules): string[] {
	return Object.entries(OPERATION_ACTIONS)
		.filter(([, actions]) => actions.some((action) => rules.actions[action]))
		.map(([operation]) => operation);
}

/** A model's rules as data an AI agent can read: per operation, its fields, values and cross-field rules. */
export function describeModel(rules: ModelRules): IDataObject {
	const operations: IDataObject = {};
	for (const [operation, actions] of Object.entries(OPERATION_ACTIONS)) {
		const action = actions.find((name) => rules.actions[name]);
		const actionRules = action && rules.actions[action];
		if (!actionRules) continue;
		const fields: IDataObject = {};
		for (const [field, rule] of Object.entries(actionRules.fields))
			fields[field] = fieldSummary(rule);
		operations[operation] = {
			action,
			prompt:
				actionRules.prompt === 'refused'
					? 'not taken'
					: actionRules.prompt
						? 'required'
						: 'optional',
			...(actionRules.source
				? {
						source_task_sent_as: actionRules.source.via,
						source_models: actionRules.source.models ?? [],
					}
				: {}),
			fields,
			rules: (actionRules.rules ?? []).map((rule) => rule.why),
		};
	}
	const described: IDataObject = {
		id: rules.id,
		known: true,
		family: rules.family,
		summary: rules.description,
		operations,
		rules_as_of: CATALOGUE_CHECKED_ON,
		model_fields_note:
			"Set fields in Model Fields by these names (the API's own). Anything else is refused before billing; Options › Additional Fields bypasses the check.",
	};
	if (rules.delisted) described.delisted = { ...rules.delisted };
	if (rules.pricing) described.list_price_usd = { per: rules.pricing.per, ...rules.pricing.usd };
	return described;
}
