import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { parseStrength } from '../../../shared/validation';
import {
	modelProperty,
	promptProperty,
	requestHead,
	sourceTaskIdProperty,
	sourceVideoId,
} from '../common';

const properties: INodeProperties[] = [
	sourceTaskIdProperty,
	modelProperty,
	{ ...promptProperty, description: 'How the source video should change' },
	{
		displayName: 'Strength',
		name: 'strength',
		type: 'options',
		options: [
			{ name: 'Subtle', value: 'Subtle' },
			{ name: 'Mild', value: 'Mild' },
			{ name: 'Strong', value: 'Strong' },
			...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => ({ name: `${n}`, value: `${n}` })),
		],
		default: 'Mild',
		description: 'How far the remix may move from the source: a word, or 1 (least) to 8 (most)',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['video'], operation: ['remix'] } },
	properties,
);

/** A new video from a finished one; the source travels as `extra.video_id`. */
export function buildRequest(this: IExecuteFunctions, itemIndex: number): IDataObject {
	return {
		...requestHead(this, itemIndex, 'remix', 'Describe how the video should change.'),
		extra: {
			video_id: sourceVideoId(this, itemIndex, 'remix'),
			strength: parseStrength(this.getNodeParameter('strength', itemIndex, 'Mild')),
		},
	};
}
