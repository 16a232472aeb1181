import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INode, JsonObject } from 'n8n-workflow';

import { formatUsd as usd } from './spend/money';

/** Bad node input, caught before any billed call. Names the field and how to fix it. */
export class InputError extends Error {
	constructor(
		readonly field: string,
		readonly problem: string,
		readonly fix: string,
	) {
		super(`${field}: ${problem}`);
		this.name = 'InputError';
	}
}

/** Raised when the user stops the execution while we wait. */
export class ExecutionCancelled extends Error {
	constructor(what: string) {
		super(`The execution was stopped while ${what}`);
		this.name = 'ExecutionCancelled';
	}
}

/** What the API said when a call failed (status 0: no HTTP answer at all). */
export class ApiFailure extends Error {
	/** How long the server asked us to wait (`Retry-After` or `reset_at`), when it said. */
	retryAfterMs?: number;
	/** Where the user set `param`, when the request knows it (version 2: "Model Fields › duration"). */
	field?: string;

	constructor(
		message: string,
		readonly status: number,
		readonly code: string | undefined,
		readonly param: string | undefined,
		readonly attempts: number,
	) {
		super(message);
		this.name = 'ApiFailure';
	}

	get transient(): boolean {
		return this.status === 0 || this.status === 429 || this.status >= 500;
	}
}

/**
 * A redirect the client would not follow: the API key goes only to the Base URL's origin (or between
 * QingBo's documented https hosts), so the call stops here. `target` is an origin, never a full URL.
 */
export class RedirectRefused extends ApiFailure {
	constructor(
		readonly target: string,
		message: string,
		readonly description: string,
		status: number,
		attempts: number,
	) {
		super(message, status, 'redirect_refused', undefined, attempts);
		this.name = 'RedirectRefused';
	}

	// A redirect answers the same way every time: retrying cannot help.
	get transient(): boolean {
		return false;
	}
}

/** A task that ended badly or could not be waited for; carries the task so no paid task is orphaned. */
export class TaskFailure extends Error {
	constructor(
		message: string,
		readonly task: IDataObject,
		readonly description: string,
	) {
		super(message);
		this.name = 'TaskFailure';
	}
}

/** What Max Spend did to an item: refused it, or cancelled (or failed to cancel) its too-dear task. */
export type SpendOutcome =
	| { refused: true }
	| { cancelledTaskId: string }
	| { uncancelledTaskId: string };

/**
 * Options › Max Spend (USD) left no room for an item, or its task reserved more than the room it
 * had and was cancelled. `row` is what a Continue On Fail row adds, so the refusal is in the data.
 */
export class SpendLimitReached extends Error {
	constructor(
		readonly limitUsd: number,
		readonly reservedUsd: number,
		readonly itemUsd: number | undefined,
		readonly outcome: SpendOutcome = { refused: true },
	) {
		const over = `${usd(itemUsd ?? 0)}, over the Max Spend (USD) of ${usd(limitUsd)}`;
		super(
			'cancelledTaskId' in outcome
				? `Task ${outcome.cancelledTaskId} reserved ${over}: it was cancelled and refunded`
				: 'uncancelledTaskId' in outcome
					? `Task ${outcome.uncancelledTaskId} reserved ${over} and could not be cancelled: it keeps running and is billed`
					: `Max Spend (USD) of ${usd(limitUsd)} reached: this item was not submitted`,
		);
		this.name = 'SpendLimitReached';
	}

	get description(): string {
		const would =
			this.itemUsd !== undefined ? `; this item would reserve about ${usd(this.itemUsd)}` : '';
		const billed =
			'cancelledTaskId' in this.outcome
				? 'Its reservation was refunded.'
				: 'uncancelledTaskId' in this.outcome
					? 'It had already started, so it runs and is billed.'
					: 'Nothing was billed for this item.';
		return `This execution had reserved ${usd(this.reservedUsd)} of its ${usd(this.limitUsd)} limit${would}. ${billed} Raise Options › Max Spend (USD), or run the rest in a later execution.`;
	}

	get row(): IDataObject {
		return {
			not_submitted: !('uncancelledTaskId' in this.outcome),
			max_spend_usd: this.limitUsd,
			reserved_usd: Math.round(this.reservedUsd * 1e6) / 1e6,
			...(this.itemUsd !== undefined ? { item_estimate_usd: this.itemUsd } : {}),
		};
	}
}

/** An item not sent because the API refused an earlier one for a reason that holds for all (402). */
export class NotSubmitted extends Error {
	constructor(readonly refusedBy: ApiFailure) {
		super(
			`Not submitted: QingBo refused an earlier item of this batch (HTTP ${refusedBy.status}: ${refusedBy.message})`,
		);
		this.name = 'NotSubmitted';
	}

	get description(): string {
		return this.refusedBy.status === 402
			? 'Your QingBo balance is too low. Nothing was billed for this item; top up, then run it again.'
			: 'Nothing was billed for this item; run it again once the cause is fixed.';
	}

	get row(): IDataObject {
		return { not_submitted: true };
	}
}

/** Fields every version sets the same way; a version names its others (PreparedRequest.fieldSources). */
const FIELD_LABELS: Record<string, string> = {
	model: 'Model',
	prompt: 'Prompt',
	callback_url: 'Options › Callback URL',
};

function advice(
	failure: ApiFailure,
	taskId: string | undefined,
): { message: string; description: string } {
	const retried = failure.attempts > 1 ? ` after ${failure.attempts} attempts` : '';
	switch (true) {
		case failure instanceof RedirectRefused:
			return { message: failure.message, description: failure.description };
		case failure.code === 'task_not_cancellable':
			return {
				message: `Task ${taskId} can no longer be cancelled`,
				description: `Only queued tasks can be cancelled; this one is already processing or finished (${failure.message}). Use Task › Get to see its status.`,
			};
		case failure.status === 400: {
			const field =
				failure.field ??
				(failure.param ? (FIELD_LABELS[failure.param] ?? failure.param) : undefined);
			return {
				message: `QingBo rejected the request: ${failure.message}`,
				description: field
					? `Check the "${field}" field and run again.`
					: "Check the fields against the model's rules and run again.",
			};
		}
		case failure.status === 401:
			return {
				message: 'QingBo rejected the API key (HTTP 401)',
				description:
					'Check the API key in the QingBo API credential, and that its Base URL is the host that issued the key.',
			};
		case failure.status === 402:
			return {
				message: 'Your QingBo balance is too low (HTTP 402)',
				description: 'Top up your QingBo account, then run the workflow again.',
			};
		case failure.status === 403:
			return {
				message: `QingBo refused access (HTTP 403): ${failure.message}`,
				description: 'Check that your key may use this model and this task.',
			};
		case failure.status === 404:
			return taskId
				? {
						message: `Task ${taskId} was not found (HTTP 404)`,
						description:
							"Check the task ID. Tasks created with another account's key are not visible with this one.",
					}
				: {
						message: `QingBo could not find what was asked for (HTTP 404): ${failure.message}`,
						description: 'Check the model ID and the Base URL in the credential.',
					};
		case failure.status === 429:
			return {
				message: `QingBo is rate limiting requests (HTTP 429)${retried}`,
				description: 'Wait a moment or send fewer items at once, then run again.',
			};
		case failure.status >= 500:
			return {
				message: `QingBo is having trouble (HTTP ${failure.status})${retried}: ${failure.message}`,
				description: 'This is on the API side. Try again later.',
			};
		case failure.status === 0:
			return {
				message: `Could not reach QingBo${retried}: ${failure.message}`,
				description: 'Check the Base URL in the QingBo API credential and the network of your n8n.',
			};
		default:
			return {
				message: `QingBo answered HTTP ${failure.status}: ${failure.message}`,
				description: 'See the API documentation for this status.',
			};
	}
}

function withTask(text: string, taskId: string | undefined): string {
	return taskId && !text.includes(taskId) ? `Task ${taskId}: ${text}` : text;
}

/**
 * The one place errors become what the user sees: plain advice per HTTP status, the task ID in the
 * message whenever there is one, and the item index for n8n's error panel.
 */
export function toNodeError(
	node: INode,
	error: unknown,
	context: { itemIndex: number; taskId?: string },
): NodeApiError | NodeOperationError {
	const { itemIndex, taskId } = context;
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	if (error instanceof ApiFailure) {
		const { message, description } = advice(error, taskId);
		const body: JsonObject = {
			message: error.message,
			code: error.code ?? null,
			status: error.status,
		};
		const apiError = new NodeApiError(node, body, {
			itemIndex,
			message: withTask(message, taskId),
			description,
			httpCode: error.status ? String(error.status) : undefined,
		});
		// NodeApiError swaps in its own generic text when it sees a network code (ECONNREFUSED, ...),
		// which would drop our advice and the task ID.
		apiError.message = withTask(message, taskId);
		return apiError;
	}
	if (error instanceof InputError) {
		return new NodeOperationError(node, error.message, { itemIndex, description: error.fix });
	}
	if (error instanceof SpendLimitReached || error instanceof NotSubmitted) {
		return new NodeOperationError(node, error.message, {
			itemIndex,
			description: error.description,
		});
	}
	if (error instanceof TaskFailure) {
		return new NodeOperationError(node, error.message, {
			itemIndex,
			description: error.description,
		});
	}
	const message = error instanceof Error ? error.message : String(error);
	return new NodeOperationError(node, withTask(message, taskId), { itemIndex });
}
