import type { INodeProperties } from 'n8n-workflow';

/** Version 2's properties that several resources show. */

export const DEFAULT_MODEL = 'veo3.1-fast';

export const modelProperty: INodeProperties = {
	displayName: 'Model Name or ID',
	name: 'model',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getModels' },
	default: DEFAULT_MODEL,
	description:
		'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	hint: 'The models this API key can call. A model the node does not know yet still works: its fields go in Options › Additional Fields.',
};
