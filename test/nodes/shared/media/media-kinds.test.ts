import {
	kindMismatch,
	kindOfMimeType,
	mediaKindOf,
	sniffKind,
} from '../../../../nodes/shared/media/media-kinds';

const bytes = (...parts: Array<string | number[]>) =>
	Buffer.concat(
		parts.map((part) =>
			typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part),
		),
	);
const isoMedia = (brand: string) => bytes([0, 0, 0, 0x18], 'ftyp', brand, [0, 0, 0, 0]);

describe('media kinds', () => {
	it("reads a field's kind from the API's naming", () => {
		expect(
			[
				'first_frame_image',
				'last_frame_image',
				'image_urls',
				'img_references',
				'end_frame_image',
			].map(mediaKindOf),
		).toEqual(['image', 'image', 'image', 'image', 'image']);
		expect(['video_urls', 'audio_urls', 'audio_url', 'file_url'].map(mediaKindOf)).toEqual([
			'video',
			'audio',
			'audio',
			'document',
		]);
	});

	it("reads a MIME type's kind, parameters and case aside", () => {
		expect(kindOfMimeType('Image/PNG; charset=binary')).toBe('image');
		expect(kindOfMimeType('video/quicktime')).toBe('video');
		expect(kindOfMimeType('audio/mpeg')).toBe('audio');
		expect(kindOfMimeType('text/plain')).toBeUndefined();
		expect(kindOfMimeType(undefined)).toBeUndefined();
	});

	it('tells the formats QingBo takes apart by their first bytes', () => {
		const cases: Array<[Buffer, string | undefined]> = [
			[bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]), 'image'],
			[bytes([0xff, 0xd8, 0xff, 0xe0]), 'image'],
			[bytes('GIF89a'), 'image'],
			[bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '), 'image'],
			[isoMedia('heic'), 'image'],
			[isoMedia('avif'), 'image'],
			[isoMedia('mp42'), 'video'],
			[isoMedia('qt  '), 'video'],
			[isoMedia('M4A '), 'audio'],
			[bytes([0x1a, 0x45, 0xdf, 0xa3]), 'video'],
			[bytes('RIFF', [0, 0, 0, 0], 'AVI LIST'), 'video'],
			[bytes('RIFF', [0, 0, 0, 0], 'WAVEfmt '), 'audio'],
			[bytes('ID3', [4, 0]), 'audio'],
			[bytes([0xff, 0xfb, 0x90]), 'audio'],
			[bytes('OggS'), 'audio'],
			[bytes('plain words'), undefined],
			[bytes('%PDF-1.7'), undefined],
		];
		for (const [head, kind] of cases)
			expect([head.toString('hex'), sniffKind(head)]).toEqual([head.toString('hex'), kind]);
	});

	it('says why a file does not fit a field, and nothing when it does', () => {
		const png = bytes([0x89, 0x50, 0x4e, 0x47]);
		expect(kindMismatch('image', 'image/png', png)).toBeUndefined();
		expect(kindMismatch('image', 'text/plain', png)).toBe(
			'its type is text/plain, not an image file',
		);
		expect(kindMismatch('video', 'video/mp4', png)).toBe(
			'it is typed video/mp4 but its content is an image',
		);
		expect(kindMismatch('image', 'image/png', bytes('hello'))).toContain(
			'its content is no image format',
		);
		// Video and audio of a format the node does not know are let through: the MIME type decides.
		expect(kindMismatch('video', 'video/x-unknown', bytes('????'))).toBeUndefined();
		// A document field (Wan's file_url) takes any file.
		expect(kindMismatch('document', 'application/pdf', bytes('%PDF'))).toBeUndefined();
		expect(kindMismatch('audio', undefined, bytes('ID3'))).toBe(
			'its type is not given, not an audio file',
		);
	});
});
