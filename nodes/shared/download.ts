import type { IBinaryData, IExecuteFunctions, IWebhookFunctions } from 'n8n-workflow';

import { TaskFailure } from './errors';
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
			'The video URL is in the error data; download it before it expires, or run Task › Get with Download Video on.',
		);
	}
	const body = response.body as Parameters<typeof ctx.helpers.prepareBinaryData>[0] & {
		resume?: () => void;
	};
	if (response.statusCode >= 400) {
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
	const contentType = String(response.headers?.['content-type'] ?? 'video/mp4').split(';')[0];
	return await ctx.helpers.prepareBinaryData(body, `${task.task_id}.mp4`, contentType);
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
