import { createHash } from 'crypto';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { IN_FLIGHT, mapWithConcurrency } from '../../../shared/concurrency';
import {
	ApiFailure,
	InputError,
	NotSubmitted,
	SpendLimitReached,
	toNodeError,
	type SpendOutcome,
} from '../../../shared/errors';
import { formatUsd, priceKey, quotaToUsd, SpendCap } from '../../../shared/spend';
import type { Task } from '../../../shared/task';
import { QingboClient } from '../../../shared/transport';
import { checkSoraRules, parseJsonObject } from '../../../shared/validation';
import { parkedRow } from '../../resume';
import { DEFAULT_TIMEOUT_S } from '../common';
import { failed, raiseFailure, type ItemResult } from '../results';
import { waitThenOutput, type WaitOptions } from '../wait-then-output';

/** An operation's own part: the request for one item, from its parameters (version 1). */
type BuildRequest = (this: IExecuteFunctions, itemIndex: number) => IDataObject;

/** What an item will submit, checked; `estimateUsd` when its price is known in advance. */
export interface PreparedRequest {
	body: IDataObject;
	estimateUsd?: number;
}

/** Builds and checks one item's final request; may read the API (never a billed call). */
export type PrepareRequest = (
	this: IExecuteFunctions,
	client: QingboClient,
	itemIndex: number,
	options: VideoOptions,
) => Promise<PreparedRequest>;

type WaitMode = 'none' | 'poll' | 'callback';

export interface VideoOptions extends WaitOptions {
	callbackUrl?: string;
	extra?: unknown;
	additionalFields?: unknown;
	maxSpendUsd?: number;
}

interface Prepared {
	itemIndex: number;
	body: IDataObject;
	estimateUsd?: number;
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
 * Max Spend (USD), when set: refuse before the first submit a batch whose known prices cannot fit
 * (unless Continue On Fail, which submits what fits), and give every submit a place under the cap.
 */
function spendCap(ctx: IExecuteFunctions, prepared: Prepared[]): SpendCap | undefined {
	const limit = Number(prepared[0]?.options.maxSpendUsd);
	if (!prepared.length || !Number.isFinite(limit) || limit <= 0) return undefined;
	const estimates = prepared.map((item) => item.estimateUsd);
	if (!ctx.continueOnFail() && estimates.every((usd) => usd !== undefined)) {
		const total = estimates.reduce((sum: number, usd) => sum + usd!, 0);
		if (total > limit + 1e-9) {
			throw new InputError(
				'Options › Max Spend (USD)',
				`these ${prepared.length} items would reserve about ${formatUsd(total)}, over the limit of ${formatUsd(limit)}; nothing was submitted`,
				`At list prices they fit ${fitting(estimates, limit)} of ${prepared.length}. Raise Max Spend, send fewer items, or turn on Continue On Fail to submit the ones that fit (the rest get a row saying why).`,
			);
		}
	}
	return new SpendCap(limit);
}

/** How many items, in order, fit under the limit at their estimates. */
function fitting(estimates: Array<number | undefined>, limit: number): number {
	let total = 0;
	let count = 0;
	for (const usd of estimates) {
		total += usd ?? 0;
		if (total > limit + 1e-9) break;
		count++;
	}
	return count;
}

/**
 * Submits one item within the budget. Returns undefined when its task was created (item.task), or
 * the item's failure: the API refused it, or Max Spend left no room for it (never silently: the
 * row says the limit and what is reserved). A task that reserved more than its place under the cap
 * is cancelled (refunded) at once, and its row says so.
 */
async function submitWithinBudget(
	ctx: IExecuteFunctions,
	client: QingboClient,
	item: Prepared,
	budget: SpendCap | undefined,
): Promise<ItemResult | undefined> {
	const admission = budget ? await budget.admit(priceKey(item.body), item.estimateUsd) : undefined;
	if (admission && 'refusedUsd' in admission)
		return failed(
			item.itemIndex,
			new SpendLimitReached(budget!.limitUsd, budget!.reserved, admission.refusedUsd),
		);
	try {
		item.task = await submit(ctx, client, item);
	} catch (error) {
		if (admission) budget!.release(admission.hold);
		return failed(item.itemIndex, error);
	}
	if (!admission) return undefined;
	const reservedUsd = quotaToUsd(item.task.pre_consumed_cost);
	if (budget!.settle(admission.hold, reservedUsd)) return undefined;
	const task = item.task;
	item.task = undefined;
	const before = budget!.reserved - (reservedUsd ?? 0);
	const over = (outcome: SpendOutcome) =>
		new SpendLimitReached(budget!.limitUsd, before, reservedUsd, outcome);
	try {
		const cancelled = await client.cancelTask(task.task_id);
		budget!.refund(reservedUsd ?? 0);
		return failed(item.itemIndex, over({ cancelledTaskId: task.task_id }), cancelled);
	} catch {
		// Not cancellable any more: it runs and is paid for; say so with its ID rather than hide it.
		return failed(item.itemIndex, over({ uncancelledTaskId: task.task_id }), task);
	}
}

/**
 * Callback mode: submit with this execution's resume URL (its `signature` query intact) and park
 * the execution; `resumeFromCallback` produces the node's output when QingBo calls back.
 */
async function parkUntilCallback(
	ctx: IExecuteFunctions,
	client: QingboClient,
	item: Prepared,
	budget: SpendCap | undefined,
): Promise<ItemResult> {
	const resumeUrl = String(ctx.evaluateExpression('{{ $execution.resumeUrl }}', item.itemIndex));
	item.body = { ...item.body, callback_url: resumeUrl };
	const refused = await submitWithinBudget(ctx, client, item, budget);
	if (refused) return refused;
	const task = item.task!;
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

/** Version 1's requests: the operation's body, Options › Extra and Additional Fields, the seed's Sora rules. */
export function seedRequest(build: BuildRequest): PrepareRequest {
	return async function (this: IExecuteFunctions, _client, itemIndex, options) {
		const body = finishBody(build.call(this, itemIndex), options);
		checkSoraRules(body);
		return { body };
	};
}

/**
 * Generate, Remix, Extend and Edit (both versions) share this flow; they differ only in the request
 * they prepare.
 * 1. Build and check every item's request, so bad input fails before any billed call.
 * 2. Submit them all (bounded concurrency, idempotent, within Options › Max Spend).
 * 3. Wait on all of them together, park the execution for a callback, or return at once.
 */
export async function submitAndWait(
	this: IExecuteFunctions,
	prepare: PrepareRequest,
): Promise<ItemResult[]> {
	const items = this.getInputData();
	const results: ItemResult[] = [];
	const prepared: Prepared[] = [];
	const client = await QingboClient.create(this);

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const options = this.getNodeParameter('options', itemIndex, {}) as VideoOptions;
			const { body, estimateUsd } = await prepare.call(this, client, itemIndex, options);
			if (options.callbackUrl?.trim()) body.callback_url = options.callbackUrl.trim();
			const waitMode = this.getNodeParameter('waitMode', itemIndex, 'poll') as WaitMode;
			if (waitMode === 'callback' && items.length > 1) {
				throw new InputError(
					'Wait Mode',
					`Pause Until Callback handles one item per execution, but ${items.length} items arrived`,
					"Put a Loop Over Items node (batch size 1) before this node, or choose Don't Wait and continue from a Sora Trigger.",
				);
			}
			prepared.push({ itemIndex, body, estimateUsd, waitMode, options });
		} catch (error) {
			if (!this.continueOnFail()) throw toNodeError(this.getNode(), error, { itemIndex });
			results[itemIndex] = failed(itemIndex, error);
		}
	}

	const budget = spendCap(this, prepared);
	if (prepared.some((item) => item.waitMode === 'callback')) {
		const result = await parkUntilCallback(this, client, prepared[0], budget);
		if (result.error && !this.continueOnFail()) raiseFailure(this.getNode(), [result]);
		return [result];
	}

	let refusal: ApiFailure | undefined;
	await mapWithConcurrency(prepared, IN_FLIGHT.submits, async (item) => {
		// After a 402 the balance is known to be short: the rest are not sent, each says why.
		if (refusal) {
			results[item.itemIndex] = failed(item.itemIndex, new NotSubmitted(refusal));
			return;
		}
		const outcome = await submitWithinBudget(this, client, item, budget);
		if (!outcome) return;
		results[item.itemIndex] = outcome;
		if (outcome.error instanceof ApiFailure && outcome.error.status === 402)
			refusal = outcome.error;
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
