import { QingboApi } from '../../credentials/QingboApi.credentials';

// The public contract (../shared/contract.md): saved credentials store these names.
describe('QingBo API credential', () => {
	const credential = new QingboApi();
	const property = (name: string) => credential.properties.find((p) => p.name === name);

	it('is the credential type "qingboApi" with apiKey (a password) and baseUrl (default https://qingbo.dev)', () => {
		expect(credential.name).toBe('qingboApi');
		expect(property('apiKey')?.typeOptions?.password).toBe(true);
		expect(property('baseUrl')?.default).toBe('https://qingbo.dev');
	});

	it('sends the key as a bearer token', () => {
		expect(credential.authenticate.properties.headers).toEqual({
			Authorization: '=Bearer {{$credentials.apiKey}}',
		});
	});

	it('is tested with GET /v1/models (never a billed task), tolerating a trailing / or /v1 in the base URL', () => {
		const { request } = credential.test;
		expect(request).toMatchObject({ method: 'GET', url: '/v1/models' });
		// What users type ("…/", "…/v1") is trimmed by the expression; test/n8n/callbacks.test.js runs it in n8n.
		expect(request.baseURL).toMatch(/^=\{\{ \$credentials\.baseUrl\.trim\(\)/);
		expect(request.baseURL).toContain('.replace(/\\/+$/, "")');
		expect(request.baseURL).toContain('.replace(/\\/v1$/, "")');
	});
});
