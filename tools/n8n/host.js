'use strict';
/**
 * A real n8n (pinned in tools/n8n/host/, or tools/n8n/host-<line>/ with N8N_HOST_LINE=<line>, e.g. 1.x) to run the
 * built package in: the n8n tests and `npm run demo` use it.
 *
 *   const { ensureHost, packPackage, createInstance } = require('./host');
 *   const inst = await createInstance();            // throwaway user folder with our package installed
 *   await inst.importCredentials([...]); await inst.importWorkflows([...]);
 *   const { exitCode, run } = await inst.execute('wfId0000000000001');
 *   outputOf(run, 'Sora')                            // -> [{ json, binary }]
 *   await inst.dispose();
 *
 * How:
 * - n8n >= 2.36 needs Node 24. We take it from the npm `node` package (binary + headers), into
 *   <cache>/node-24.21.0, and run every n8n process with it. The tests themselves run on the project's Node.
 * - n8n is installed from tools/n8n/host/package.json + package-lock.json into <cache>/n8n-<key>, key = first 12 hex
 *   of sha256(package.json ++ package-lock.json), with install scripts off (kafka's would download sources), then
 *   `npm rebuild sqlite3`. A `.ok` file marks a finished install. Cache: $N8N_HOST_CACHE or ~/.cache/qingbo-n8n-host.
 * - Our package is installed the way n8n installs community packages: <userFolder>/.n8n/nodes/node_modules/<pkg>.
 * - Every n8n process gets its own free task-broker port (two n8n processes on one broker port: the second exits 1).
 * - Loopback only; the env in harness/instance-env.js keeps n8n from calling its own services.
 * - `n8n execute` prints the run through the logger: with N8N_LOG_FORMAT=json it is the `message` of the last
 *   JSON log line whose message starts with `{`.
 *
 * Plain JS on purpose: n8n's community lint bans process/console/timers in .ts files, and this is test tooling.
 *
 * This file is the façade; the code lives in harness/, one module per concern:
 *   config.js           repo paths, the pin per N8N_HOST_LINE (hostLine, hostSpecDir, pinnedN8nVersion), cache, timeouts
 *   util.js             sleep, until, log, child env, readable log tails (tailOf)
 *   process.js          free ports, runCommand, process-tree kill and exit hook, the install lock (withLock)
 *   install.js          Node 24 + the pinned n8n in the cache (ensureHost), hostFeatures
 *   pack.js             npm pack of this package (packPackage)
 *   run-data.js         parseRunFromLog, outputOf, pairedItemsOf, errorOf, nodesRun, flatted execution data
 *   http.js             request
 *   instance.js         createInstance: folders, package install, assembles the parts below
 *   instance-env.js     the env of an instance's n8n processes
 *   instance-cli.js     import:credentials, import:workflow, execute, publish
 *   instance-server.js  `n8n start`: start, waitForWebhook, stop
 *   instance-rest.js    REST session (owner, login) and executions API
 */
const {
	REPO_ROOT,
	HOST_LINE_ENV,
	hostLine,
	hostSpecDir,
	NODE_VERSION,
	PACKAGE_NAME,
	TGZ_ENV,
	cacheDir,
	hostKey,
	pinnedN8nVersion,
} = require('./harness/config');
const { tailOf, until } = require('./harness/util');
const { freePort, withLock } = require('./harness/process');
const { ensureHost, hostFeatures } = require('./harness/install');
const { packPackage } = require('./harness/pack');
const {
	parseRunFromLog,
	outputOf,
	pairedItemsOf,
	errorOf,
	nodesRun,
} = require('./harness/run-data');
const { request, submitTask } = require('./harness/http');
const { createInstance } = require('./harness/instance');
const { TERMINAL_STATUSES } = require('./harness/instance-rest');

module.exports = {
	ensureHost,
	packPackage,
	createInstance,
	outputOf,
	pairedItemsOf,
	errorOf,
	nodesRun,
	parseRunFromLog,
	freePort,
	request,
	submitTask,
	until,
	TERMINAL_STATUSES,
	hostKey,
	hostLine,
	hostSpecDir,
	hostFeatures,
	pinnedN8nVersion,
	HOST_LINE_ENV,
	cacheDir,
	PACKAGE_NAME,
	NODE_VERSION,
	TGZ_ENV,
	REPO_ROOT,
	withLock,
	tailOf,
};
