import { createHash } from 'crypto';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { isTerminal, toUnixSeconds, type Task } from '../task/task';

/**
 * The `Idempotency-Key` of a submit. QingBo answers a repeat of a key (within 24 h, per API key)
 * with the task it first created, unbilled.
 * - Without Options › Idempotency Key: one key per execution, node, run, item and request, so our
 *   own retries and n8n's Retry On Fail get the original task back.
 * - With it: one key per workflow, node, the user's key and request, whatever the execution, so
 *   running a failed batch again gets back the tasks that already exist instead of paying twice.
 */

/** Options › Idempotency Key as given for an item: text, or nothing (empty means "as before"). */
export function userIdempotencyKey(value: unknown): string | undefined {
	if (value === undefined || value === null) return undefined;
	const text = (typeof value === 'string' ? value : JSON.stringify(value)).trim();
	return text === '' ? undefined : text;
}

/** JSON with object keys sorted, so the same request always hashes the same. */
function canonicalJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	if (value && typeof value === 'object') {
		const entries = Object.entries(value as IDataObject)
			.filter(([, v]) => v !== undefined)
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
	}
	return JSON.stringify(value) ?? 'null';
}

const digest = (parts: unknown[]) =>
	createHash('sha256').update(canonicalJson(parts)).digest('hex').slice(0, 40);

/**
 * The key for one item's request. `request` is the body as it identifies the task: the caller
 * leaves out what changes from run to run for the same request (a parked execution's resume URL).
 */
export function idempotencyKeyFor(
	ctx: IExecuteFunctions,
	itemIndex: number,
	request: IDataObject,
	userKey: string | undefined,
): string {
	if (userKey === undefined) {
		const runIndex = ctx.getWorkflowDataProxy(itemIndex).$thisRunIndex ?? 0;
		// Kept exactly as before the option existed: a saved workflow's retries keep their keys.
		const seed = JSON.stringify([
			ctx.getExecutionId(),
			ctx.getNode().id,
			runIndex,
			itemIndex,
			request,
		]);
		return `n8n-${createHash('sha256').update(seed).digest('hex').slice(0, 40)}`;
	}
	// The request is in the hash: the same user key with another prompt or field is another task,
	// and never reaches QingBo under a key it already holds for a different request.
	const workflowId = String(ctx.getWorkflow().id ?? '');
	return `n8n-k-${digest(['user-key', workflowId, ctx.getNode().id, userKey, request])}`;
}

/** What the submit call saw of its own timing and of the server's clock. */
export interface SubmitTiming {
	/** Local time the request was sent. */
	sentAtMs: number;
	/** Local time the answer came. */
	answeredAtMs: number;
	/** The answer's `Date` header, when it had one: the server's clock, like `created_at`. */
	serverDateMs?: number;
}

/**
 * A task created during the call has `created_at` after the moment the call reached the server,
 * less one second when QingBo counts whole seconds (as its `Date` header does).
 */
const SERVER_CLOCK_SLACK_MS = 1_000;
/** Without the server's clock, ours may be off from QingBo's: only an older task counts as earlier. */
const LOCAL_CLOCK_SLACK_MS = 60_000;

/**
 * Whether a submit answer is a task created before this call: QingBo gave back the task an earlier
 * run created under the same key. A finished task always is. Otherwise its `created_at` must predate
 * the moment the request reached QingBo, read on QingBo's own clock (the answer's `Date` less the
 * call's duration) when it sent one. A repeat within a second or two of the first submit counts as
 * new, which errs on the safe side: Max Spend counts it.
 */
export function createdBeforeThisSubmit(task: Task, timing: SubmitTiming): boolean {
	if (isTerminal(task.status)) return true;
	const createdS = toUnixSeconds(task.created_at);
	if (createdS === undefined) return false;
	const createdMs = createdS * 1000;
	if (timing.serverDateMs !== undefined) {
		const reachedServerMs = timing.serverDateMs - (timing.answeredAtMs - timing.sentAtMs);
		return createdMs <= reachedServerMs - SERVER_CLOCK_SLACK_MS;
	}
	return createdMs < timing.sentAtMs - LOCAL_CLOCK_SLACK_MS;
}
