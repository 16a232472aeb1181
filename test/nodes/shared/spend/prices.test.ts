import type { ModelRules } from '../../../../nodes/shared/models/types';
import { estimateUsd, priceKey, priceListFrom } from '../../../../nodes/shared/spend/prices';

const veoLike: ModelRules = {
	id: 'm',
	family: 'Veo',
	description: 'test model',
	source: { page: 'https://docs.qingbo.dev/test', read: '2026-11-29' },
	actions: {
		generate: {
			prompt: true,
			fields: {
				duration: { kind: 'integer', values: [4, 8] },
				resolution: { kind: 'string', values: ['720p', '1080p'], default: '720p' },
			},
		},
	},
	pricing: { per: 'second', usd: { '720p': 0.1, '1080p': 0.2 }, defaultResolution: '720p' },
};

describe('estimateUsd', () => {
	it('prices seconds at the resolution asked, or the default one', () => {
		expect(
			estimateUsd({ model: 'm', duration: 8, resolution: '1080p' }, veoLike, undefined),
		).toBeCloseTo(1.6);
		expect(estimateUsd({ model: 'm', duration: 4 }, veoLike, undefined)).toBeCloseTo(0.4);
	});

	it("prefers the key's price_config from GET /v1/models", () => {
		const prices = priceListFrom([
			{ id: 'm', price_config: { video_prices: { '720p': 0.5 } } },
			{ id: 'no-prices' },
		]);
		expect(estimateUsd({ model: 'm', duration: 4 }, veoLike, prices)).toBeCloseTo(2);
		expect(prices.has('no-prices')).toBe(false);
	});

	it('knows nothing without a length or a rate', () => {
		expect(estimateUsd({ model: 'm' }, veoLike, undefined)).toBeUndefined();
		expect(estimateUsd({ model: 'x', duration: 5 }, undefined, undefined)).toBeUndefined();
	});
});

describe('priceKey', () => {
	it('is the same for the same model, action, resolution and length, and differs otherwise', () => {
		const base = { model: 'm', action: 'generate', resolution: '720p', duration: 8, prompt: 'a' };
		expect(priceKey(base)).toBe(priceKey({ ...base, prompt: 'b' }));
		expect(priceKey(base)).not.toBe(priceKey({ ...base, duration: 4 }));
		expect(priceKey(base)).not.toBe(priceKey({ ...base, resolution: '1080p' }));
	});
});
