import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { toNodeError } from '../../../shared/errors';
import { checkNumberOptions } from '../../../shared/submit/input';
import { QingboClient } from '../../../shared/transport/transport';
import { taskWaitOptions } from '../properties';
import { failed, type ItemResult } from '../../../shared/task/results';
import {
	waitThenOutput,
	type TaskToFinish,
	type WaitOptions,
} from '../../../shared/polling/wait-then-output';
import { readTaskId, taskIdProperty } from './task-input';

const properties: INodeProperties[] = [taskIdProperty, taskWaitOptions];

export const description = updateDisplayOptions(
	{ show: { resource: ['task'], operation: ['wait'] } },
	properties,
);

/** Waits for every item's task together, with the same step as the video operations' poll mode. */
export async function execute(this: IExecuteFunctions): Promise<ItemResult[]> {
	const results: ItemResult[] = [];
	const tasks: TaskToFinish[] = [];
	this.getInputData().forEach((_item, itemIndex) => {
		try {
			const options = checkNumberOptions(
				this.getNodeParameter('options', itemIndex, {}) as WaitOptions,
			);
			tasks.push({ itemIndex, taskId: readTaskId(this, itemIndex), options, wait: true });
		} catch (error) {
			if (!this.continueOnFail()) throw toNodeError(this.getNode(), error, { itemIndex });
			results.push(failed(itemIndex, error));
		}
	});
	const client = await QingboClient.create(this);
	return [...results, ...(await waitThenOutput(this, client, tasks))];
}
