import type { INodeProperties } from 'n8n-workflow';

import { resourceOperations } from '../router';
import * as cancel from './cancel.operation';
import * as get from './get.operation';
import * as wait from './wait.operation';

/** Task › Get, Wait and Cancel: the same in both versions. */

const taskResource = resourceOperations(
	'task',
	{ cancel, get, wait },
	[
		{
			name: 'Cancel',
			value: 'cancel',
			description: 'Cancel a task that is still queued',
			action: 'Cancel a QingBo task',
		},
		{
			name: 'Get',
			value: 'get',
			description: 'Get the current status of a task',
			action: 'Get a QingBo task',
		},
		{
			name: 'Wait',
			value: 'wait',
			description: 'Wait until a task is completed, failed or cancelled',
			action: 'Wait for a QingBo task',
		},
	],
	'get',
);

export const operations = taskResource.operations;

export const description: INodeProperties[] = [
	taskResource.selector,
	...get.description,
	...wait.description,
	...cancel.description,
];
