/** Sora 2: delisted upstream on 2026-09-24; kept so a saved workflow gets a clear refusal. */
import { docPage, MODELS_CHANGELOG, NOTICES } from '../builders';
import type { Citation, ModelRules } from '../types';

// The Sora page keeps a delisting banner; the model changelog, the retired list and the notices (which
// name the replacements) date and explain it.
const SORA_SOURCE: Citation = {
	page: docPage('a35fa0f11f1214433d2f2023e5bbe2a0069dbe86', 'en/api-reference/video/sora.mdx'),
	read: '2026-11-29',
	also: [
		MODELS_CHANGELOG,
		docPage(
			'8a1934864d1ed4aa329e006a7410d8527bbca13d',
			'_meta/tools/pricing-changelog/retired.json',
		),
		NOTICES,
	],
};

const SORA_DELISTED = {
	on: '2026-09-24',
	replacements: ['veo3.1-fast', 'veo3.1-quality', 'kling-v3', 'seedance-2.0'],
};

const delistedSora = (id: string, description: string): ModelRules => ({
	id,
	family: 'Sora',
	description,
	actions: {},
	delisted: SORA_DELISTED,
	source: SORA_SOURCE,
});

export const SORA: ModelRules[] = [
	delistedSora('sora-2', 'OpenAI Sora 2: delisted on 2026-09-24'),
	delistedSora('sora-2-pro', 'OpenAI Sora 2 Pro: delisted on 2026-09-24'),
];
