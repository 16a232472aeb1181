import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { operationsOf } from '../../../../shared/models/describe';
import { NOT_SERVED, unservedModels } from '../../../../shared/models/served';
import { findModel } from '../../../../shared/models/catalogue';
import type { ItemResult } from '../../../../shared/task/results';
import { QingboClient } from '../../../../shared/transport/transport';

/**
 * One row per model the key can call (`GET /v1/models`), with what the catalogue knows of it; then
 * one per catalogue model the key does not list, marked `served: false`.
 */
export async function execute(this: IExecuteFunctions): Promise<ItemResult[]> {
	const client = await QingboClient.create(this);
	const entries = await client.listModelEntries();
	const served = entries.map((entry): ItemResult => {
		const rules = findModel(entry.id);
		const row: IDataObject = { ...entry, served: true, known: !!rules };
		if (rules) {
			row.family = rules.family;
			row.summary = rules.description;
			row.operations = rules.delisted ? [] : operationsOf(rules);
		}
		return { itemIndex: 0, json: row };
	});
	const unserved = unservedModels(entries.map((entry) => String(entry.id))).map(
		(rules): ItemResult => ({
			itemIndex: 0,
			json: {
				id: rules.id,
				served: false,
				known: true,
				family: rules.family,
				summary: rules.description,
				operations: operationsOf(rules),
				note: NOT_SERVED,
			},
		}),
	);
	return [...served, ...unserved];
}
