import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { resumeFromCallback, resumeWebhooks } from '../../shared/callback-wait';
import { QINGBO_VIDEO_ICON } from '../common/icon';
import { router } from './actions/router';
import { getModels } from './methods/loadOptions';
import * as task from '../common/task/Task.resource';
import * as video from './actions/video/Video.resource';

/**
 * Version 1, the Sora-era node: saved version-1 nodes keep these parameters and send exactly the
 * requests they always sent (test/nodes/Sora/v1/requests.test.ts pins them).
 */
export class SoraV1 implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'QingBo Video',
		name: 'sora',
		icon: QINGBO_VIDEO_ICON,
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Generate, remix and extend videos with the QingBo API (version 1, Sora era)',
		defaults: { name: 'Sora' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'qingboApi', required: true }],
		webhooks: resumeWebhooks,
		waitingNodeTooltip: 'Waiting for QingBo to call back when the videos are ready',
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Task', value: 'task' },
					{ name: 'Video', value: 'video' },
				],
				default: 'video',
			},
			...video.description,
			...task.description,
		],
	};

	methods = { loadOptions: { getModels } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}

	// Only "Pause Until Callback" executions are resumed here; execute() is not run again.
	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await resumeFromCallback.call(this);
	}
}
