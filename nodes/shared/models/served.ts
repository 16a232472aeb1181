import { CATALOGUE } from './catalogue';
import type { ModelRules } from './types';

/**
 * What the key serves wins over what the catalogue knows: `GET /v1/models` lists the models this
 * key may call. A catalogue model missing from that list is shown marked, never offered as usual.
 */

export const NOT_SERVED =
	'Not listed for this API key by GET /v1/models: QingBo would refuse it (retired since these rules were written, or not allowed for this key)';

/** The catalogue's current (not delisted) models that the key's list leaves out. */
export function unservedModels(servedIds: Iterable<string>): ModelRules[] {
	const served = new Set([...servedIds].map((id) => id.trim().toLowerCase()));
	return CATALOGUE.filter((model) => !model.delisted && !served.has(model.id));
}
