/**
 * Small builders for the catalogue's family files (families/*.ts), so each entry reads as a table of fields,
 * and the fields, rules and citations that more than one family shares.
 */
import type {
	ActionRules,
	Citation,
	CrossRule,
	FieldRule,
	FieldValue,
	ModelRules,
	Pricing,
} from './types';

type More = Partial<FieldRule>;

export const str = (note: string, more: More = {}): FieldRule => ({
	kind: 'string',
	...more,
	note,
});
export const choice = (values: string[], note: string, more: More = {}): FieldRule => ({
	kind: 'string',
	values,
	...more,
	note,
});
export const int = (note: string, more: More = {}): FieldRule => ({
	kind: 'integer',
	...more,
	note,
});
export const bool = (note: string, more: More = {}): FieldRule => ({
	kind: 'boolean',
	...more,
	note,
});
export const url = (note: string, more: More = {}): FieldRule => ({ kind: 'url', ...more, note });
export const urls = (note: string, more: More = {}): FieldRule => ({
	kind: 'urlList',
	...more,
	note,
});
/** A required list of exactly one URL (a source clip, a character image, a single first frame). */
export const exactlyOneUrl = (note: string): FieldRule =>
	urls(note, { required: true, minItems: 1, maxItems: 1 });
export const list = (note: string, more: More = {}): FieldRule => ({
	kind: 'array',
	...more,
	note,
});
export const obj = (note: string, more: More = {}): FieldRule => ({
	kind: 'object',
	...more,
	note,
});

/** A clip length in seconds from a list of allowed values. */
export const secondsIn = (values: number[], note: string, more: More = {}): FieldRule => ({
	kind: 'integer',
	values,
	unit: 's',
	...more,
	note,
});
/** A clip length in seconds from an inclusive range. */
export const secondsFrom = (
	min: number,
	max: number,
	note: string,
	more: More = {},
): FieldRule => ({
	kind: 'integer',
	min,
	max,
	unit: 's',
	...more,
	note,
});

/** The integers from..to, for enums with a gap (e.g. `0` or `4`–`30`). */
export function span(from: number, to: number): number[] {
	return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

export const requires = (field: string, needs: string, why: string): CrossRule => ({
	kind: 'requires',
	field,
	needs,
	why,
});
export const excludes = (fields: string[], why: string): CrossRule => ({
	kind: 'excludes',
	fields,
	why,
});
export const anyOf = (fields: string[], why: string): CrossRule => ({ kind: 'anyOf', fields, why });
export const when = (
	field: string,
	is: { in?: FieldValue[]; present?: boolean; moreThan?: number },
	then: { field: string; in?: FieldValue[]; present?: boolean },
	why: string,
): CrossRule => ({ kind: 'when', if: { field, ...is }, then, why });

/** One `excludes` rule per pair across two groups (e.g. SkyReels: frame fields vs reference fields). */
export function exclusivePairs(left: string[], right: string[], why: string): CrossRule[] {
	return left.flatMap((a) => right.map((b) => excludes([a, b], why)));
}

export const perSecond = (usd: Record<string, number>, more: Partial<Pricing> = {}): Pricing => ({
	per: 'second',
	usd,
	...more,
});
export const perClip = (usd: Record<string, number>, more: Partial<Pricing> = {}): Pricing => ({
	per: 'clip',
	usd,
	...more,
});

/** The common price shape: per second at 720p and 1080p, 720p priced when the request names none. */
export const perSecond720p1080p = (hd: number, fullHd: number): Pricing =>
	perSecond({ '720p': hd, '1080p': fullHd }, { defaultResolution: '720p' });

/** A follow-up that takes its source clip as the first URL of `video_urls`. */
export const sourceClip = (
	note: string,
	fields: Record<string, FieldRule>,
	prompt = false,
): ActionRules => ({
	prompt,
	fields: {
		video_urls: exactlyOneUrl(note),
		...fields,
	},
	source: { via: 'video_urls' },
});

// ---------------------------------------------------------------------------------------------------------
// Citations: QingBo's docs repository (the source of docs.qingbo.dev), each file at the commit read.

const DOCS_REPOSITORY = 'https://github.com/QingBo-AI/WaveAPI-Doc/blob';

/** A page of QingBo's docs at one commit (40 hex digits, so the link never moves). */
export const docPage = (commit: string, path: string): string =>
	`${DOCS_REPOSITORY}/${commit}/${path}`;

/** The pricing changelog: the only page that lists amounts (model pages point to GET /v1/models). */
export const PRICING_CHANGELOG = docPage(
	'8a1934864d1ed4aa329e006a7410d8527bbca13d',
	'en/changelog/pricing.mdx',
);
/** The model changelog with every 2026-09-24 entry. */
export const MODELS_CHANGELOG = docPage(
	'174193df222bffe11ec38021e5efa3739cda2c03',
	'en/changelog/models.mdx',
);
/** The notices, newest entry 2026-09-22 (Sora replacements, the preview's end date). */
export const NOTICES = docPage(
	'e4e7882cba676391b47008776282aa72404b26b4',
	'en/changelog/notices.mdx',
);

/**
 * The entries of one family, all citing `source`; an entry with a list price also cites the pricing
 * changelog, which is where every amount comes from.
 */
export const familyOf =
	(family: string, source: Citation) =>
	(
		id: string,
		description: string,
		actions: ModelRules['actions'],
		pricing?: Pricing,
	): ModelRules =>
		pricing
			? {
					id,
					family,
					description,
					actions,
					pricing,
					source: { ...source, pricing: PRICING_CHANGELOG },
				}
			: { id, family, description, actions, source };

// ---------------------------------------------------------------------------------------------------------
// Fields and rules shared across families.

export const SEED = int('Random seed for repeatable results');
export const WATERMARK = bool('Add a watermark');
export const WATERMARK_OFF = bool('Add a watermark', { default: false });
export const NEGATIVE_PROMPT = str('What to keep out of the clip');
export const N_ONE = int('Number of videos; 1 only', { values: [1], default: 1 });
export const RATIOS_5 = ['16:9', '9:16', '1:1', '4:3', '3:4'];
export const RATIOS_6 = [...RATIOS_5, '21:9'];
export const FIRST_FRAME = url('Image the clip starts from');
export const LAST_FRAME = url('Image the clip ends on; needs a first frame');
export const RES_720_1080 = choice(['720p', '1080p'], 'Output resolution', { default: '720p' });
export const AUDIO_TIER_OFF = bool('Add generated audio (audio price tier)', { default: false });
export const PROMPT_OPTIMIZER = bool('Let the model refine the prompt', { default: true });
export const LAST_NEEDS_FIRST = requires(
	'last_frame_image',
	'first_frame_image',
	'A last frame needs a first frame: add First Frame Image or remove Last Frame Image.',
);
