import type { IBinaryData, IDataObject, INode } from 'n8n-workflow';

import { toNodeError } from '../../shared/errors';

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
 * Throws the first item's error, if any, as the node error. Its description lists the tasks other
 * items started, which keep running (and are paid for) even though this run stops.
 */
export function raiseFailure(node: INode, results: Array<ItemResult | undefined>): void {
	const first = results.find((result) => result?.error);
	if (!first) return;
	const error = toNodeError(node, first.error, {
		itemIndex: first.itemIndex,
		taskId: taskIdOf(first),
	});
	const others = results
		.filter((result): result is ItemResult => !!result && result !== first && !!taskIdOf(result))
		.map((result) => `${taskIdOf(result)} (item ${result.itemIndex})`);
	if (others.length) {
		const list =
			others.length > 20
				? `${others.slice(0, 20).join(', ')} and ${others.length - 20} more`
				: others.join(', ');
		error.description = `${error.description ? `${error.description} ` : ''}Tasks of other items keep running upstream: ${list}.`;
	}
	throw error;
}
