import { InputError } from '../../../../nodes/shared/errors';
import {
	apiOrigin,
	checkBaseUrl,
	checkTaskId,
	downloadAllowed,
	isInternalHost,
	isLoopback,
	isTaskId,
	keyMayFollow,
	originOf,
	redirectTarget,
	transportAllowed,
} from '../../../../nodes/shared/transport/url-policy';

/** The URL policy on its own; the transport's tests show it applied to real calls and redirects. */

const url = (text: string) => new URL(text);

describe('hosts: this machine and private networks', () => {
	it('knows loopback by name and address, and nothing that only starts like it', () => {
		for (const host of ['localhost', '127.0.0.1', '127.8.9.10', '[::1]'])
			expect([host, isLoopback(host)]).toEqual([host, true]);
		for (const host of ['127.attacker.example', 'localhost.example', '128.0.0.1'])
			expect([host, isLoopback(host)]).toEqual([host, false]);
	});

	it('counts private, link-local, CGNAT and IPv6 local addresses as internal, public ones not', () => {
		for (const host of [
			'10.1.2.3',
			'172.16.0.1',
			'192.168.1.1',
			'169.254.169.254',
			'100.64.0.1',
			'0.0.0.0',
			'[fd00::1]',
			'[fe80::1]',
		])
			expect([host, isInternalHost(host)]).toEqual([host, true]);
		for (const host of ['8.8.8.8', '172.32.0.1', 'cdn.qingbo.ai', '[2001:db8::1]'])
			expect([host, isInternalHost(host)]).toEqual([host, false]);
	});
});

describe('the Base URL', () => {
	it('takes the origin whatever trailing / or /v1 the user typed, QingBo by default', () => {
		expect(apiOrigin('https://api.qingbo.ai/v1/')).toBe('https://api.qingbo.ai');
		expect(apiOrigin('  ')).toBe('https://qingbo.dev');
	});

	it('allows https, http only on this machine or when the credential allows it', () => {
		expect(checkBaseUrl('https://api.qingbo.ai', false).origin).toBe('https://api.qingbo.ai');
		expect(checkBaseUrl('http://127.0.0.1:8787', false).port).toBe('8787');
		expect(checkBaseUrl('http://proxy.lan', true).hostname).toBe('proxy.lan');
		expect(() => checkBaseUrl('http://proxy.lan', false)).toThrow(
			/uses unencrypted http, so the API key would travel in clear text/,
		);
		expect(() => checkBaseUrl('ftp://api.qingbo.ai', true)).toThrow(InputError);
		expect(() => checkBaseUrl('api.qingbo.ai', false)).toThrow(/is not a URL/);
		expect(transportAllowed(url('http://localhost:1'), false)).toBe(true);
	});
});

describe('task IDs in paths', () => {
	it('accepts what a submit returns and refuses what could leave /v1/tasks/', () => {
		expect(isTaskId('task_01K8SGYNNNVBQTXNR4MM964S7K')).toBe(true);
		for (const bad of ['..', '.', 'a/b', '', 'x'.repeat(201), 7, undefined])
			expect([bad, isTaskId(bad)]).toEqual([bad, false]);
		expect(() => checkTaskId('../balance')).toThrow(/is not a QingBo task ID/);
	});
});

describe('redirects', () => {
	it('reads where a redirect points, resolved against the URL asked', () => {
		const from = url('https://api.qingbo.ai/v1/tasks/t1');
		expect(redirectTarget({ statusCode: 302, headers: { location: '/v1/x' } }, from)?.href).toBe(
			'https://api.qingbo.ai/v1/x',
		);
		expect(redirectTarget({ statusCode: 200, headers: { location: '/v1/x' } }, from)).toBe(
			undefined,
		);
		expect(redirectTarget({ statusCode: 301, headers: {} }, from)).toBeUndefined();
	});

	it('lets the key follow only on the same origin or among QingBo documented hosts', () => {
		const api = url('https://api.qingbo.ai/v1/tasks');
		expect(keyMayFollow(api, url('https://api.qingbo.ai/v1/other'))).toBe(true);
		expect(keyMayFollow(api, url('https://www.qingbo.dev/v1/tasks'))).toBe(true);
		expect(keyMayFollow(api, url('https://cdn.example.com/v1/tasks'))).toBe(false);
		expect(keyMayFollow(url('https://proxy.example'), url('https://api.qingbo.ai'))).toBe(false);
	});

	it('names an origin, never a path or query, and a scheme when there is no origin', () => {
		expect(originOf(url('https://cdn.example.com/a?token=secret'))).toBe('https://cdn.example.com');
		expect(originOf(url('data:text/plain,hi'))).toBe('data:');
	});
});

describe('download links', () => {
	const api = 'https://api.qingbo.ai';

	it('fetches over https from any public host, plain http only from the Base URL itself', () => {
		expect(downloadAllowed(url('https://cdn.example.com/v.mp4'), api)).toBe(true);
		expect(downloadAllowed(url('http://cdn.example.com/v.mp4'), api)).toBe(false);
		expect(downloadAllowed(url('http://127.0.0.1:8787/v.mp4'), 'http://127.0.0.1:8787')).toBe(true);
		expect(downloadAllowed(url('file:///etc/passwd'), api)).toBe(false);
	});

	it('reaches this machine or a private network only when the Base URL is there too', () => {
		expect(downloadAllowed(url('https://169.254.169.254/latest'), api)).toBe(false);
		expect(downloadAllowed(url('https://10.0.0.5/v.mp4'), api)).toBe(false);
		expect(downloadAllowed(url('https://10.0.0.5/v.mp4'), 'https://10.0.0.2')).toBe(true);
		expect(downloadAllowed(url('http://127.0.0.1:9000/v.mp4'), 'http://127.0.0.1:8787')).toBe(true);
	});
});
