import type { FieldType, ResourceMapperField } from 'n8n-workflow';

import type { ActionRules, FieldRule } from './types';
import { describeField } from './describe';

function widget(rule: FieldRule): FieldType {
	if (rule.values) return 'options';
	switch (rule.kind) {
		case 'integer':
		case 'number':
			return 'number';
		case 'boolean':
			return 'boolean';
		case 'array':
			return 'array';
		case 'object':
			return 'object';
		default:
			// URLs and URL lists are typed as text: one URL, or several separated by commas or new lines.
			return 'string';
	}
}

/**
 * The label carries what n8n's mapper cannot show elsewhere (no per-field help text): the API's own
 * field name first (it is the key an agent or a JSON user types), then what it takes and its default.
 */
export function fieldLabel(field: string, rule: FieldRule): string {
	const hints = rule.values ? (rule.unit ? [rule.unit] : []) : [describeField(rule)];
	if (rule.default !== undefined) hints.push(`default ${String(rule.default)}`);
	return hints.length ? `${field} (${hints.join('; ')})` : field;
}

/**
 * Model Fields for one model action: required fields shown, the rest addable from "Add field",
 * enums as dropdowns. `filled` are fields the node fills itself (a follow-up's source), left out.
 */
export function mapperFields(rules: ActionRules, filled: string[] = []): ResourceMapperField[] {
	return Object.entries(rules.fields)
		.filter(([field]) => !filled.includes(field))
		.map(([field, rule]) => {
			const mapped: ResourceMapperField = {
				id: field,
				displayName: fieldLabel(field, rule),
				required: !!rule.required,
				defaultMatch: false,
				canBeUsedToMatch: false,
				display: true,
				removed: !rule.required,
				type: widget(rule),
			};
			if (rule.values)
				mapped.options = rule.values.map((value) => ({
					name: `${String(value)}${rule.unit ? ` ${rule.unit}` : ''}`,
					value,
				}));
			return mapped;
		});
}
