import type { INodeProperties } from 'n8n-workflow';

import {
	additionalFieldsOption,
	binaryPropertyOption,
	callbackNotice,
	callbackUrlOption,
	downloadOption,
	optionsCollection,
	pollIntervalOption,
	timeoutOption,
	waitModeProperty,
} from '../../../common/properties';
import { DURATIONS } from './sora-rules';

/** Version 1's own video properties: the Sora-era fields saved version-1 nodes keep. */

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

export const durationProperty: INodeProperties = {
	displayName: 'Duration',
	name: 'duration',
	type: 'options',
	options: DURATIONS.map((s) => ({ name: `${s} Seconds`, value: s })),
	default: 4,
	description: 'Length of the video in seconds',
};

const extraOption: INodeProperties = {
	displayName: 'Extra',
	name: 'extra',
	type: 'json',
	default: '{}',
	description:
		'JSON object merged into the request\'s "extra" (model options of the Sora era; today\'s API refuses "extra"). Sent only when not empty.',
};

/** Wait Mode and Options of Generate, Remix and Extend (version 1). */
export const videoWaitProperties: INodeProperties[] = [
	waitModeProperty,
	callbackNotice,
	optionsCollection([
		additionalFieldsOption,
		callbackUrlOption,
		downloadOption,
		extraOption,
		binaryPropertyOption,
		pollIntervalOption,
		timeoutOption,
	]),
];
