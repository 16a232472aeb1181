import type { IDataObject } from 'n8n-workflow';

import { TaskFailure } from '../errors';
import { isTaskId } from '../transport/url-policy';
import { quotaToUsd } from '../spend/money';

const TERMINAL_STATUSES = ['completed', 'failed', 'cancelled'] as const;

/** A task as every operation outputs it: the API's fields plus the derived ones the contract promises. */
export interface Task extends IDataObject {
	task_id: string;
	status: string;
	progress: number;
	video_url?: string;
	video_urls?: string[];
	expires_at?: number;
	/** Set only under Options › Idempotency Key: true when QingBo gave back a task an earlier run created. */
	reused?: boolean;
}

export function isTerminal(status: string | undefined): boolean {
	return TERMINAL_STATUSES.includes(status as (typeof TERMINAL_STATUSES)[number]);
}

/** Spellings seen across the doc versions (e.g. `succeeded` in webhook docs) mapped to the five statuses. */
const STATUS_ALIASES: Record<string, string> = {
	succeeded: 'completed',
	success: 'completed',
	done: 'completed',
	error: 'failed',
	canceled: 'cancelled',
	pending: 'queued',
	submitted: 'queued',
	running: 'processing',
	in_progress: 'processing',
};

function canonicalStatus(value: unknown): string {
	const status = String(value ?? '')
		.trim()
		.toLowerCase();
	return STATUS_ALIASES[status] ?? status;
}

/** Unix seconds from seconds or milliseconds (the docs use both; a value above 1e12 is ms). */
export function toUnixSeconds(value: unknown): number | undefined {
	const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof n !== 'number' || !Number.isFinite(n) || n <= 0) return undefined;
	return n > 1e12 ? Math.floor(n / 1000) : n;
}

/** Progress as a number 0-100 from an integer, "45%", "" or nothing. */
export function toProgress(value: unknown, status: string): number {
	if (status === 'completed') return 100;
	const n =
		typeof value === 'number' ? value : typeof value === 'string' ? parseFloat(value) : Number.NaN;
	if (!Number.isFinite(n)) return 0;
	return Math.min(100, Math.max(0, n));
}

function asStrings(value: unknown): string[] {
	if (typeof value === 'string') return value.trim() ? [value.trim()] : [];
	if (Array.isArray(value)) return value.flatMap(asStrings);
	return [];
}

function resultVideos(raw: IDataObject): IDataObject[] {
	const result = raw.result as IDataObject | undefined;
	const videos = result?.videos;
	if (!Array.isArray(videos)) return [];
	return videos.map((video) =>
		typeof video === 'string' ? { url: video } : (video as IDataObject),
	);
}

/**
 * Turns any documented variant of a task response into the contract's output shape. Every field
 * the API returned is kept; `progress` becomes a number and the video links are lifted to the top.
 */
export function normaliseTask(response: IDataObject): Task {
	// Some gateways wrap the task in `data`; the documented shape is flat.
	const wrapped = response.data as IDataObject | undefined;
	const raw =
		response.status === undefined &&
		wrapped &&
		typeof wrapped === 'object' &&
		!Array.isArray(wrapped)
			? { ...wrapped, task_id: wrapped.task_id ?? wrapped.id ?? response.task_id }
			: response;
	const taskId = String(raw.task_id ?? raw.id ?? '');
	const status = canonicalStatus(raw.status);
	const videos = resultVideos(raw);
	const urls = [
		...videos.flatMap((video) => asStrings(video.url ?? video.urls)),
		...asStrings((raw.result as IDataObject | undefined)?.video_url),
		...asStrings(raw.video_url),
	];
	const videoUrls = [...new Set(urls)];
	const expiresAt =
		videos.map((video) => toUnixSeconds(video.expires_at)).find((v) => v !== undefined) ??
		toUnixSeconds(raw.expires_at);

	const task: Task = {
		...raw,
		task_id: taskId,
		status,
		progress: toProgress(raw.progress, status),
	};
	if (raw.status !== undefined && raw.status !== status) task.api_status = raw.status;
	if (videoUrls.length > 0) {
		task.video_url = videoUrls[0];
		task.video_urls = videoUrls;
	}
	if (expiresAt !== undefined) task.expires_at = expiresAt;
	// The API counts integer quota; the USD figures sit beside the raw ones, which stay as sent.
	const reservedUsd = quotaToUsd(raw.pre_consumed_cost);
	if (reservedUsd !== undefined) task.pre_consumed_cost_usd = reservedUsd;
	const costUsd = quotaToUsd(raw.cost);
	if (costUsd !== undefined) task.cost_usd = costUsd;
	return task;
}

/**
 * What only the submit said of a task, kept on later reads of it (from what was `known`: the submit,
 * or a parked row): the reservation, which status answers may not repeat, and whether the task was
 * given back for Options › Idempotency Key (`reused`), so every row shows both.
 */
export function keepSubmitFacts(task: Task, known: IDataObject | undefined): Task {
	const kept: Task = { ...task };
	if (task.pre_consumed_cost === undefined && known?.pre_consumed_cost !== undefined) {
		kept.pre_consumed_cost = known.pre_consumed_cost;
		kept.pre_consumed_cost_usd = quotaToUsd(known.pre_consumed_cost);
	}
	if (typeof known?.reused === 'boolean') kept.reused = known.reused;
	return kept.pre_consumed_cost === task.pre_consumed_cost && kept.reused === task.reused
		? task
		: kept;
}

/** The task object inside a callback body: the body itself, or under `data` / `task`. */
function callbackTask(body: unknown): IDataObject | undefined {
	if (!body || typeof body !== 'object') return undefined;
	const candidates = [body, (body as IDataObject).data, (body as IDataObject).task];
	return candidates.find(
		(candidate): candidate is IDataObject =>
			!!candidate &&
			typeof candidate === 'object' &&
			!Array.isArray(candidate) &&
			isTaskId((candidate as IDataObject).task_id ?? (candidate as IDataObject).id),
	) as IDataObject | undefined;
}

/** The task ID a callback body names, if it names one of a sane shape. */
export function taskIdFromCallback(body: unknown): string | undefined {
	const task = callbackTask(body);
	return task ? ((task.task_id ?? task.id) as string) : undefined;
}

/** The status a callback body claims (never trusted: a hint of whether to read the task now). */
export function statusClaimedByCallback(body: unknown): string | undefined {
	const status = callbackTask(body)?.status;
	return status === undefined ? undefined : canonicalStatus(status);
}

/** A terminal task that did not complete, as the error its row or the node shows; undefined when completed. */
export function failureOf(task: Task): TaskFailure | undefined {
	if (task.status === 'completed') return undefined;
	// QingBo gives the same ended task back for the same key and request: say how to get a new one.
	const again =
		task.reused === true
			? ' It came back from an earlier run for the same Options › Idempotency Key and request: to try again, change the prompt, a field or the key.'
			: '';
	const apiError = (task.error ?? {}) as { message?: string; code?: string };
	if (task.status === 'cancelled') {
		return new TaskFailure(
			`Task ${task.task_id} was cancelled`,
			task,
			`The task was cancelled before it finished; submit it again if you still need the video.${again}`,
		);
	}
	const reason = apiError.message ? `: ${apiError.message}` : '';
	const code = apiError.code ? ` (${apiError.code})` : '';
	return new TaskFailure(
		`Task ${task.task_id} failed${reason}${code}`,
		task,
		`QingBo could not render this task. Check the prompt and inputs against the model's rules, then submit again.${again}`,
	);
}
