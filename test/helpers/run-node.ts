import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { Sora } from '../../nodes/Sora/Sora.node';

const node = new Sora();

/** Runs the QingBo Video node of the context's version (its `typeVersion`), as n8n would. */
export async function runNode(ctx: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const version = node.getNodeType(ctx.getNode().typeVersion);
	return (await version.execute!.call(ctx)) as INodeExecutionData[][];
}
