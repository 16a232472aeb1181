import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { promptProperty } from '../../../common/properties';
import { requireText } from '../../../../shared/submit/input';
import type { ItemResult } from '../../../../shared/task/results';
import { submitAndWait } from '../../../../shared/submit/submit';
import { durationProperty, modelProperty, videoWaitProperties } from './properties';
import { ASPECT_RATIOS, parseCharacters, parseImageUrls, RESOLUTIONS } from './sora-rules';
import { seedRequest } from './seed-request';

const ORIENTATION: Record<string, string> = { '16:9': 'Landscape', '9:16': 'Portrait' };

const properties: INodeProperties[] = [
	modelProperty,
	promptProperty,
	{
		displayName: 'Aspect Ratio',
		name: 'aspectRatio',
		type: 'options',
		options: ASPECT_RATIOS.map((ratio) => ({
			name: `${ratio} (${ORIENTATION[ratio]})`,
			value: ratio,
		})),
		default: '16:9',
	},
	durationProperty,
	{
		displayName: 'Resolution',
		name: 'resolution',
		type: 'options',
		options: RESOLUTIONS.map((resolution) => ({
			name: resolution === '1080p' ? '1080p (Sora-2-Pro Only)' : resolution,
			value: resolution,
		})),
		default: '720p',
	},
	{
		displayName: 'Image URLs',
		name: 'imageUrls',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		placeholder: 'e.g. https://example.com/first-frame.png',
		description:
			'Public image URLs that guide the first frame (image to video), separated by commas or new lines. The image ratio must match the aspect ratio.',
	},
	{
		displayName: 'Characters',
		name: 'characters',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, maxAllowedFields: 2 },
		placeholder: 'Add Character',
		default: {},
		description: 'Up to 2 character assets; each name must appear in the prompt',
		options: [
			{
				displayName: 'Character',
				name: 'character',
				values: [
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: 'e.g. Mika',
						description: 'The name used for this character in the prompt',
					},
					{
						displayName: 'Asset ID',
						name: 'assetId',
						type: 'string',
						default: '',
						placeholder: 'e.g. char_123',
					},
				],
			},
		],
	},
	...videoWaitProperties,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['video'], operation: ['generate'] } },
	properties,
);

/** Text to video, or image to video when image URLs are given. */
function buildRequest(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const param = (name: string, fallback?: unknown) =>
		this.getNodeParameter(name, itemIndex, fallback);
	const body: IDataObject = {
		model: requireText(param('model'), 'Model', 'Pick a model or give a model ID.'),
		action: 'generate',
		prompt: requireText(param('prompt'), 'Prompt', 'Describe the video to generate.'),
		aspect_ratio: param('aspectRatio'),
		duration: Number(param('duration')),
		resolution: param('resolution'),
	};
	const images = parseImageUrls(param('imageUrls', ''));
	if (images.length) body.image_urls = images;
	const characters = parseCharacters(param('characters', {}));
	if (characters.length) body.extra = { characters };
	return body;
}

export async function execute(this: IExecuteFunctions): Promise<ItemResult[]> {
	return await submitAndWait.call(this, seedRequest(buildRequest));
}
