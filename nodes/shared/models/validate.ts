import { jsonParse } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import { InputError } from '../errors';
import { describeField, listWords, RULES_AS_OF } from './describe';
import {
	directMediaLink,
	holdsTelegramFileLink,
	TELEGRAM_LINK_REFUSED,
	urlListParts,
} from './media-urls';
import {
	ownEntry,
	type ActionName,
	type ActionRules,
	type Condition,
	type CrossRule,
	type FieldRule,
	type ModelRules,
} from './types';

/** Body keys every action takes besides its own fields. */
const ALWAYS_ACCEPTED = ['model', 'action', 'callback_url', 'callback_events'];
/** Where the Model Fields are, as the user sees it in the node; the two fields set elsewhere. */
const FIELDS_LABEL = 'Model Fields';
const OWN_LABELS: Record<string, string> = { prompt: 'Prompt', action: 'Operation' };

function isEmpty(value: unknown): boolean {
	return (
		value === undefined ||
		value === null ||
		(typeof value === 'string' && value.trim() === '') ||
		(Array.isArray(value) && value.length === 0)
	);
}

function show(value: unknown): string {
	const text = typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
	return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

class Check {
	constructor(
		readonly model: ModelRules,
		readonly action: ActionName,
		/** Where a field was set when not in Model Fields (e.g. "Binary Media › first_frame_image"). */
		readonly labels: Record<string, string> = {},
	) {}

	/** A refusal by the catalogue's rules (Check Model Rules off lets it through). */
	fail(field: string, problem: string, fix: string): never {
		return this.refuse(field, problem, `${fix} ${RULES_AS_OF}`);
	}

	/** A refusal whatever the rules say, e.g. a link that would hand QingBo a secret. */
	refuse(field: string, problem: string, fix: string): never {
		const label = ownEntry(this.labels, field) ?? ownEntry(OWN_LABELS, field);
		throw new InputError(label ?? `${FIELDS_LABEL} › ${field}`, problem, fix);
	}

	/** The value sent, typed as the field says; strings from expressions or agents are converted. */
	coerce(field: string, rule: FieldRule, value: unknown): unknown {
		const takes = `${this.model.id} takes ${field} as ${describeField(rule)}.`;
		switch (rule.kind) {
			case 'integer':
			case 'number': {
				const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
				if (typeof n !== 'number' || !Number.isFinite(n))
					this.fail(field, `${show(value)} is not a number`, takes);
				if (rule.kind === 'integer' && !Number.isInteger(n))
					this.fail(field, `${show(value)} is not a whole number`, takes);
				return n;
			}
			case 'boolean': {
				if (typeof value === 'boolean') return value;
				const text = String(value).trim().toLowerCase();
				if (text === 'true' || text === 'false') return text === 'true';
				return this.fail(field, `${show(value)} is not true or false`, takes);
			}
			case 'url':
				return this.url(field, rule, value, takes);
			case 'urlList':
				return urlListParts(value)
					.map((part) => (typeof part === 'string' ? part.trim() : part))
					.filter((part) => !isEmpty(part))
					.map((part) => this.url(field, rule, part, takes));
			case 'array':
			case 'object': {
				const parsed =
					typeof value === 'string' ? jsonParse<unknown>(value, { fallbackValue: value }) : value;
				const ok =
					rule.kind === 'array'
						? Array.isArray(parsed)
						: !!parsed && typeof parsed === 'object' && !Array.isArray(parsed);
				if (!ok) this.fail(field, `${show(value)} is not ${describeField(rule)}`, takes);
				return parsed;
			}
			default:
				if (typeof value === 'object') this.fail(field, `${show(value)} is not text`, takes);
				return String(value).trim();
		}
	}

	url(field: string, rule: FieldRule, value: unknown, takes: string): string {
		const text = typeof value === 'string' ? value.trim() : '';
		const ok = /^https?:\/\/\S+$/i.test(text) || (!!rule.assets && /^asset:\/\/\S+$/i.test(text));
		if (!ok)
			this.fail(
				field,
				`${show(value)} is not a public http(s) URL`,
				`${takes} Local files, data: and base64 are refused by the API.`,
			);
		this.noSecretLinks(field, text);
		return directMediaLink(text);
	}

	/** Refuses, with or without the rules, a value holding a link that would hand QingBo a secret. */
	noSecretLinks(field: string, value: unknown): void {
		if (holdsTelegramFileLink(value))
			this.refuse(field, TELEGRAM_LINK_REFUSED.problem, TELEGRAM_LINK_REFUSED.fix);
	}

	/** Allowed values, range, counts and length of one typed value. */
	limits(field: string, rule: FieldRule, value: unknown): void {
		const takes = `${this.model.id} takes ${field} as ${describeField(rule)}.`;
		if (rule.values && !rule.values.some((allowed) => allowed === value))
			this.fail(field, `${show(value)} is not allowed for ${this.model.id}`, takes);
		if (typeof value === 'number') {
			if (
				(rule.min !== undefined && value < rule.min) ||
				(rule.max !== undefined && value > rule.max)
			)
				this.fail(field, `${value} is out of range for ${this.model.id}`, takes);
		}
		if (Array.isArray(value)) {
			if (rule.maxItems !== undefined && value.length > rule.maxItems)
				this.fail(field, `${value.length} items are too many for ${this.model.id}`, takes);
			if (rule.minItems !== undefined && value.length < rule.minItems)
				this.fail(field, `${value.length} items are too few for ${this.model.id}`, takes);
		}
		if (typeof value === 'string' && rule.maxLength !== undefined && value.length > rule.maxLength)
			this.fail(field, `is ${value.length} characters long`, takes);
	}
}

function effective(body: IDataObject, rules: ActionRules, field: string): unknown {
	return body[field] ?? ownEntry(rules.fields, field)?.default;
}

function holds(body: IDataObject, rules: ActionRules, condition: Condition): boolean {
	const sent = !isEmpty(body[condition.field]);
	if (condition.present !== undefined && sent !== condition.present) return false;
	if (condition.in) {
		const value = effective(body, rules, condition.field);
		if (value === undefined || !condition.in.some((allowed) => allowed === value)) return false;
	}
	if (condition.moreThan !== undefined) {
		const list = body[condition.field];
		if (!Array.isArray(list) || list.length <= condition.moreThan) return false;
	}
	return true;
}

/** The field a broken rule is reported on: the one the user most likely set last. */
function brokenRule(body: IDataObject, rules: ActionRules, rule: CrossRule): string | undefined {
	const sent = (field: string) => !isEmpty(body[field]);
	switch (rule.kind) {
		case 'requires':
			return sent(rule.field) && !sent(rule.needs) ? rule.field : undefined;
		case 'excludes': {
			const given = rule.fields.filter(sent);
			return given.length > 1 ? given[given.length - 1] : undefined;
		}
		case 'together': {
			const given = rule.fields.filter(sent);
			return given.length > 0 && given.length < rule.fields.length ? given[0] : undefined;
		}
		case 'anyOf':
			return rule.fields.some(sent) ? undefined : rule.fields[0];
		case 'when':
			return holds(body, rules, rule.if) && !holds(body, rules, rule.then)
				? rule.then.field
				: undefined;
	}
}

/**
 * Checks one request against its model's rules before any billed call, and returns it typed as the
 * API wants (numbers as numbers, URL lists as arrays, empty fields dropped). Throws an InputError
 * naming the field, the value and what the model takes: an AI agent reads that text and retries.
 * `implicit` are fields the node itself fills (the follow-up's source) and are accepted as they are.
 */
export function checkModelRequest(
	model: ModelRules,
	action: ActionName,
	request: IDataObject,
	implicit: string[] = [],
	labels: Record<string, string> = {},
): IDataObject {
	// Typed, so that check.fail (never) narrows what follows it.
	const check: Check = new Check(model, action, labels);
	const rules = model.actions[action];
	if (!rules) {
		const has = Object.keys(model.actions);
		return check.fail(
			'action',
			`${model.id} cannot ${action}`,
			has.length
				? `${model.id} supports ${listWords(has)}. Pick a model that supports ${action}.`
				: `${model.id} takes no requests.`,
		);
	}
	const body: IDataObject = {};
	const declared = Object.keys(rules.fields);
	for (const [field, value] of Object.entries(request)) {
		if (isEmpty(value)) continue;
		if (field === 'prompt' || ALWAYS_ACCEPTED.includes(field) || implicit.includes(field)) {
			body[field] = value;
			continue;
		}
		const rule = ownEntry(rules.fields, field);
		if (!rule) {
			check.fail(
				field,
				`${model.id} does not take ${field} (${action})`,
				`Remove ${field}. ${model.id} (${action}) takes ${listWords(declared) || (rules.prompt === 'refused' ? 'no fields' : 'only a prompt')}; any other field is refused by the API.`,
			);
		}
		const typed = check.coerce(field, rule, value) as IDataObject[string];
		if (isEmpty(typed)) continue;
		check.limits(field, rule, typed);
		body[field] = typed;
	}

	const prompt = typeof body.prompt === 'string' ? body.prompt.trim() : body.prompt;
	if (isEmpty(prompt)) {
		delete body.prompt;
		if (rules.prompt === true)
			check.fail('prompt', 'is empty', `${model.id} (${action}) needs a prompt.`);
	} else if (rules.prompt === 'refused') {
		check.fail(
			'prompt',
			`${model.id} (${action}) takes no prompt`,
			'Clear the Prompt: this follow-up inherits everything from its source task.',
		);
	} else body.prompt = prompt;

	for (const [field, rule] of Object.entries(rules.fields)) {
		if (rule.required && isEmpty(body[field]) && !implicit.includes(field))
			check.fail(
				field,
				`is required by ${model.id} (${action})`,
				`Add ${field} in Model Fields: ${describeField(rule)}.`,
			);
	}
	for (const rule of rules.rules ?? []) {
		const field = brokenRule(body, rules, rule);
		if (field !== undefined) {
			const value = body[field];
			check.fail(
				field,
				value === undefined
					? `is missing for ${model.id}`
					: `${show(value)} breaks a rule of ${model.id}`,
				rule.why,
			);
		}
	}
	return body;
}

/**
 * Options › Check Model Rules off: the request as given, its declared fields typed as the catalogue
 * says where they can be ("8" → 8), nothing refused: QingBo has the last word.
 */
export function typeModelRequest(
	model: ModelRules,
	action: ActionName,
	request: IDataObject,
	labels: Record<string, string> = {},
): IDataObject {
	const check: Check = new Check(model, action, labels);
	const fields = model.actions[action]?.fields ?? {};
	const body: IDataObject = {};
	for (const [field, value] of Object.entries(request)) {
		if (isEmpty(value)) continue;
		const rule = ownEntry(fields, field);
		let typed: unknown = value;
		if (rule) {
			if (rule.kind === 'url' || rule.kind === 'urlList') check.noSecretLinks(field, value);
			try {
				typed = check.coerce(field, rule, value);
			} catch {
				typed = value; // not convertible: sent as given
			}
		}
		if (typeof typed === 'string') typed = typed.trim();
		if (!isEmpty(typed)) body[field] = typed as IDataObject[string];
	}
	return body;
}
