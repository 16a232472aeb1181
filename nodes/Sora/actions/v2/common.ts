import type { INodeProperties } from 'n8n-workflow';

import {
	modelProperty,
	promptProperty,
	sourceTaskIdProperty,
	videoWaitProperties,
} from '../common';

/** Version 2's properties that several of its operations show. */

export const DEFAULT_MODEL_V2 = 'veo3.1-fast';

export const modelPropertyV2: INodeProperties = {
	...modelProperty,
	typeOptions: { loadOptionsMethod: 'getModelsV2' },
	default: DEFAULT_MODEL_V2,
	hint: 'The models this API key can call. A model the node does not know yet still works: its fields go in Options › Additional Fields.',
};

export const promptPropertyV2: INodeProperties = {
	...promptProperty,
	required: false,
	description:
		'What the video should show. Some models accept an empty prompt when reference media is given in Model Fields.',
};

export const sourceTaskIdPropertyV2: INodeProperties = {
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

const maxSpendUsd: INodeProperties = {
	displayName: 'Max Spend (USD)',
	name: 'maxSpendUsd',
	type: 'number',
	typeOptions: { minValue: 0, numberPrecision: 2 },
	default: 0,
	description:
		"The most this node may reserve in one execution, in USD (the sum of the tasks' pre_consumed_cost_usd). Items that would go over it are not submitted: each gets a row saying so (Continue On Fail), or the node stops and names the tasks already started. 0: no limit.",
};

/** Version 1's Wait Mode and Options, less the seed-era Extra, plus Max Spend. */
export const videoWaitPropertiesV2: INodeProperties[] = videoWaitProperties.map((property) =>
	property.name === 'options'
		? {
				...property,
				options: [
					...(property.options as INodeProperties[]).filter((option) => option.name !== 'extra'),
					maxSpendUsd,
				].sort((a, b) => a.displayName.localeCompare(b.displayName)),
			}
		: property,
);

/** Extend and Edit: the source task first, then what Generate shows. */
export const followUpProperties: INodeProperties[] = [
	sourceTaskIdPropertyV2,
	modelPropertyV2,
	promptPropertyV2,
	modelFieldsProperty,
	...videoWaitPropertiesV2,
];
