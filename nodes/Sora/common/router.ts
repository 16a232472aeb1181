import { NodeOperationError } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { toNodeError } from '../../shared/errors';
import { raiseFailure, toRows, type ItemResult } from '../../shared/task/results';
import { operationProperty } from './properties';

export type Operation = (this: IExecuteFunctions) => Promise<ItemResult[]>;
/** A version's operations by resource and name: each operation file exports its description and `execute`. */
export type Operations = Record<string, Record<string, Operation>>;

/**
 * A resource's Operation selector and the router's map of its operations, from one list of operation
 * files: an option whose value names no file fails the type check, so no operation is shown that
 * cannot run.
 */
export function resourceOperations<K extends string>(
	resource: string,
	files: Record<K, { execute: Operation }>,
	options: Array<INodePropertyOptions & { value: NoInfer<K> }>,
	defaultOperation: NoInfer<K>,
): { selector: INodeProperties; operations: Record<K, Operation> } {
	const operations = {} as Record<K, Operation>;
	for (const name of Object.keys(files) as K[]) operations[name] = files[name].execute;
	return { selector: operationProperty(resource, options, defaultOperation), operations };
}

/**
 * Both versions' routers: runs the resource's operation, then turns per-item results into output
 * rows in item order, or throws the first failure unless Continue On Fail.
 */
export async function route(
	this: IExecuteFunctions,
	operations: Operations,
): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;

	let results: ItemResult[];
	try {
		const execute = operations[resource]?.[operation];
		if (!execute) {
			throw new NodeOperationError(
				this.getNode(),
				`The operation "${operation}" of "${resource}" is not supported`,
			);
		}
		results = await execute.call(this);
	} catch (error) {
		throw toNodeError(this.getNode(), error, {
			itemIndex: (error as { itemIndex?: number }).itemIndex ?? 0,
		});
	}

	if (!this.continueOnFail()) raiseFailure(this.getNode(), results);
	return [toRows(this.getNode(), results)];
}
