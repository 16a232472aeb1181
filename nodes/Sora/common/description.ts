import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { resumeFromCallback, resumeWebhooks } from '../../shared/callback-wait';

/**
 * What the descriptions of both versions share: the service's credential and its callback webhook.
 * (`subtitle` and `usableAsTool` stay in each version's own literal, where n8n's lint looks for them.)
 */
export const sharedDescription = {
	group: ['transform'],
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
	credentials: [{ name: 'qingboApi', required: true }],
	webhooks: resumeWebhooks,
	waitingNodeTooltip: 'Waiting for QingBo to call back when the videos are ready',
} satisfies Partial<INodeTypeDescription>;

export const SUBTITLE = '={{ $parameter["operation"] + ": " + $parameter["resource"] }}';

/** A version's Resource selector (video by default). */
export function resourceProperty(resources: INodePropertyOptions[]): INodeProperties {
	return {
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: resources,
		default: 'video',
	};
}

type Router = (this: IExecuteFunctions) => Promise<INodeExecutionData[][]>;

/** What both versions do alike: run their own router, and resume a parked batch by its webhook. */
export abstract class QingboVideoVersion {
	/** n8n calls it with the execution as `this`: the version's router. */
	readonly execute: Router;

	constructor(router: Router) {
		this.execute = router;
	}

	// Only "Pause Until Callback" executions are resumed here; execute() is not run again.
	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await resumeFromCallback.call(this);
	}
}
