/**
 * What kind of file a media field takes, and what kind a file is: from its MIME type and, cheaply,
 * its first bytes. Used to refuse, before billing, a file QingBo would fail on (a text file given as
 * a first frame, a photo given as the source video).
 */

export type MediaKind = 'image' | 'video' | 'audio' | 'document';

/**
 * The kind a media field of the catalogue takes, from the API's field name: `video_urls` a video,
 * `audio_url(s)` audio, Wan's `file_url` a document; every other media field (frames, `image_urls`,
 * `img_references`) an image.
 */
export function mediaKindOf(field: string): MediaKind {
	if (/video/i.test(field)) return 'video';
	if (/audio/i.test(field)) return 'audio';
	if (field === 'file_url') return 'document';
	return 'image';
}

const MB = 1024 ** 2;

/**
 * The largest file sent per kind. QingBo's model docs give no sizes (docs/models/), so these are the
 * package's own caps, generous for what the models take (a 4K frame, a minute of 4K source video).
 */
export const MAX_MEDIA_BYTES: Record<MediaKind, number> = {
	image: 30 * MB,
	video: 500 * MB,
	audio: 100 * MB,
	document: 50 * MB,
};

/** The kind a MIME type says, when it says one of the three media kinds. */
export function kindOfMimeType(mimeType: string | undefined): MediaKind | undefined {
	const type = (mimeType ?? '').toLowerCase().split(';')[0].trim();
	if (type.startsWith('image/')) return 'image';
	if (type.startsWith('video/')) return 'video';
	if (type.startsWith('audio/')) return 'audio';
	return undefined;
}

const ascii = (head: Uint8Array, at: number, text: string) =>
	Buffer.from(head.subarray(at, at + text.length)).toString('latin1') === text;
const startsWith = (head: Uint8Array, bytes: number[]) => bytes.every((b, i) => head[i] === b);

/** ISO media (`ftyp` box) brands that are still images; every other brand is a video or audio file. */
const IMAGE_BRANDS = ['heic', 'heix', 'hevc', 'heim', 'heis', 'mif1', 'msf1', 'avif', 'avis'];
const AUDIO_BRANDS = ['M4A ', 'M4B ', 'M4P ', 'F4A '];

/** The bytes needed to tell the formats below apart. */
export const SNIFF_BYTES = 32;

/**
 * The kind a file's first bytes show, for the formats QingBo's models take; `undefined` when they
 * show none of them (the MIME type then decides, except for images: see `checkedKind`).
 */
export function sniffKind(head: Uint8Array): MediaKind | undefined {
	if (startsWith(head, [0x89, 0x50, 0x4e, 0x47])) return 'image'; // PNG
	if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image'; // JPEG
	if (ascii(head, 0, 'GIF8') || ascii(head, 0, 'BM')) return 'image';
	if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a]))
		return 'image'; // TIFF
	if (ascii(head, 0, 'RIFF')) {
		if (ascii(head, 8, 'WEBP')) return 'image';
		if (ascii(head, 8, 'WAVE')) return 'audio';
		if (ascii(head, 8, 'AVI ')) return 'video';
	}
	if (ascii(head, 4, 'ftyp')) {
		const brand = Buffer.from(head.subarray(8, 12)).toString('latin1');
		if (IMAGE_BRANDS.includes(brand)) return 'image';
		return AUDIO_BRANDS.includes(brand) ? 'audio' : 'video';
	}
	if (startsWith(head, [0x1a, 0x45, 0xdf, 0xa3])) return 'video'; // Matroska / WebM
	if (ascii(head, 0, 'ID3') || ascii(head, 0, 'OggS') || ascii(head, 0, 'fLaC')) return 'audio';
	if (head[0] === 0xff && head.length > 1 && (head[1] & 0xe0) === 0xe0) return 'audio'; // MPEG / AAC frames
	return undefined;
}

/**
 * Why a file does not fit a field of `kind`, or `undefined` when it fits: its MIME type must say that
 * kind (a document field takes any file), and its first bytes must not show another kind. An image
 * must also show an image format: its first bytes are cheap to read and decide it.
 */
export function kindMismatch(
	kind: MediaKind,
	mimeType: string | undefined,
	head: Uint8Array,
): string | undefined {
	if (kind === 'document') return undefined;
	const said = kindOfMimeType(mimeType);
	if (said !== kind) return `its type is ${mimeType || 'not given'}, not ${fileOf(kind)}`;
	const shown = sniffKind(head);
	if (shown && shown !== kind)
		return `it is typed ${mimeType} but its content is ${article(shown)}`;
	if (kind === 'image' && !shown)
		return `it is typed ${mimeType} but its content is no image format QingBo takes (PNG, JPEG, WebP, GIF, BMP, TIFF, HEIC, AVIF)`;
	return undefined;
}

/** "an image file", "a video file", "an audio file", "a document file": how errors name a kind. */
export function fileOf(kind: MediaKind): string {
	return `${kind === 'image' || kind === 'audio' ? 'an' : 'a'} ${kind} file`;
}

function article(kind: MediaKind): string {
	return kind === 'image' ? 'an image' : kind === 'audio' ? 'audio' : `a ${kind}`;
}
