import type { IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ItemResult } from '../../../../shared/task/results';
import { submitAndWait } from '../../../../shared/submit/submit';
import { followUpProperties } from './properties';
import { modelRequest } from './request';

export const description = updateDisplayOptions(
	{ show: { resource: ['video'], operation: ['extend'] } },
	followUpProperties,
);

/**
 * A continuation of a finished video: by its task ID (Veo economy, PixVerse) or its video URL
 * (Seedance 2.5, SkyReels).
 */
export async function execute(this: IExecuteFunctions): Promise<ItemResult[]> {
	return await submitAndWait.call(this, modelRequest('extend'));
}
