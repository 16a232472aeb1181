'use strict';
/**
 * The result "video": an MP4-looking byte stream generated on the fly, so a 1 GB result costs
 * no memory. It starts with a real `ftyp` box and an `mdat` box header that covers the rest of
 * the file; the payload is a fixed filler pattern.
 */
const { Readable } = require('node:stream');

const CHUNK_BYTES = 64 * 1024;
// One shared filler chunk, never written to, so every download reuses it.
const FILLER = Buffer.alloc(CHUNK_BYTES);
for (let i = 0; i < CHUNK_BYTES; i++) FILLER[i] = (i * 31 + 7) & 0xff;

/** ftyp(mp42, compatible mp42/isom) + mdat header sized to the rest of the file. */
function mp4Header(totalBytes) {
	const ftyp = Buffer.from([
		0x00,
		0x00,
		0x00,
		0x18,
		0x66,
		0x74,
		0x79,
		0x70, // size 24, 'ftyp'
		0x6d,
		0x70,
		0x34,
		0x32,
		0x00,
		0x00,
		0x00,
		0x00, // major 'mp42', minor 0
		0x6d,
		0x70,
		0x34,
		0x32,
		0x69,
		0x73,
		0x6f,
		0x6d, // compatible 'mp42' 'isom'
	]);
	const mdat = Buffer.alloc(8);
	const mdatSize = totalBytes - ftyp.length;
	// Size 0 means "runs to the end of the file", the legal form for boxes over 4 GiB.
	mdat.writeUInt32BE(mdatSize > 0xffffffff ? 0 : Math.max(mdatSize, 0), 0);
	mdat.write('mdat', 4, 'latin1');
	return Buffer.concat([ftyp, mdat]).subarray(0, Math.min(32, totalBytes));
}

/**
 * A readable stream of exactly `totalBytes` bytes. `onBytes(n)` is called for each chunk handed
 * to the consumer. read() only runs when the consumer wants more, so backpressure bounds memory.
 */
function mp4Stream(totalBytes, onBytes = () => {}) {
	const header = mp4Header(totalBytes);
	let sent = 0;
	return new Readable({
		highWaterMark: CHUNK_BYTES,
		read() {
			if (sent >= totalBytes) {
				this.push(null);
				return;
			}
			const chunk =
				sent < header.length
					? header.subarray(sent)
					: FILLER.subarray(0, Math.min(CHUNK_BYTES, totalBytes - sent));
			sent += chunk.length;
			onBytes(chunk.length);
			this.push(chunk);
		},
	});
}

module.exports = { mp4Stream, mp4Header, CHUNK_BYTES };
