import type { IBinaryData, IDataObject, IExecuteFunctions, IWebhookFunctions } from 'n8n-workflow';

import { InputError, RedirectRefused, TaskFailure } from './errors';
import type { Task } from './task';
import type { QingboClient } from './transport';

/**
 * Streams a finished task's video into n8n's binary store (filesystem, database or S3 mode), so a
 * large file never sits whole in memory.
 */
async function downloadVideo(
	ctx: IExecuteFunctions | IWebhookFunctions,
	task: Task,
	client: QingboClient,
): Promise<IBinaryData> {
	const url = task.video_url;
	if (!url) {
		throw new TaskFailure(
			`Task ${task.task_id} is ${task.status} but has no video URL to download`,
			task,
			'Turn off Download Video, or check the task with Task › Get.',
		);
	}
	const response = await client.download(url).catch((error: Error) => error);
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
	return await ctx.helpers.prepareBinaryData(body, `${task.task_id}.mp4`, mimeTypeOf(response));
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
}

/** The output of any operation that returns a task: its JSON, plus the video when asked for. */
export async function taskOutput(
	ctx: IExecuteFunctions | IWebhookFunctions,
	task: Task,
	client: QingboClient,
	options: OutputOptions,
): Promise<{ json: Task; binary?: Record<string, IBinaryData> }> {
	if (!options.download || task.status !== 'completed') return { json: task };
	const binary = await downloadVideo(ctx, task, client);
	return { json: task, binary: { [options.binaryPropertyName || 'data']: binary } };
}
