import { mock, mockDeep } from 'jest-mock-extended';
import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';

import type { FakeApi } from './fake-api';

/**
 * An IExecuteFunctions for logic tests: per-item parameters (a function of the item index may
 * stand for an expression), the fake API behind httpRequestWithAuthentication.
 */
export function executeContext(
	api: FakeApi,
	params: Record<string, unknown | ((itemIndex: number) => unknown)>,
	options: {
		items?: number;
		continueOnFail?: boolean;
		executionId?: string;
		workflowId?: string;
		typeVersion?: number;
	} = {},
) {
	const ctx = mockDeep<IExecuteFunctions>();
	const items = Array.from({ length: options.items ?? 1 }, (_, i) => ({
		json: { i } as IDataObject,
	}));
	ctx.getInputData.mockReturnValue(items);
	ctx.getNode.mockReturnValue(
		mock<INode>({
			id: 'node-1',
			name: 'Sora',
			type: 'n8n-nodes-qingbo-sora.sora',
			typeVersion: options.typeVersion ?? 1,
		}),
	);
	ctx.getNodeParameter.mockImplementation(((
		name: string,
		itemIndex: number,
		fallback?: unknown,
	) => {
		const value = params[name];
		if (typeof value === 'function') return (value as (i: number) => unknown)(itemIndex);
		return value === undefined ? fallback : value;
	}) as never);
	ctx.continueOnFail.mockReturnValue(options.continueOnFail ?? false);
	ctx.getExecutionId.mockReturnValue(options.executionId ?? 'exec-1');
	ctx.getWorkflow.mockReturnValue({ id: options.workflowId ?? 'wf-1', name: 'w', active: false });
	ctx.getWorkflowDataProxy.mockReturnValue({ $thisRunIndex: 0 } as never);
	ctx.getExecutionCancelSignal.mockReturnValue(undefined);
	ctx.getCredentials.mockResolvedValue({ apiKey: 'sk-secret', baseUrl: 'https://qingbo.test' });
	ctx.helpers.httpRequestWithAuthentication.mockImplementation(api.request as never);
	return ctx;
}
