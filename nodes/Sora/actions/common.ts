import type { INodeProperties } from 'n8n-workflow';

import { DURATIONS } from '../../shared/validation';

/** Properties more than one operation shows; each operation file lists the ones it uses. */

/** 0: no fixed cadence, each task's reads follow its progress (nodes/shared/poll-schedule.ts). */
export const DEFAULT_POLL_INTERVAL_S = 0;
export const DEFAULT_TIMEOUT_S = 1200;
const DEFAULT_BINARY_PROPERTY = 'data';

export const modelProperty: INodeProperties = {
	displayName: 'Model Name or ID',
	name: 'model',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getModels' },
	default: 'sora-2',
	description:
		'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	hint: 'Sora 2 models were delisted upstream on 2026-09-24; any model ID your API host accepts works here',
};

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

export const durationProperty: INodeProperties = {
	displayName: 'Duration',
	name: 'duration',
	type: 'options',
	options: DURATIONS.map((s) => ({ name: `${s} Seconds`, value: s })),
	default: 4,
	description: 'Length of the video in seconds',
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

const waitModeProperty: INodeProperties = {
	displayName: 'Wait Mode',
	name: 'waitMode',
	type: 'options',
	options: [
		{
			name: "Don't Wait",
			value: 'none',
			description:
				'Return the queued task at once; pick it up later with Task › Wait or a Sora Trigger',
		},
		{
			name: 'Poll in This Node',
			value: 'poll',
			description: 'Check the status until the video is ready; all items wait together',
		},
		{
			name: 'Pause Until Callback',
			value: 'callback',
			description:
				'Park the execution (no worker held) until QingBo calls back. One item per execution.',
		},
	],
	default: 'poll',
	description: 'How the node waits for the video',
};

const callbackNotice: INodeProperties = {
	displayName:
		'Pause Until Callback handles one item per execution: n8n resumes an execution only once. For many items use Loop Over Items, or "Don\'t Wait" with a Sora Trigger.',
	name: 'callbackNotice',
	type: 'notice',
	default: '',
	displayOptions: { show: { waitMode: ['callback'] } },
};

const pollInterval: INodeProperties = {
	displayName: 'Poll Interval (Seconds)',
	name: 'pollInterval',
	type: 'number',
	typeOptions: { minValue: 0 },
	default: DEFAULT_POLL_INTERVAL_S,
	description:
		'Seconds between status checks while polling. 0 (the default) adapts to each task: it checks shortly before the progress says the video is done and rarely while it says nothing, never more often than every 2 s.',
	hint: 'Leave at 0 for adaptive checks; any other value checks at that fixed cadence',
};

const timeout: INodeProperties = {
	displayName: 'Timeout (Seconds)',
	name: 'timeout',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: DEFAULT_TIMEOUT_S,
	description:
		'Seconds to wait before giving up. The task keeps running upstream; the error gives its ID.',
};

const download: INodeProperties = {
	displayName: 'Download Video',
	name: 'download',
	type: 'boolean',
	default: false,
	description:
		'Whether to put the finished video into binary data (streamed, so large files are fine). Off: the JSON has video_url.',
};

const binaryPropertyName: INodeProperties = {
	displayName: 'Put Output File in Field',
	name: 'binaryPropertyName',
	type: 'string',
	default: DEFAULT_BINARY_PROPERTY,
	hint: 'The name of the output binary field to put the video in',
	displayOptions: { show: { download: [true] } },
};

const callbackUrl: INodeProperties = {
	displayName: 'Callback URL',
	name: 'callbackUrl',
	type: 'string',
	default: '',
	placeholder: 'e.g. https://n8n.example.com/webhook/…/sora',
	description:
		"URL QingBo calls when the task ends, e.g. a Sora Trigger's production URL. In Pause Until Callback mode the node sets it itself.",
};

const extra: INodeProperties = {
	displayName: 'Extra',
	name: 'extra',
	type: 'json',
	default: '{}',
	description:
		'JSON object merged into the request\'s "extra" (seed-era model options). Sent only when not empty.',
};

const additionalFields: INodeProperties = {
	displayName: 'Additional Fields',
	name: 'additionalFields',
	type: 'json',
	default: '{}',
	description:
		'JSON object merged into the request body root: fields of newer models (e.g. Veo, Kling), which the API documents per model',
};

function optionsCollection(values: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: values,
	};
}

/** Wait Mode and Options of Generate, Remix and Extend (each adds them to its own description). */
export const videoWaitProperties: INodeProperties[] = [
	waitModeProperty,
	callbackNotice,
	optionsCollection([
		additionalFields,
		callbackUrl,
		download,
		extra,
		binaryPropertyName,
		pollInterval,
		timeout,
	]),
];

export const taskGetOptions = optionsCollection([download, binaryPropertyName]);

export const taskWaitOptions = optionsCollection([
	download,
	binaryPropertyName,
	pollInterval,
	timeout,
]);
