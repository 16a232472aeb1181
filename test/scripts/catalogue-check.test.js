/**
 * `npm run catalogue:check` against the simulator: in step with the catalogue it reports nothing; with a
 * drift set up (a model added, two gone, a new price key, a price moved) it reports exactly that.
 * Needs the built package (dist/), as the command does: `npm test` builds it first.
 */
const { execFile } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const { startSimulator } = require('../../tools/sim/simulator');
const { TODAY_MODELS } = require('../../tools/sim/models');
const { checkedBaseUrl, compareCatalogue, entriesOf } = require('../../scripts/catalogue-check');

const REPO = path.join(__dirname, '..', '..');
const BUILT = path.join(REPO, 'dist', 'nodes', 'shared', 'models', 'catalogue.js');
const SCRIPT = path.join(REPO, 'scripts', 'catalogue-check.js');

let sim;
beforeAll(async () => {
	if (!fs.existsSync(BUILT)) throw new Error('dist/ is missing: run `npm run build` first');
	sim = await startSimulator({ flavour: 'today' });
});
afterAll(async () => sim?.close());

const DRIFT = {
	models: [
		...TODAY_MODELS.filter((id) => !['veo3.1-lite', 'kling-v2-6'].includes(id)),
		'veo4-preview',
	],
	priceOverrides: {
		'veo4-preview': { '720p': 0.1 },
		'kling-v3': { '8k': 0.5 },
		'veo3.1-fast': { '720p': 0.08 },
		'happyhorse-1.0': { extend_720p: 0.2 },
	},
};

async function reportNow() {
	const { CATALOGUE } = require(BUILT);
	const answer = await fetch(`${sim.url}/v1/models`, {
		headers: { authorization: `Bearer ${sim.apiKey}` },
	});
	return compareCatalogue(CATALOGUE, entriesOf(await answer.json()));
}

/** The command as a maintainer runs it, in its own process (the simulator answers from this one). */
function runCommand(env, args = []) {
	return new Promise((resolve) => {
		execFile(
			process.execPath,
			[SCRIPT, ...args],
			{ env: { PATH: process.env.PATH, ...env }, encoding: 'utf8', timeout: 60_000 },
			(error, stdout, stderr) => resolve({ status: error ? error.code : 0, stdout, stderr }),
		);
	});
}

test('in step with the catalogue, it reports nothing and exits 0', async () => {
	sim.configure({ flavour: 'today' });
	expect(await reportNow()).toEqual({
		unknownServed: [],
		knownNotServed: [],
		uncoveredPriceKeys: [],
		movedPrices: [],
	});
	const run = await runCommand({ QINGBO_API_KEY: sim.apiKey, QINGBO_BASE_URL: sim.url });
	expect(run.status).toBe(0);
	expect(run.stdout).toMatch(/Nothing differs/);
});

test('with a drift set up, it reports every difference and nothing else, and exits 1', async () => {
	sim.configure({ flavour: 'today', ...DRIFT });
	expect(await reportNow()).toEqual({
		unknownServed: ['veo4-preview'],
		knownNotServed: ['kling-v2-6', 'veo3.1-lite'],
		uncoveredPriceKeys: [
			{ model: 'happyhorse-1.0', key: 'extend_720p', usd: 0.2 },
			{ model: 'kling-v3', key: '8k', usd: 0.5 },
		],
		movedPrices: [{ model: 'veo3.1-fast', key: '720p', catalogueUsd: 0.072, servedUsd: 0.08 }],
	});
	const run = await runCommand({ QINGBO_API_KEY: sim.apiKey, QINGBO_BASE_URL: `${sim.url}/v1/` });
	expect(run.status).toBe(1);
	for (const line of [
		'Served by the key, not in the catalogue (1)',
		'  - veo4-preview',
		'In the catalogue, not served by the key (2)',
		'  - kling-v2-6',
		'  - veo3.1-lite',
		'Price keys the catalogue has no rule for (2)',
		'  - happyhorse-1.0: extend_720p ($0.2)',
		'  - kling-v3: 8k ($0.5)',
		'List prices that moved (1)',
		'  - veo3.1-fast 720p: catalogue $0.072, served $0.08',
		'6 differences.',
	])
		expect(run.stdout).toContain(line);
	expect(run.stdout + run.stderr).not.toContain(sim.apiKey);
	const json = await runCommand({ QINGBO_API_KEY: sim.apiKey, QINGBO_BASE_URL: sim.url }, [
		'--json',
	]);
	expect(json.status).toBe(1);
	expect(JSON.parse(json.stdout)).toMatchObject({
		checkedOn: require(BUILT).CATALOGUE_CHECKED_ON,
		unknownServed: ['veo4-preview'],
		knownNotServed: ['kling-v2-6', 'veo3.1-lite'],
	});
});

test('refuses to send the key in clear text off this machine, and needs a key', async () => {
	const clear = await runCommand({
		QINGBO_API_KEY: 'sk-x',
		QINGBO_BASE_URL: 'http://qingbo.example',
	});
	expect(clear.status).toBe(2);
	expect(clear.stderr).toMatch(/unencrypted http, so the API key would travel in clear text/);
	// A host that starts like a loopback address is not this machine.
	const lookalike = await runCommand({
		QINGBO_API_KEY: 'sk-x',
		QINGBO_BASE_URL: 'http://127.attacker.example:8080',
	});
	expect(lookalike.status).toBe(2);
	expect(lookalike.stderr).toMatch(/clear text/);
	const none = await runCommand({});
	expect(none.status).toBe(2);
	expect(none.stderr).toMatch(/QINGBO_API_KEY/);
});

test('takes the Base URL as the nodes do: https, or http to this machine only', () => {
	expect(checkedBaseUrl('https://api.qingbo.ai/v1/')).toBe('https://api.qingbo.ai');
	expect(checkedBaseUrl('http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080');
	expect(checkedBaseUrl('http://localhost:5678')).toBe('http://localhost:5678');
	for (const url of ['http://127.attacker.example', 'http://localhost.evil.example', 'ftp://x'])
		expect(() => checkedBaseUrl(url)).toThrow(/Base URL/);
});
