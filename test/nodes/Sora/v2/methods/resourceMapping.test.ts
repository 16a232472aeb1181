import { mockDeep } from 'jest-mock-extended';
import type { ILoadOptionsFunctions } from 'n8n-workflow';

import { getModelFields } from '../../../../../nodes/Sora/v2/methods/resourceMapping';
import { FakeApi, ok } from '../../../../helpers/fake-api';

function context(params: Record<string, string>) {
	const ctx = mockDeep<ILoadOptionsFunctions>();
	ctx.getNodeParameter.mockImplementation(
		((name: string, fallback?: unknown) => params[name] ?? fallback) as never,
	);
	return ctx;
}

describe('getModelFields (Model Fields in the editor)', () => {
	it("loads the selected model's fields for the operation, required ones shown", async () => {
		const { fields } = await getModelFields.call(
			context({ model: 'veo3.1-fast', operation: 'generate' }),
		);
		const duration = fields.find((field) => field.id === 'duration');
		expect(duration).toMatchObject({ required: true, removed: false, type: 'options' });
		expect(duration?.options?.map((option) => option.value)).toEqual([4, 6, 8]);
		expect(fields.find((field) => field.id === 'generate_audio')).toMatchObject({
			required: false,
			removed: true,
			type: 'boolean',
		});
	});

	it("leaves out the field the node fills from the Source Task ID (a follow-up's video URL)", async () => {
		const { fields } = await getModelFields.call(
			context({ model: 'seedance-2.5', operation: 'edit' }),
		);
		expect(fields.map((field) => field.id)).not.toContain('video_urls');
		expect(fields.map((field) => field.id)).toContain('aspect_ratio');
	});

	it.each([
		[
			{ model: 'brand-new-model', operation: 'generate' },
			/not in the node's catalogue.*Additional Fields/,
		],
		[{ model: 'sora-2', operation: 'generate' }, /delisted on 2026-09-24.*veo3\.1-fast/],
		[{ model: 'veo3.1-fast', operation: 'extend' }, /cannot extend; it supports generate/],
		[{ model: '', operation: 'generate' }, /Pick a model/],
	])('explains why there are no fields: %j', async (params, notice) => {
		const answer = await getModelFields.call(context(params));
		expect(answer.fields).toEqual([]);
		expect(answer.emptyFieldsNotice).toMatch(notice);
	});

	it("marks a catalogue model the key's model list leaves out, instead of offering its fields", async () => {
		const api = new FakeApi().always('GET', '/v1/models', ok({ data: [{ id: 'kling-v3' }] }));
		const ctx = context({ model: 'veo3.1-fast', operation: 'generate' });
		ctx.getCredentials.mockResolvedValue({ apiKey: 'sk-secret', baseUrl: 'https://qingbo.test' });
		ctx.helpers.httpRequestWithAuthentication.mockImplementation(api.request as never);
		const answer = await getModelFields.call(ctx);
		expect(answer.fields).toEqual([]);
		expect(answer.emptyFieldsNotice).toMatch(/^veo3\.1-fast: Not listed for this API key/);
		// Listed: its fields load as usual.
		const listed = context({ model: 'kling-v3', operation: 'generate' });
		listed.getCredentials.mockResolvedValue({
			apiKey: 'sk-secret',
			baseUrl: 'https://qingbo.test',
		});
		listed.helpers.httpRequestWithAuthentication.mockImplementation(api.request as never);
		expect((await getModelFields.call(listed)).fields.length).toBeGreaterThan(0);
	});
});
