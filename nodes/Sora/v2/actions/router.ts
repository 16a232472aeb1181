import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { route, type Operations } from '../../common/router';
import * as task from '../../common/task/Task.resource';
import * as account from './account/Account.resource';
import * as model from './model/Model.resource';
import * as video from './video/Video.resource';

const operations: Operations = {
	video: {
		generate: video.generate.execute,
		extend: video.extend.execute,
		edit: video.edit.execute,
	},
	task: task.operations,
	account: { getBalance: account.getBalance.execute },
	model: { list: model.list.execute, get: model.get.execute },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await route.call(this, operations);
}
