import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import {
	DEFAULT_MAX_DOWNLOAD_MB,
	DEFAULT_POLL_INTERVAL_S,
	DEFAULT_TIMEOUT_S,
	MAX_TIMEOUT_S,
} from '../../shared/option-defaults';

/** Properties both node versions show; each operation file lists the ones it uses. */

const DEFAULT_BINARY_PROPERTY = 'data';

/** A resource's Operation selector. */
export function operationProperty(
	resource: string,
	options: INodePropertyOptions[],
	defaultOperation: string,
): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options,
		default: defaultOperation,
	};
}

export const promptProperty: INodeProperties = {
	displayName: 'Prompt',
	name: 'prompt',
	type: 'string',
	typeOptions: { rows: 3 },
	default: '',
	required: true,
	placeholder: 'e.g. A paper boat drifting down a rainy street at dusk',
	description: 'What the video should show',
};

export const sourceTaskIdProperty: INodeProperties = {
	displayName: 'Source Task ID',
	name: 'sourceTaskId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. task_abc123',
	description: 'The completed task whose video is used as the source',
};

export const waitModeProperty: INodeProperties = {
	displayName: 'Wait Mode',
	name: 'waitMode',
	type: 'options',
	options: [
		{
			name: "Don't Wait",
			value: 'none',
			description:
				'Return the queued tasks at once; pick them up later with Task › Wait or a QingBo Trigger',
		},
		{
			name: 'Poll in This Node',
			value: 'poll',
			description: 'Check the status until the videos are ready; all items wait together',
		},
		{
			name: 'Pause Until Callback',
			value: 'callback',
			description:
				'Park the execution (no worker held, no polling) until QingBo has called back for every item; one row per item',
		},
	],
	default: 'poll',
	description: 'How the node waits for the videos',
};

export const callbackNotice: INodeProperties = {
	displayName:
		'The execution parks once for all items and goes on when QingBo has called back for every task. QingBo must reach this n8n (WEBHOOK_URL); if it cannot, use Poll in This Node.',
	name: 'callbackNotice',
	type: 'notice',
	default: '',
	displayOptions: { show: { waitMode: ['callback'] } },
};

export const pollIntervalOption: INodeProperties = {
	displayName: 'Poll Interval (Seconds)',
	name: 'pollInterval',
	type: 'number',
	typeOptions: { minValue: 0 },
	default: DEFAULT_POLL_INTERVAL_S,
	description:
		"Seconds between status checks while polling. 0 (the default) adapts to each task: it checks shortly before the progress or the batch's finished tasks say the video is done, never more often than every 2 s.",
	hint: 'Leave at 0 for adaptive checks; any other value checks at that fixed cadence',
};

export const timeoutOption: INodeProperties = {
	displayName: 'Timeout (Seconds)',
	name: 'timeout',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: MAX_TIMEOUT_S },
	default: DEFAULT_TIMEOUT_S,
	description:
		'Seconds to wait before giving up. The task keeps running upstream; the error gives its ID.',
};

export const downloadOption: INodeProperties = {
	displayName: 'Download Video',
	name: 'download',
	type: 'boolean',
	default: false,
	description:
		'Whether to put the finished video into binary data (streamed, so large files are fine). Off: the JSON has video_url.',
};

export const maxDownloadOption: INodeProperties = {
	displayName: 'Max Download Size (MB)',
	name: 'maxDownloadMb',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: DEFAULT_MAX_DOWNLOAD_MB,
	description:
		'The largest video file to download. A file announced larger is refused before it is read; one that grows past it while downloading is stopped. Either way the error names the task, which keeps its video URL.',
	displayOptions: { show: { download: [true] } },
};

export const binaryPropertyOption: INodeProperties = {
	displayName: 'Put Output File in Field',
	name: 'binaryPropertyName',
	type: 'string',
	default: DEFAULT_BINARY_PROPERTY,
	hint: 'The name of the output binary field to put the video in',
	displayOptions: { show: { download: [true] } },
};

export const callbackUrlOption: INodeProperties = {
	displayName: 'Callback URL',
	name: 'callbackUrl',
	type: 'string',
	default: '',
	placeholder: 'e.g. https://n8n.example.com/webhook/…/sora',
	description:
		"URL QingBo calls when the task ends, e.g. a QingBo Trigger's production URL. In Pause Until Callback mode the node sets it itself.",
};

export const additionalFieldsOption: INodeProperties = {
	displayName: 'Additional Fields',
	name: 'additionalFields',
	type: 'json',
	default: '{}',
	description:
		"JSON object merged into the request body root, unchecked: a field or a model newer than the node's catalogue, as the API documents it",
};

export function optionsCollection(values: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: values,
	};
}

/** Options every video operation of both versions offers (each version adds its own). */
export const videoOptions: INodeProperties[] = [
	additionalFieldsOption,
	callbackUrlOption,
	downloadOption,
	binaryPropertyOption,
	maxDownloadOption,
	pollIntervalOption,
	timeoutOption,
];

export const taskGetOptions = optionsCollection([
	downloadOption,
	binaryPropertyOption,
	maxDownloadOption,
]);

export const taskWaitOptions = optionsCollection([
	downloadOption,
	binaryPropertyOption,
	maxDownloadOption,
	pollIntervalOption,
	timeoutOption,
]);
