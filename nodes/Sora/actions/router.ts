import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { toNodeError } from '../../shared/errors';
import { raiseFailure, type ItemResult } from './results';
import * as task from './task/Task.resource';
import * as account from './v2/account/Account.resource';
import * as model from './v2/model/Model.resource';
import * as videoV2 from './v2/video/Video.resource';
import * as video from './video/Video.resource';

type Operation = (this: IExecuteFunctions) => Promise<ItemResult[]>;
type Operations = Record<string, Record<string, Operation>>;

const taskOperations = {
	get: task.get.execute,
	wait: task.wait.execute,
	cancel: task.cancel.execute,
};

/** Every operation, by node version, resource and name: each file exports its description and `execute`. */
const operationsByVersion: Record<number, Operations> = {
	1: {
		video: {
			generate: video.generate.execute,
			remix: video.remix.execute,
			extend: video.extend.execute,
		},
		task: taskOperations,
	},
	2: {
		video: {
			generate: videoV2.generate.execute,
			extend: videoV2.extend.execute,
			edit: videoV2.edit.execute,
		},
		task: taskOperations,
		account: { getBalance: account.getBalance.execute },
		model: { list: model.list.execute, get: model.get.execute },
	},
};

/** An error row for "continue on fail": the message, plus the task so no paid task is orphaned. */
function errorRow(ctx: IExecuteFunctions, result: ItemResult): INodeExecutionData {
	const taskId = (result.task?.task_id as string | undefined) || undefined;
	const nodeError = toNodeError(ctx.getNode(), result.error, {
		itemIndex: result.itemIndex,
		taskId,
	});
	const json: IDataObject = {
		...(result.task ?? {}),
		...(result.error as { row?: IDataObject } | undefined)?.row,
		error: nodeError.message,
	};
	if (nodeError.description) json.errorDescription = nodeError.description;
	return { json, pairedItem: { item: result.itemIndex } };
}

/** Dispatches to the operation, then turns per-item results into output items in input order. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;

	let results: ItemResult[];
	try {
		const version = this.getNode().typeVersion >= 2 ? 2 : 1;
		const execute = operationsByVersion[version][resource]?.[operation];
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
	const output = results
		.sort((a, b) => a.itemIndex - b.itemIndex)
		.map((result): INodeExecutionData => {
			if (result.error) return errorRow(this, result);
			const item: INodeExecutionData = {
				json: result.json ?? {},
				pairedItem: { item: result.itemIndex },
			};
			if (result.binary) item.binary = result.binary;
			return item;
		});
	return [output];
}
