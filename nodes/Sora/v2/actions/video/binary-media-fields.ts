import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { InputError } from '../../../../shared/errors';
import {
	binaryMediaLabel,
	linkBinaryMedia,
	linkLifetimeS,
	type BinaryMediaEntry,
} from '../../../../shared/media/binary-media';
import { listWords, RULES_AS_OF } from '../../../../shared/models/describe';
import { urlListParts } from '../../../../shared/models/media-urls';
import type { ActionName, FieldRule, ModelRules } from '../../../../shared/models/types';

/**
 * An item's Binary Media, planned before the model's rules are checked: the request holds a
 * stand-in URL per file (so counts and cross-field rules see the files), replaced by the file's
 * link once the request passes and the file is checked.
 */
export interface BinaryMediaPlan {
	request: IDataObject;
	/** Where each media field was set, as the user sees it. */
	sources: Record<string, string>;
	entries: BinaryMediaEntry[];
	/** Entry n's stand-in in the request. */
	standIns: string[];
	lifetimeS: number;
}

/** What the request holds for entry `n` until its file is linked; errors show it as the property. */
const standInFor = (entry: BinaryMediaEntry, n: number) =>
	`https://binary-property.invalid/${n + 1}/${encodeURIComponent(entry.binaryProperty)}`;

/** What the node knows of the chosen model when it reads Binary Media. */
export interface MediaContext {
	rules?: ModelRules;
	action?: ActionName;
	enforce: boolean;
	waitMode: string;
	timeoutS: number;
}

/** The default binary property: where n8n's nodes put a file unless told otherwise. */
const DEFAULT_PROPERTY = 'data';

/** Binary Media as n8n saves it, `{ media: [{ field, binaryProperty }] }`; none when not set. */
function binaryMediaEntries(ctx: IExecuteFunctions, itemIndex: number): BinaryMediaEntry[] {
	const saved = ctx.getNodeParameter('binaryMedia', itemIndex, {}) as { media?: unknown };
	const list = saved?.media;
	if (!Array.isArray(list)) return [];
	return list.map((entry: { field?: unknown; binaryProperty?: unknown }, n) => {
		const field = typeof entry?.field === 'string' ? entry.field.trim() : '';
		if (!field)
			throw new InputError(
				'Binary Media',
				`entry ${n + 1} names no media field`,
				"Pick the model's media field the file goes in (Model › Get lists them), e.g. first_frame_image.",
			);
		const property =
			typeof entry.binaryProperty === 'string' ? entry.binaryProperty.trim() : DEFAULT_PROPERTY;
		return { field, binaryProperty: property || DEFAULT_PROPERTY };
	});
}

/** The chosen model's fields for the operation; none when the catalogue does not know it. */
const fieldsOf = (media: MediaContext): Record<string, FieldRule> =>
	(media.rules && media.action && media.rules.actions[media.action]?.fields) || {};

const isMedia = (rule: FieldRule | undefined) => rule?.kind === 'url' || rule?.kind === 'urlList';

const DONT_WAIT = {
	problem:
		"cannot be used with Wait Mode › Don't Wait: n8n deletes the files of executions it does not keep, and moves a webhook's upload when the run ends, possibly before QingBo fetches it; nothing was sent",
	fix: 'Pick Poll in This Node or Pause Until Callback (the execution then holds the file until the task is done), or give the media as a public URL in Model Fields.',
};

/** Whether a field takes a list of URLs: as the catalogue says, else by the API's naming. */
function takesList(field: string, rule: FieldRule | undefined): boolean {
	if (rule) return rule.kind === 'urlList';
	return /_urls$|references$/.test(field);
}

/** Refuses entries that name no media field of the model (when its rules are checked). */
function checkFields(entries: BinaryMediaEntry[], media: MediaContext, given: IDataObject): void {
	const fields = fieldsOf(media);
	const mediaFields = Object.keys(fields).filter((field) => isMedia(fields[field]));
	for (const { field } of entries) {
		const rule = fields[field];
		if (media.rules && media.enforce && !isMedia(rule))
			throw new InputError(
				binaryMediaLabel(field),
				`${field} is not a media field of ${media.rules.id} for ${media.action}`,
				`${media.rules.id} takes files in ${mediaFields.length ? listWords(mediaFields) : 'no field'}. ${RULES_AS_OF}`,
			);
		if (takesList(field, rule)) continue;
		const twice =
			entries.filter((entry) => entry.field === field).length > 1 ||
			urlListParts(given[field]).some((part) => typeof part === 'string' && part.trim());
		if (twice)
			throw new InputError(
				binaryMediaLabel(field),
				`${field} takes one file, and it is given more than once (in Binary Media or Model Fields)`,
				`Give ${field} once: one Binary Media entry, or a URL in Model Fields.`,
			);
	}
}

/**
 * Plans the item's Binary Media: a single media field gets its file, a list field the entries'
 * files in entry order, after URLs given in Model Fields. Refuses, before any file is read, entries
 * that name no media field of the model, a single field given twice, and Don't Wait.
 */
export function planBinaryMedia(
	ctx: IExecuteFunctions,
	itemIndex: number,
	request: IDataObject,
	media: MediaContext,
): BinaryMediaPlan | undefined {
	const entries = binaryMediaEntries(ctx, itemIndex);
	if (entries.length === 0) return undefined;
	if (media.waitMode === 'none')
		throw new InputError('Binary Media', DONT_WAIT.problem, DONT_WAIT.fix);
	checkFields(entries, media, request);
	const fields = fieldsOf(media);
	const standIns = entries.map(standInFor);
	const planned: IDataObject = { ...request };
	const sources: Record<string, string> = {};
	entries.forEach(({ field }, n) => {
		sources[field] = binaryMediaLabel(field);
		if (!takesList(field, fields[field])) {
			planned[field] = standIns[n];
			return;
		}
		const given = Array.isArray(planned[field])
			? (planned[field] as unknown[])
			: urlListParts(planned[field] ?? [])
					.map((part) => (typeof part === 'string' ? part.trim() : part))
					.filter((part) => part !== '' && part != null);
		planned[field] = [...given, standIns[n]] as IDataObject[string];
	});
	return { request: planned, sources, entries, standIns, lifetimeS: linkLifetimeS(media.timeoutS) };
}

/**
 * Checks and links the plan's files (nothing is billed while one is refused), and puts each link
 * where its stand-in is in the checked `body`. Answers the body, and its media fields as they
 * identify the request across runs: each file by its content, not by its one-time link.
 */
export async function linkPlannedMedia(
	ctx: IExecuteFunctions,
	itemIndex: number,
	plan: BinaryMediaPlan,
	body: IDataObject,
	apiOrigin: string,
): Promise<{ body: IDataObject; identityFields: IDataObject }> {
	// A file whose stand-in is gone was replaced by a value set elsewhere: never drop it silently.
	const inBody = JSON.stringify(body);
	plan.entries.forEach((entry, n) => {
		if (!inBody.includes(JSON.stringify(plan.standIns[n])))
			throw new InputError(
				binaryMediaLabel(entry.field),
				`${entry.field} is also set by the Source Task ID or Options › Additional Fields, which would replace this file; nothing was sent`,
				`Give ${entry.field} in one place: remove this entry, or the other value.`,
			);
	});
	const linked = await linkBinaryMedia(ctx, itemIndex, plan.entries, plan.lifetimeS, apiOrigin);
	const swap = (value: unknown, to: string[]): unknown => {
		if (Array.isArray(value)) return value.map((part) => swap(part, to));
		const n = plan.standIns.indexOf(value as string);
		return n < 0 ? value : to[n];
	};
	const linkedBody: IDataObject = { ...body };
	const identityFields: IDataObject = {};
	for (const field of new Set(plan.entries.map((entry) => entry.field))) {
		if (!(field in body)) continue;
		linkedBody[field] = swap(body[field], linked.links) as IDataObject[string];
		identityFields[field] = swap(body[field], linked.identities) as IDataObject[string];
	}
	return { body: linkedBody, identityFields };
}
