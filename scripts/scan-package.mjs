#!/usr/bin/env node
// Runs n8n's community package scanner lint (the check behind n8n's verification) offline, on the
// tarball exactly as `npm pack` would publish it: packs, unpacks, analyses, fails on any violation.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { analyzePackage } from '@n8n/scan-community-package/scanner/scanner.mjs';

const work = mkdtempSync(join(tmpdir(), 'qingbo-scan-'));
try {
	const tgz = execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { encoding: 'utf8' })
		.trim()
		.split('\n')
		.pop();
	const dir = join(work, 'package');
	execFileSync('tar', ['-xzf', join(work, tgz), '-C', work]);
	const result = await analyzePackage(dir);
	// n8n's review asks for MIT; the scanner does not check that the tarball carries the licence.
	const { license } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
	if (license !== 'MIT' || !existsSync(join(dir, 'LICENSE'))) {
		console.error(`scan FAILED on ${tgz}: the package must be MIT with its LICENSE file in the tarball`);
		process.exitCode = 1;
	} else if (!result.passed) {
		console.error(`scan FAILED on ${tgz}: ${result.message}`);
		if (result.details) console.error(result.details);
		process.exitCode = 1;
	} else {
		console.log(`scan passed on ${tgz} (n8n community package scanner lint)`);
	}
} finally {
	rmSync(work, { recursive: true, force: true });
}
