import type { IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ItemResult } from '../../../../shared/task/results';
import { submitAndWait } from '../../../../shared/submit/submit';
import { generateProperties } from './properties';
import { modelRequest } from './request';

export const description = updateDisplayOptions(
	{ show: { resource: ['video'], operation: ['generate'] } },
	generateProperties,
);

/** A new video from the prompt and the model's own fields (frames, references, audio, ...). */
export async function execute(this: IExecuteFunctions): Promise<ItemResult[]> {
	return await submitAndWait.call(this, modelRequest('generate'));
}
