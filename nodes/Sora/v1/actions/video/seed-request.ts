import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { parseJsonObject } from '../../../../shared/input';
import type { PrepareRequest, VideoOptions } from '../../../../shared/submit';
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

/** Version 1's requests: the operation's body, Options › Extra and Additional Fields, the seed's Sora rules. */
export function seedRequest(build: BuildRequest): PrepareRequest {
	return async function (this: IExecuteFunctions, _client, itemIndex, options) {
		const body = finishBody(build.call(this, itemIndex), options);
		checkSoraRules(body);
		return { body };
	};
}
