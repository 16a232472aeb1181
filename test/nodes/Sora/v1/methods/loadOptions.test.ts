import { mockDeep } from 'jest-mock-extended';
import type { ILoadOptionsFunctions } from 'n8n-workflow';

import { getModels } from '../../../../../nodes/Sora/v1/methods/loadOptions';
import { FakeApi, ok, status } from '../../../../helpers/fake-api';

function loadOptionsContext(api: FakeApi) {
	const ctx = mockDeep<ILoadOptionsFunctions>();
	ctx.getCredentials.mockResolvedValue({ apiKey: 'sk-secret', baseUrl: 'https://qingbo.test' });
	ctx.helpers.httpRequestWithAuthentication.mockImplementation(api.request as never);
	return ctx;
}

const seed = [
	{ name: 'sora-2', value: 'sora-2' },
	{ name: 'sora-2-pro', value: 'sora-2-pro' },
];

describe('getModels (Model list in the editor)', () => {
	it('lists the models QingBo names, sorted and without repeats', async () => {
		const api = new FakeApi().on(
			'GET',
			'/v1/models',
			ok({
				data: [{ id: 'sora-2-pro' }, { id: 'kling-v3' }, { id: 'sora-2' }, { id: 'sora-2-pro' }],
			}),
		);
		await expect(getModels.call(loadOptionsContext(api))).resolves.toEqual([
			{ name: 'kling-v3', value: 'kling-v3' },
			{ name: 'sora-2', value: 'sora-2' },
			{ name: 'sora-2-pro', value: 'sora-2-pro' },
		]);
		expect(api.count('GET', '/v1/models')).toBe(1);
		expect(api.calls[0].url).toBe('https://qingbo.test/v1/models');
	});

	it('falls back to the two Sora models when QingBo lists none', async () => {
		const api = new FakeApi().on('GET', '/v1/models', ok({ data: [] }));
		await expect(getModels.call(loadOptionsContext(api))).resolves.toEqual(seed);
	});

	it('falls back to the two Sora models when the list cannot be had, without retrying', async () => {
		for (const answer of [status(401), status(503), () => new Error('socket hang up')]) {
			const api = new FakeApi().on('GET', '/v1/models', answer);
			await expect(getModels.call(loadOptionsContext(api))).resolves.toEqual(seed);
			expect(api.count('GET', '/v1/models')).toBe(1);
		}
	});

	it('falls back when the credential cannot be read', async () => {
		const ctx = loadOptionsContext(new FakeApi());
		ctx.getCredentials.mockRejectedValue(new Error('no credential'));
		await expect(getModels.call(ctx)).resolves.toEqual(seed);
		expect(ctx.helpers.httpRequestWithAuthentication).not.toHaveBeenCalled();
	});
});
