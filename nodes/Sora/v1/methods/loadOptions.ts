import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { QingboClient } from '../../../shared/transport/transport';
import { SORA_MODELS } from '../actions/video/sora-rules';

/** Models from `GET /v1/models`; the seed's two Sora models when the list cannot be had. */
export async function getModels(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	let ids: string[] = [];
	try {
		ids = await (await QingboClient.create(this)).listModels();
	} catch {
		ids = [];
	}
	if (ids.length === 0) ids = SORA_MODELS;
	return [...new Set(ids)].sort().map((id) => ({ name: id, value: id }));
}
