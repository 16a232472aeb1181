import type { ResourceMapperField } from 'n8n-workflow';

import { mapperFields } from '../../../../nodes/shared/models/fields';
import type { ActionName, ActionRules } from '../../../../nodes/shared/models/types';
import { findModel } from '../../../../nodes/shared/models/catalogue';

function rulesOf(id: string, action: ActionName = 'generate'): ActionRules {
	const rules = findModel(id)?.actions[action];
	if (!rules) throw new Error(`${id} has no ${action}`);
	return rules;
}

function byId(fields: ResourceMapperField[]): Record<string, ResourceMapperField> {
	return Object.fromEntries(fields.map((field) => [field.id, field]));
}

describe('mapperFields', () => {
	const veo = rulesOf('veo3.1-fast');
	const fields = mapperFields(veo);
	const field = byId(fields);

	it('has one field per declared field, in order', () => {
		expect(fields.map((f) => f.id)).toEqual(Object.keys(veo.fields));
	});

	it('shows duration (required) as a dropdown of numbers', () => {
		expect(field.duration).toMatchObject({
			required: true,
			removed: false,
			type: 'options',
		});
		expect(field.duration.options?.map((option) => option.value)).toEqual([4, 6, 8]);
		expect(field.duration.options?.map((option) => option.name)).toEqual(['4 s', '6 s', '8 s']);
	});

	it('leaves optional fields to "Add field" (removed)', () => {
		const optional = fields.filter((f) => f.id !== 'duration');
		expect(optional.length).toBeGreaterThan(0);
		for (const f of optional) expect(f).toMatchObject({ id: f.id, required: false, removed: true });
	});

	it('starts every label with the API field name', () => {
		for (const f of fields) expect(f.displayName.startsWith(f.id)).toBe(true);
		expect(field.duration.displayName).toBe('duration (s)');
		expect(field.resolution.displayName).toBe('resolution (default 720p)');
		expect(field.seed.displayName).toBe('seed (an integer)');
		expect(field.first_frame_image.displayName).toBe('first_frame_image (one public http(s) URL)');
	});

	it('types each field by its kind', () => {
		expect(field.generate_audio.type).toBe('boolean');
		expect(field.seed.type).toBe('number');
		expect(field.negative_prompt.type).toBe('string');
		expect(field.first_frame_image.type).toBe('string');
		expect(field.resolution.type).toBe('options');
		expect(field.resolution.options?.map((option) => option.value)).toEqual([
			'720p',
			'1080p',
			'4k',
		]);
	});

	it('types URL lists as text, arrays and objects as JSON', () => {
		const economy = byId(mapperFields(rulesOf('veo3.1-fast-rev')));
		expect(economy.image_urls.type).toBe('string');
		expect(economy.image_urls.displayName).toBe('image_urls (1 to 3 public http(s) URLs)');
		expect(economy.enable_gif.type).toBe('boolean');
		const kling = byId(mapperFields(rulesOf('kling-v3')));
		expect(kling.multi_prompt.type).toBe('array');
		const gemini = byId(mapperFields(rulesOf('gemini-omni-1.1-flash')));
		expect(gemini.metadata.type).toBe('object');
	});

	it('leaves out the fields the node fills itself', () => {
		const edit = mapperFields(rulesOf('kling-v3-omni', 'edit'), ['video_urls']);
		expect(edit.map((f) => f.id)).not.toContain('video_urls');
		expect(edit.map((f) => f.id)).toContain('duration');
		expect(mapperFields(veo, ['duration', 'seed']).map((f) => f.id)).toEqual(
			Object.keys(veo.fields).filter((id) => id !== 'duration' && id !== 'seed'),
		);
	});

	it('gives no fields to a follow-up that takes none', () => {
		expect(mapperFields(rulesOf('minimax-h3-regeneration', 'regenerate'))).toEqual([]);
	});

	it('never offers a field for matching, and displays every field', () => {
		const every = [
			...fields,
			...mapperFields(rulesOf('seedance-2.5', 'extend')),
			...mapperFields(rulesOf('wan3.0-video')),
		];
		for (const f of every) {
			expect(f).toMatchObject({ canBeUsedToMatch: false, defaultMatch: false, display: true });
		}
	});
});
