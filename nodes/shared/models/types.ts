/**
 * The shape of the catalogue of model rules (catalogue.ts, one file per family under families/): one plain
 * data entry per model, read by one validator (validate.ts) and one field builder (fields.ts). Adding a
 * model is adding an entry; docs/models/README.md says how, and how to check one against its source.
 */

/** A JSON value a field may take. */
export type FieldValue = string | number | boolean;

/**
 * How a field is typed on the wire:
 * - `integer` / `number`: a JSON number ("8" typed by an expression or an agent becomes 8);
 * - `url`: one public http(s) URL (or `asset://` where the field says `assets`);
 * - `urlList`: an array of such URLs (one string separated by commas or new lines is accepted);
 * - `array` / `object`: JSON, checked only for its kind (and `minItems` / `maxItems` for arrays).
 */
export type FieldKind =
	| 'string'
	| 'integer'
	| 'number'
	| 'boolean'
	| 'url'
	| 'urlList'
	| 'array'
	| 'object';

export interface FieldRule {
	kind: FieldKind;
	/** Must be sent (under the actions where the field is declared). */
	required?: boolean;
	/** Allowed values (an enum); shown as a dropdown. */
	values?: FieldValue[];
	/** Inclusive range of a number. */
	min?: number;
	max?: number;
	/** Allowed item counts of a list. */
	minItems?: number;
	maxItems?: number;
	/** Longest text, in characters. */
	maxLength?: number;
	/** The API's default when the field is left out (shown in the label; never sent by us). */
	default?: FieldValue;
	/** Unit shown in the label, e.g. "s". */
	unit?: string;
	/** `urlList` / `url` also take `asset://<id>` (Seedance 2.x). */
	assets?: boolean;
	/** One short line on what the field does; shown to AI agents by Model › Get. */
	note?: string;
}

/** A field's value compared in a cross-field rule: present at all, or one of some values. */
export interface Condition {
	field: string;
	/** The effective value (sent, else the field's default) is one of these. */
	in?: FieldValue[];
	/** The field is sent (true) or not sent (false). */
	present?: boolean;
	/** A list field has more than this many items. */
	moreThan?: number;
}

/**
 * Cross-field rules, as data. Each carries the sentence the user reads when it is broken.
 * - requires: when `field` is sent, `needs` must be sent too;
 * - excludes: at most one of `fields` may be sent;
 * - together: all of `fields` or none;
 * - anyOf: at least one of `fields` must be sent (e.g. a prompt or a reference image);
 * - when: if `if` holds, `then` must hold (e.g. Veo official: 1080p or 4k only at 8 s).
 */
export type CrossRule =
	| { kind: 'requires'; field: string; needs: string; why: string }
	| { kind: 'excludes'; fields: string[]; why: string }
	| { kind: 'together'; fields: string[]; why: string }
	| { kind: 'anyOf'; fields: string[]; why: string }
	| { kind: 'when'; if: Condition; then: Condition; why: string };

/** How a follow-up names its source task. */
export type SourceVia =
	/** our task ID in `ref_task_id` */
	| 'ref_task_id'
	/** the source task's result URL as the first entry of `video_urls` */
	| 'video_urls';

export interface SourceRule {
	via: SourceVia;
	/** The source task must be of one of these models (e.g. the same model); empty = any. */
	models?: string[];
	/** The source task must have been made by one of these actions (e.g. only `generate`). */
	actions?: string[];
}

export interface ActionRules {
	/** Fields declared under this action (besides `model`, `action`, `prompt`, `callback_url`). */
	fields: Record<string, FieldRule>;
	/** Whether `prompt` is required (true), optional (false) or refused ('refused'). */
	prompt: boolean | 'refused';
	rules?: CrossRule[];
	/** Follow-ups only: how the Source Task ID is sent. */
	source?: SourceRule;
}

/** Per-resolution USD rate: per second of output (`second`) or per finished clip (`clip`). */
export interface Pricing {
	per: 'second' | 'clip';
	usd: Record<string, number>;
	/** The resolution priced when the request names none. */
	defaultResolution?: string;
	/** Seconds billed when the request names no duration (e.g. a model-chosen length frozen at 30 s). */
	defaultSeconds?: number;
}

export type ActionName = 'generate' | 'extend' | 'edit' | 'finalize' | 'regenerate';

export interface ModelRules {
	id: string;
	/** Family shown in lists and searched by users: Veo, Kling, Seedance, ... */
	family: string;
	/** One line for the model list. */
	description: string;
	actions: Partial<Record<ActionName, ActionRules>>;
	/** Known list prices (QingBo's pricing changelog); estimates only: the API's own figures win. */
	pricing?: Pricing;
	/** Delisted upstream: refused before any call with this text. */
	delisted?: { on: string; replacements: string[] };
	/** QingBo's public documentation the rules and prices were taken from, at the version read. */
	source: Citation;
}

/**
 * A public page of QingBo's documentation, pinned to the version read: a file of the docs repository at
 * one commit, https://github.com/QingBo-AI/WaveAPI-Doc/blob/<40-hex commit>/<path> (docs.qingbo.dev is
 * built from that repository), so a later change to the page cannot silently change what we cite.
 */
export interface Citation {
	/** The model's API reference page. */
	page: string;
	/** The day the pages were read (ISO date). */
	read: string;
	/** The pricing changelog the list prices come from; present exactly when the entry has `pricing`. */
	pricing?: string;
	/** Further pages the entry rests on (model changelog, notices, retired list). */
	also?: string[];
}

/**
 * A record's own entry: field names come from users and agents, and a plain lookup would find
 * `toString` or `constructor` on every object's prototype.
 */
export function ownEntry<T>(
	record: Readonly<Record<string, T>> | undefined,
	key: string,
): T | undefined {
	return record && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}
