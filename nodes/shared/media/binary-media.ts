import { createHash } from 'crypto';
import type { IBinaryData, IExecuteFunctions } from 'n8n-workflow';

import { InputError } from '../errors';
import { fileLink, type FileContent } from './file-links';
import { fileOf, kindMismatch, MAX_MEDIA_BYTES, mediaKindOf, SNIFF_BYTES } from './media-kinds';

/**
 * Media fields filled from the item's binary data instead of a URL (version 2's Binary Media). Each
 * file is checked before billing (it exists, it is of the field's kind, it is not too large), then
 * QingBo gets a link to exactly that file (file-links.ts).
 */

/** One entry of Binary Media: the API's media field, and the item's binary property to send in it. */
export interface BinaryMediaEntry {
	field: string;
	binaryProperty: string;
}

/** A link outlives the node's wait by this much: QingBo may fetch just as the wait ends. */
const LINK_MARGIN_S = 600;

export const binaryMediaLabel = (field: string) => `Binary Media › ${field}`;

/** How long a link lives: the node's wait (Options › Timeout), and a margin. */
export function linkLifetimeS(timeoutS: number): number {
	return timeoutS + LINK_MARGIN_S;
}

interface FileFacts {
	head: Buffer;
	bytes: number;
	/** SHA-256 of the content: the file's name in the request's identity across runs. */
	digest: string;
}

/** Reads a file once, streamed: its first bytes, size and digest; stops past `maxBytes`. */
async function factsOf(content: FileContent, maxBytes: number): Promise<FileFacts | undefined> {
	const hash = createHash('sha256');
	const chunks = Buffer.isBuffer(content) ? [content] : (content as AsyncIterable<Buffer>);
	let head = Buffer.alloc(0);
	let bytes = 0;
	for await (const chunk of chunks) {
		const data = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
		if (head.length < SNIFF_BYTES)
			head = Buffer.concat([head, data.subarray(0, SNIFF_BYTES - head.length)]);
		bytes += data.length;
		if (bytes > maxBytes) {
			if (!Buffer.isBuffer(content)) (content as { destroy?: () => void }).destroy?.();
			return undefined;
		}
		hash.update(data);
	}
	return { head, bytes, digest: hash.digest('hex') };
}

/** The binary data an entry names on its item; refused, naming what the item has, when absent. */
function binaryOf(ctx: IExecuteFunctions, itemIndex: number, entry: BinaryMediaEntry): IBinaryData {
	const binaries = ctx.getInputData()[itemIndex]?.binary ?? {};
	const binary = binaries[entry.binaryProperty];
	if (binary) return binary;
	const has = Object.keys(binaries);
	throw new InputError(
		binaryMediaLabel(entry.field),
		`item ${itemIndex} has no binary property "${entry.binaryProperty}"; ${
			has.length ? `it has ${has.map((name) => `"${name}"`).join(', ')}` : 'it has no binary data'
		}`,
		'Name the property that holds the file (the Binary tab of the previous node shows it), or give the media as a URL in Model Fields.',
	);
}

/** One checked file, ready to be linked. */
interface CheckedFile {
	entry: BinaryMediaEntry;
	binary: IBinaryData;
	content: () => Promise<FileContent>;
	digest: string;
}

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 ** 2) * 10) / 10} MB`;

/** Checks an entry's file before billing: present, of the field's kind, not too large. */
async function checkFile(
	ctx: IExecuteFunctions,
	itemIndex: number,
	entry: BinaryMediaEntry,
): Promise<CheckedFile> {
	const binary = binaryOf(ctx, itemIndex, entry);
	const content = async (): Promise<FileContent> =>
		binary.id
			? await ctx.helpers.getBinaryStream(binary.id)
			: Buffer.from(binary.data ?? '', 'base64');
	const kind = mediaKindOf(entry.field);
	const label = binaryMediaLabel(entry.field);
	const named = `"${entry.binaryProperty}"${binary.fileName ? ` (${binary.fileName})` : ''}`;
	const facts = await factsOf(await content(), MAX_MEDIA_BYTES[kind]);
	if (!facts)
		throw new InputError(
			label,
			`${named} is larger than ${megabytes(MAX_MEDIA_BYTES[kind])}, the most the node sends as ${kind}`,
			'Give a smaller file (compress or trim it first).',
		);
	if (facts.bytes === 0)
		throw new InputError(label, `${named} is empty`, 'Give the file itself, not an empty one.');
	const mismatch = kindMismatch(kind, binary.mimeType, facts.head);
	if (mismatch)
		throw new InputError(
			label,
			`${named} does not fit ${entry.field}: ${mismatch}`,
			`Give ${entry.field} ${fileOf(kind)}, or pick the field that takes this file.`,
		);
	return { entry, binary, content, digest: facts.digest };
}

/** The links of an item's Binary Media in entry order, and the same files by content. */
export interface LinkedMedia {
	links: string[];
	/** `n8n-binary:sha256:<digest>` per file: the same request from run to run, whatever its link. */
	identities: string[];
}

/**
 * Checks every file of the item, then links each one. Nothing is linked (nor billed) while one file
 * is refused.
 */
export async function linkBinaryMedia(
	ctx: IExecuteFunctions,
	itemIndex: number,
	entries: BinaryMediaEntry[],
	lifetimeS: number,
	apiOrigin: string,
): Promise<LinkedMedia> {
	const checked: CheckedFile[] = [];
	for (const entry of entries) checked.push(await checkFile(ctx, itemIndex, entry));
	const linked: LinkedMedia = { links: [], identities: [] };
	for (const file of checked) {
		const label = binaryMediaLabel(file.entry.field);
		linked.links.push(await fileLink(ctx, label, file.binary, file.content, lifetimeS, apiOrigin));
		linked.identities.push(`n8n-binary:sha256:${file.digest}`);
	}
	return linked;
}
