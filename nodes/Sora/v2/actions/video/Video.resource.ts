import type { INodeProperties } from 'n8n-workflow';

import { resourceOperations } from '../../../common/router';
import * as edit from './edit.operation';
import * as extend from './extend.operation';
import * as generate from './generate.operation';

const videoResource = resourceOperations(
	'video',
	{ edit, extend, generate },
	[
		{
			name: 'Edit',
			value: 'edit',
			description:
				'Rework a finished video (edit, finalize a draft, regenerate), for the models that can',
			action: 'Edit a video with QingBo',
		},
		{
			name: 'Extend',
			value: 'extend',
			description: 'Continue a finished video, for the models that can',
			action: 'Extend a video with QingBo',
		},
		{
			name: 'Generate',
			value: 'generate',
			description: "Create a video from a prompt and the model's own fields",
			action: 'Generate a video with QingBo',
		},
	],
	'generate',
);

export const operations = videoResource.operations;

export const description: INodeProperties[] = [
	videoResource.selector,
	...generate.description,
	...extend.description,
	...edit.description,
];
