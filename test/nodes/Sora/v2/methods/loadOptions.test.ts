import { mockDeep } from 'jest-mock-extended';
import type { ILoadOptionsFunctions } from 'n8n-workflow';

import { getMediaFields, getModels } from '../../../../../nodes/Sora/v2/methods/loadOptions';
import { FakeApi, ok, status } from '../../../../helpers/fake-api';

function loadOptionsContext(api: FakeApi) {
	const ctx = mockDeep<ILoadOptionsFunctions>();
	ctx.getCredentials.mockResolvedValue({ apiKey: 'sk-secret', baseUrl: 'https://qingbo.test' });
	ctx.helpers.httpRequestWithAuthentication.mockImplementation(api.request as never);
	return ctx;
}

describe('getModels (Model list of version 2)', () => {
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
		const options = await getModels.call(loadOptionsContext(api));
		expect(options.slice(0, 3).map((option) => [option.name, option.value])).toEqual([
			['brand-new-model', 'brand-new-model'],
			['Kling · kling-v3', 'kling-v3'],
			['Veo · veo3.1-fast', 'veo3.1-fast'],
		]);
		expect(options[0].description).toMatch(/Additional Fields/);
		// Then the catalogue's current models the key does not list, marked as such.
		const rest = options.slice(3);
		expect(rest.length).toBeGreaterThan(0);
		expect(rest.every((option) => / \(not listed for this key\)$/.test(option.name))).toBe(true);
		expect(rest.map((option) => option.value)).toContain('seedance-2.5');
		expect(rest.map((option) => option.value)).not.toContain('sora-2');
		expect(rest[0].description).toMatch(/^Not listed for this API key/);
	});

	it("offers the catalogue's current models when the list cannot be had or holds only delisted ones", async () => {
		for (const answer of [status(503), ok({ data: [{ id: 'sora-2' }, { id: 'sora-2-pro' }] })]) {
			const api = new FakeApi().on('GET', '/v1/models', answer);
			const values = (await getModels.call(loadOptionsContext(api))).map((option) => option.value);
			expect(values).toEqual(
				expect.arrayContaining(['veo3.1-fast', 'seedance-2.5', 'pixverse-v6']),
			);
			expect(values).not.toContain('sora-2');
		}
	});
});

describe('getMediaFields (Binary Media of version 2)', () => {
	function mediaFieldsOf(model: string, operation: string) {
		const ctx = mockDeep<ILoadOptionsFunctions>();
		ctx.getCurrentNodeParameter.mockImplementation(
			((name: string) => ({ model, operation })[name]) as never,
		);
		return getMediaFields.call(ctx);
	}

	it("lists the chosen model's media fields for the operation, with the kind of file each takes", async () => {
		expect((await mediaFieldsOf('kling-v3-omni', 'generate')).map((o) => o.name)).toEqual([
			'image_urls (image, one or more)',
			'video_urls (video, one or more)',
		]);
		expect((await mediaFieldsOf('wan2.7', 'generate')).map((o) => o.value)).toEqual(
			expect.arrayContaining(['first_frame_image', 'last_frame_image']),
		);
		// The edit of Kling 3 Omni takes its video from the source task: not offered here.
		expect((await mediaFieldsOf('kling-v3-omni', 'edit')).map((o) => o.value)).not.toContain(
			'video_urls',
		);
	});

	it('is empty for a model the catalogue does not know', async () => {
		expect(await mediaFieldsOf('brand-new-model', 'generate')).toEqual([]);
	});
});
