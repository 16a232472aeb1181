import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { promptProperty, sourceTaskIdProperty } from '../../../common/properties';
import { requireText } from '../../../../shared/submit/input';
import type { ItemResult } from '../../../../shared/task/results';
import { submitAndWait } from '../../../../shared/submit/submit';
import { modelProperty, videoWaitProperties } from './properties';
import { parseStrength, STRENGTH_LEVELS, STRENGTH_WORDS } from './sora-rules';
import { seedRequest } from './seed-request';

const strengthProperty: INodeProperties = {
	displayName: 'Strength',
	name: 'strength',
	type: 'options',
	options: [
		...STRENGTH_WORDS.map((word) => ({ name: word, value: word })),
		...STRENGTH_LEVELS.map((n) => ({ name: `${n}`, value: `${n}` })),
	],
	default: 'Mild',
	description: 'How far the remix may move from the source: a word, or 1 (least) to 8 (most)',
};

const properties: INodeProperties[] = [
	sourceTaskIdProperty,
	modelProperty,
	{ ...promptProperty, description: 'How the source video should change' },
	strengthProperty,
	...videoWaitProperties,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['video'], operation: ['remix'] } },
	properties,
);

/** A new video from a finished one; the source travels as `extra.video_id`. */
function buildRequest(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const param = (name: string, fallback?: string) =>
		this.getNodeParameter(name, itemIndex, fallback);
	return {
		model: requireText(param('model'), 'Model', 'Pick a model or give a model ID.'),
		action: 'remix',
		prompt: requireText(param('prompt'), 'Prompt', 'Describe how the video should change.'),
		extra: {
			video_id: requireText(
				param('sourceTaskId'),
				'Source Task ID',
				'Give the ID of the completed task to remix.',
			),
			strength: parseStrength(param('strength', 'Mild')),
		},
	};
}

export async function execute(this: IExecuteFunctions): Promise<ItemResult[]> {
	return await submitAndWait.call(this, seedRequest(buildRequest));
}
