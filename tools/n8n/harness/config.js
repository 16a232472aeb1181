'use strict';
/** Where things are and what is pinned: repo paths, the n8n pin per N8N_HOST_LINE, Node version, cache, timeouts. */
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

/** test/n8n/: the pin folders host/ and host-<line>/ live here. */
const N8N_TEST_DIR = path.resolve(__dirname, '..');
const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
/**
 * Which pinned n8n to install and run: N8N_HOST_LINE unset (or `2.x`) -> tools/n8n/host/ (n8n 2.41.1);
 * N8N_HOST_LINE=<line> -> tools/n8n/host-<line>/ (e.g. `1.x` -> n8n 1.123.x). Each pin has its own lockfile and
 * its own cache folder. The harness never compares version strings: where the pins differ (CLI commands,
 * modules) it probes the installed n8n (see hostFeatures()).
 */
const HOST_LINE_ENV = 'N8N_HOST_LINE';
const DEFAULT_HOST_LINE = '2.x';
function hostLine() {
	return (process.env[HOST_LINE_ENV] || '').trim() || DEFAULT_HOST_LINE;
}
function hostSpecDir(line = hostLine()) {
	if (line === DEFAULT_HOST_LINE) return path.join(N8N_TEST_DIR, 'host');
	if (!/^[A-Za-z0-9._-]+$/.test(line))
		throw new Error(`${HOST_LINE_ENV}=${line}: expected a pin folder suffix such as 1.x`);
	const dir = path.join(N8N_TEST_DIR, `host-${line}`);
	if (!fs.existsSync(path.join(dir, 'package.json')))
		throw new Error(
			`${HOST_LINE_ENV}=${line}: no pin at ${path.relative(REPO_ROOT, dir)}/package.json`,
		);
	return dir;
}
const NODE_VERSION = '24.21.0';
const PACKAGE_NAME = require(path.join(REPO_ROOT, 'package.json')).name;
/** Set by global-setup.js so test files reuse its tarball. */
const TGZ_ENV = 'QINGBO_SORA_N8N_TGZ';

const MIN = 60 * 1000;
const TIMEOUTS = {
	nodeInstall: 5 * MIN,
	n8nInstall: 25 * MIN,
	sqliteRebuild: 10 * MIN,
	lockWait: 40 * MIN,
	lockStale: 45 * MIN, // a lock older than this is taken over even if its owner seems alive
	pack: 2 * MIN,
	packageInstall: 3 * MIN,
	cli: 2 * MIN, // import, publish
	execute: 3 * MIN,
	start: 2 * MIN,
	stop: 20 * 1000,
	webhook: 45 * 1000,
	http: 30 * 1000,
};

function cacheDir() {
	return process.env.N8N_HOST_CACHE || path.join(os.homedir(), '.cache', 'qingbo-n8n-host');
}

/** The cache key of the pinned n8n: first 12 hex chars of sha256(package.json ++ package-lock.json). */
function hostKey() {
	const hash = crypto.createHash('sha256');
	const spec = hostSpecDir();
	hash.update(fs.readFileSync(path.join(spec, 'package.json')));
	hash.update(fs.readFileSync(path.join(spec, 'package-lock.json')));
	return hash.digest('hex').slice(0, 12);
}

/** The n8n version the selected pin asks for (its package.json), e.g. "2.41.1". */
function pinnedN8nVersion() {
	return require(path.join(hostSpecDir(), 'package.json')).dependencies.n8n;
}

module.exports = {
	REPO_ROOT,
	HOST_LINE_ENV,
	hostLine,
	hostSpecDir,
	NODE_VERSION,
	PACKAGE_NAME,
	TGZ_ENV,
	TIMEOUTS,
	cacheDir,
	hostKey,
	pinnedN8nVersion,
};
