import { createHash } from 'crypto';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { IN_FLIGHT, mapWithConcurrency } from '../../../shared/concurrency';
import { ApiFailure, InputError, toNodeError } from '../../../shared/errors';
import type { Task } from '../../../shared/task';
import { QingboClient } from '../../../shared/transport';
import { checkSoraRules, parseJsonObject } from '../../../shared/validation';
import { parkedRow } from '../../resume';
import { DEFAULT_TIMEOUT_S } from '../common';
import { failed, raiseFailure, type ItemResult } from '../results';
import { waitThenOutput, type WaitOptions } from '../wait-then-output';

/** An operation's own part: the request for one item, from its parameters. */
type BuildRequest = (this: IExecuteFunctions, itemIndex: number) => IDataObject;

type WaitMode = 'none' | 'poll' | 'callback';

interface VideoOptions extends WaitOptions {
	callbackUrl?: string;
	extra?: unknown;
	additionalFields?: unknown;
}

interface Prepared {
	itemIndex: number;
	body: IDataObject;
	waitMode: WaitMode;
	options: VideoOptions;
	task?: Task;
}

/** Options › Extra into `extra`, Options › Additional Fields into the root; `extra` only when it has content. */
function finishBody(body: IDataObject, options: VideoOptions): IDataObject {
	const extra = {
		...((body.extra as IDataObject) ?? {}),
		...parseJsonObject(options.extra, 'Options › Extra'),
	};
	const finished: IDataObject = {
		...body,
		...parseJsonObject(options.additionalFields, 'Options › Additional Fields'),
	};
	if (Object.keys(extra).length) finished.extra = extra;
	else delete finished.extra;
	if (options.callbackUrl?.trim()) finished.callback_url = options.callbackUrl.trim();
	return finished;
}

/**
 * Stable for the same execution, node, run and item (and request), so a repeated submit, ours or
 * n8n's Retry On Fail, returns the original task instead of billing a second one.
 */
function idempotencyKey(ctx: IExecuteFunctions, itemIndex: number, body: IDataObject): string {
	const runIndex = ctx.getWorkflowDataProxy(itemIndex).$thisRunIndex ?? 0;
	const seed = JSON.stringify([ctx.getExecutionId(), ctx.getNode().id, runIndex, itemIndex, body]);
	return `n8n-${createHash('sha256').update(seed).digest('hex').slice(0, 40)}`;
}

/** Later API versions reject `extra` and take model fields at the root: retry once that way. */
function hoistExtra(body: IDataObject): IDataObject {
	const { extra, ...rest } = body;
	return { ...(extra as IDataObject), ...rest };
}

async function submit(ctx: IExecuteFunctions, client: QingboClient, item: Prepared): Promise<Task> {
	const key = idempotencyKey(ctx, item.itemIndex, item.body);
	const first = await client.submitTask(item.body, key).catch((error: Error) => error);
	if (!(first instanceof Error)) return first;
	const rejectsExtra =
		first instanceof ApiFailure &&
		first.status === 400 &&
		first.param === 'extra' &&
		item.body.extra;
	if (!rejectsExtra) throw first;
	const hoisted = hoistExtra(item.body);
	return await client.submitTask(hoisted, idempotencyKey(ctx, item.itemIndex, hoisted));
}

/**
 * Callback mode: submit with this execution's resume URL (its `signature` query intact) and park
 * the execution; `resumeFromCallback` produces the node's output when QingBo calls back.
 */
async function parkUntilCallback(
	ctx: IExecuteFunctions,
	client: QingboClient,
	item: Prepared,
): Promise<ItemResult> {
	const resumeUrl = String(ctx.evaluateExpression('{{ $execution.resumeUrl }}', item.itemIndex));
	item.body = { ...item.body, callback_url: resumeUrl };
	const task = await submit(ctx, client, item);
	const timeoutMs = (item.options.timeout ?? DEFAULT_TIMEOUT_S) * 1000;
	// At the limit n8n resumes without running this node and passes the node's input on unchanged;
	// make that input the flagged task, which the resume webhook also reads the parked task from.
	const executeData = ctx.getExecuteData();
	executeData.data = {
		main: [[{ json: parkedRow(task, timeoutMs), pairedItem: { item: item.itemIndex } }]],
	};
	await ctx.putExecutionToWait(new Date(Date.now() + timeoutMs));
	return { itemIndex: item.itemIndex, json: task };
}

/**
 * Generate, Remix and Extend share this flow; they differ only in the request they build.
 * 1. Build and check every item's request (plus Options › Extra, Additional Fields and Callback
 *    URL), so bad input fails before any billed call.
 * 2. Submit them all (bounded concurrency, idempotent).
 * 3. Wait on all of them together, park the execution for a callback, or return at once.
 */
export async function submitAndWait(
	this: IExecuteFunctions,
	build: BuildRequest,
): Promise<ItemResult[]> {
	const items = this.getInputData();
	const results: ItemResult[] = [];
	const prepared: Prepared[] = [];

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const options = this.getNodeParameter('options', itemIndex, {}) as VideoOptions;
			const body = finishBody(build.call(this, itemIndex), options);
			checkSoraRules(body);
			const waitMode = this.getNodeParameter('waitMode', itemIndex, 'poll') as WaitMode;
			if (waitMode === 'callback' && items.length > 1) {
				throw new InputError(
					'Wait Mode',
					`Pause Until Callback handles one item per execution, but ${items.length} items arrived`,
					"Put a Loop Over Items node (batch size 1) before this node, or choose Don't Wait and continue from a Sora Trigger.",
				);
			}
			prepared.push({ itemIndex, body, waitMode, options });
		} catch (error) {
			if (!this.continueOnFail()) throw toNodeError(this.getNode(), error, { itemIndex });
			results[itemIndex] = failed(itemIndex, error);
		}
	}

	const client = await QingboClient.create(this);
	if (prepared.some((item) => item.waitMode === 'callback')) {
		return [await parkUntilCallback(this, client, prepared[0])];
	}

	await mapWithConcurrency(prepared, IN_FLIGHT.submits, async (item) => {
		try {
			item.task = await submit(this, client, item);
		} catch (error) {
			results[item.itemIndex] = failed(item.itemIndex, error);
		}
	});
	const submitted = prepared.filter((item) => item.task);
	// Fail fast on a refused submit (402, 400, ...), naming the tasks other items already started.
	if (!this.continueOnFail()) {
		raiseFailure(this.getNode(), [
			...results,
			...submitted.map((item) => ({ itemIndex: item.itemIndex, json: item.task })),
		]);
	}

	const finished = await waitThenOutput(
		this,
		client,
		submitted.map((item) => ({
			itemIndex: item.itemIndex,
			taskId: item.task!.task_id,
			known: item.task,
			options: item.options,
			wait: item.waitMode === 'poll',
		})),
	);
	for (const result of finished) results[result.itemIndex] = result;
	return results.filter(Boolean);
}
