import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ApiFailure } from '../../../../shared/errors';
import { parseJsonObject } from '../../../../shared/submit/input';
import type { PrepareRequest, VideoOptions } from '../../../../shared/submit/submit';
import { checkSoraRules } from './sora-rules';

/** An operation's own part of a version-1 request, from its parameters. */
type BuildRequest = (this: IExecuteFunctions, itemIndex: number) => IDataObject;

/** Options › Extra into `extra`, Options › Additional Fields into the root; `extra` only when it has content. */
function finishBody(body: IDataObject, options: VideoOptions): IDataObject {
	const extra = {
		...((body.extra as IDataObject) ?? {}),
		...parseJsonObject(options.extra, 'Options › Extra'),
	};
	const finished: IDataObject = {
		...body,
		...parseJsonObject(options.additionalFields, 'Options › Additional Fields'),
	};
	if (Object.keys(extra).length) finished.extra = extra;
	else delete finished.extra;
	return finished;
}

/** Where version 1's fields are set, by the API's names: what a 400 naming one points at. */
const FIELD_LABELS: Record<string, string> = {
	aspect_ratio: 'Aspect Ratio',
	duration: 'Duration',
	resolution: 'Resolution',
	image_urls: 'Image URLs',
	characters: 'Characters',
	'extra.characters': 'Characters',
	video_id: 'Source Task ID',
	'extra.video_id': 'Source Task ID',
	strength: 'Strength',
	'extra.strength': 'Strength',
	extra: 'Options › Extra',
};

/** Later API versions refuse `extra` and take its fields at the root: send once more that way. */
function extraAtRoot(refused: ApiFailure, sent: IDataObject): IDataObject | undefined {
	if (refused.status !== 400 || refused.param !== 'extra' || !sent.extra) return undefined;
	const { extra, ...rest } = sent;
	return { ...(extra as IDataObject), ...rest };
}

/** Version 1's requests: the operation's body, Options › Extra and Additional Fields, Sora's original rules. */
export function seedRequest(build: BuildRequest): PrepareRequest {
	return async function (this: IExecuteFunctions, _client, itemIndex, options) {
		const body = finishBody(build.call(this, itemIndex), options);
		checkSoraRules(body);
		return { body, fieldSources: FIELD_LABELS, resendAs: extraAtRoot };
	};
}
