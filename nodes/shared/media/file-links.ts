import type { IBinaryData, IExecuteFunctions } from 'n8n-workflow';

import { InputError } from '../errors';
import { isInternalHost } from '../transport/url-policy';

/**
 * The one place where a file of the item becomes a URL QingBo can fetch. Today: n8n's signed link to
 * one stored binary file (`helpers.createBinarySignedUrl`, n8n 1.90+), served without a login at
 * `<WEBHOOK_URL>/rest/binary-data/signed?token=…`; the token signs only the file's ID and expires.
 * n8n says a future engine may not offer it: another way (a relay through our webhook) goes here.
 */

/** A file's bytes: held (memory mode) or streamed from n8n's store. */
export type FileContent =
	| Buffer
	| Awaited<ReturnType<IExecuteFunctions['helpers']['getBinaryStream']>>;

/** A stored copy of a binary under this execution, when n8n stores files (not in memory). */
async function storedInThisExecution(
	ctx: IExecuteFunctions,
	binary: IBinaryData,
	content: () => Promise<FileContent>,
): Promise<IBinaryData> {
	// A production webhook's own upload is stored under a "temp" execution and moved when the run
	// ends (or parks), which would break a link QingBo has not fetched yet: sign a copy instead.
	if (binary.id && !binary.id.includes('/temp/')) return binary;
	return await ctx.helpers.prepareBinaryData(await content(), binary.fileName, binary.mimeType);
}

/** n8n's signed link, or the reason it could not make one. */
function signedLink(
	ctx: IExecuteFunctions,
	stored: IBinaryData,
	expiresIn: string,
): string | Error {
	try {
		return ctx.helpers.createBinarySignedUrl(stored, expiresIn);
	} catch (error) {
		return error instanceof Error ? error : new Error(String(error));
	}
}

const MEMORY_MODE = {
	problem:
		'this n8n keeps binary data in memory, where a file has no link QingBo could fetch; nothing was sent',
	fix: 'Set N8N_DEFAULT_BINARY_DATA_MODE=filesystem (the default from n8n 2.0) and restart n8n, or give the media as a public URL in Model Fields.',
};

/**
 * A link to `binary` that QingBo can fetch for `lifetimeS` seconds, and nothing more: it serves that
 * one file and carries no key of ours (its token holds n8n's file ID only). Refused before billing when n8n
 * keeps files in memory, or when n8n's public address is one QingBo cannot reach.
 */
export async function fileLink(
	ctx: IExecuteFunctions,
	field: string,
	binary: IBinaryData,
	content: () => Promise<FileContent>,
	lifetimeS: number,
	apiOrigin: string,
): Promise<string> {
	if (typeof ctx.helpers.createBinarySignedUrl !== 'function')
		throw new InputError(
			field,
			'this n8n cannot link to a binary file (it needs n8n 1.90 or later); nothing was sent',
			'Update n8n, or give the media as a public URL in Model Fields.',
		);
	const stored = await storedInThisExecution(ctx, binary, content);
	if (!stored.id) throw new InputError(field, MEMORY_MODE.problem, MEMORY_MODE.fix);
	// An integer of seconds: a bare numeric string would be read as milliseconds.
	const link = signedLink(ctx, stored, `${Math.ceil(lifetimeS)}s`);
	if (link instanceof Error) {
		const memory = /memory mode/i.test(link.message);
		throw new InputError(
			field,
			memory
				? MEMORY_MODE.problem
				: `n8n could not make a link to the file (${link.message}); nothing was sent`,
			memory
				? MEMORY_MODE.fix
				: 'Check that n8n stores binary data (N8N_DEFAULT_BINARY_DATA_MODE), or give the media as a public URL in Model Fields.',
		);
	}
	const reached = new URL(link);
	if (isInternalHost(reached.hostname) && !isInternalHost(new URL(apiOrigin).hostname))
		throw new InputError(
			field,
			`n8n's public address is ${reached.origin}, on this machine or a private network, which QingBo cannot reach to fetch the file; nothing was sent`,
			'Set WEBHOOK_URL to the address where the internet reaches this n8n and restart it, or give the media as a public URL in Model Fields.',
		);
	return link;
}
