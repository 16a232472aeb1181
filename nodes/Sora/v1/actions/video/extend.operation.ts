import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { promptProperty, sourceTaskIdProperty } from '../../../common/properties';
import { requireText } from '../../../../shared/submit/input';
import type { ItemResult } from '../../../../shared/task/results';
import { submitAndWait } from '../../../../shared/submit/submit';
import { durationProperty, modelProperty, videoWaitProperties } from './properties';
import { seedRequest } from './seed-request';

const segmentDuration: INodeProperties = {
	...durationProperty,
	description: 'Length of the new segment in seconds (a chain holds at most 6 extensions, 120 s)',
};

const properties: INodeProperties[] = [
	sourceTaskIdProperty,
	modelProperty,
	{ ...promptProperty, description: 'What happens in the new segment' },
	segmentDuration,
	...videoWaitProperties,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['video'], operation: ['extend'] } },
	properties,
);

/** A continuation of a finished Sora video; no images or characters, by the seed's rules. */
function buildRequest(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const param = (name: string) => this.getNodeParameter(name, itemIndex);
	return {
		model: requireText(param('model'), 'Model', 'Pick a model or give a model ID.'),
		action: 'extend',
		prompt: requireText(param('prompt'), 'Prompt', 'Describe the new segment.'),
		duration: Number(param('duration')),
		extra: {
			video_id: requireText(
				param('sourceTaskId'),
				'Source Task ID',
				'Give the ID of the completed task to extend.',
			),
		},
	};
}

export async function execute(this: IExecuteFunctions): Promise<ItemResult[]> {
	return await submitAndWait.call(this, seedRequest(buildRequest));
}
