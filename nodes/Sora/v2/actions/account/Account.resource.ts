import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../../common/properties';
import * as getBalance from './getBalance.operation';

export { getBalance };

export const description: INodeProperties[] = [
	operationProperty(
		'account',
		[
			{
				name: 'Get Balance',
				value: 'getBalance',
				description: "Get the account's available balance in USD",
				action: 'Get the QingBo account balance',
			},
		],
		'getBalance',
	),
];
