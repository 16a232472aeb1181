import type { INodeProperties } from 'n8n-workflow';

import { resourceOperations } from '../../../common/router';
import * as extend from './extend.operation';
import * as generate from './generate.operation';
import * as remix from './remix.operation';

const videoResource = resourceOperations(
	'video',
	{ extend, generate, remix },
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
			description: 'Create a video from a text prompt, optionally guided by images and characters',
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
);

export const operations = videoResource.operations;

export const description: INodeProperties[] = [
	videoResource.selector,
	...generate.description,
	...remix.description,
	...extend.description,
];
