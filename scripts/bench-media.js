#!/usr/bin/env node
'use strict';
/**
 * `npm run bench:media`: Binary Media with a large source video, side by side in one run. A 200 MB
 * video is posted to a Webhook (n8n stores it as binary data) and sent by QingBo Video (Kling 3 Omni,
 * `video_urls`) from Binary Media; the simulator fetches it from n8n's link as QingBo would. The same
 * request then gives the same file by URL (a static server on 127.0.0.1), so n8n serves nothing.
 * RSS of the n8n processes (main + task runner) sampled every 100 ms. Writes section 9 of
 * BENCHMARKS.md (MEDIA_SECTION in scripts/benchmarks-file.js).
 *   --mb <n>   the video's size (default 200)
 */
const { createHash } = require('node:crypto');
const http = require('node:http');

const { startSimulator } = require('../tools/sim/simulator');
const { createInstance, outputOf, request, pinnedN8nVersion } = require('../tools/n8n/host');
const {
	MEDIA_SECTION,
	putSection,
	measuredOn,
	numberArg,
	sampleRss,
	runScript,
} = require('./benchmarks-file');
const {
	chainWorkflow,
	webhookNode,
	soraV2Node,
	modelFields,
	simCredential,
} = require('../tools/n8n/workflows');

const MB = numberArg('--mb', 200);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (line) => process.stderr.write(`[bench-media] ${line}\n`);

/** A source video: an MP4 header, then filler; `MB` megabytes. */
function sourceVideo() {
	const video = Buffer.alloc(MB * 1024 * 1024, 0x5a);
	Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypmp42', 'latin1')]).copy(video);
	return video;
}

/** Kling 3 Omni Generate with the reference video in `video_urls`, from Binary Media or from a URL. */
const klingNode = (media) =>
	soraV2Node({
		resource: 'video',
		operation: 'generate',
		model: 'kling-v3-omni',
		prompt: 'The same scene at night',
		modelFields: modelFields({ duration: 5, ...(media.url ? { video_urls: media.url } : {}) }),
		...(media.binary
			? { binaryMedia: { media: [{ field: 'video_urls', binaryProperty: 'data' }] } }
			: {}),
		waitMode: 'poll',
		options: { timeout: 900 },
	});

/** A static file server for the by-URL case: the one file, streamed. */
async function fileServer(bytes) {
	const server = http.createServer((req, res) => {
		res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': bytes.length });
		res.end(bytes);
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${server.address().port}/source.mp4`,
		close: () => server.close(),
	};
}

/** One run: posts `body` to the workflow's webhook; the n8n RSS growth while it runs, and the fetch. */
async function measure(n8n, sim, workflow, path, body, headers) {
	sim.reset();
	await sleep(2000);
	const rss = sampleRss(n8n.userFolder);
	const before = new Set((await n8n.listExecutions(workflow.id)).map((e) => e.id));
	const started = Date.now();
	await request('POST', `${n8n.baseUrl}/webhook/${path}`, { body, headers, timeoutMs: 600_000 });
	const execution = await n8n.waitForExecution(workflow.id, {
		where: (e) => !before.has(e.id),
		timeoutMs: 600_000,
	});
	const tookMs = Date.now() - started;
	const { idleMb, growthMb } = await rss.stop();
	const [row] = outputOf(execution.run, 'Sora');
	const fetched = sim.mediaFetches[0] ?? {};
	return {
		ok: execution.status === 'success' && row?.json?.status === 'completed',
		tookMs,
		idleMb,
		growthMb,
		fetchedBytes: fetched.bytes ?? 0,
		sha256: fetched.sha256,
	};
}

async function main() {
	const video = sourceVideo();
	const expected = createHash('sha256').update(video).digest('hex');
	const files = await fileServer(video);
	const sim = await startSimulator({
		flavour: 'today',
		fetchMedia: true,
		queuedMs: 200,
		renderMs: 1000,
	});
	const n8n = await createInstance({ name: 'bench-media' });
	try {
		const fromBinary = chainWorkflow('qbBenchMediaBin1', 'Bench: source video from binary data', [
			webhookNode('bench-media-binary'),
			klingNode({ binary: true }),
		]);
		const fromUrl = chainWorkflow('qbBenchMediaUrl1', 'Bench: source video from a URL', [
			webhookNode('bench-media-url'),
			klingNode({ url: files.url }),
		]);
		await n8n.importCredentials([simCredential(sim)]);
		await n8n.importWorkflows([fromBinary, fromUrl]);
		await n8n.publish(fromBinary.id);
		await n8n.publish(fromUrl.id);
		await n8n.start();
		await n8n.setupOwner();
		await n8n.waitForWebhook('bench-media-binary');
		await n8n.waitForWebhook('bench-media-url');
		const binary = await measure(n8n, sim, fromBinary, 'bench-media-binary', video, {
			'content-type': 'video/mp4',
		});
		log(`binary: ${JSON.stringify(binary)}`);
		const url = await measure(n8n, sim, fromUrl, 'bench-media-url', {});
		log(`url: ${JSON.stringify(url)}`);
		const { date, machine } = measuredOn();
		const row = (label, r) =>
			`| ${label} | ${r.ok && r.sha256 === expected ? 'yes' : '**no**'} | ${(r.fetchedBytes / 1024 ** 2).toFixed(0)} MB | ${(r.tookMs / 1000).toFixed(1)} s | ${r.idleMb.toFixed(0)} MB | ${r.growthMb.toFixed(0)} MB |`;
		const markdown = [
			MEDIA_SECTION,
			'',
			`Measured by \`npm run bench:media\` on ${date} (${machine}), n8n ${pinnedN8nVersion()}, filesystem binary data mode, under \`n8n start\`. A ${MB} MB source video posted to a Webhook, then sent by QingBo Video (Kling 3 Omni, \`video_urls\`) from Binary Media: the node checks it (type, first bytes, size, SHA-256 for the idempotency key), copies the upload into the execution, and the simulator fetches it from n8n's signed link as QingBo would. Beside it, the same request with the file's URL in Model Fields (a static server on 127.0.0.1; n8n serves nothing). Time: from the upload's first byte to the finished execution. RSS of the n8n processes (main + task runner), sampled every 100 ms.`,
			'',
			'| source video | QingBo received the exact bytes | fetched | time | idle RSS | peak RSS growth |',
			'|---|---|---|---|---|---|',
			row('from binary data (Binary Media)', binary),
			row('from a URL (Model Fields)', url),
			'',
			`From binary data ÷ from a URL: time ${(binary.tookMs / url.tookMs).toFixed(1)}× (${(binary.tookMs / 1000).toFixed(1)} s vs ${(url.tookMs / 1000).toFixed(1)} s: the upload, the check and the copy); peak RSS growth ${binary.growthMb.toFixed(0)} MB vs ${url.growthMb.toFixed(0)} MB, so the ${MB} MB file was streamed, never held whole.`,
			'',
		].join('\n');
		putSection(markdown);
		log(`\n${markdown}\nwritten to BENCHMARKS.md (section 9)`);
	} finally {
		await n8n.dispose();
		await sim.close();
		files.close();
	}
}

runScript('bench-media', main);
