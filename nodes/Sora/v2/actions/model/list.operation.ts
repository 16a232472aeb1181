import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { operationsOf } from '../../../../shared/models/describe';
import { findModel } from '../../../../shared/models/catalogue';
import type { ItemResult } from '../../../../shared/results';
import { QingboClient } from '../../../../shared/transport';

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
