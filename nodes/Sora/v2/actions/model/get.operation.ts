import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requireText } from '../../../../shared/submit/input';
import { describeModel } from '../../../../shared/models/describe';
import { CATALOGUE_CHECKED_ON, findModel } from '../../../../shared/models/catalogue';
import { failed, type ItemResult } from '../../../../shared/task/results';
import { modelProperty } from '../properties';

const properties: INodeProperties[] = [
	{ ...modelProperty, description: 'The model to describe. ' + modelProperty.description },
];

export const description = updateDisplayOptions(
	{ show: { resource: ['model'], operation: ['get'] } },
	properties,
);

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
						rules_as_of: CATALOGUE_CHECKED_ON,
						summary:
							"Not in this node's catalogue: the API judges its fields. Put them in Options › Additional Fields of Generate.",
					};
			return { itemIndex, json };
		} catch (error) {
			return failed(itemIndex, error);
		}
	});
}
