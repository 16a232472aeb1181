/**
 * The layering rule of docs/architecture.md, checked on the source: runtime imports in nodes/ form
 * no cycle, a layer imports only from the layers below it, and nothing in nodes/ reaches into test/
 * or scripts/. Type-only imports are left out: they vanish from the built code.
 */
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');

function sourceFiles(dir) {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return sourceFiles(full);
		return entry.name.endsWith('.ts') ? [full] : [];
	});
}

/**
 * What a file imports or requires by a relative path, resolved (to its `.ts` file or folder index
 * when there is one); `runtimeOnly` leaves out type-only imports, which vanish from the built code.
 */
function relativeImports(file, { runtimeOnly = false } = {}) {
	const text = fs.readFileSync(file, 'utf8');
	const pattern =
		/(?:^(?:import|export)\s+(type\s+)?[^;]*?from\s+|require\(\s*)'(\.{1,2}\/[^']+)'/gms;
	return [...text.matchAll(pattern)]
		.filter(([, typeOnly]) => !(runtimeOnly && typeOnly))
		.map(([, , spec]) => {
			const base = path.resolve(path.dirname(file), spec);
			return [`${base}.ts`, path.join(base, 'index.ts')].find((f) => fs.existsSync(f)) ?? base;
		});
}

const rel = (file) => path.relative(ROOT, file);
const files = [
	...sourceFiles(path.join(ROOT, 'nodes')),
	...sourceFiles(path.join(ROOT, 'credentials')),
];
const graph = new Map(files.map((file) => [file, relativeImports(file, { runtimeOnly: true })]));

/** Which layer a file is in: a version, what the versions share, the engine, the trigger. */
function layerOf(file) {
	const r = rel(file);
	if (r.startsWith('nodes/shared/')) return 'engine';
	if (r.startsWith('nodes/Sora/common/')) return 'common';
	if (/^nodes\/Sora\/v\d+\//.test(r)) return 'version';
	if (r.startsWith('nodes/Sora/')) return 'entry';
	if (r.startsWith('nodes/SoraTrigger/')) return 'trigger';
	if (r.startsWith('credentials/')) return 'credentials';
	return 'elsewhere';
}

/** Which layers each layer may import at run time. */
const MAY_IMPORT = {
	entry: ['entry', 'version', 'common', 'engine'],
	version: ['version', 'common', 'engine'],
	common: ['common', 'engine'],
	engine: ['engine'],
	trigger: ['trigger', 'common', 'engine'],
	credentials: ['credentials', 'engine'],
};

test('the package source is found and its imports resolve', () => {
	expect(files.length).toBeGreaterThan(50);
	for (const [file, imports] of graph)
		for (const target of imports)
			expect([rel(file), fs.existsSync(target)]).toEqual([rel(file), true]);
});

test('runtime imports in nodes/ form no cycle', () => {
	const cycles = [];
	const state = new Map(); // file -> 'open' | 'done'
	const visit = (file, trail) => {
		if (state.get(file) === 'done') return;
		if (state.get(file) === 'open') {
			cycles.push([...trail.slice(trail.indexOf(file)), file].map(rel).join(' → '));
			return;
		}
		state.set(file, 'open');
		for (const next of graph.get(file) ?? []) visit(next, [...trail, file]);
		state.set(file, 'done');
	};
	for (const file of files) visit(file, []);
	expect(cycles).toEqual([]);
});

test('each layer imports only from itself and the layers below it', () => {
	const wrong = [];
	for (const [file, imports] of graph) {
		const from = layerOf(file);
		for (const target of imports)
			if (!MAY_IMPORT[from]?.includes(layerOf(target)))
				wrong.push(`${rel(file)} (${from}) → ${rel(target)} (${layerOf(target)})`);
	}
	expect(wrong).toEqual([]);
});

test('nodes/ reaches into no test, tool or script, and scripts/ into no test', () => {
	const reachesInto = (file, folders) =>
		relativeImports(file)
			.map(rel)
			.filter((target) => folders.some((folder) => target.startsWith(`${folder}/`)));
	const wrong = [];
	for (const file of files) wrong.push(...reachesInto(file, ['test', 'tools', 'scripts']));
	const scripts = fs
		.readdirSync(path.join(ROOT, 'scripts'))
		.filter((name) => /\.(m?js)$/.test(name))
		.map((name) => path.join(ROOT, 'scripts', name));
	for (const file of scripts)
		wrong.push(...reachesInto(file, ['test']).map((target) => `${rel(file)} → ${target}`));
	expect(scripts.length).toBeGreaterThan(3);
	expect(wrong).toEqual([]);
});
