import type { INodeProperties } from 'n8n-workflow';

import { resourceOperations } from '../../../common/router';
import * as getBalance from './getBalance.operation';

const accountResource = resourceOperations(
	'account',
	{ getBalance },
	[
		{
			name: 'Get Balance',
			value: 'getBalance',
			description: "Get the account's available balance in USD",
			action: 'Get the QingBo account balance',
		},
	],
	'getBalance',
);

export const operations = accountResource.operations;

export const description: INodeProperties[] = [accountResource.selector];
