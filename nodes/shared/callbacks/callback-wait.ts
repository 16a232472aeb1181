import { sleep } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	IWebhookDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { ledgerOf, type BatchLedger } from './callback-ledger';
import {
	CALLBACK_TOKEN_PARAM,
	callbackToken,
	sameSecret,
	withCallbackToken,
} from './callback-token';
import {
	ANSWER_WITH_WEBHOOK_RESPONSE,
	callbackReader,
	callbackTaskId,
	readForCallback,
	reply,
} from './callback-request';
import { IN_FLIGHT, mapWithConcurrency } from '../transport/concurrency';
import { taskOutput, type OutputOptions } from '../transport/download';
import { failed, toRows, type ItemResult } from '../task/results';
import {
	failureOf,
	isTerminal,
	keepSubmitFacts,
	statusClaimedByCallback,
	type Task,
} from '../task/task';
import { QingboClient } from '../transport/transport';

/**
 * Pause Until Callback, for a whole batch: park the execution once, resume it once.
 * - Park (`parkBatch`, from the submit flow): every task carries the execution's one resume URL;
 *   the node's input becomes the batch's rows, one per item: each task flagged as timed out, each
 *   refused item with its reason. n8n resumes at Timeout with exactly that input, and the resume
 *   webhook reads the batch from it (the execution's own stored data: it survives restarts and the
 *   hand-off to another worker).
 * - Resume (`resumeFromCallback`): each callback reads its own task and is answered; tasks whose
 *   callback was lost are looked for when that can learn something (callback-ledger.ts), by this
 *   handler or, later, by the one of the batch's latest callback; once every task is terminal the
 *   execution resumes with one row per item in item order.
 */

/** Its own module: n8n's lint takes an inline `webhooks` array in a regular node for a trigger's. */
export const resumeWebhooks: IWebhookDescription[] = [
	{
		name: 'default',
		httpMethod: 'POST',
		responseMode: 'onReceived',
		responseData: ANSWER_WITH_WEBHOOK_RESPONSE,
		path: '',
		restartWebhook: true,
		isFullPath: true,
	},
];

/** A parked task's row: what n8n outputs for it when the batch is not complete at Timeout. */
export function parkedRow(task: Task, timeoutMs: number, batchSize = 1): IDataObject {
	const seconds = Math.round(timeoutMs / 1000);
	return {
		...task,
		timed_out: true,
		error:
			batchSize === 1
				? `No callback for task ${task.task_id} within ${seconds} s; it was ${task.status} when last seen and keeps running upstream`
				: `The batch of ${batchSize} tasks was not confirmed finished within ${seconds} s; task ${task.task_id} was ${task.status} when submitted and keeps running upstream`,
		errorDescription:
			'Pick it up with Task › Wait or Task › Get using this task ID. Check that QingBo can reach this n8n (WEBHOOK_URL), or use Poll in This Node.',
	};
}

/** The node's key to this execution's resume URL (callback-token.ts), from the credential's API key. */
async function tokenOf(ctx: IExecuteFunctions | IWebhookFunctions): Promise<string> {
	const { apiKey } = await ctx.getCredentials<{ apiKey?: string }>('qingboApi');
	return callbackToken(String(apiKey ?? ''), ctx.getExecutionId(), ctx.getNode().id);
}

/**
 * Where QingBo is to call back a parked batch: the execution's resume URL (its `signature` intact)
 * with the node's token, which the resume webhook asks before it does anything.
 */
export async function parkedCallbackUrl(
	ctx: IExecuteFunctions,
): Promise<{ resumeUrl: string; callbackUrl: string }> {
	const resumeUrl = String(ctx.evaluateExpression('{{ $execution.resumeUrl }}', 0));
	return { resumeUrl, callbackUrl: withCallbackToken(resumeUrl, await tokenOf(ctx)) };
}

function isParkedTask(row: IDataObject | undefined): row is Task {
	return row?.timed_out === true && typeof row.task_id === 'string' && row.task_id !== '';
}

/**
 * Parks the execution until every submitted task has been called back: one resume URL for the
 * batch (already each task's `callback_url`), no worker held. Returns the queued tasks.
 */
export async function parkBatch(
	ctx: IExecuteFunctions,
	results: ItemResult[],
	timeoutMs: number,
): Promise<ItemResult[]> {
	// Rows already final (a refusal, a task given back finished) stay as they are.
	const waitsForCallback = (result: ItemResult) =>
		!result.error && !!result.json?.task_id && !isTerminal(result.json.status as string);
	const batchSize = results.filter(waitsForCallback).length;
	if (batchSize === 0) return results; // nothing to wait for: every item has its row already
	const parked = results.map((result) =>
		waitsForCallback(result)
			? {
					...result,
					// Parked with a token in its callback URL: callbacks without it are not ours.
					json: { ...parkedRow(result.json as Task, timeoutMs, batchSize), callback_signed: true },
				}
			: result,
	);
	// At Timeout n8n resumes without running this node and passes its input on; make that input the rows.
	ctx.getExecuteData().data = { main: [toRows(ctx.getNode(), parked)] };
	await ctx.putExecutionToWait(new Date(Date.now() + timeoutMs));
	return results;
}

/** The parked batch's rows (with any file a final row carries), in item order, from the node's stored input; undefined when unreadable. */
function parkedRows(ctx: IWebhookFunctions): INodeExecutionData[] | undefined {
	try {
		const items = ctx.evaluateExpression('{{ $input.all() }}', 0) as unknown;
		if (!Array.isArray(items)) return undefined;
		const rows = items.map((item) => ({
			json: (item as INodeExecutionData)?.json ?? {},
			binary: (item as INodeExecutionData)?.binary,
		}));
		return rows.some((row) => isParkedTask(row.json)) ? rows : undefined;
	} catch {
		return undefined;
	}
}

function answer(
	ctx: IWebhookFunctions,
	status: number,
	task: { task_id: string; status?: string },
	resumed: boolean,
	extra: IDataObject = {},
): IWebhookResponseData {
	return reply(ctx, status, {
		received: true,
		task_id: task.task_id,
		status: task.status ?? 'unknown',
		resumed,
		...extra,
	});
}

/** One row per item: completed tasks (their video when asked), failed ones with the error, refused ones as parked. */
async function batchRows(
	ctx: IWebhookFunctions,
	rows: INodeExecutionData[],
	ledger: BatchLedger,
	client: QingboClient,
): Promise<INodeExecutionData[]> {
	const options = ctx.getNodeParameter('options', {}) as OutputOptions;
	const results = await mapWithConcurrency(
		rows,
		IN_FLIGHT.downloads,
		async ({ json: row, binary }, itemIndex): Promise<ItemResult> => {
			if (!isParkedTask(row)) return { itemIndex, json: row, ...(binary ? { binary } : {}) };
			const task = keepSubmitFacts(ledger.terminal.get(row.task_id)!, row);
			const failure = failureOf(task);
			if (failure) return failed(itemIndex, failure, task);
			try {
				return { itemIndex, ...(await taskOutput(ctx, task, client, options)) };
			} catch (error) {
				return failed(itemIndex, error, task);
			}
		},
	);
	return toRows(ctx.getNode(), results);
}

/**
 * QingBo called this execution's resume URL. Each callback is answered at once; the execution goes
 * on exactly once, when every task of its batch is terminal (read from the API, never taken from
 * the body). A task that is not of this batch is refused with 409, and nothing resumes when the
 * node cannot tell which tasks it waits for (503): a parked execution fails closed.
 */
export async function resumeFromCallback(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const rows = parkedRows(this);
	if (!rows) {
		return reply(this, 503, {
			received: false,
			error: 'This execution cannot tell which tasks it waits for; it stays parked',
		});
	}
	const parked = rows.map((row) => row.json).filter(isParkedTask);
	// A caller without the URL QingBo was given learns nothing and costs nothing (batches parked by
	// an earlier version of the node have no token to ask for).
	if (parked.some((row) => row.callback_signed === true)) {
		const given = (this.getQueryData() as IDataObject)[CALLBACK_TOKEN_PARAM];
		if (!sameSecret(given, await tokenOf(this))) return reply(this, 404, { error: 'Not found' });
	}
	const batch = parked.map((row) => row.task_id);
	const taskId = callbackTaskId(this) ?? (batch.length === 1 ? batch[0] : undefined);
	if (!taskId) return reply(this, 400, { error: 'The callback body names no task_id' });
	if (!batch.includes(taskId)) {
		// Names only what the caller named: which tasks are parked here is not the caller's to learn.
		return reply(this, 409, {
			received: false,
			task_id: taskId,
			expected_tasks: batch.length,
			error: `Task ${taskId} is not ${batch.length === 1 ? 'the task' : `one of the ${batch.length} tasks`} this execution waits for; it stays parked`,
		});
	}

	const ledger = ledgerOf(this, batch);
	if (ledger.resumed) return answer(this, 200, ledger.statusOf(taskId), false, { duplicate: true });
	// A running task read moments ago, called back again with a status that says it still runs:
	// answered from that read, so repeated progress callbacks cost no reads. A callback that claims
	// an end, or claims nothing, is always read (the body is a hint, never the outcome).
	const recent = ledger.recentlyRunning(taskId);
	const claimed = statusClaimedByCallback(this.getBodyData());
	if (recent && claimed !== undefined && !isTerminal(claimed))
		return answer(this, 202, recent, false);
	const client = await QingboClient.create(this);
	const known = ledger.terminal.has(taskId);
	const read = known
		? { task: ledger.terminal.get(taskId)! }
		: await readForCallback(this, taskId, (id) => ledger.read(id, callbackReader(client)));
	if ('answered' in read) return read.answered;
	if (!isTerminal(read.task.status)) return answer(this, 202, read.task, false);
	// A first callback of an outcome may be the batch's last: look for outcomes whose callback never
	// came here (lost, or sent to another process), now if that can learn something, else later.
	// A repeat of one already handled brings nothing new.
	if (ledger.firstCallback(taskId)) ledger.oweSweep();
	await ledger.sweepIfDue(client);
	if (ledger.complete() && ledger.claimResume()) {
		// Answer now: building the rows may download every video of the batch.
		answer(this, 200, read.task, true);
		return await resumeWith(this, rows, ledger, client);
	}
	answer(this, 200, read.task, false);
	return ledger.owesSweep ? await sweepWhenDue(this, rows, ledger, client) : NOTHING_TO_RESUME;
}

const NOTHING_TO_RESUME: IWebhookResponseData = { noWebhookResponse: true };

/** A callback's handler waits this long at most for its owed sweep; the next callback takes over. */
const SWEEP_WAIT_LIMIT_MS = 30_000;

/**
 * After answering its callback: waits until the owed sweep can learn something, runs it, and
 * resumes the batch when that finds it done; retried after a failed read. Only the latest callback
 * of the batch waits (one sweep for many callbacks), and never beyond SWEEP_WAIT_LIMIT_MS.
 */
async function sweepWhenDue(
	ctx: IWebhookFunctions,
	rows: INodeExecutionData[],
	ledger: BatchLedger,
	client: QingboClient,
): Promise<IWebhookResponseData> {
	const watch = ledger.startWatch();
	const giveUpAt = Date.now() + SWEEP_WAIT_LIMIT_MS;
	try {
		while (ledger.isWatcher(watch) && ledger.owesSweep) {
			const dueAt = ledger.sweepDueAt();
			if (dueAt > giveUpAt) return NOTHING_TO_RESUME;
			await sleep(Math.max(0, dueAt - Date.now()));
			if (!ledger.isWatcher(watch)) return NOTHING_TO_RESUME;
			await ledger.sweepIfDue(client);
			if (ledger.complete() && ledger.claimResume())
				return await resumeWith(ctx, rows, ledger, client);
		}
		return NOTHING_TO_RESUME;
	} finally {
		ledger.endWatch();
	}
}

async function resumeWith(
	ctx: IWebhookFunctions,
	rows: INodeExecutionData[],
	ledger: BatchLedger,
	client: QingboClient,
): Promise<IWebhookResponseData> {
	const output = await batchRows(ctx, rows, ledger, client);
	ledger.release();
	return { noWebhookResponse: true, workflowData: [output] };
}
