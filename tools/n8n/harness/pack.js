'use strict';
/** `npm pack` of this package (or another folder) into a temp dir that is removed at exit. */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { REPO_ROOT, TGZ_ENV, TIMEOUTS } = require('./config');
const { cleanEnv } = require('./util');
const { runCommand } = require('./process');

let packPromise = null;

/**
 * `npm pack` the repo (needs `dist/` from `npm run build`) into a temp dir; memoised per process.
 * Reuses the tarball global-setup.js made (env QINGBO_SORA_N8N_TGZ) when it exists.
 * @param {{ dir?: string }} [opts] pack another package directory instead (not memoised)
 * @returns {Promise<string>} absolute path of the .tgz
 */
async function packPackage(opts = {}) {
	if (opts.dir) return pack(opts.dir);
	const shared = process.env[TGZ_ENV];
	if (shared && fs.existsSync(shared)) return shared;
	if (!packPromise) {
		packPromise = pack(REPO_ROOT);
		packPromise.catch(() => {
			packPromise = null;
		});
	}
	return packPromise;
}

async function pack(dir) {
	if (dir === REPO_ROOT && !fs.existsSync(path.join(REPO_ROOT, 'dist'))) {
		throw new Error(`${REPO_ROOT}/dist is missing: run \`npm run build\` first`);
	}
	const dest = fs.mkdtempSync(path.join(os.tmpdir(), 'qingbo-n8n-pack-'));
	cleanupOnExit(dest);
	const env = cleanEnv();
	const r = await runCommand(
		'npm',
		['pack', '--ignore-scripts', '--json', '--pack-destination', dest],
		{
			cwd: dir,
			env,
			timeoutMs: TIMEOUTS.pack,
		},
	);
	if (r.code !== 0)
		throw new Error(`npm pack in ${dir} failed (exit ${r.code}):\n${r.stderr.slice(-2000)}`);
	let filename;
	try {
		filename = JSON.parse(r.stdout)[0].filename;
	} catch {
		filename = fs.readdirSync(dest).find((f) => f.endsWith('.tgz'));
	}
	const tgz = path.join(dest, filename);
	if (!fs.existsSync(tgz)) throw new Error(`npm pack did not produce ${tgz}`);
	return tgz;
}

const removeOnExit = new Set();
let removeHookInstalled = false;
function cleanupOnExit(dir) {
	removeOnExit.add(dir);
	if (removeHookInstalled) return;
	removeHookInstalled = true;
	process.on('exit', () => {
		for (const d of removeOnExit) fs.rmSync(d, { recursive: true, force: true });
	});
}

module.exports = { packPackage };
