import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { CATALOGUE, findModel } from '../../../shared/models/catalogue';
import { QingboClient } from '../../../shared/transport';

/**
 * Version 2: the models this key can call (`GET /v1/models`, filtered per key by QingBo), named with
 * their family; a listed model the catalogue does not know stays selectable. Delisted models are left
 * out. When the list cannot be had (or holds only delisted models), the catalogue's current models
 * are offered instead.
 */
export async function getModels(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	let ids: string[];
	try {
		ids = await (await QingboClient.create(this)).listModels();
	} catch {
		ids = [];
	}
	ids = ids.filter((id) => !findModel(id)?.delisted);
	if (ids.length === 0) ids = CATALOGUE.filter((model) => !model.delisted).map((model) => model.id);
	return [...new Set(ids)]
		.map((id) => ({ id, rules: findModel(id) }))
		.map(({ id, rules }) => ({
			name: rules ? `${rules.family} · ${id}` : id,
			value: id,
			description:
				rules?.description ??
				"Not in the node's catalogue: set its fields in Options › Additional Fields",
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}
