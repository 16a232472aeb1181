import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { findModel, OPERATION_ACTIONS } from '../../../../shared/models/validate';
import type { ModelRules } from '../../../../shared/models/types';
import { QingboClient } from '../../../../shared/transport';
import type { ItemResult } from '../../results';

/** The node's operations a model supports (Generate, Extend, Edit), by its catalogue entry. */
export function operationsOf(rules: ModelRules): string[] {
	return Object.entries(OPERATION_ACTIONS)
		.filter(([, actions]) => actions.some((action) => rules.actions[action]))
		.map(([operation]) => operation);
}

/** One row per model the key can call (`GET /v1/models`), with what the catalogue knows of it. */
export async function execute(this: IExecuteFunctions): Promise<ItemResult[]> {
	const client = await QingboClient.create(this);
	const entries = await client.listModelEntries();
	return entries.map((entry): ItemResult => {
		const rules = findModel(entry.id);
		const row: IDataObject = { ...entry, known: !!rules };
		if (rules) {
			row.family = rules.family;
			row.summary = rules.description;
			row.operations = rules.delisted ? [] : operationsOf(rules);
		}
		return { itemIndex: 0, json: row };
	});
}
