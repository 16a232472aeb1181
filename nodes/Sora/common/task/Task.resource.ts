import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../properties';
import * as cancel from './cancel.operation';
import * as get from './get.operation';
import * as wait from './wait.operation';

/** Task › Get, Wait and Cancel: the same in both versions. */

export { cancel, get, wait };

export const operations = { get: get.execute, wait: wait.execute, cancel: cancel.execute };

export const description: INodeProperties[] = [
	operationProperty(
		'task',
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
	),
	...get.description,
	...wait.description,
	...cancel.description,
];
