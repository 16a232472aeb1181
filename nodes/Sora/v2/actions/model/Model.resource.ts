import type { INodeProperties } from 'n8n-workflow';

import { resourceOperations } from '../../../common/router';
import * as get from './get.operation';
import * as list from './list.operation';

const modelResource = resourceOperations(
	'model',
	{ get, list },
	[
		{
			name: 'Get',
			value: 'get',
			description:
				"Get one model's fields, allowed values, rules and follow-ups (what an AI agent needs before it generates)",
			action: 'Get a QingBo model',
		},
		{
			name: 'List',
			value: 'list',
			description: 'List the models this API key can call, with what each supports',
			action: 'List QingBo models',
		},
	],
	'list',
);

export const operations = modelResource.operations;

export const description: INodeProperties[] = [modelResource.selector, ...get.description];
