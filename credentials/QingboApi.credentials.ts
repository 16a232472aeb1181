import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

export class QingboApi implements ICredentialType {
	name = 'qingboApi';

	displayName = 'QingBo API';

	icon: Icon = { light: 'file:../icons/qingbo.svg', dark: 'file:../icons/qingbo.dark.svg' };

	documentationUrl = 'https://github.com/qingbo-n8n/n8n-nodes-qingbo-sora#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'The bearer key from your QingBo console',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://qingbo.dev',
			placeholder: 'e.g. https://api.qingbo.ai',
			description:
				'The API origin, without /v1. QingBo has used https://qingbo.dev, https://www.qingbo.dev and https://api.qingbo.ai. A trailing / or /v1 is ignored.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.apiKey}}',
			},
		},
	};

	// Lists models: proves the key and the host without creating a billed task.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{ $credentials.baseUrl.trim().replace(/\\/+$/, "").replace(/\\/v1$/, "") }}',
			url: '/v1/models',
			method: 'GET',
		},
	};
}
