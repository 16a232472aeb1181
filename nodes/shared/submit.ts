import { createHash } from 'crypto';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { parkBatch } from './callback-wait';
import { IN_FLIGHT, mapWithConcurrency } from './concurrency';
import { ApiFailure, NotSubmitted, toNodeError } from './errors';
import { checkNumberOptions } from './input';
import { failed, raiseFailure, type ItemResult } from './results';
import { capForBatch, priceKey, submitWithinCap, type SpendCap } from './spend';
import type { Task } from './task';
import { QingboClient } from './transport';
import { waitThenOutput, type WaitOptions } from './wait-then-output';
import { DEFAULT_TIMEOUT_S } from './waiting';

/**
 * The one submit flow of every video operation of every node version; they differ only in the
 * request they prepare for an item.
 * 1. Prepare and check every item's request, so bad input fails before any billed call.
 * 2. Submit them all (a few at a time, idempotent, within Options › Max Spend).
 * 3. Return at once, wait on all of them together, or park the execution until QingBo calls back.
 */

export interface VideoOptions extends WaitOptions {
	callbackUrl?: string;
	extra?: unknown;
	additionalFields?: unknown;
	maxSpendUsd?: number;
}

/** What an item will submit, checked; `estimateUsd` when its price is known in advance. */
export interface PreparedRequest {
	body: IDataObject;
	estimateUsd?: number;
	/** Where the user set each body field (e.g. `duration` → "Model Fields › duration"), for the API's 400s. */
	fieldSources?: Record<string, string>;
}

/** Builds and checks one item's final request; may read the API (never a billed call). */
export type PrepareRequest = (
	this: IExecuteFunctions,
	client: QingboClient,
	itemIndex: number,
	options: VideoOptions,
) => Promise<PreparedRequest>;

type WaitMode = 'none' | 'poll' | 'callback';

interface Prepared extends PreparedRequest {
	itemIndex: number;
	waitMode: WaitMode;
	options: VideoOptions;
	task?: Task;
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
	if (first instanceof ApiFailure && first.param && item.fieldSources?.[first.param])
		first.field = item.fieldSources[first.param];
	const rejectsExtra =
		first instanceof ApiFailure &&
		first.status === 400 &&
		first.param === 'extra' &&
		item.body.extra;
	if (!rejectsExtra) throw first;
	const hoisted = hoistExtra(item.body);
	return await client.submitTask(hoisted, idempotencyKey(ctx, item.itemIndex, hoisted));
}

/** Every item's request, built and checked before anything is submitted. */
async function prepareAll(
	ctx: IExecuteFunctions,
	client: QingboClient,
	prepare: PrepareRequest,
	results: ItemResult[],
): Promise<Prepared[]> {
	const prepared: Prepared[] = [];
	for (let itemIndex = 0; itemIndex < ctx.getInputData().length; itemIndex++) {
		try {
			const options = checkNumberOptions(
				ctx.getNodeParameter('options', itemIndex, {}) as VideoOptions,
			);
			const request = await prepare.call(ctx, client, itemIndex, options);
			if (options.callbackUrl?.trim()) request.body.callback_url = options.callbackUrl.trim();
			const waitMode = ctx.getNodeParameter('waitMode', itemIndex, 'poll') as WaitMode;
			prepared.push({ ...request, itemIndex, waitMode, options });
		} catch (error) {
			if (!ctx.continueOnFail()) throw toNodeError(ctx.getNode(), error, { itemIndex });
			results[itemIndex] = failed(itemIndex, error);
		}
	}
	return prepared;
}

/**
 * Submits every prepared item within the cap, a few at a time. After a 402 the balance is known to
 * be short: the rest are not sent, and each says why.
 */
async function submitAll(
	ctx: IExecuteFunctions,
	client: QingboClient,
	prepared: Prepared[],
	cap: SpendCap | undefined,
	results: ItemResult[],
): Promise<void> {
	let refusal: ApiFailure | undefined;
	await mapWithConcurrency(prepared, IN_FLIGHT.submits, async (item) => {
		if (refusal) {
			results[item.itemIndex] = failed(item.itemIndex, new NotSubmitted(refusal));
			return;
		}
		const outcome = await submitWithinCap(
			cap,
			{ key: priceKey(item.body), estimateUsd: item.estimateUsd },
			async () => await submit(ctx, client, item),
			async (taskId) => await client.cancelTask(taskId),
		);
		if ('error' in outcome) {
			results[item.itemIndex] = failed(item.itemIndex, outcome.error, outcome.task);
			if (outcome.error instanceof ApiFailure && outcome.error.status === 402)
				refusal = outcome.error;
			return;
		}
		item.task = outcome.task;
		results[item.itemIndex] = { itemIndex: item.itemIndex, json: outcome.task };
	});
}

export async function submitAndWait(
	this: IExecuteFunctions,
	prepare: PrepareRequest,
): Promise<ItemResult[]> {
	const results: ItemResult[] = [];
	const client = await QingboClient.create(this);
	const prepared = await prepareAll(this, client, prepare, results);
	const cap = capForBatch(
		prepared[0]?.options.maxSpendUsd,
		prepared.map((item) => item.estimateUsd),
		this.continueOnFail(),
	);
	const park = prepared.some((item) => item.waitMode === 'callback');
	if (park) {
		// One resume URL (its `signature` query intact) for the whole batch.
		const resumeUrl = String(this.evaluateExpression('{{ $execution.resumeUrl }}', 0));
		for (const item of prepared) item.body = { ...item.body, callback_url: resumeUrl };
	}

	await submitAll(this, client, prepared, cap, results);
	// Fail fast on a refused submit (402, 400, ...), naming the tasks other items already started.
	if (!this.continueOnFail()) raiseFailure(this.getNode(), results);

	if (park) {
		const timeoutS = Math.max(...prepared.map((item) => item.options.timeout ?? DEFAULT_TIMEOUT_S));
		return await parkBatch(this, results.filter(Boolean), timeoutS * 1000);
	}
	const submitted = prepared.filter((item) => item.task);
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
