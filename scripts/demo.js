#!/usr/bin/env node
'use strict';
/**
 * `npm run demo`: the QingBo simulator plus a real n8n (the version the harness pins: pinnedN8nVersion() in
 * tools/n8n/host.js; N8N_HOST_LINE picks the pin) with this package installed, running
 * examples/generate-video.json. Prints the finished task and where n8n stored the video.
 *   --keep-open   then start the n8n editor with the workflow and leave everything running (Ctrl+C stops).
 */
const fs = require('node:fs');
const path = require('node:path');

const { startSimulator } = require('../tools/sim/simulator');
const { createInstance, outputOf, errorOf, pinnedN8nVersion } = require('../tools/n8n/host');

const KEEP_OPEN = process.argv.includes('--keep-open') || process.env.DEMO_KEEP_OPEN === '1';
const WORKFLOW_ID = 'qbDemoGenerate01';
const CREDENTIAL = { id: 'qbExampleCred001', name: 'QingBo API' };

function findFile(dir, name) {
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) {
			const hit = findFile(full, name);
			if (hit) return hit;
		} else if (entry.name === name) return full;
	}
	return null;
}

async function main() {
	// Today's API: Sora delisted, each model takes only its own fields, every task reserves its price.
	const sim = await startSimulator({
		flavour: 'today',
		port: 0,
		queuedMs: 1000,
		renderMs: 8000,
		resultBytes: 2 * 1024 * 1024,
	});
	console.log(`QingBo simulator: ${sim.url} (renders take ~9 s)`);
	const n8n = await createInstance({ name: 'demo' });
	const stopAll = async () => {
		await n8n.dispose({ keep: KEEP_OPEN });
		await sim.close();
	};
	try {
		const workflow = JSON.parse(
			fs.readFileSync(path.join(__dirname, '..', 'examples', 'generate-video.json'), 'utf8'),
		);
		await n8n.importCredentials([
			{ ...CREDENTIAL, type: 'qingboApi', data: { apiKey: sim.apiKey, baseUrl: sim.url } },
		]);
		await n8n.importWorkflows([{ ...workflow, id: WORKFLOW_ID }]);

		console.log(`Running "${workflow.name}" in n8n ${pinnedN8nVersion()} ...`);
		const result = await n8n.execute(WORKFLOW_ID);
		const error = result.run
			? errorOf(result.run)
			: { message: `n8n exited ${result.exitCode} without run data` };
		if (result.exitCode !== 0 || error)
			throw new Error(`The workflow failed: ${error && error.message}`);

		const [item] = outputOf(result.run, 'Generate Video');
		const video = item.binary && item.binary.data;
		const stored =
			video && video.id ? findFile(n8n.userFolder, path.basename(video.id.split(':').pop())) : null;
		console.log('\nFinished task');
		console.log(`  task_id    ${item.json.task_id}`);
		console.log(`  status     ${item.json.status} (${item.json.progress}%)`);
		console.log(`  video_url  ${item.json.video_url}`);
		console.log(`  model      ${item.json.model}`);
		if (item.json.cost_usd !== undefined) console.log(`  cost       ${item.json.cost_usd} USD`);
		if (video) {
			console.log(`  video      ${video.fileName}, ${video.mimeType}, ${video.fileSize || ''}`);
			console.log(`  n8n stored ${stored || `(binary id ${video.id})`}`);
			if (stored) {
				// n8n's copy goes with the throwaway instance; keep one where the user can open it.
				const outDir = path.join(__dirname, '..', 'demo-output');
				fs.mkdirSync(outDir, { recursive: true });
				const copy = path.join(outDir, video.fileName);
				fs.copyFileSync(stored, copy);
				console.log(`  copied to  ${copy}`);
			}
		}
		console.log(
			`  simulator  ${sim.counters.tasksCreated} task created, ${sim.counters.statusReads} status reads, ${sim.counters.downloads} download`,
		);
		console.log('\nOutput JSON of the QingBo Video node:');
		console.log(JSON.stringify(item.json, null, 2));

		if (!KEEP_OPEN) return;
		await n8n.start();
		const owner = await n8n.setupOwner();
		console.log(`\nn8n editor: ${n8n.baseUrl}/workflow/${WORKFLOW_ID}`);
		console.log(`  log in as ${owner.email} / ${owner.password}`);
		console.log('  the QingBo simulator keeps running for it; press Ctrl+C to stop everything.');
		await new Promise((resolve) => {
			process.once('SIGINT', resolve);
			process.once('SIGTERM', resolve);
		});
	} finally {
		await stopAll();
	}
}

main().then(
	() => process.exit(0),
	(error) => {
		console.error(`demo failed: ${error.message}`);
		process.exit(1);
	},
);
