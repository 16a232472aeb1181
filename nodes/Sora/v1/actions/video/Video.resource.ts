import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../../common/properties';
import * as extend from './extend.operation';
import * as generate from './generate.operation';
import * as remix from './remix.operation';

export { extend, generate, remix };

export const description: INodeProperties[] = [
	operationProperty(
		'video',
		[
			{
				name: 'Extend',
				value: 'extend',
				description: 'Continue a finished Sora video with a new segment',
				action: 'Extend a video',
			},
			{
				name: 'Generate',
				value: 'generate',
				description:
					'Create a video from a text prompt, optionally guided by images and characters',
				action: 'Generate a video',
			},
			{
				name: 'Remix',
				value: 'remix',
				description: 'Create a variation of a finished video',
				action: 'Remix a video',
			},
		],
		'generate',
	),
	...generate.description,
	...remix.description,
	...extend.description,
];
