/** Workflow JSON builders for the real-n8n tests: what a user would build in the editor. */
const CREDENTIAL = { id: 'qbSimCredential01', name: 'QingBo simulator' };
const simCredential = (sim) => ({
	...CREDENTIAL,
	type: 'qingboApi',
	data: { apiKey: sim.apiKey, baseUrl: sim.url },
});
const soraNode = (parameters, { name = 'Sora', continueOnFail = false } = {}) => ({
	parameters,
	name,
	type: 'n8n-nodes-qingbo-sora.sora',
	typeVersion: 1,
	credentials: { qingboApi: CREDENTIAL },
	...(continueOnFail ? { onError: 'continueRegularOutput' } : {}),
});
/** A version-2 Sora node (every model, Model Fields), as the editor makes new nodes. */
const soraV2Node = (parameters, options) => ({ ...soraNode(parameters, options), typeVersion: 2 });
/** Model Fields as n8n's mapper saves them: the API's own field names and JSON-typed values. */
const modelFields = (value) => ({ mappingMode: 'defineBelow', value });
/** Video › Generate with sora-2: the prompt, the wait mode and the options are what tests vary. */
const generateNode = ({ prompt, waitMode, options }) =>
	soraNode({
		resource: 'video',
		operation: 'generate',
		model: 'sora-2',
		prompt,
		waitMode,
		options,
	});
/** Generate with Poll in This Node, one video per input item's `prompt`: the batch shape most tests use. */
const generateEachItemNode = (options) =>
	generateNode({ prompt: '={{ $json.prompt }}', waitMode: 'poll', options });
/** A Code node: one item per prompt of the webhook body's `prompts`, or `count` prompts named `${tag} ${i}`. */
const promptsFromBodyNode = () => ({
	parameters: {
		jsCode:
			'const { prompts, count, tag = "clip" } = $input.first().json.body;\n' +
			'return (prompts ?? Array.from({ length: count }, (_, i) => `${tag} ${i}`)).map((prompt) => ({ json: { prompt } }));',
	},
	name: 'Prompts',
	type: 'n8n-nodes-base.code',
	typeVersion: 2,
});
/**
 * Version 2's Generate with Veo 3.1 Fast (8 s), waiting as `waitMode`: by default a batch's video node,
 * one video per item's prompt.
 */
const veoNode = (
	waitMode,
	options = { timeout: 900 },
	{ prompt = '={{ $json.prompt }}', name = 'QingBo Video' } = {},
) =>
	soraV2Node(
		{
			resource: 'video',
			operation: 'generate',
			model: 'veo3.1-fast',
			prompt,
			modelFields: modelFields({ duration: 8 }),
			waitMode,
			options,
		},
		{ name },
	);
const codeNode = (items, { name = 'Items' } = {}) => ({
	parameters: { jsCode: `return ${JSON.stringify(items.map((json) => ({ json })))};` },
	name,
	type: 'n8n-nodes-base.code',
	typeVersion: 2,
});
/** A production Webhook node (n8n-nodes-base.webhook v2) answering at once. */
const webhookNode = (path, { name = 'Webhook' } = {}) => ({
	parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} },
	name,
	type: 'n8n-nodes-base.webhook',
	typeVersion: 2,
	webhookId: `qb-${path}`,
});

const noOpNode = (name = 'Done') => ({
	parameters: {},
	name,
	type: 'n8n-nodes-base.noOp',
	typeVersion: 1,
});

/**
 * n8n's Remove Duplicates (v2) keeping only values never seen in earlier executions: its history is
 * in n8n's database, so it holds across processes and restarts. Retry On Fail as the README's recipe
 * says: the first time the node runs, two executions at once can both insert its history row and one
 * fails on the unique key; its retry finds the row.
 */
const removeSeenBeforeNode = (dedupeValue, name = 'Remove Duplicates') => ({
	parameters: {
		operation: 'removeItemsSeenInPreviousExecutions',
		dedupeValue,
		options: {},
	},
	name,
	type: 'n8n-nodes-base.removeDuplicates',
	typeVersion: 2,
	retryOnFail: true,
});

/** QingBo Trigger with a fixed webhookId, so its production URL is /webhook/<webhookId>/sora. */
const soraTriggerNode = (
	parameters,
	{ name = 'QingBo Trigger', webhookId = 'qb-sora-trigger' } = {},
) => ({
	parameters,
	name,
	type: 'n8n-nodes-qingbo-sora.soraTrigger',
	typeVersion: 1,
	webhookId,
	credentials: { qingboApi: CREDENTIAL },
});

/** Any start node → nodes, connected in a line. */
function chainWorkflow(id, name, chain) {
	const nodes = chain.map((node, i) => ({ id: `${id}-${i}`, position: [i * 220, 0], ...node }));
	const connections = {};
	for (let i = 0; i < nodes.length - 1; i++)
		connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	return { id, name, nodes, connections, active: false, settings: { executionOrder: 'v1' } };
}

/** Manual Trigger → each of `nodes` on its own branch (n8n runs the branches one after another). */
function fanOutWorkflow(id, name, nodes) {
	const start = {
		parameters: {},
		name: 'Start',
		type: 'n8n-nodes-base.manualTrigger',
		typeVersion: 1,
	};
	const all = [start, ...nodes].map((node, i) => ({
		id: `${id}-${i}`,
		position: [i === 0 ? 0 : 220, i * 120],
		...node,
	}));
	const connections = {
		Start: { main: [nodes.map((node) => ({ node: node.name, type: 'main', index: 0 }))] },
	};
	return { id, name, nodes: all, connections, active: false, settings: { executionOrder: 'v1' } };
}

/** Manual Trigger → nodes, connected in a line (run with `n8n execute`). */
const manualWorkflow = (id, name, chain) =>
	chainWorkflow(id, name, [
		{ parameters: {}, name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1 },
		...chain,
	]);

module.exports = {
	CREDENTIAL,
	simCredential,
	soraNode,
	soraV2Node,
	modelFields,
	fanOutWorkflow,
	generateNode,
	generateEachItemNode,
	promptsFromBodyNode,
	veoNode,
	codeNode,
	manualWorkflow,
	webhookNode,
	noOpNode,
	removeSeenBeforeNode,
	soraTriggerNode,
	chainWorkflow,
};
