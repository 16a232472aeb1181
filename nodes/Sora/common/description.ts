/* eslint-disable n8n-nodes-base/node-filename-against-convention -- baseDescription below is the
   VersionedNodeType's base, not a node's description: the rule takes any object with displayName,
   name and group for one and wants it in Sora.node.ts, which the versions cannot import. */
import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	INodeProperties,
	INodePropertyOptions,
	INodeTypeBaseDescription,
	INodeTypeDescription,
} from 'n8n-workflow';

import { resumeWebhooks } from '../../shared/callbacks/callback-wait';
import { QINGBO_VIDEO_ICON } from './icon';

/**
 * What n8n shows of QingBo Video whatever the version: the VersionedNodeType's base description,
 * which each version's description starts from. The type name stays `sora` (saved workflows store
 * it); what users see is named for the service.
 */
export const baseDescription = {
	displayName: 'QingBo Video',
	name: 'sora',
	icon: QINGBO_VIDEO_ICON,
	group: ['transform'],
	description:
		'Generate, extend and edit videos with Veo 3.1, Kling, Seedance, Wan, PixVerse, Hailuo and every other model of the QingBo API',
	defaultVersion: 2,
} satisfies INodeTypeBaseDescription;

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
