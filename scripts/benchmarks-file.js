'use strict';
/**
 * BENCHMARKS.md is written by four scripts: scripts/bench.js (the header and sections 1-5 and 7, one n8n
 * process), scripts/bench-queue.js (the queue-mode section, a whole queue stack), scripts/bench-dedupe.js
 * (section 8, the Remove Duplicates recipe) and scripts/bench-media.js (section 9, Binary Media). Each replaces only what it measured, so running one never
 * erases another's figures; the file keeps its sections in the order of their numbers, whichever script
 * wrote last. Also what the scripts share to say when and where they measured and to run.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const FILE = path.join(__dirname, '..', 'BENCHMARKS.md');
const QUEUE_SECTION = '## 6. Queue mode: trigger burst';
const DEDUPE_SECTION = '## 8. Remove Duplicates when outcomes finish together';
const MEDIA_SECTION = '## 9. Binary Media: a large source video';

function read() {
	return fs.existsSync(FILE) ? fs.readFileSync(FILE, 'utf8') : '# Benchmarks\n';
}

/** Writes `text` with its "## N. …" sections sorted by N (the header before them stays first). */
function write(text) {
	const [header, ...sections] = text.split(/\n(?=## )/);
	const number = (section) => Number.parseFloat(section.slice(3)) || Infinity;
	sections.sort((a, b) => number(a) - number(b));
	fs.writeFileSync(FILE, `${[header, ...sections].map((s) => s.trim()).join('\n\n')}\n`);
}

/** The section of `text` that starts with `heading`, up to the next "## " heading; '' when absent. */
function sectionOf(text, heading) {
	const start = text.indexOf(heading);
	if (start < 0) return '';
	const next = text.indexOf('\n## ', start + heading.length);
	return text.slice(start, next >= 0 ? next + 1 : text.length);
}

/** Put `markdown` (one whole section, heading first) in place of the section of the same heading, or add it. */
function putSection(markdown) {
	const heading = markdown.split('\n')[0];
	const text = read();
	const old = sectionOf(text, heading);
	// A function, so a `$` in the figures is not read as a replacement pattern.
	write(old ? text.replace(old, () => `${markdown.trim()}\n`) : `${text.trimEnd()}\n\n${markdown}`);
}

/** Write `markdown` as the whole file, keeping the sections that other scripts measured (`keepHeadings`). */
function rewriteKeeping(markdown, keepHeadings) {
	const old = read();
	const kept = keepHeadings.map((heading) => sectionOf(old, heading).trimEnd()).filter(Boolean);
	write([markdown.trimEnd(), ...kept].join('\n\n'));
}

/** Today's date and the machine, as the sections that measure on their own state them. */
function measuredOn() {
	return {
		date: new Date().toISOString().slice(0, 10),
		machine: `${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM`,
	};
}

/** The number after `name` on the command line (`--tasks 300`), or `fallback` when `name` is not given. */
function numberArg(name, fallback) {
	const i = process.argv.indexOf(name);
	return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

/** RSS of every process of this n8n instance (main and task runner), found by its user folder. */
function instanceRssMb(userFolder) {
	let total = 0;
	for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
		try {
			if (
				!fs.readFileSync(`/proc/${pid}/environ`, 'utf8').includes(`N8N_USER_FOLDER=${userFolder}`)
			)
				continue;
			const rss = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
			if (rss) total += Number(rss[1]) / 1024;
		} catch {
			/* process ended */
		}
	}
	return total;
}

/**
 * Samples the instance's RSS every 100 ms from now: `stop()` resolves { idleMb, growthMb }, the RSS
 * when sampling began and the peak's growth over it.
 */
function sampleRss(userFolder) {
	const idleMb = instanceRssMb(userFolder);
	let peak = idleMb;
	let sampling = true;
	const sampler = (async () => {
		while (sampling) {
			peak = Math.max(peak, instanceRssMb(userFolder));
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
	})();
	return {
		async stop() {
			sampling = false;
			await sampler;
			return { idleMb, growthMb: peak - idleMb };
		},
	};
}

/** Runs a script's `main` and exits: 0 when it resolves, 1 with the stack when it fails. */
function runScript(name, main) {
	main().then(
		() => process.exit(0),
		(error) => {
			console.error(`${name} failed: ${error.stack || error.message}`);
			process.exit(1);
		},
	);
}

module.exports = {
	QUEUE_SECTION,
	DEDUPE_SECTION,
	MEDIA_SECTION,
	putSection,
	rewriteKeeping,
	measuredOn,
	numberArg,
	sampleRss,
	runScript,
};
