import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { fieldSummary, findModel, OPERATION_ACTIONS } from '../../../../shared/models/validate';
import type { ModelRules } from '../../../../shared/models/types';
import { requireText } from '../../../../shared/validation';
import { failed, type ItemResult } from '../../results';
import { modelPropertyV2 } from '../common';

const properties: INodeProperties[] = [
	{ ...modelPropertyV2, description: 'The model to describe. ' + modelPropertyV2.description },
];

export const description = updateDisplayOptions(
	{ show: { resource: ['model'], operation: ['get'], '@version': [2] } },
	properties,
);

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
		model_fields_note:
			"Set fields in Model Fields by these names (the API's own). Anything else is refused before billing; Options › Additional Fields bypasses the check.",
	};
	if (rules.delisted) described.delisted = { ...rules.delisted };
	if (rules.pricing) described.list_price_usd = { per: rules.pricing.per, ...rules.pricing.usd };
	return described;
}

/** Per item, the rules of its model, from the catalogue (no API call). */
export async function execute(this: IExecuteFunctions): Promise<ItemResult[]> {
	return this.getInputData().map((_item, itemIndex): ItemResult => {
		try {
			const id = requireText(
				this.getNodeParameter('model', itemIndex),
				'Model',
				'Give a model ID.',
			);
			const rules = findModel(id);
			const json: IDataObject = rules
				? describeModel(rules)
				: {
						id,
						known: false,
						summary:
							"Not in this node's catalogue: the API judges its fields. Put them in Options › Additional Fields of Generate.",
					};
			return { itemIndex, json };
		} catch (error) {
			return failed(itemIndex, error);
		}
	});
}
