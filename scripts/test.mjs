#!/usr/bin/env node
// `npm test`: typecheck, lint, unit/integration tests, build, then the Playwright suite, and one
// summary line "N passed, M failed" over every test runner. A step that is not a test runner
// (typecheck, lint, build) counts as one failure when it fails, so the line never hides it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const resultsDir = join(root, '.test-results');
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
let passed = 0;
let failed = 0;
const stepFailures = [];

function run(name, args, env = {}) {
  console.log(`\n▶ ${name}: ${args.join(' ')}`);
  const result = spawnSync(npx, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function step(name, args) {
  if (!run(name, args)) {
    failed += 1;
    stepFailures.push(name);
  }
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

step('typecheck', ['tsc', '-p', 'tsconfig.node.json', '--noEmit']);
step('typecheck (renderer)', ['vue-tsc', '-p', 'tsconfig.web.json', '--noEmit']);
step('lint', ['eslint', '--max-warnings', '0', '.']);
step('format', ['prettier', '--check', '.']);

const vitestReport = join(resultsDir, 'vitest.json');
const vitestOk = run('unit and integration tests (vitest)', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestReport}`,
]);
const vitest = readJson(vitestReport);
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  if (!vitestOk && vitest.numFailedTests === 0) {
    failed += 1;
    stepFailures.push('vitest (errors outside tests)');
  }
} else {
  failed += 1;
  stepFailures.push('vitest (no report)');
}

const buildOk = run('build', ['electron-vite', 'build']);
if (!buildOk) {
  failed += 1;
  stepFailures.push('build');
}

for (const extra of ['scripts/security-scan.mjs']) {
  if (existsSync(join(root, extra))) {
    console.log(`\n▶ ${extra}`);
    const result = spawnSync(process.execPath, [join(root, extra)], { cwd: root, stdio: 'inherit' });
    if (result.status !== 0) {
      failed += 1;
      stepFailures.push(extra);
    }
  }
}

if (buildOk) {
  const playwrightReport = join(resultsDir, 'playwright.json');
  const playwrightOk = run('end-to-end tests (Playwright, Chromium)', ['playwright', 'test']);
  const playwright = readJson(playwrightReport);
  if (playwright?.stats) {
    passed += playwright.stats.expected;
    failed += playwright.stats.unexpected;
    if (playwright.stats.flaky) passed += playwright.stats.flaky;
    if (!playwrightOk && playwright.stats.unexpected === 0) {
      failed += 1;
      stepFailures.push('playwright (errors outside tests)');
    }
  } else {
    failed += 1;
    stepFailures.push('playwright (no report)');
  }
} else {
  console.log('\nPlaywright skipped: the build failed.');
}

if (stepFailures.length) console.log(`\nFailed steps: ${stepFailures.join(', ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
