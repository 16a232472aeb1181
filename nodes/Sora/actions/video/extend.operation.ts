import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import {
	durationProperty,
	modelProperty,
	promptProperty,
	requestHead,
	sourceTaskIdProperty,
	sourceVideoId,
} from '../common';

const properties: INodeProperties[] = [
	sourceTaskIdProperty,
	modelProperty,
	{ ...promptProperty, description: 'What happens in the new segment' },
	{
		...durationProperty,
		description: 'Length of the new segment in seconds (a chain holds at most 6 extensions, 120 s)',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['video'], operation: ['extend'] } },
	properties,
);

/** A continuation of a finished Sora video; no images or characters, by the seed's rules. */
export function buildRequest(this: IExecuteFunctions, itemIndex: number): IDataObject {
	return {
		...requestHead(this, itemIndex, 'extend', 'Describe the new segment.'),
		duration: Number(this.getNodeParameter('duration', itemIndex)),
		extra: { video_id: sourceVideoId(this, itemIndex, 'extend') },
	};
}
