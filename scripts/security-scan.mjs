#!/usr/bin/env node
// Electronegativity (@doyensec/electronegativity 1.10.3) over electron/ (sources) and out/ (the build),
// offline: AvailableSecurityFixesGlobalCheck (fetches GitHub) is excluded and the tool's translation
// download is stubbed. Fails on any finding not explained in security-allowlist.json, on allowlist
// entries without a reason, and on entries no finding needs any more. The CLI exits 0 whatever it finds, hence this wrapper.
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const root = join(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const runnerPath = require.resolve('@doyensec/electronegativity');

// Offline: the tool fetches updated translations with `got` at start (1 s timeout). Answer that at once.
const gotPath = createRequire(join(dirname(runnerPath), 'locales', 'i18n.js')).resolve('got');
require.cache[gotPath] = {
  id: gotPath,
  filename: gotPath,
  loaded: true,
  exports: () => Promise.reject(new Error('offline: no network in the security scan')),
};
const originalLog = console.log;
console.log = (...args) => {
  if (String(args[0]).startsWith('Could not retrieve updated translations')) return;
  originalLog(...args);
};

const run = require(runnerPath);
const allowlistFile = join(root, 'security-allowlist.json');
const allowlist = JSON.parse(readFileSync(allowlistFile, 'utf8'));
const problems = [];
for (const [index, entry] of allowlist.entries())
  if (!entry.id || !entry.file || typeof entry.reason !== 'string' || entry.reason.trim().length < 20)
    problems.push(`security-allowlist.json entry ${index} needs an id, a file and a reason of at least 20 characters.`);

const inputs = ['electron', 'out'].filter((input) => existsSync(join(root, input)));
if (!inputs.includes('out')) console.log('Note: out/ is missing (build first); only electron/ is scanned.');

const findings = [];
for (const input of inputs) {
  const result = await run({
    input: join(root, input),
    isRelative: false,
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    customScan: [],
    electronVersionOverride: '45.4.1',
    severitySet: undefined,
    confidenceSet: undefined,
  });
  for (const error of result.errors)
    if (!error.tolerable) problems.push(`Electronegativity could not parse ${relative(root, error.file)}: ${error.message}`);
  for (const issue of result.issues)
    findings.push({
      id: issue.id,
      file: relative(root, issue.file).replaceAll('\\', '/'),
      line: issue.location?.line,
      severity: issue.severity?.name ?? String(issue.severity?.value ?? ''),
      description: issue.description,
    });
}

const used = new Set();
const unexplained = findings.filter((finding) => {
  const index = allowlist.findIndex((entry) => entry.id === finding.id && entry.file === finding.file);
  if (index >= 0) used.add(index);
  return index < 0;
});

console.log(
  `Electronegativity: ${findings.length} finding(s) in ${inputs.join(', ')}; ${findings.length - unexplained.length} explained in security-allowlist.json.`,
);
for (const finding of unexplained)
  console.log(`  UNEXPLAINED ${finding.id} ${finding.file}:${finding.line ?? '?'} (${finding.severity}) ${finding.description ?? ''}`);
// An entry the code no longer needs is stale: the allowlist must say what the code does now.
for (const [index, entry] of allowlist.entries())
  if (!used.has(index)) problems.push(`security-allowlist.json entry ${index} is no longer needed (${entry.id} ${entry.file}): remove it.`);
for (const problem of problems) console.log(`  ${problem}`);
process.exit(unexplained.length === 0 && problems.length === 0 ? 0 : 1);
