import type { INodeProperties } from 'n8n-workflow';

import {
	callbackNotice,
	optionsCollection,
	promptProperty,
	sourceTaskIdProperty,
	videoOptions,
	waitModeProperty,
} from '../../../common/properties';
import { modelProperty } from '../properties';

/** Version 2's video properties that Generate, Extend and Edit share. */

export const promptPropertyV2: INodeProperties = {
	...promptProperty,
	required: false,
	description:
		'What the video should show. Some models accept an empty prompt when reference media is given in Model Fields.',
};

const followUpSource: INodeProperties = {
	...sourceTaskIdProperty,
	description:
		"The completed task whose video is continued or edited. The node sends it the way the model takes it: as ref_task_id, or as the task's video URL in video_urls.",
};

/**
 * The chosen model's own fields. Read raw at run time and checked against the model's rules (not
 * n8n's copy of the schema saved in the workflow, which goes stale when QingBo changes a model).
 */
export const modelFieldsProperty: INodeProperties = {
	displayName: 'Model Fields',
	name: 'modelFields',
	type: 'resourceMapper',
	noDataExpression: true,
	default: { mappingMode: 'defineBelow', value: null },
	required: true,
	typeOptions: {
		loadOptionsDependsOn: ['model', 'operation'],
		resourceMapper: {
			resourceMapperMethod: 'getModelFields',
			mode: 'add',
			fieldWords: { singular: 'field', plural: 'fields' },
			addAllFields: false,
			supportAutoMap: false,
			valuesLabel: 'Fields of This Model',
			noFieldsError:
				"This model is not in the node's catalogue, or takes no fields for this operation. Put its fields in Options › Additional Fields.",
		},
	},
	description:
		"The selected model's own fields, as the API names them. Required ones are shown; add others with Add Field. Every value is checked against the model's rules before anything is billed.",
};

/**
 * Media from the item's binary data instead of a URL: QingBo takes media only as public URLs, so the
 * node gives it a short-lived link to exactly that file (docs/reference.md, "Binary Media").
 */
export const binaryMediaProperty: INodeProperties = {
	displayName: 'Binary Media',
	name: 'binaryMedia',
	type: 'fixedCollection',
	placeholder: 'Add Media From Binary',
	typeOptions: { multipleValues: true, sortable: true },
	default: {},
	description:
		"Files of the input item sent as the model's media (a first frame, reference images, a source video, audio). QingBo fetches each from a link n8n serves for this file only, for as long as the node waits (WEBHOOK_URL must be reachable from the internet). A list field gets the files in this order, after URLs given in Model Fields.",
	options: [
		{
			displayName: 'Media',
			name: 'media',
			values: [
				{
					displayName: 'Media Field Name or ID',
					name: 'field',
					type: 'options',
					typeOptions: {
						loadOptionsMethod: 'getMediaFields',
						loadOptionsDependsOn: ['model', 'operation'],
					},
					default: '',
					description:
						'The model\'s media field the file goes in. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				},
				{
					displayName: 'Input Binary Field',
					name: 'binaryProperty',
					type: 'string',
					default: 'data',
					hint: 'The name of the input binary field holding the file',
				},
			],
		},
	],
};

const maxSpendOption: INodeProperties = {
	displayName: 'Max Spend (USD)',
	name: 'maxSpendUsd',
	type: 'number',
	typeOptions: { minValue: 0, numberPrecision: 2 },
	default: 0,
	description:
		"The most this node may reserve in one execution, in USD (the sum of the tasks' pre_consumed_cost_usd). Items that would go over it are not submitted: each gets a row saying so (Continue On Fail), or the node stops and names the tasks already started. 0: no limit.",
};

const checkModelRulesOption: INodeProperties = {
	displayName: 'Check Model Rules',
	name: 'checkModelRules',
	type: 'boolean',
	default: true,
	description:
		"Whether to refuse, before anything is billed, a request that breaks the model's rules as this node knows them (see Model › Get for their date). Off: Model Fields are still typed and sent, and QingBo has the last word (it refuses what it does not take without billing); use it when QingBo has started to accept something the node does not know yet.",
};

const idempotencyKeyOption: INodeProperties = {
	displayName: 'Idempotency Key',
	name: 'idempotencyKey',
	type: 'string',
	default: '',
	placeholder: 'e.g. row-{{ $json.row_number }}',
	description:
		'What makes an item the same item from run to run: a sheet row, an order ID, a file name (usually an expression). Set, running the workflow again within 24 h gives back the tasks it already created for the same request instead of new, billed ones (their rows say reused: true), so a failed batch can be run again without paying twice. A changed prompt or field is a new task. Empty: every execution submits anew.',
};

/** Wait Mode and Options of Generate, Extend and Edit. */
export const videoWaitProperties: INodeProperties[] = [
	waitModeProperty,
	callbackNotice,
	optionsCollection(
		[...videoOptions, checkModelRulesOption, idempotencyKeyOption, maxSpendOption].sort((a, b) =>
			a.displayName.localeCompare(b.displayName),
		),
	),
];

export const generateProperties: INodeProperties[] = [
	modelProperty,
	promptPropertyV2,
	modelFieldsProperty,
	binaryMediaProperty,
	...videoWaitProperties,
];

/** Extend and Edit: the source task first, then what Generate shows. */
export const followUpProperties: INodeProperties[] = [followUpSource, ...generateProperties];
