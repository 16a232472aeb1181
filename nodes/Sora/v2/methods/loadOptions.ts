import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { actionFor, CATALOGUE, findModel } from '../../../shared/models/catalogue';
import { mediaKindOf } from '../../../shared/media/media-kinds';
import { NOT_SERVED, unservedModels } from '../../../shared/models/served';
import { QingboClient } from '../../../shared/transport/transport';

/**
 * Version 2: the models this key can call (`GET /v1/models`, filtered per key by QingBo), named with
 * their family; a listed model the catalogue does not know stays selectable. Then the catalogue's
 * models the key does not list, marked as such. Delisted models are left out. When the list cannot
 * be had (or holds only delisted models), the catalogue's current models are offered instead.
 */
export async function getModels(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	let listed: string[];
	try {
		listed = await (await QingboClient.create(this)).listModels();
	} catch {
		listed = [];
	}
	const served = [...new Set(listed)].filter((id) => !findModel(id)?.delisted);
	if (served.length === 0) {
		return CATALOGUE.filter((model) => !model.delisted)
			.map((model) => ({
				name: `${model.family} · ${model.id}`,
				value: model.id,
				description: model.description,
			}))
			.sort((a, b) => a.name.localeCompare(b.name));
	}
	const offered = served
		.map((id) => ({ id, rules: findModel(id) }))
		.map(({ id, rules }) => ({
			name: rules ? `${rules.family} · ${id}` : id,
			value: id,
			description:
				rules?.description ??
				"Not in the node's catalogue: set its fields in Options › Additional Fields",
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
	const unserved = unservedModels(served)
		.map((model) => ({
			name: `${model.family} · ${model.id} (not listed for this key)`,
			value: model.id,
			description: NOT_SERVED,
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
	return [...offered, ...unserved];
}

/**
 * Binary Media's field list: the chosen model's media fields for the chosen operation, each with
 * the kind of file it takes. Empty for a model the catalogue does not know (give its field by name).
 */
export async function getMediaFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const rules = findModel(this.getCurrentNodeParameter('model'));
	const operation = String(this.getCurrentNodeParameter('operation') ?? 'generate');
	const action = rules && actionFor(rules, operation);
	const actionRules = action ? rules.actions[action] : undefined;
	// A follow-up's source video fills its field itself (Source Task ID).
	const fromSource = operation === 'generate' ? undefined : actionRules?.source?.via;
	return Object.entries(actionRules?.fields ?? {})
		.filter(
			([field, rule]) => (rule.kind === 'url' || rule.kind === 'urlList') && field !== fromSource,
		)
		.map(([field, rule]) => ({
			name: `${field} (${mediaKindOf(field)}${rule.kind === 'urlList' ? ', one or more' : ''})`,
			value: field,
			description: rule.note,
		}));
}
