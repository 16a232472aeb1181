import type { ILoadOptionsFunctions, ResourceMapperFields } from 'n8n-workflow';

import { mapperFields } from '../../../shared/models/fields';
import { listWords } from '../../../shared/models/describe';
import { actionFor, findModel } from '../../../shared/models/catalogue';
import { NOT_SERVED, unservedModels } from '../../../shared/models/served';
import { QingboClient } from '../../../shared/transport/transport';

/** Whether the key's model list leaves this catalogue model out; false when the list cannot be had. */
async function notServed(ctx: ILoadOptionsFunctions, modelId: string): Promise<boolean> {
	try {
		const listed = await (await QingboClient.create(ctx)).listModels();
		return listed.length > 0 && unservedModels(listed).some((model) => model.id === modelId);
	} catch {
		return false;
	}
}

/**
 * Model Fields for the selected model and operation, from the catalogue (the form loads even before
 * a credential works). A model the catalogue does not know gets no fields and a notice pointing at
 * Options › Additional Fields; so does a catalogue model the key's model list leaves out.
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
	if (await notServed(this, rules.id))
		return {
			fields: [],
			emptyFieldsNotice: `${modelId}: ${NOT_SERVED}. Pick a model the key lists; to send it anyway, put its fields in Options › Additional Fields.`,
		};
	const filled = actionRules.source?.via === 'video_urls' ? ['video_urls'] : [];
	return { fields: mapperFields(actionRules, filled) };
}
