'use strict';
/**
 * BENCHMARKS.md is written by three scripts: scripts/bench.js (the header and sections 1-5 and 7, one n8n
 * process), scripts/bench-queue.js (the queue-mode section, a whole queue stack) and scripts/bench-dedupe.js
 * (section 8, the Remove Duplicates recipe). Each replaces only what it measured, so running one never
 * erases another's figures.
 */
const fs = require('node:fs');
const path = require('node:path');

const FILE = path.join(__dirname, '..', 'BENCHMARKS.md');
const QUEUE_SECTION = '## 6. Queue mode: trigger burst';
const DEDUPE_SECTION = '## 8. Remove Duplicates when outcomes finish together';

function read() {
	return fs.existsSync(FILE) ? fs.readFileSync(FILE, 'utf8') : '# Benchmarks\n';
}

/** The section of `text` that starts with `heading`, up to the next "## " heading; '' when absent. */
function sectionOf(text, heading) {
	const start = text.indexOf(heading);
	if (start < 0) return '';
	const next = text.indexOf('\n## ', start + heading.length);
	return text.slice(start, next >= 0 ? next + 1 : text.length);
}

/** Put `markdown` (one whole section, heading first) where the section of the same heading is, or at the end. */
function putSection(markdown) {
	const heading = markdown.split('\n')[0];
	const text = read();
	const start = text.indexOf(heading);
	const section = `${markdown.trimEnd()}\n`;
	let updated;
	if (start < 0) updated = `${text.trimEnd()}\n\n${section}`;
	else {
		const rest = text.slice(start + sectionOf(text, heading).length);
		updated = `${text.slice(0, start)}${section}${rest ? `\n${rest}` : ''}`;
	}
	fs.writeFileSync(FILE, `${updated.trimEnd()}\n`);
}

/** Write `markdown` as the whole file, keeping the sections that other scripts measured (`keepHeadings`). */
function rewriteKeeping(markdown, keepHeadings) {
	const old = read();
	const kept = keepHeadings.map((heading) => sectionOf(old, heading).trimEnd()).filter(Boolean);
	fs.writeFileSync(FILE, `${[markdown.trimEnd(), ...kept].join('\n\n')}\n`);
}

/** The section of BENCHMARKS.md that starts with `heading`, as it stands; '' when absent. */
function currentSection(heading) {
	return sectionOf(read(), heading);
}

module.exports = {
	QUEUE_SECTION,
	DEDUPE_SECTION,
	putSection,
	rewriteKeeping,
	sectionOf,
	currentSection,
};
