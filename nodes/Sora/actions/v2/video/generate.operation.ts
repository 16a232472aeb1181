import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ItemResult } from '../../results';
import { submitAndWait } from '../../video/submit-and-wait';
import {
	modelFieldsProperty,
	modelPropertyV2,
	promptPropertyV2,
	videoWaitPropertiesV2,
} from '../common';
import { modelRequest } from './request';

const properties: INodeProperties[] = [
	modelPropertyV2,
	promptPropertyV2,
	modelFieldsProperty,
	...videoWaitPropertiesV2,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['video'], operation: ['generate'], '@version': [2] } },
	properties,
);

/** A new video from the prompt and the model's own fields (frames, references, audio, ...). */
export async function execute(this: IExecuteFunctions): Promise<ItemResult[]> {
	return await submitAndWait.call(this, modelRequest('generate'));
}
