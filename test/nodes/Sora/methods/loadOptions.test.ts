import { mockDeep } from 'jest-mock-extended';
import type { ILoadOptionsFunctions } from 'n8n-workflow';

import { getModels, getModelsV2 } from '../../../../nodes/Sora/methods/loadOptions';
import { FakeApi, ok, status } from '../../../helpers/fake-api';

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

describe('getModelsV2 (Model list of version 2)', () => {
	it("lists the key's models by family, keeps an unknown one selectable, leaves delisted ones out", async () => {
		const api = new FakeApi().on(
			'GET',
			'/v1/models',
			ok({
				data: [
					{ id: 'veo3.1-fast' },
					{ id: 'brand-new-model' },
					{ id: 'sora-2' },
					{ id: 'kling-v3' },
				],
			}),
		);
		const options = await getModelsV2.call(loadOptionsContext(api));
		expect(options.map((option) => [option.name, option.value])).toEqual([
			['brand-new-model', 'brand-new-model'],
			['Kling · kling-v3', 'kling-v3'],
			['Veo · veo3.1-fast', 'veo3.1-fast'],
		]);
		expect(options[0].description).toMatch(/Additional Fields/);
	});

	it("offers the catalogue's current models when the list cannot be had or holds only delisted ones", async () => {
		for (const answer of [status(503), ok({ data: [{ id: 'sora-2' }, { id: 'sora-2-pro' }] })]) {
			const api = new FakeApi().on('GET', '/v1/models', answer);
			const values = (await getModelsV2.call(loadOptionsContext(api))).map(
				(option) => option.value,
			);
			expect(values).toEqual(
				expect.arrayContaining(['veo3.1-fast', 'seedance-2.5', 'pixverse-v6']),
			);
			expect(values).not.toContain('sora-2');
		}
	});
});
