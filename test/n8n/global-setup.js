'use strict';
/**
 * Jest globalSetup of the `n8n` project: installs the real n8n host once (minutes on a fresh
 * machine, cached after that) and packs the built package once for every test file.
 * N8N_HOST_LINE=1.x runs the same tests on the n8n 1.x pin (tools/n8n/host-1.x/).
 */
const fs = require('node:fs');
const path = require('node:path');

const { ensureHost, packPackage, REPO_ROOT, TGZ_ENV } = require('../../tools/n8n/host');

module.exports = async function globalSetup() {
	if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'nodes', 'Sora', 'Sora.node.js'))) {
		throw new Error('dist/ is missing: run `npm run build` first (`npm test` does it for you).');
	}
	const host = await ensureHost();
	// Which n8n this run tests (N8N_HOST_LINE picks the pin; see host.js): printed so a CI log says it.
	process.stderr.write(
		`[n8n-host] real-n8n tests run on n8n ${host.features.version} (N8N_HOST_LINE=${host.line})\n`,
	);
	// Test workers start after this and inherit the environment: they reuse this tarball.
	process.env[TGZ_ENV] = await packPackage();
};
