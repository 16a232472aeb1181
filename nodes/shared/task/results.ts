import type { IBinaryData, IDataObject, INode, INodeExecutionData } from 'n8n-workflow';

import { toNodeError } from '../errors';

/** What an operation produced for one input item; the router turns it into output or an error. */
export interface ItemResult {
	itemIndex: number;
	json?: IDataObject;
	binary?: Record<string, IBinaryData>;
	error?: unknown;
	/** The task this item created or read, kept with errors so no paid task is orphaned. */
	task?: IDataObject;
}

export function failed(itemIndex: number, error: unknown, task?: IDataObject): ItemResult {
	const fromError = (error as { task?: IDataObject })?.task;
	return { itemIndex, error, task: task ?? fromError };
}

function taskIdOf(result: ItemResult): string | undefined {
	const id = result.task?.task_id ?? result.json?.task_id;
	return typeof id === 'string' && id ? id : undefined;
}

/**
 * How to run the batch again without paying twice for the tasks that exist: with Options ›
 * Idempotency Key set (a task's `reused` says it was), running again gives them back; without it,
 * running again bills them again.
 */
function runAgainHint(node: INode, results: ItemResult[]): string {
	const keyed = results.some((result) => typeof (result.task ?? result.json)?.reused === 'boolean');
	if (keyed)
		return 'Options › Idempotency Key is set: run the workflow again within 24 h and these tasks come back instead of being billed again; only new or changed requests are submitted.';
	const key =
		node.typeVersion >= 2
			? 'set Options › Idempotency Key (e.g. {{ $json.id }}) so that running a batch again gives back the tasks it created, or '
			: '';
	return `Running the workflow again as it is submits and bills them again: pick them up with Task › Wait by their IDs; to make a batch safe to run again, ${key}turn on Continue On Fail so one bad item never stops the others.`;
}

/**
 * Throws the first item's error, if any, as the node error. Its description lists the tasks other
 * items started, which keep running (and are paid for) even though this run stops, and how to run
 * the batch again without paying for them twice.
 */
export function raiseFailure(node: INode, results: Array<ItemResult | undefined>): void {
	const first = results.find((result) => result?.error);
	if (!first) return;
	const error = toNodeError(node, first.error, {
		itemIndex: first.itemIndex,
		taskId: taskIdOf(first),
	});
	const started = results.filter(
		(result): result is ItemResult => !!result && result !== first && !!taskIdOf(result),
	);
	const others = started.map((result) => `${taskIdOf(result)} (item ${result.itemIndex})`);
	if (others.length) {
		const list =
			others.length > 20
				? `${others.slice(0, 20).join(', ')} and ${others.length - 20} more`
				: others.join(', ');
		error.description = `${error.description ? `${error.description} ` : ''}Tasks of other items keep running upstream: ${list}. ${runAgainHint(node, [first, ...started])}`;
	}
	throw error;
}

/** A failed item's row ("continue on fail", a parked batch): the message, plus the task so no paid task is orphaned. */
function errorRow(node: INode, result: ItemResult): IDataObject {
	const nodeError = toNodeError(node, result.error, {
		itemIndex: result.itemIndex,
		taskId: taskIdOf(result),
	});
	const json: IDataObject = {
		...(result.task ?? {}),
		...(result.error as { row?: IDataObject } | undefined)?.row,
		error: nodeError.message,
	};
	if (nodeError.description) json.errorDescription = nodeError.description;
	return json;
}

/** Per-item results as output rows, one per item in item order. */
export function toRows(node: INode, results: ItemResult[]): INodeExecutionData[] {
	return [...results]
		.sort((a, b) => a.itemIndex - b.itemIndex)
		.map((result): INodeExecutionData => {
			const row: INodeExecutionData = {
				json: result.error ? errorRow(node, result) : (result.json ?? {}),
				pairedItem: { item: result.itemIndex },
			};
			if (result.binary) row.binary = result.binary;
			return row;
		});
}
