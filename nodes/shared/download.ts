import type {
	IBinaryData,
	IExecuteFunctions,
	IN8nHttpFullResponse,
	IWebhookFunctions,
} from 'n8n-workflow';

import { TaskFailure } from './errors';
import type { Task } from './task';
import { CREDENTIAL_TYPE } from './transport';

const DOWNLOAD_TIMEOUT_MS = 30 * 60_000;

/**
 * Streams a finished task's video into n8n's binary store (filesystem, database or S3 mode), so a
 * large file never sits whole in memory. The API key is sent only to the API's own origin, never to
 * a CDN link.
 */
export async function downloadVideo(
	ctx: IExecuteFunctions | IWebhookFunctions,
	task: Task,
	apiOrigin: string,
): Promise<IBinaryData> {
	const url = task.video_url;
	if (!url) {
		throw new TaskFailure(
			`Task ${task.task_id} is ${task.status} but has no video URL to download`,
			task,
			'Turn off Options › Download, or check the task with Task › Get.',
		);
	}
	const sameOrigin = new URL(url).origin === new URL(apiOrigin).origin;
	const request = {
		url,
		method: 'GET' as const,
		encoding: 'stream' as const,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: DOWNLOAD_TIMEOUT_MS,
		abortSignal: 'getExecutionCancelSignal' in ctx ? ctx.getExecutionCancelSignal() : undefined,
	};
	const send = sameOrigin
		? ctx.helpers.httpRequestWithAuthentication.call(ctx, CREDENTIAL_TYPE, request)
		: ctx.helpers.httpRequest(request);
	const response = (await send.catch((error: Error) => error)) as IN8nHttpFullResponse | Error;
	if (response instanceof Error) {
		throw new TaskFailure(
			`Task ${task.task_id} completed, but its video could not be downloaded: ${response.message}`,
			task,
			'The video URL is in the error data; download it before it expires, or run Task › Get with Download on.',
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
				: 'Try again with Task › Get and Download on while the link is valid.',
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
	apiOrigin: string,
	options: OutputOptions,
): Promise<{ json: Task; binary?: Record<string, IBinaryData> }> {
	if (!options.download || task.status !== 'completed') return { json: task };
	const binary = await downloadVideo(ctx, task, apiOrigin);
	return { json: task, binary: { [options.binaryPropertyName || 'data']: binary } };
}
