'use strict';
/** Reading a run: the IRun `n8n execute` prints, a node's output items, the run's error, the nodes that ran. */
const path = require('node:path');

/** The IRun printed by `n8n execute`: the last JSON log line whose message is a JSON object. */
function parseRunFromLog(text) {
	let found = null;
	for (const line of text.split('\n')) {
		if (!line.startsWith('{')) continue;
		let rec;
		try {
			rec = JSON.parse(line);
		} catch {
			continue;
		}
		if (rec && typeof rec.message === 'string' && rec.message.startsWith('{')) found = rec.message;
	}
	if (!found) return null;
	try {
		return JSON.parse(found);
	} catch {
		return null;
	}
}

function runDataOf(run) {
	return (run && run.data && run.data.resultData && run.data.resultData.runData) || {};
}

/**
 * Items a node put on one of its outputs: [{ json, binary }] (binary undefined when absent).
 * Throws (listing the nodes that ran and the run's error) when the node did not run.
 */
function outputOf(run, nodeName, { output = 0, runIndex = 0 } = {}) {
	const runs = runDataOf(run)[nodeName];
	if (!runs || !runs[runIndex]) {
		const err = errorOf(run);
		throw new Error(
			`Node "${nodeName}" has no run #${runIndex}. Nodes that ran: ${Object.keys(runDataOf(run)).join(', ') || 'none'}` +
				(err ? `. Run error: ${err.message}${err.description ? ` (${err.description})` : ''}` : ''),
		);
	}
	const taskData = runs[runIndex];
	if (taskData.error && !(taskData.data && taskData.data.main)) {
		throw new Error(
			`Node "${nodeName}" failed: ${taskData.error.message}${taskData.error.description ? ` (${taskData.error.description})` : ''}`,
		);
	}
	const main = (taskData.data && taskData.data.main) || [];
	return (main[output] || []).map((item) => ({ json: item.json, binary: item.binary }));
}

/** The input item each output item of a node pairs with (`pairedItem.item`), in output order. */
function pairedItemsOf(run, nodeName, { output = 0, runIndex = 0 } = {}) {
	const taskData = runDataOf(run)[nodeName][runIndex];
	return ((taskData.data && taskData.data.main && taskData.data.main[output]) || []).map(
		(item) => item.pairedItem && item.pairedItem.item,
	);
}

/**
 * The run's error, or null: `{ message, description, node, name, ... }` from resultData.error,
 * else the first node-level error.
 */
function errorOf(run) {
	if (!run) return { message: 'no run data' };
	const resultError = run.data && run.data.resultData && run.data.resultData.error;
	if (resultError) {
		return {
			...resultError,
			node: resultError.node && resultError.node.name ? resultError.node.name : resultError.node,
		};
	}
	for (const [node, runs] of Object.entries(runDataOf(run))) {
		for (const taskData of runs || [])
			if (taskData && taskData.error) return { ...taskData.error, node };
	}
	return null;
}

/** Names of nodes that ran, in order of start time. */
function nodesRun(run) {
	return Object.entries(runDataOf(run))
		.map(([name, runs]) => [name, (runs[0] && runs[0].startTime) || 0])
		.sort((a, b) => a[1] - b[1])
		.map(([name]) => name);
}

/** n8n's REST API stringifies execution data with `flatted`; use n8n's own copy to read it. */
function flattedParse(n8nHome, text) {
	const flatted = require(path.join(n8nHome, 'node_modules', 'flatted', 'cjs', 'index.js'));
	return flatted.parse(text);
}

module.exports = { parseRunFromLog, outputOf, pairedItemsOf, errorOf, nodesRun, flattedParse };
