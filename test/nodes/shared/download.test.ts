import type { IBinaryData } from 'n8n-workflow';

import { TaskFailure } from '../../../nodes/shared/errors';
import { mimeTypeOf, taskOutput } from '../../../nodes/shared/download';
import type { Task } from '../../../nodes/shared/task';
import { QingboClient } from '../../../nodes/shared/transport';
import { executeContext } from '../../helpers/execute-context';
import { FakeApi } from '../../helpers/fake-api';

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
			expect(error.description).toMatch(/Only https result links are downloaded/);
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
