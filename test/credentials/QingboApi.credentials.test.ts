import { Expression, NodeHelpers } from 'n8n-workflow';

import { QingboApi } from '../../credentials/QingboApi.credentials';

// The public contract: saved credentials store these names.
describe('QingBo API credential', () => {
	const credential = new QingboApi();
	const property = (name: string) => credential.properties.find((p) => p.name === name);

	/** The credential test's base URL as n8n's expression engine resolves it for these fields. */
	const testBaseUrl = (baseUrl: string, allowUnencryptedHttp = false) =>
		Expression.resolveWithoutWorkflow(String(credential.test.request.baseURL).slice(1), {
			$credentials: { apiKey: 'sk-secret', baseUrl, allowUnencryptedHttp },
		});

	it('is the credential type "qingboApi" with apiKey (a password) and baseUrl (default https://qingbo.dev)', () => {
		expect(credential.name).toBe('qingboApi');
		expect(property('apiKey')?.typeOptions?.password).toBe(true);
		expect(property('baseUrl')?.default).toBe('https://qingbo.dev');
	});

	it('has Allow Unencrypted HTTP, off by default, saying the key then travels in clear text', () => {
		expect(property('allowUnencryptedHttp')).toMatchObject({
			displayName: 'Allow Unencrypted HTTP',
			type: 'boolean',
			default: false,
		});
		expect(property('allowUnencryptedHttp')?.description).toMatch(/clear text/);
		expect(property('allowUnencryptedHttp')?.description).toMatch(/trusted local proxy/);
	});

	it('sends the key as a bearer token', () => {
		expect(credential.authenticate.properties.headers).toEqual({
			Authorization: '=Bearer {{$credentials.apiKey}}',
		});
	});

	it('is tested with GET /v1/models (never a billed task), following no redirect', () => {
		const { request } = credential.test;
		expect(request).toMatchObject({
			method: 'GET',
			url: '/v1/models',
			disableFollowRedirect: true,
		});
	});

	it.each([
		['https://qingbo.dev', 'https://qingbo.dev'],
		['https://api.qingbo.ai/v1/', 'https://api.qingbo.ai'],
		[' https://www.qingbo.dev/ ', 'https://www.qingbo.dev'],
		['http://localhost:5678/v1', 'http://localhost:5678'],
		['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
		['http://[::1]:3000/', 'http://[::1]:3000'],
		['http:localhost:5678', 'http:localhost:5678'],
		['http://localhost?x=1', 'http://localhost?x=1'],
	])('tests the Base URL %j at %s', (baseUrl, expected) => {
		expect(testBaseUrl(baseUrl)).toBe(expected);
	});

	it.each([
		'http://qingbo.dev',
		'HTTP://proxy.lan:8080/v1',
		'http://localhost.evil.example',
		// What a URL parser reads as http://qingbo.dev, which a slash-only pattern let through.
		'http:qingbo.dev',
		'http:/qingbo.dev',
		'http:\\\\qingbo.dev',
		' \thttp://qingbo.dev',
		// Loopback names that are not the host.
		'http://localhost@evil.example',
		'http://127.0.0.1.evil.example',
	])(
		'never sends the key in clear text to %s: the test goes to a name that never resolves',
		(baseUrl) => {
			expect(testBaseUrl(baseUrl)).toBe('https://unencrypted-http-refused.invalid');
		},
	);

	it('tests an http Base URL off this machine when Allow Unencrypted HTTP is on', () => {
		expect(testBaseUrl('http://proxy.lan:8080/', true)).toBe('http://proxy.lan:8080');
	});

	it('explains every redirect status instead of following it', () => {
		const rules = credential.test.rules ?? [];
		const redirects = rules.filter((rule) => rule.properties.value !== 401);
		expect(redirects.map((rule) => rule.properties.value)).toEqual([301, 302, 303, 307, 308]);
		for (const rule of redirects) {
			expect(rule.type).toBe('responseCode');
			expect(rule.properties.message).toMatch(/redirect.*not sent on to another host/);
		}
	});

	it('shows a notice in the form for an http Base URL off this machine, until it is allowed', () => {
		const notice = property('unencryptedHttpNotice')!;
		expect(notice.type).toBe('notice');
		expect(notice.displayName).toMatch(/clear text/);
		// n8n's own display logic, as the credential form runs it.
		const shown = (baseUrl: string, allowUnencryptedHttp = false) =>
			NodeHelpers.displayParameter({ baseUrl, allowUnencryptedHttp }, notice, null, null);
		for (const url of [
			'http://qingbo.dev',
			'Http://proxy.lan',
			'http://localhost.evil.example',
			'http:qingbo.dev',
		])
			expect([url, shown(url)]).toEqual([url, true]);
		for (const url of [
			'https://qingbo.dev',
			'http://localhost:5678',
			'http://127.0.0.1',
			'http://[::1]',
		])
			expect([url, shown(url)]).toEqual([url, false]);
		expect(shown('http://qingbo.dev', true)).toBe(false);
	});

	it('explains a rejected key (HTTP 401)', () => {
		const rule = (credential.test.rules ?? []).find((r) => r.properties.value === 401);
		expect(rule?.properties.message).toMatch(/rejected the API key/);
	});
});
