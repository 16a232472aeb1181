import { NodeConnectionTypes, updateDisplayOptions } from 'n8n-workflow';
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
import * as account from './actions/v2/account/Account.resource';
import * as model from './actions/v2/model/Model.resource';
import * as videoV2 from './actions/v2/video/Video.resource';
import * as video from './actions/video/Video.resource';
import { getModels, getModelsV2 } from './methods/loadOptions';
import { getModelFields } from './methods/resourceMapping';
import { resumeFromCallback, resumeWebhooks } from './resume';

/** Version 1's own properties: shown only on saved version-1 nodes, which keep working exactly as before. */
const versionOne = updateDisplayOptions({ show: { '@version': [1] } }, [
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
]);

export class Sora implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sora',
		name: 'sora',
		icon: { light: 'file:../../icons/sora.svg', dark: 'file:../../icons/sora.dark.svg' },
		group: ['transform'],
		version: [1, 2],
		defaultVersion: 2,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			'Generate, extend and edit videos with Veo 3.1, Kling, Seedance, Wan, PixVerse, Hailuo and every other model of the QingBo API, each checked against its rules before billing',
		defaults: { name: 'Sora' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'qingboApi', required: true }],
		webhooks: resumeWebhooks,
		waitingNodeTooltip: 'Waiting for QingBo to call back when the video is ready',
		properties: [
			...versionOne,
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { '@version': [2] } },
				options: [
					{ name: 'Account', value: 'account' },
					{ name: 'Model', value: 'model' },
					{ name: 'Task', value: 'task' },
					{ name: 'Video', value: 'video' },
				],
				default: 'video',
			},
			...videoV2.description,
			...task.description,
			...account.description,
			...model.description,
		],
	};

	methods = {
		loadOptions: { getModels, getModelsV2 },
		resourceMapping: { getModelFields },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}

	// Only "Pause Until Callback" executions are resumed here; execute() is not run again.
	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await resumeFromCallback.call(this);
	}
}
