import type { INodeProperties } from 'n8n-workflow';

import * as cancel from './cancel.operation';
import * as get from './get.operation';
import * as wait from './wait.operation';

export { cancel, get, wait };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['task'] } },
		options: [
			{
				name: 'Cancel',
				value: 'cancel',
				description: 'Cancel a task that is still queued',
				action: 'Cancel a task',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get the current status of a task',
				action: 'Get a task',
			},
			{
				name: 'Wait',
				value: 'wait',
				description: 'Wait until a task is completed, failed or cancelled',
				action: 'Wait for a task',
			},
		],
		default: 'get',
	},
	...get.description,
	...wait.description,
	...cancel.description,
];
