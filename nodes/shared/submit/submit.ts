import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { parkBatch, parkedCallbackUrl } from '../callbacks/callback-wait';
import { IN_FLIGHT, mapWithConcurrency } from '../transport/concurrency';
import { ApiFailure, NotSubmitted, toNodeError } from '../errors';
import { createdBeforeThisSubmit, idempotencyKeyFor, userIdempotencyKey } from './idempotency';
import { checkNumberOptions } from './input';
import { failed, raiseFailure, type ItemResult } from '../task/results';
import { capForBatch, priceKey, submitWithinCap, type SpendCap } from '../spend';
import { isTerminal, keepSubmitFacts, type Task } from '../task/task';
import { QingboClient } from '../transport/transport';
import { waitThenOutput, type TaskToFinish, type WaitOptions } from '../polling/wait-then-output';
import { DEFAULT_TIMEOUT_S } from '../option-defaults';

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
	/** Options › Idempotency Key (version 2): what makes this item's request the same across runs. */
	idempotencyKey?: unknown;
}

/** What an item will submit, checked; `estimateUsd` when its price is known in advance. */
export interface PreparedRequest {
	body: IDataObject;
	estimateUsd?: number;
	/** Fields that identify the request across runs otherwise than the body: a file by its content, not by its one-time link. */
	identityFields?: IDataObject;
	/** Where the user set each body field (e.g. `duration` → "Model Fields › duration"), for the API's 400s. */
	fieldSources?: Record<string, string>;
	/** When the API refuses what was sent (`sent`: the body, or its identity) in a way the version can mend: what to send once instead. */
	resendAs?: (refused: ApiFailure, sent: IDataObject) => IDataObject | undefined;
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
	/** Options › Idempotency Key for this item, when given. */
	userKey?: string;
	/** The body as it identifies the task across runs: without a parked execution's resume URL. */
	identity: IDataObject;
	task?: Task;
}

/** One submit under the item's idempotency key; a keyed task says whether it was given back. */
async function send(
	ctx: IExecuteFunctions,
	client: QingboClient,
	item: Prepared,
	body: IDataObject,
	identity: IDataObject,
): Promise<Task> {
	const key = idempotencyKeyFor(ctx, item.itemIndex, identity, item.userKey);
	const { task, timing } = await client.submitTask(body, key);
	if (item.userKey === undefined) return task;
	return { ...task, reused: createdBeforeThisSubmit(task, timing) };
}

async function submit(ctx: IExecuteFunctions, client: QingboClient, item: Prepared): Promise<Task> {
	const first = await send(ctx, client, item, item.body, item.identity).catch(
		(error: Error) => error,
	);
	if (!(first instanceof Error)) return first;
	if (!(first instanceof ApiFailure)) throw first;
	if (first.param && item.fieldSources?.[first.param]) first.field = item.fieldSources[first.param];
	const mended = item.resendAs?.(first, item.body);
	if (!mended) throw first;
	return await send(ctx, client, item, mended, item.resendAs!(first, item.identity) ?? mended);
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
			const userKey = userIdempotencyKey(options.idempotencyKey);
			const identity = request.identityFields
				? { ...request.body, ...request.identityFields }
				: request.body;
			prepared.push({ ...request, itemIndex, waitMode, options, userKey, identity });
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
		this.continueOnFail() || prepared.some((item) => item.userKey !== undefined),
	);
	const park = prepared.some((item) => item.waitMode === 'callback');
	if (park) {
		// One callback URL for the whole batch. It differs per execution: a keyed request is identified
		// without it, so a run again finds the task it names; an unkeyed one by the resume URL, as before.
		const { resumeUrl, callbackUrl } = await parkedCallbackUrl(this);
		for (const item of prepared) {
			if (item.userKey === undefined) item.identity = { ...item.identity, callback_url: resumeUrl };
			item.body = { ...item.body, callback_url: callbackUrl };
		}
	}

	await submitAll(this, client, prepared, cap, results);
	// Fail fast on a refused submit (402, 400, ...), naming the tasks other items already started.
	if (!this.continueOnFail()) raiseFailure(this.getNode(), results);
	await readReused(client, prepared, results);

	const submitted = prepared.filter((item) => item.task);
	const toFinish = (item: Prepared, wait: boolean): TaskToFinish => ({
		itemIndex: item.itemIndex,
		taskId: item.task!.task_id,
		known: item.task,
		options: item.options,
		wait,
	});
	// A task given back still running calls back the execution that created it, never this one:
	// then the whole batch is followed here instead of parked.
	const followedElsewhere = submitted.some(
		(item) => item.task!.reused && !isTerminal(item.task!.status),
	);
	if (park && !followedElsewhere) {
		// Tasks already finished (given back) have their rows now; the others park.
		const done = submitted.filter((item) => isTerminal(item.task!.status));
		const rows = await waitThenOutput(
			this,
			client,
			done.map((item) => toFinish(item, true)),
		);
		for (const result of rows) results[result.itemIndex] = result;
		const timeoutS = Math.max(...prepared.map((item) => item.options.timeout ?? DEFAULT_TIMEOUT_S));
		return await parkBatch(this, results.filter(Boolean), timeoutS * 1000);
	}
	const finished = await waitThenOutput(
		this,
		client,
		submitted.map((item) => toFinish(item, item.waitMode !== 'none')),
	);
	for (const result of finished) results[result.itemIndex] = result;
	return results.filter(Boolean);
}

/**
 * QingBo repeats a given-back task's first submit answer: read what each is now (one read each),
 * so one that finished is output without waiting. A failed read keeps the answer; waiting reads again.
 */
async function readReused(
	client: QingboClient,
	prepared: Prepared[],
	results: ItemResult[],
): Promise<void> {
	const reused = prepared.filter((item) => item.task?.reused && !isTerminal(item.task.status));
	await mapWithConcurrency(reused, IN_FLIGHT.statusReads, async (item) => {
		const now = await client.getTask(item.task!.task_id).catch(() => undefined);
		if (!now) return;
		item.task = keepSubmitFacts(now, item.task);
		results[item.itemIndex] = { itemIndex: item.itemIndex, json: item.task };
	});
}
