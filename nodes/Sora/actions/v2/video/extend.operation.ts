import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ItemResult } from '../../results';
import { submitAndWait } from '../../video/submit-and-wait';
import {
	modelFieldsProperty,
	modelPropertyV2,
	promptPropertyV2,
	sourceTaskIdPropertyV2,
	videoWaitPropertiesV2,
} from '../common';
import { modelRequest } from './request';

const properties: INodeProperties[] = [
	sourceTaskIdPropertyV2,
	modelPropertyV2,
	promptPropertyV2,
	modelFieldsProperty,
	...videoWaitPropertiesV2,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['video'], operation: ['extend'], '@version': [2] } },
	properties,
);

/** A continuation of a finished video: by its task ID (Veo economy, PixVerse) or its video URL (Seedance 2.5, SkyReels). */
export async function execute(this: IExecuteFunctions): Promise<ItemResult[]> {
	return await submitAndWait.call(this, modelRequest('extend'));
}
