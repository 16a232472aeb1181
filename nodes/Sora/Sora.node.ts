import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { router } from './actions/router';
import * as task from './actions/task/Task.resource';
import * as video from './actions/video/Video.resource';
import { getModels } from './methods/loadOptions';
import { resumeFromCallback, resumeWebhooks } from './resume';

export class Sora implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sora',
		name: 'sora',
		icon: { light: 'file:../../icons/sora.svg', dark: 'file:../../icons/sora.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			'Generate, remix and extend videos with Sora 2 (and later models) through the QingBo API, and follow their tasks',
		defaults: { name: 'Sora' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'qingboApi', required: true }],
		webhooks: resumeWebhooks,
		waitingNodeTooltip: 'Waiting for QingBo to call back when the video is ready',
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
