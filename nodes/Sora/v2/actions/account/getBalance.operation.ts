import type { IExecuteFunctions } from 'n8n-workflow';

import { QingboClient } from '../../../../shared/transport/transport';
import type { ItemResult } from '../../../../shared/task/results';

/**
 * The balance as the API answers it (`total_available_usd`, ...): one read, whatever the number of
 * input items, so a scheduled batch can check its funds first without a read per row.
 */
export async function execute(this: IExecuteFunctions): Promise<ItemResult[]> {
	const client = await QingboClient.create(this);
	return [{ itemIndex: 0, json: await client.getBalance() }];
}
