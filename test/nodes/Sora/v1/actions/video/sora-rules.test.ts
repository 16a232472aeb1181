import {
	checkSoraRules,
	parseCharacters,
	parseImageUrls,
	parseStrength,
} from '../../../../../../nodes/Sora/v1/actions/video/sora-rules';
import { rejection } from '../../../../../helpers/rejection';

const generate = {
	model: 'sora-2',
	action: 'generate',
	prompt: 'Mika waves',
	duration: 4,
	resolution: '720p',
};

describe('checkSoraRules', () => {
	it('accepts a valid seed request', () => {
		expect(() => checkSoraRules(generate)).not.toThrow();
	});

	it('allows 1080p on sora-2-pro only, naming the field and the fix', () => {
		expect(() =>
			checkSoraRules({ ...generate, model: 'sora-2-pro', resolution: '1080p' }),
		).not.toThrow();
		const error = rejection(() => checkSoraRules({ ...generate, resolution: '1080p' }));
		expect(error.field).toBe('Resolution');
		expect(error.fix).toMatch(/sora-2-pro/);
	});

	it('rejects durations the seed does not offer', () => {
		expect(rejection(() => checkSoraRules({ ...generate, duration: 5 })).field).toBe('Duration');
	});

	it('allows at most 2 characters, each named in the prompt', () => {
		const characters = [
			{ name: 'Mika', asset_id: 'a' },
			{ name: 'Jun', asset_id: 'b' },
			{ name: 'Lee', asset_id: 'c' },
		];
		expect(
			rejection(() =>
				checkSoraRules({ ...generate, prompt: 'Mika Jun Lee', extra: { characters } }),
			).message,
		).toMatch(/at most 2/);
		const missing = rejection(() =>
			checkSoraRules({ ...generate, extra: { characters: [characters[1]] } }),
		);
		expect(missing.message).toMatch(/"Jun" does not appear in the prompt/);
	});

	it('keeps images and characters out of extend, and needs a source for remix and extend', () => {
		const extend = {
			model: 'sora-2',
			action: 'extend',
			prompt: 'more',
			duration: 4,
			extra: { video_id: 'task_1' },
		};
		expect(() => checkSoraRules(extend)).not.toThrow();
		expect(
			rejection(() => checkSoraRules({ ...extend, image_urls: ['https://x/y.png'] })).field,
		).toBe('Image URLs');
		expect(rejection(() => checkSoraRules({ ...extend, extra: {} })).field).toBe('Source Task ID');
		expect(
			rejection(() => checkSoraRules({ model: 'sora-2', action: 'remix', prompt: 'x' })).field,
		).toBe('Source Task ID');
	});

	it('leaves other models to the API', () => {
		expect(() =>
			checkSoraRules({ model: 'veo3.1-fast', prompt: 'x', duration: 5, resolution: '4k' }),
		).not.toThrow();
	});
});

describe('parsers', () => {
	it('reads image URLs from an array or a comma/newline list', () => {
		expect(parseImageUrls('https://a/1.png, https://a/2.png\nhttps://a/3.png')).toHaveLength(3);
		expect(parseImageUrls(['https://a/1.png'])).toEqual(['https://a/1.png']);
		expect(parseImageUrls('')).toEqual([]);
		expect(rejection(() => parseImageUrls('ftp://a/1.png')).field).toBe('Image URLs');
	});

	it('reads characters from the UI list or an array', () => {
		expect(parseCharacters({ character: [{ name: 'Mika', assetId: 'c1' }] })).toEqual([
			{ name: 'Mika', asset_id: 'c1' },
		]);
		expect(parseCharacters([{ name: 'Jun', asset_id: 'c2' }])).toEqual([
			{ name: 'Jun', asset_id: 'c2' },
		]);
		expect(parseCharacters({})).toEqual([]);
		expect(rejection(() => parseCharacters([{ name: 'Jun' }])).field).toMatch(/Asset ID/);
	});

	it('reads remix strength as a word or 1-8', () => {
		expect(parseStrength('strong')).toBe('Strong');
		expect(parseStrength('3')).toBe(3);
		expect(parseStrength(8)).toBe(8);
		expect(rejection(() => parseStrength('9')).field).toBe('Strength');
	});
});
