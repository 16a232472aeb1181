import type { IDataObject } from 'n8n-workflow';

import { InputError } from '../../../../shared/errors';
import { parseJson, requireText } from '../../../../shared/submit/input';

/** The seed's rules for Sora 2 models (version 1 only), and the parsing of version 1's Sora fields. */

/** The seed's models; only these get the seed's rules. Other IDs are data for the API to judge. */
export const SORA_MODELS = ['sora-2', 'sora-2-pro'];
export const DURATIONS = [4, 8, 12, 16, 20];
export const RESOLUTIONS = ['720p', '1080p'];
export const ASPECT_RATIOS = ['16:9', '9:16'];
export const STRENGTH_WORDS = ['Subtle', 'Mild', 'Strong'];
export const STRENGTH_LEVELS = [1, 2, 3, 4, 5, 6, 7, 8];
const MAX_CHARACTERS = 2;

function isSoraModel(model: unknown): boolean {
	return typeof model === 'string' && SORA_MODELS.includes(model.trim().toLowerCase());
}

/** Image URLs from an array or from one string separated by commas or new lines. */
export function parseImageUrls(value: unknown): string[] {
	const parts = Array.isArray(value)
		? value.map((v) => String(v ?? ''))
		: typeof value === 'string'
			? value.split(/[\n,]/)
			: value == null
				? []
				: [String(value)];
	const urls = parts.map((p) => p.trim()).filter(Boolean);
	for (const url of urls) {
		if (!/^https?:\/\/\S+$/i.test(url)) {
			throw new InputError(
				'Image URLs',
				`"${url.slice(0, 80)}" is not an http(s) URL`,
				'Give public http(s) image URLs, separated by commas or new lines.',
			);
		}
	}
	return urls;
}

/** Characters as `{name, asset_id}` from the UI's list (`{character: [...]}`) or an array by expression. */
export function parseCharacters(value: unknown): Array<{ name: string; asset_id: string }> {
	let list: unknown = value;
	if (list && typeof list === 'object' && !Array.isArray(list)) {
		list = Object.values(list as IDataObject).find(Array.isArray) ?? [];
	}
	if (typeof list === 'string') list = list.trim() ? parseJson(list, 'Characters') : [];
	if (list == null) return [];
	if (!Array.isArray(list)) {
		throw new InputError(
			'Characters',
			'must be a list',
			'Add characters with the "Add Character" button, or give an array of { name, assetId }.',
		);
	}
	return list.map((entry, index) => {
		const character = (entry ?? {}) as IDataObject;
		const name = requireText(
			character.name,
			`Characters › #${index + 1} Name`,
			'Give the character the name it has in the prompt.',
		);
		const assetId = requireText(
			character.assetId ?? character.asset_id,
			`Characters › #${index + 1} Asset ID`,
			'Give the character asset ID from QingBo.',
		);
		return { name, asset_id: assetId };
	});
}

/** Remix strength: a word, or a number 1 to 8 (typed as text or number). */
export function parseStrength(value: unknown): string | number {
	const text = String(value ?? '').trim();
	const word = STRENGTH_WORDS.find((w) => w.toLowerCase() === text.toLowerCase());
	if (word) return word;
	const n = Number(text);
	if (text && STRENGTH_LEVELS.includes(n)) return n;
	throw new InputError(
		'Strength',
		`"${text}" is not a remix strength`,
		'Use Subtle, Mild, Strong, or a whole number from 1 to 8.',
	);
}

/**
 * The seed's rules for Sora models, checked on the final request body (so fields added through
 * Options › Additional Fields are checked too).
 */
export function checkSoraRules(body: IDataObject): void {
	if (!isSoraModel(body.model)) return;
	const model = String(body.model).toLowerCase();
	const action = String(body.action ?? 'generate');
	const extra = (body.extra ?? {}) as IDataObject;

	if (body.duration !== undefined && !DURATIONS.includes(Number(body.duration))) {
		throw new InputError(
			'Duration',
			`${body.duration} seconds is not offered by ${model}`,
			`Pick one of ${DURATIONS.join(', ')} seconds.`,
		);
	}
	if (body.resolution !== undefined && !RESOLUTIONS.includes(String(body.resolution))) {
		throw new InputError(
			'Resolution',
			`"${body.resolution}" is not offered`,
			`Pick ${RESOLUTIONS.join(' or ')}.`,
		);
	}
	if (body.resolution === '1080p' && model !== 'sora-2-pro') {
		throw new InputError(
			'Resolution',
			`1080p needs sora-2-pro, not ${model}`,
			'Pick 720p, or switch the model to sora-2-pro.',
		);
	}
	if (body.aspect_ratio !== undefined && !ASPECT_RATIOS.includes(String(body.aspect_ratio))) {
		throw new InputError(
			'Aspect Ratio',
			`"${body.aspect_ratio}" is not offered`,
			`Pick ${ASPECT_RATIOS.join(' or ')}.`,
		);
	}

	const characters = (extra.characters ?? body.characters) as Array<{ name: string }> | undefined;
	const images = body.image_urls as string[] | undefined;
	if (action === 'extend') {
		if (images?.length)
			throw new InputError(
				'Image URLs',
				'cannot be used to extend a video',
				'Remove the image URLs: an extension continues the source video.',
			);
		if (characters?.length)
			throw new InputError(
				'Characters',
				'cannot be used to extend a video',
				'Remove the characters: an extension continues the source video.',
			);
		if (body.duration === undefined)
			throw new InputError(
				'Duration',
				'is required to extend a video',
				'Pick the length of the new segment.',
			);
	}
	if (characters) {
		if (characters.length > MAX_CHARACTERS) {
			throw new InputError(
				'Characters',
				`${characters.length} given, at most ${MAX_CHARACTERS} allowed`,
				`Keep at most ${MAX_CHARACTERS} characters.`,
			);
		}
		const prompt = String(body.prompt ?? '').toLowerCase();
		for (const character of characters) {
			if (!prompt.includes(String(character.name).toLowerCase())) {
				throw new InputError(
					'Characters',
					`"${character.name}" does not appear in the prompt`,
					`Mention ${character.name} by name in the prompt, or remove the character.`,
				);
			}
		}
	}
	if (action === 'remix' || action === 'extend') {
		if (!extra.video_id && !body.video_id) {
			throw new InputError(
				'Source Task ID',
				'is empty',
				`Give the ID of the completed task to ${action}.`,
			);
		}
	}
}
