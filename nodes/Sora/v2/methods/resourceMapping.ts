import type { ILoadOptionsFunctions, ResourceMapperFields } from 'n8n-workflow';

import { mapperFields } from '../../../shared/models/fields';
import { listWords } from '../../../shared/models/describe';
import { actionFor, findModel } from '../../../shared/models/catalogue';

/**
 * Model Fields for the selected model and operation, from the catalogue (no API call, so the form
 * loads even before a credential works). A model the catalogue does not know gets no fields and a
 * notice pointing at Options › Additional Fields.
 */
export async function getModelFields(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	const modelId = String(this.getNodeParameter('model', '') ?? '').trim();
	const operation = String(this.getNodeParameter('operation', 'generate') ?? 'generate');
	const rules = findModel(modelId);
	if (!modelId) return { fields: [], emptyFieldsNotice: 'Pick a model first.' };
	if (!rules)
		return {
			fields: [],
			emptyFieldsNotice: `${modelId} is not in the node's catalogue. Put its fields in Options › Additional Fields (JSON); the API checks them.`,
		};
	if (rules.delisted)
		return {
			fields: [],
			emptyFieldsNotice: `${modelId} was delisted on ${rules.delisted.on}. Pick another model, e.g. ${listWords(rules.delisted.replacements)}.`,
		};
	const action = actionFor(rules, operation);
	const actionRules = action && rules.actions[action];
	if (!actionRules)
		return {
			fields: [],
			emptyFieldsNotice: `${modelId} cannot ${operation}; it supports ${listWords(Object.keys(rules.actions))}.`,
		};
	const filled = actionRules.source?.via === 'video_urls' ? ['video_urls'] : [];
	return { fields: mapperFields(actionRules, filled) };
}
