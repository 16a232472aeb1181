'use strict';
/**
 * Jest globalSetup of the `n8n` project: installs the real n8n host once (minutes on a fresh
 * machine, cached after that) and packs the built package once for every test file.
 */
const fs = require('node:fs');
const path = require('node:path');

const { ensureHost, packPackage, REPO_ROOT, TGZ_ENV } = require('./host');

module.exports = async function globalSetup() {
	if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'nodes', 'Sora', 'Sora.node.js'))) {
		throw new Error('dist/ is missing: run `npm run build` first (`npm test` does it for you).');
	}
	await ensureHost();
	// Test workers start after this and inherit the environment: they reuse this tarball.
	process.env[TGZ_ENV] = await packPackage();
};
