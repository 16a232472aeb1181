import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import {
	ANSWER_WITH_WEBHOOK_RESPONSE,
	readCallbackTask,
	reply,
} from '../shared/callbacks/callback-request';
import { sameSecret } from '../shared/callbacks/callback-token';
import { maxDownloadOption } from '../Sora/common/properties';
import { DEFAULT_MAX_DOWNLOAD_MB } from '../shared/option-defaults';
import { taskOutput } from '../shared/transport/download';
import { isTerminal } from '../shared/task/task';
import { claimDelivery, deliveryKey, settleDelivery } from './dedupe';

export class SoraTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'QingBo Trigger',
		name: 'soraTrigger',
		icon: {
			light: 'file:../../icons/qingbo-video.svg',
			dark: 'file:../../icons/qingbo-video.dark.svg',
		},
		group: ['trigger'],
		version: 1,
		subtitle: '={{ "On " + $parameter["events"].join(", ") }}',
		description: 'Starts the workflow when QingBo calls back about a finished video task',
		defaults: { name: 'QingBo Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'qingboApi', required: true }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				responseData: ANSWER_WITH_WEBHOOK_RESPONSE,
				path: 'sora',
			},
		],
		properties: [
			{
				displayName:
					"Paste this node's Production URL into the QingBo Video node's Options › Callback URL (or any tool that submits QingBo tasks). Each callback is checked against the API before the workflow starts.",
				name: 'urlNotice',
				type: 'notice',
				default: '',
			},
			{
				// Each n8n process remembers the outcomes it started (dedupe.ts); nothing a trigger can
				// store survives a restart or reaches another process (docs/reference.md, "Duplicate callbacks").
				displayName:
					'QingBo may call back more than once. One n8n process starts one execution per task outcome; after a restart or on another queue-mode process a copy starts another. To act once, follow this node with Remove Duplicates (Remove Items Processed in Previous Executions, on {{ $json.delivery_key }}, Settings › Retry On Fail on).',
				name: 'duplicatesNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: [
					{ name: 'Cancelled', value: 'cancelled', description: 'A queued task was cancelled' },
					{ name: 'Completed', value: 'completed', description: 'The video is ready' },
					{ name: 'Failed', value: 'failed', description: 'The task could not be rendered' },
				],
				default: ['completed', 'failed'],
				required: true,
				description: 'The task outcomes that start the workflow',
			},
			{
				displayName: 'Download Video',
				name: 'download',
				type: 'boolean',
				default: false,
				description: 'Whether to put the finished video into binary data',
			},
			{
				displayName: 'Put Output File in Field',
				name: 'binaryPropertyName',
				type: 'string',
				default: 'data',
				hint: 'The name of the output binary field to put the video in',
				displayOptions: { show: { download: [true] } },
			},
			maxDownloadOption,
			{
				displayName: 'Secret',
				name: 'secret',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description:
					'Optional. When set, callbacks must carry it as ?secret=… in the URL (add it to the callback URL you give QingBo) or in an X-Qingbo-Secret header.',
			},
		],
	};

	// Nothing to register at QingBo: the URL travels with each task as its callback_url.
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const secret = this.getNodeParameter('secret', '') as string;
		if (secret) {
			const given =
				(this.getQueryData() as { secret?: string }).secret ??
				this.getHeaderData()['x-qingbo-secret'];
			if (!sameSecret(given, secret)) return reply(this, 401, { error: 'Wrong or missing secret' });
		}

		const read = await readCallbackTask(this);
		if ('answered' in read) return read.answered;
		const { task, client } = read;
		const taskId = task.task_id;

		const events = this.getNodeParameter('events', []) as string[];
		if (!isTerminal(task.status) || !events.includes(task.status)) {
			return reply(this, 200, {
				received: true,
				task_id: taskId,
				status: task.status,
				started: false,
			});
		}
		// Read before the claim: nothing between the claim and its settling may throw.
		const outputOptions = {
			download: this.getNodeParameter('download', false) as boolean,
			binaryPropertyName: this.getNodeParameter('binaryPropertyName', 'data') as string,
			maxDownloadMb: this.getNodeParameter('maxDownloadMb', DEFAULT_MAX_DOWNLOAD_MB) as number,
		};
		const key = deliveryKey(taskId, task.status);
		const claim = await claimDelivery(this, key);
		if (!claim.first) {
			// Delivered already: a duplicate. Still being delivered by another copy: try again later.
			const pending = claim.handled === 'pending';
			return reply(this, pending ? 503 : 200, {
				received: !pending,
				task_id: taskId,
				status: task.status,
				started: false,
				...(pending
					? { error: 'This outcome is being delivered; send the callback again to retry' }
					: { duplicate: true }),
			});
		}

		// A delivery counts as handled once its output is built: a failed download is left to a copy
		// waiting for it, or to the sender's retry. The answer carries no internal error text.
		const output = await taskOutput(this, task, client, outputOptions).catch(
			(error: Error) => error,
		);
		settleDelivery(this, key, !(output instanceof Error));
		if (output instanceof Error) {
			return reply(this, 503, {
				received: false,
				task_id: taskId,
				status: task.status,
				started: false,
				error: 'The video could not be downloaded; send the callback again to retry',
			});
		}
		return {
			webhookResponse: { received: true, task_id: taskId, status: task.status, started: true },
			workflowData: [[{ ...output, json: { ...output.json, delivery_key: key } }]],
		};
	}
}
