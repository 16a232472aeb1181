import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

/**
 * An http Base URL whose host is not loopback (localhost, 127.0.0.0/8, [::1]): the key would cross
 * the network in clear. Read as a URL parser reads it (n8n's expressions have no URL class): leading
 * blanks skipped, every / or \ after `http:` taken at once (`http:host` is http://host), the host
 * ending at a port, path, query, fragment or the end (`localhost@evil`, `127.0.0.1.evil` are remote).
 */
const UNENCRYPTED_REMOTE =
	'^[\\s\\u0000-\\u001f]*[hH][tT][tT][pP]:(?=([\\\\/]*))\\1(?!(localhost|127(\\.\\d{1,3}){3}|\\[::1\\])(:\\d*)?([\\\\/?#]|$))';

/** The Base URL as the nodes use it (a trailing / or /v1 dropped), or the refusal host (see `test`). */
const TRIMMED = '$credentials.baseUrl.trim().replace(/\\/+$/, "").replace(/\\/v1$/, "")';
const BASE = `!$credentials.allowUnencryptedHttp && new RegExp(${JSON.stringify(UNENCRYPTED_REMOTE)}, "i").test($credentials.baseUrl) ? "https://unencrypted-http-refused.invalid" : ${TRIMMED}`;

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
				'The API origin, without /v1. QingBo has used https://qingbo.dev, https://www.qingbo.dev and https://api.qingbo.ai. A trailing / or /v1 is ignored. The API key is sent only here.',
		},
		{
			displayName: 'Allow Unencrypted HTTP',
			name: 'allowUnencryptedHttp',
			type: 'boolean',
			default: false,
			description:
				'Whether an http:// Base URL off this machine is allowed. The API key then travels in clear text: for a trusted local proxy only. http to localhost, 127.x.x.x or [::1] needs no opt-in.',
		},
		{
			displayName:
				'This Base URL uses unencrypted http: the nodes refuse it, since the API key would travel in clear text. Use https, or turn on Allow Unencrypted HTTP for a trusted local proxy.',
			name: 'unencryptedHttpNotice',
			type: 'notice',
			default: '',
			displayOptions: {
				show: {
					baseUrl: [{ _cnd: { regex: UNENCRYPTED_REMOTE } }],
					allowUnencryptedHttp: [false],
				},
			},
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

	// Lists models: proves the key and the host without creating a billed task. Never follows a
	// redirect (n8n would forward the key to any host); an http Base URL off this machine is sent
	// to a reserved name that never resolves (RFC 6761 .invalid), so the key is not sent in clear.
	test: ICredentialTestRequest = {
		request: {
			baseURL: `={{ ${BASE} }}`,
			url: '/v1/models',
			method: 'GET',
			disableFollowRedirect: true,
		},
		rules: [
			...[301, 302, 303, 307, 308].map((value) => ({
				type: 'responseCode' as const,
				properties: {
					value,
					message: `The Base URL answered with a redirect (HTTP ${value}); the API key is not sent on to another host. Set the Base URL to the API host itself, e.g. https://api.qingbo.ai.`,
				},
			})),
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'QingBo rejected the API key (HTTP 401). Check the key, and that the Base URL is the host that issued it.',
				},
			},
		],
	};
}
