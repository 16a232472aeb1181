import type { INodeProperties } from 'n8n-workflow';

import * as getBalance from './getBalance.operation';

export { getBalance };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['account'], '@version': [2] } },
		options: [
			{
				name: 'Get Balance',
				value: 'getBalance',
				description: "Get the account's available balance in USD",
				action: 'Get the account balance',
			},
		],
		default: 'getBalance',
	},
];
