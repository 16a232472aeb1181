import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { route, type Operations } from '../../common/router';
import * as task from '../../common/task/Task.resource';
import * as video from './video/Video.resource';

const operations: Operations = {
	video: {
		generate: video.generate.execute,
		remix: video.remix.execute,
		extend: video.extend.execute,
	},
	task: task.operations,
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await route.call(this, operations);
}
