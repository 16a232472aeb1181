import type { IBinaryData, IDataObject, IExecuteFunctions, IWebhookFunctions } from 'n8n-workflow';

import { InputError, RedirectRefused, TaskFailure } from '../errors';
import { DEFAULT_MAX_DOWNLOAD_BYTES } from '../option-defaults';
import type { Task } from '../task/task';
import type { QingboClient } from './transport';

/** The longest one download may take, first request to last byte (webhook answers have no Stop). */
export const DOWNLOAD_DEADLINE_MS = 30 * 60_000;

/** A Node stream as n8n's stream-encoded download gives it (no import: community nodes take none). */
interface ByteStream {
	pipe: unknown;
	emit(event: string | symbol, ...args: unknown[]): boolean;
	on(event: 'close', listener: () => void): unknown;
	destroy(error?: Error): unknown;
}

function isStream(body: unknown): body is ByteStream {
	const stream = body as ByteStream | undefined;
	return ['pipe', 'emit', 'on', 'destroy'].every(
		(method) => typeof stream?.[method as keyof ByteStream] === 'function',
	);
}

/**
 * Ends the file's stream with `stop(why)`'s error once more than `maxBytes` came or `ms` passed: a
 * host that streams for ever, or one byte every few minutes, cannot fill the binary store or hold
 * the answer open. The bytes are counted where the stream hands them out (its `data` events, which
 * piping, listening and async iteration all go through), with no listener of ours: a `data`
 * listener would start the flow before n8n's store reads it, or, paused, stop a store that only
 * listens (database and memory modes). Without Node's stream module, which community nodes may
 * not import, this is the one place to watch them.
 */
export function withinLimits<S extends ByteStream>(
	body: S,
	maxBytes: number,
	ms: number,
	stop: (why: string) => Error,
): S {
	let bytes = 0;
	const emit = body.emit;
	body.emit = function (this: S, event: string | symbol, ...args: unknown[]) {
		if (event === 'data') {
			bytes += (args[0] as { length: number }).length;
			if (bytes > maxBytes) {
				body.destroy(stop(`it passed ${formatBytes(maxBytes)}`));
				return false;
			}
		}
		return emit.call(this, event, ...args);
	};
	const took = ms >= 120_000 ? `${Math.round(ms / 60_000)} min` : `${Math.round(ms / 1000)} s`;
	const deadline = AbortSignal.timeout(Math.max(1, ms));
	const late = () => body.destroy(stop(`it took longer than ${took}`));
	deadline.addEventListener('abort', late);
	body.on('close', () => deadline.removeEventListener('abort', late));
	return body;
}

const formatBytes = (bytes: number) =>
	bytes >= 1024 ** 3 ? `${bytes / 1024 ** 3} GiB` : `${Math.round(bytes / 1024 ** 2)} MiB`;

/**
 * Streams a finished task's video into n8n's binary store (filesystem, database or S3 mode), so a
 * large file never sits whole in memory.
 */
async function downloadVideo(
	ctx: IExecuteFunctions | IWebhookFunctions,
	task: Task,
	client: QingboClient,
	maxBytes: number,
): Promise<IBinaryData> {
	const url = task.video_url;
	if (!url) {
		throw new TaskFailure(
			`Task ${task.task_id} is ${task.status} but has no video URL to download`,
			task,
			'Turn off Download Video, or check the task with Task › Get.',
		);
	}
	const startedAt = Date.now();
	const response = await client.download(url, DOWNLOAD_DEADLINE_MS).catch((error: Error) => error);
	if (response instanceof Error) {
		throw new TaskFailure(
			`Task ${task.task_id} completed, but its video could not be downloaded: ${response.message}`,
			task,
			response instanceof InputError
				? response.fix
				: response instanceof RedirectRefused
					? response.description
					: 'The video URL is in the error data; download it before it expires, or run Task › Get with Download Video on.',
		);
	}
	const body = response.body as Parameters<typeof ctx.helpers.prepareBinaryData>[0] & {
		resume?: () => void;
	};
	// A 3xx here is a redirect without a usable Location: no file came either.
	if (response.statusCode >= 300 || response.statusCode < 200) {
		body?.resume?.(); // drain, so the socket is released
		const gone = [403, 404, 410].includes(response.statusCode);
		throw new TaskFailure(
			`Task ${task.task_id} completed, but its video ${gone ? 'link has expired or is gone' : 'download failed'} (HTTP ${response.statusCode})`,
			task,
			gone
				? 'QingBo keeps result links for a limited time (24 h to 7 days). Download promptly; to get a new video, submit the task again.'
				: 'Try again with Task › Get and Download Video on while the link is valid.',
		);
	}
	const stopped = (why: string) =>
		new TaskFailure(
			`Task ${task.task_id} completed, but its video download stopped: ${why}`,
			task,
			'The result host sent more, or more slowly, than a video needs. The video URL is in the error data; check it, or download it yourself.',
		);
	const declared = Number(response.headers?.['content-length']);
	if (Number.isFinite(declared) && declared > maxBytes) {
		if (isStream(body)) body.destroy();
		throw stopped(`it is ${formatBytes(declared)}, over ${formatBytes(maxBytes)}`);
	}
	if (isStream(body))
		withinLimits(body, maxBytes, DOWNLOAD_DEADLINE_MS - (Date.now() - startedAt), stopped);
	const stored = await ctx.helpers
		.prepareBinaryData(body, `${task.task_id}.mp4`, mimeTypeOf(response))
		.catch((error: Error) => error);
	if (!(stored instanceof Error)) return stored;
	if (stored instanceof TaskFailure) throw stored; // a limit above ended the stream
	throw new TaskFailure(
		`Task ${task.task_id} completed, but its video could not be stored: ${stored.message}`,
		task,
		'The video URL is in the error data; download it before it expires, or run Task › Get with Download Video on.',
	);
}

/**
 * The result host's content type only when it is a video or an image (not SVG, which can carry
 * script): anything else is stored as opaque bytes, so a host cannot make n8n serve its HTML.
 */
export function mimeTypeOf(response: { headers?: IDataObject }): string {
	const header = response.headers?.['content-type'];
	if (header === undefined || header === '') return 'video/mp4';
	const type = String(header).split(';')[0].trim().toLowerCase();
	return /^(video|image)\/[a-z0-9][a-z0-9.+-]*$/.test(type) && type !== 'image/svg+xml'
		? type
		: 'application/octet-stream';
}

export interface OutputOptions {
	download?: boolean;
	binaryPropertyName?: string;
	/** Options › Max Download Size (MB); empty: DEFAULT_MAX_DOWNLOAD_BYTES. */
	maxDownloadMb?: number;
}

/** The byte cap Options › Max Download Size (MB) asks, refused when it is not a positive number. */
function maxBytesOf(options: OutputOptions): number {
	const mb = options.maxDownloadMb as unknown;
	if (mb === undefined || mb === null || mb === '') return DEFAULT_MAX_DOWNLOAD_BYTES;
	const n = typeof mb === 'string' ? Number(mb.trim()) : mb;
	if (typeof n !== 'number' || !Number.isFinite(n) || n <= 0)
		throw new InputError(
			'Options › Max Download Size (MB)',
			`${JSON.stringify(mb)} is not usable`,
			'Give a positive number of megabytes, or leave it empty for 2048 (2 GiB).',
		);
	return Math.round(n * 1024 ** 2);
}

/** The output of any operation that returns a task: its JSON, plus the video when asked for. */
export async function taskOutput(
	ctx: IExecuteFunctions | IWebhookFunctions,
	task: Task,
	client: QingboClient,
	options: OutputOptions,
): Promise<{ json: Task; binary?: Record<string, IBinaryData> }> {
	if (!options.download || task.status !== 'completed') return { json: task };
	const binary = await downloadVideo(ctx, task, client, maxBytesOf(options));
	return { json: task, binary: { [options.binaryPropertyName || 'data']: binary } };
}
