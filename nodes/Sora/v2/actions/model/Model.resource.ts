import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../../common/properties';
import * as get from './get.operation';
import * as list from './list.operation';

export { get, list };

export const description: INodeProperties[] = [
	operationProperty(
		'model',
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
	),
	...get.description,
];
