import type { IBinaryData } from 'n8n-workflow';

import { TaskFailure } from '../../../../nodes/shared/errors';
import { mimeTypeOf, taskOutput, withinLimits } from '../../../../nodes/shared/transport/download';
import { DEFAULT_MAX_DOWNLOAD_BYTES } from '../../../../nodes/shared/option-defaults';
import type { Task } from '../../../../nodes/shared/task/task';
import { QingboClient } from '../../../../nodes/shared/transport/transport';
import { executeContext } from '../../../helpers/execute-context';
import { FakeApi } from '../../../helpers/fake-api';

const CDN_URL = 'https://cdn.test/videos/task_1.mp4';
const API_FILE_URL = 'https://qingbo.test/v1/files/task_1.mp4';
const stored: IBinaryData = { data: '', mimeType: 'video/mp4', fileName: 'task_1.mp4' };

const task = (fields: Partial<Task> = {}): Task => ({
	task_id: 'task_1',
	status: 'completed',
	progress: 100,
	video_url: CDN_URL,
	...fields,
});

/** The node context (credential base URL https://qingbo.test) and a client on it; CDN answers by `cdn`. */
async function setup(cdn?: () => unknown) {
	const api = new FakeApi();
	const ctx = executeContext(api, {});
	ctx.helpers.httpRequest.mockImplementation((async () => {
		const answer = cdn?.();
		if (answer instanceof Error) throw answer;
		return answer;
	}) as never);
	ctx.helpers.prepareBinaryData.mockResolvedValue(stored);
	const client = await QingboClient.create(ctx);
	return { api, ctx, client };
}

const stream = () => ({ resume: jest.fn() });

describe('taskOutput', () => {
	it('outputs the task alone when no download is asked for, or the task is not completed', async () => {
		const { api, ctx, client } = await setup();
		await expect(taskOutput(ctx, task(), client, {})).resolves.toEqual({ json: task() });
		await expect(taskOutput(ctx, task(), client, { download: false })).resolves.toEqual({
			json: task(),
		});
		const failed = task({ status: 'failed', video_url: undefined });
		await expect(taskOutput(ctx, failed, client, { download: true })).resolves.toEqual({
			json: failed,
		});
		expect(ctx.helpers.httpRequest).not.toHaveBeenCalled();
		expect(api.calls).toHaveLength(0);
	});

	it('streams the video through prepareBinaryData into the named binary field', async () => {
		const body = stream();
		const { ctx, client } = await setup(() => ({
			statusCode: 200,
			headers: { 'content-type': 'video/webm; codecs=vp9' },
			body,
		}));
		const output = await taskOutput(ctx, task(), client, {
			download: true,
			binaryPropertyName: 'clip',
		});
		expect(output).toEqual({ json: task(), binary: { clip: stored } });
		expect(ctx.helpers.prepareBinaryData).toHaveBeenCalledWith(body, 'task_1.mp4', 'video/webm');
		expect(ctx.helpers.httpRequest).toHaveBeenCalledWith(
			expect.objectContaining({
				url: CDN_URL,
				method: 'GET',
				encoding: 'stream',
				returnFullResponse: true,
			}),
		);
	});

	it('uses the field `data` and type video/mp4 when none is given', async () => {
		const { ctx, client } = await setup(() => ({ statusCode: 200, headers: {}, body: stream() }));
		const output = await taskOutput(ctx, task(), client, {
			download: true,
			binaryPropertyName: '',
		});
		expect(Object.keys(output.binary ?? {})).toEqual(['data']);
		expect(ctx.helpers.prepareBinaryData).toHaveBeenCalledWith(
			expect.anything(),
			'task_1.mp4',
			'video/mp4',
		);
	});

	it('never sends the key to a CDN: a foreign host gets a plain request', async () => {
		const { api, ctx, client } = await setup(() => ({ statusCode: 200, body: stream() }));
		await taskOutput(ctx, task(), client, { download: true });
		expect(ctx.helpers.httpRequest).toHaveBeenCalledTimes(1);
		expect(ctx.helpers.httpRequestWithAuthentication).not.toHaveBeenCalled();
		expect(api.calls).toHaveLength(0);
	});

	it('sends the key to a file on the API origin itself', async () => {
		const { api, ctx, client } = await setup();
		api.on('GET', '/v1/files/task_1.mp4', () => ({ statusCode: 200, body: stream() as never }));
		await taskOutput(ctx, task({ video_url: API_FILE_URL }), client, { download: true });
		expect(ctx.helpers.httpRequestWithAuthentication).toHaveBeenCalledWith(
			'qingboApi',
			expect.objectContaining({ url: API_FILE_URL, encoding: 'stream' }),
		);
		expect(ctx.helpers.httpRequest).not.toHaveBeenCalled();
		expect(ctx.helpers.prepareBinaryData).toHaveBeenCalledTimes(1);
	});

	it.each([403, 404, 410])(
		'explains HTTP %i as an expired link, naming the task, and drains the answer',
		async (statusCode) => {
			const body = stream();
			const { ctx, client } = await setup(() => ({ statusCode, headers: {}, body }));
			const error = await taskOutput(ctx, task(), client, { download: true }).catch((e) => e);
			expect(error).toBeInstanceOf(TaskFailure);
			expect(error.message).toBe(
				`Task task_1 completed, but its video link has expired or is gone (HTTP ${statusCode})`,
			);
			expect(error.description).toMatch(/limited time/);
			expect(error.task).toMatchObject({ task_id: 'task_1', video_url: CDN_URL });
			expect(body.resume).toHaveBeenCalled();
			expect(ctx.helpers.prepareBinaryData).not.toHaveBeenCalled();
		},
	);

	it.each([400, 500, 503])('reports another HTTP %i as a failed download', async (statusCode) => {
		const { ctx, client } = await setup(() => ({ statusCode, headers: {}, body: stream() }));
		const error = await taskOutput(ctx, task(), client, { download: true }).catch((e) => e);
		expect(error).toBeInstanceOf(TaskFailure);
		expect(error.message).toBe(
			`Task task_1 completed, but its video download failed (HTTP ${statusCode})`,
		);
		expect(error.description).toMatch(/Task › Get/);
		expect(ctx.helpers.prepareBinaryData).not.toHaveBeenCalled();
	});

	it('names the task when a completed task has no video URL, without any request', async () => {
		const { ctx, client } = await setup();
		const error = await taskOutput(ctx, task({ video_url: undefined }), client, {
			download: true,
		}).catch((e) => e);
		expect(error).toBeInstanceOf(TaskFailure);
		expect(error.message).toBe('Task task_1 is completed but has no video URL to download');
		expect(error.description).toMatch(/Turn off Download Video/);
		expect(ctx.helpers.httpRequest).not.toHaveBeenCalled();
	});

	it('names the task and the cause when no answer came', async () => {
		const { ctx, client } = await setup(() => new Error('getaddrinfo ENOTFOUND cdn.test'));
		const error = await taskOutput(ctx, task(), client, { download: true }).catch((e) => e);
		expect(error).toBeInstanceOf(TaskFailure);
		expect(error.message).toBe(
			'Task task_1 completed, but its video could not be downloaded: getaddrinfo ENOTFOUND cdn.test',
		);
		expect(error.task).toMatchObject({ video_url: CDN_URL });
	});

	it.each([
		['video/mp4', 'video/mp4'],
		['video/webm; codecs=vp9', 'video/webm'],
		['Video/QuickTime', 'video/quicktime'],
		['image/png', 'image/png'],
		['text/html; charset=utf-8', 'application/octet-stream'],
		['image/svg+xml', 'application/octet-stream'],
		['application/json', 'application/octet-stream'],
		['application/octet-stream', 'application/octet-stream'],
		['video/', 'application/octet-stream'],
	])('stores a result served as %s with the type %s', async (served, stored) => {
		const { ctx, client } = await setup(() => ({
			statusCode: 200,
			headers: { 'content-type': served },
			body: stream(),
		}));
		await taskOutput(ctx, task(), client, { download: true });
		expect(ctx.helpers.prepareBinaryData).toHaveBeenCalledWith(
			expect.anything(),
			'task_1.mp4',
			stored,
		);
		expect(mimeTypeOf({ headers: { 'content-type': served } })).toBe(stored);
	});

	it.each(['file:///etc/passwd', 'ftp://cdn.test/task_1.mp4', 'http://cdn.test/task_1.mp4'])(
		'refuses to fetch %s, naming the task and what to do, without any request',
		async (url) => {
			const { api, ctx, client } = await setup();
			const error = await taskOutput(ctx, task({ video_url: url }), client, {
				download: true,
			}).catch((e) => e);
			expect(error).toBeInstanceOf(TaskFailure);
			expect(error.message).toMatch(
				/^Task task_1 completed, but its video could not be downloaded: Video URL: the link points to .*, which is not https/,
			);
			expect(error.description).toMatch(/Only https result links on public hosts are downloaded/);
			expect(ctx.helpers.httpRequest).not.toHaveBeenCalled();
			expect(api.calls).toHaveLength(0);
		},
	);

	it('reports a redirect without a usable Location as a failed download', async () => {
		const { ctx, client } = await setup(() => ({ statusCode: 302, headers: {}, body: stream() }));
		const error = await taskOutput(ctx, task(), client, { download: true }).catch((e) => e);
		expect(error.message).toBe('Task task_1 completed, but its video download failed (HTTP 302)');
		expect(ctx.helpers.prepareBinaryData).not.toHaveBeenCalled();
	});
});

/** A stand-in for the stream n8n hands a download: the test pushes chunks, a consumer may listen. */
class FakeStream {
	destroyed: Error | true | undefined;
	received = 0;
	readonly listeners: Record<string, Array<(chunk: { length: number }) => void>> = {};
	pipe() {}
	on(event: string, listener: (chunk: { length: number }) => void) {
		(this.listeners[event] ??= []).push(listener);
		return this;
	}
	emit(event: string | symbol, ...args: unknown[]) {
		for (const listener of this.listeners[String(event)] ?? [])
			listener((args[0] ?? { length: 0 }) as { length: number });
		return true;
	}
	/** What a stream does as its consumer reads: emits the chunk as `data`. */
	push(bytes: number) {
		this.emit('data', { length: bytes });
	}
	destroy(error?: Error) {
		this.destroyed = error ?? true;
		this.emit('close');
	}
}

describe('download limits', () => {
	const stop = (why: string) => new Error(`stopped: ${why}`);

	it('refuses a file whose Content-Length is over the cap before reading it, naming the task', async () => {
		const body = new FakeStream();
		const { ctx, client } = await setup(() => ({
			statusCode: 200,
			headers: { 'content-type': 'video/mp4', 'content-length': String(3 * 1024 ** 3) },
			body,
		}));
		const error = await taskOutput(ctx, task(), client, { download: true }).catch((e) => e);
		expect(error).toBeInstanceOf(TaskFailure);
		expect(error.message).toBe(
			'Task task_1 completed, but its video download stopped: it is 3 GiB, over 2 GiB',
		);
		expect(ctx.helpers.prepareBinaryData).not.toHaveBeenCalled();
		expect(body.destroyed).toBe(true);
		expect(DEFAULT_MAX_DOWNLOAD_BYTES).toBe(2 * 1024 ** 3);
	});

	it('takes the cap from Options › Max Download Size (MB)', async () => {
		const { ctx, client } = await setup(() => ({
			statusCode: 200,
			headers: { 'content-type': 'video/mp4', 'content-length': String(2 * 1024 ** 2) },
			body: new FakeStream(),
		}));
		const error = await taskOutput(ctx, task(), client, { download: true, maxDownloadMb: 1 }).catch(
			(e) => e,
		);
		expect(error.message).toBe(
			'Task task_1 completed, but its video download stopped: it is 2 MiB, over 1 MiB',
		);
		const wrong = await taskOutput(ctx, task(), client, {
			download: true,
			maxDownloadMb: -5,
		}).catch((e) => e);
		expect(wrong.message).toMatch(/^Options › Max Download Size \(MB\): -5 is not usable/);
	});

	it('adds no data listener of its own, and hands a file within the limits to the store whole', () => {
		const body = withinLimits(new FakeStream(), 1000, 10_000, stop);
		expect(body.listeners.data).toBeUndefined(); // the store alone decides when bytes flow
		body.on('data', (chunk) => (body.received += chunk.length)); // the store
		body.push(400);
		body.push(600);
		expect(body.received).toBe(1000);
		expect(body.destroyed).toBeUndefined();
		body.destroy(); // the store is done: the deadline is dropped
	});

	it('ends a stream that goes past the byte cap with the error naming why, before the store gets more', () => {
		const body = withinLimits(new FakeStream(), 1024 * 1024, 10_000, stop);
		body.on('data', (chunk) => (body.received += chunk.length));
		for (let n = 0; n < 4096 && !body.destroyed; n++) body.push(512);
		expect(body.destroyed).toEqual(new Error('stopped: it passed 1 MiB'));
		expect(body.received).toBe(1024 * 1024);
	});

	it('ends a stream that trickles past the deadline', async () => {
		const body = withinLimits(new FakeStream(), 1024, 200, stop);
		body.push(1);
		await new Promise<void>((resolve) => body.on('close', () => resolve()));
		expect(body.destroyed).toEqual(new Error('stopped: it took longer than 0 s'));
	});

	it('names the task when storing the file fails', async () => {
		const { ctx, client } = await setup(() => ({
			statusCode: 200,
			headers: { 'content-type': 'video/mp4' },
			body: new FakeStream(),
		}));
		ctx.helpers.prepareBinaryData.mockRejectedValueOnce(new Error('disk full'));
		const error = await taskOutput(ctx, task(), client, { download: true }).catch((e) => e);
		expect(error).toBeInstanceOf(TaskFailure);
		expect(error.message).toBe(
			'Task task_1 completed, but its video could not be stored: disk full',
		);
	});
});
