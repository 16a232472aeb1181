import { mock, mockDeep } from 'jest-mock-extended';
import type { IDataObject, INode, IWebhookFunctions, Workflow } from 'n8n-workflow';

import type { FakeApi } from './fake-api';

let executions = 0;

/**
 * An IWebhookFunctions for logic tests: a request body, node parameters, a response recorder. Each
 * context is of its own execution unless `executionId` is given (several callbacks to one execution).
 */
export function webhookContext(
	api: FakeApi,
	request: { body?: unknown; query?: IDataObject; headers?: IDataObject; executionId?: string },
	params: IDataObject = {},
) {
	const ctx = mockDeep<IWebhookFunctions>();
	const response = { status: 0, body: undefined as unknown };
	ctx.getBodyData.mockReturnValue((request.body ?? {}) as IDataObject);
	ctx.getQueryData.mockReturnValue(request.query ?? {});
	ctx.getHeaderData.mockReturnValue((request.headers ?? {}) as never);
	ctx.getNodeParameter.mockImplementation(
		((name: string, fallback?: unknown) => params[name] ?? fallback) as never,
	);
	ctx.getNode.mockReturnValue(mock<INode>({ id: 'trigger-1', name: 'QingBo Trigger' }));
	ctx.getWorkflow.mockReturnValue({ id: 'wf-1' } as Workflow);
	ctx.getExecutionId.mockReturnValue(request.executionId ?? `exec-${++executions}`);
	ctx.getCredentials.mockResolvedValue({ apiKey: 'sk-secret', baseUrl: 'https://qingbo.test' });
	ctx.helpers.httpRequestWithAuthentication.mockImplementation(api.request as never);
	const res = {
		status: (code: number) => {
			response.status = code;
			return res;
		},
		json: (body: unknown) => {
			response.body = body;
			return res;
		},
	};
	ctx.getResponseObject.mockReturnValue(res as never);
	return { ctx, response };
}
