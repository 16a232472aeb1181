import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { parseCharacters, parseImageUrls } from '../../../shared/validation';
import { durationProperty, modelProperty, promptProperty, requestHead } from '../common';

const properties: INodeProperties[] = [
	modelProperty,
	promptProperty,
	{
		displayName: 'Aspect Ratio',
		name: 'aspectRatio',
		type: 'options',
		options: [
			{ name: '16:9 (Landscape)', value: '16:9' },
			{ name: '9:16 (Portrait)', value: '9:16' },
		],
		default: '16:9',
	},
	durationProperty,
	{
		displayName: 'Resolution',
		name: 'resolution',
		type: 'options',
		options: [
			{ name: '720p', value: '720p' },
			{ name: '1080p (Sora-2-Pro Only)', value: '1080p' },
		],
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
];

export const description = updateDisplayOptions(
	{ show: { resource: ['video'], operation: ['generate'] } },
	properties,
);

/** Text to video, or image to video when image URLs are given. */
export function buildRequest(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const body: IDataObject = {
		...requestHead(this, itemIndex, 'generate', 'Describe the video to generate.'),
		aspect_ratio: this.getNodeParameter('aspectRatio', itemIndex),
		duration: Number(this.getNodeParameter('duration', itemIndex)),
		resolution: this.getNodeParameter('resolution', itemIndex),
	};
	const images = parseImageUrls(this.getNodeParameter('imageUrls', itemIndex, ''));
	if (images.length) body.image_urls = images;
	const characters = parseCharacters(this.getNodeParameter('characters', itemIndex, {}));
	if (characters.length) body.extra = { characters };
	return body;
}
