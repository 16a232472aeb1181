import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { route, type Operations } from '../../common/router';
import * as task from '../../common/task/Task.resource';
import * as account from './account/Account.resource';
import * as model from './model/Model.resource';
import * as video from './video/Video.resource';

/** Each resource's operations, typed by the options its Operation selector shows. */
const operations: Operations = {
	video: video.operations,
	task: task.operations,
	account: account.operations,
	model: model.operations,
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await route.call(this, operations);
}
