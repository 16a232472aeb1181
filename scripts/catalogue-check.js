#!/usr/bin/env node
'use strict';
/**
 * `npm run catalogue:check`: what a key's `GET /v1/models` says against the node's catalogue of model
 * rules, so keeping the catalogue current takes minutes. Prints
 * - models the key serves that the catalogue does not know,
 * - catalogue models the key no longer serves (delisted ones aside),
 * - price keys (resolutions, action_resolution) the catalogue has no rule for,
 * - list prices that moved,
 * and exits 0 when nothing differs, 1 when something does, 2 when the list could not be read.
 *
 *   QINGBO_API_KEY=sk-... [QINGBO_BASE_URL=https://api.qingbo.ai] npm run catalogue:check [-- --json]
 *
 * The key is read from the environment by this script only (the nodes never read it; `npm run
 * catalogue:check` builds them with the key removed from the build's environment), sent only to
 * QINGBO_BASE_URL (https, or http to this machine), never printed.
 */
const path = require('node:path');

const DEFAULT_BASE_URL = 'https://api.qingbo.ai';

/** The resolutions an action of a model takes (its `resolution` field's values), lower case. */
function resolutionsOf(actionRules) {
	const values = actionRules?.fields?.resolution?.values ?? [];
	return values.map((value) => String(value).toLowerCase());
}

/** Whether the catalogue has a rule for a price key: a resolution (`720p`) or an action's (`edit_720p`). */
function coveredPriceKey(model, key) {
	if (model.pricing && Object.keys(model.pricing.usd).includes(key)) return true;
	const split = /^([a-z]+)_(.+)$/.exec(key);
	const [action, resolution] =
		split && model.actions[split[1]] ? [split[1], split[2]] : [null, key];
	const actions = action ? [model.actions[action]] : Object.values(model.actions);
	return actions.some((rules) => resolutionsOf(rules).includes(resolution));
}

/** The models a `GET /v1/models` answer lists: `{data}`, `{models}` or a bare array; a bare ID becomes `{id}`. */
function entriesOf(answer) {
	const list = Array.isArray(answer) ? answer : (answer?.data ?? answer?.models ?? []);
	return (Array.isArray(list) ? list : [])
		.map((entry) => (typeof entry === 'string' ? { id: entry } : entry))
		.filter((entry) => entry && typeof entry.id === 'string' && entry.id);
}

/**
 * The differences between the catalogue (an array of model rules) and what a key serves (the list's
 * entries): each list sorted, so the same drift always reads the same.
 */
function compareCatalogue(catalogue, entries) {
	const known = new Map(catalogue.map((model) => [model.id, model]));
	const served = new Map(entries.map((entry) => [entry.id.trim().toLowerCase(), entry]));
	const report = { unknownServed: [], knownNotServed: [], uncoveredPriceKeys: [], movedPrices: [] };
	for (const id of served.keys()) if (!known.has(id)) report.unknownServed.push(id);
	for (const model of catalogue)
		if (!model.delisted && !served.has(model.id)) report.knownNotServed.push(model.id);
	for (const [id, entry] of served) {
		const model = known.get(id);
		const prices = entry.price_config?.video_prices;
		if (!model || !prices || typeof prices !== 'object') continue;
		for (const [rawKey, rawValue] of Object.entries(prices)) {
			const key = rawKey.toLowerCase();
			const usd = typeof rawValue === 'number' ? rawValue : Number(rawValue?.usd ?? rawValue);
			if (!coveredPriceKey(model, key)) report.uncoveredPriceKeys.push({ model: id, key, usd });
			const listed = model.pricing?.usd[key];
			if (listed !== undefined && Number.isFinite(usd) && Math.abs(listed - usd) > 1e-9)
				report.movedPrices.push({ model: id, key, catalogueUsd: listed, servedUsd: usd });
		}
	}
	report.unknownServed.sort();
	report.knownNotServed.sort();
	const byModelKey = (a, b) => a.model.localeCompare(b.model) || a.key.localeCompare(b.key);
	report.uncoveredPriceKeys.sort(byModelKey);
	report.movedPrices.sort(byModelKey);
	return report;
}

function differences(report) {
	return (
		report.unknownServed.length +
		report.knownNotServed.length +
		report.uncoveredPriceKeys.length +
		report.movedPrices.length
	);
}

/** The report as a maintainer reads it: one line per difference, under what it means for the catalogue. */
function formatReport(report, { checkedOn, baseUrl }) {
	const lines = [
		`Catalogue rules checked on ${checkedOn}; GET ${baseUrl}/v1/models read on ${new Date().toISOString().slice(0, 10)}.`,
	];
	const section = (title, items, todo) => {
		lines.push('', `${title} (${items.length})${items.length ? `: ${todo}` : ''}`);
		for (const item of items) lines.push(`  - ${item}`);
	};
	section(
		'Served by the key, not in the catalogue',
		report.unknownServed,
		'add an entry to its family file (docs/models/README.md), or leave it to Additional Fields',
	);
	section(
		'In the catalogue, not served by the key',
		report.knownNotServed,
		"retired upstream, or not allowed for this key: check QingBo's model changelog, then mark it delisted or remove it",
	);
	section(
		'Price keys the catalogue has no rule for',
		report.uncoveredPriceKeys.map(({ model, key, usd }) => `${model}: ${key} ($${usd})`),
		"a new resolution or action: add it to the model's fields and its pricing",
	);
	section(
		'List prices that moved',
		report.movedPrices.map(
			({ model, key, catalogueUsd, servedUsd }) =>
				`${model} ${key}: catalogue $${catalogueUsd}, served $${servedUsd}`,
		),
		"update the model's pricing",
	);
	const n = differences(report);
	lines.push(
		'',
		n === 0
			? 'Nothing differs: the catalogue matches what this key serves.'
			: `${n} difference${n === 1 ? '' : 's'}. After updating, set CATALOGUE_CHECKED_ON in nodes/shared/models/catalogue.ts and run npm test.`,
	);
	return lines.join('\n');
}

const DIST = path.join(__dirname, '..', 'dist', 'nodes', 'shared');

/**
 * https, or http to this machine, judged by the nodes' own rule (a `127.attacker.example` host is
 * not this machine): the key never travels in clear text off it.
 */
function checkedBaseUrl(raw) {
	const { apiOrigin, checkBaseUrl } = require(path.join(DIST, 'transport', 'url-policy.js'));
	const url = checkBaseUrl(apiOrigin(raw || DEFAULT_BASE_URL), false);
	return url.origin + url.pathname.replace(/\/+$/, '');
}

async function main(argv = process.argv.slice(2), env = process.env) {
	const key = env.QINGBO_API_KEY;
	if (!key) {
		process.stderr.write(
			'Set QINGBO_API_KEY to a QingBo API key (it is read here only, never printed).\n',
		);
		return 2;
	}
	let baseUrl;
	try {
		baseUrl = checkedBaseUrl(env.QINGBO_BASE_URL);
	} catch (error) {
		process.stderr.write(`${error.message}\n`);
		return 2;
	}
	const { CATALOGUE, CATALOGUE_CHECKED_ON } = require(path.join(DIST, 'models', 'catalogue.js'));
	let answer;
	try {
		// No redirect is followed: the key goes to QINGBO_BASE_URL only.
		const response = await fetch(`${baseUrl}/v1/models`, {
			headers: { authorization: `Bearer ${key}`, accept: 'application/json' },
			redirect: 'manual',
			signal: AbortSignal.timeout(30_000),
		});
		if (response.status !== 200) throw new Error(`GET /v1/models answered HTTP ${response.status}`);
		answer = await response.json();
	} catch (error) {
		process.stderr.write(`Could not read the key's models from ${baseUrl}: ${error.message}\n`);
		return 2;
	}
	const report = compareCatalogue(CATALOGUE, entriesOf(answer));
	process.stdout.write(
		argv.includes('--json')
			? `${JSON.stringify({ checkedOn: CATALOGUE_CHECKED_ON, baseUrl, ...report }, null, 2)}\n`
			: `${formatReport(report, { checkedOn: CATALOGUE_CHECKED_ON, baseUrl })}\n`,
	);
	return differences(report) === 0 ? 0 : 1;
}

if (require.main === module) {
	main().then(
		(code) => process.exit(code),
		(error) => {
			process.stderr.write(`${error.stack || error}\n`);
			process.exit(2);
		},
	);
}

module.exports = { compareCatalogue, entriesOf, formatReport, differences, main, checkedBaseUrl };
