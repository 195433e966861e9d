/**
 * `npm run soak`: 5,000 attestations through random faults and at least 50 kills (Node run), then a
 * smaller real-browser kill loop; prints the table (items, kills, faults, confirmed, duplicates,
 * lost, time) and exits non-zero unless every item was confirmed exactly once.
 *
 * Then the benchmark's smoke run (every measure at smoke sizes, tests/soak/bench-smoke.soak.ts).
 *
 * After the legacy soak, the enhanced soak (tests/soak/enhanced-soak.ts): 1,000 enhanced attestations
 * (create → the signer accepts → finalise) through the same faults and kills, then the real-browser
 * kill loop with enhanced items, killed between their steps; its own table (items, kills, faults,
 * requests, requests per confirmed item, lost, duplicated, seconds).
 *
 *   npm run soak -- [--items 5000] [--kills 60] [--browser-items 200] [--browser-kills 12] [--seed n] [--no-browser] [--no-bench-smoke]
 *                   [--enhanced-items 1000] [--enhanced-kills 40] [--enhanced-customers 800] [--enhanced-speedup 60]
 *                   [--enhanced-browser-items 30] [--enhanced-browser-kills 12] [--no-enhanced] [--only-enhanced]
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { details, runSoak } from './soak';
import { runEnhancedBrowserKillLoop } from './browser-kill-loop';
import { enhancedDetails, enhancedOk, enhancedRow, formatEnhancedTable, runEnhancedSoak, type EnhancedRow } from './enhanced-soak';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      items: { type: 'string', default: '5000' },
      kills: { type: 'string', default: '60' },
      customers: { type: 'string', default: '1000' },
      'browser-items': { type: 'string', default: '200' },
      'browser-kills': { type: 'string', default: '12' },
      seed: { type: 'string' },
      'no-browser': { type: 'boolean', default: false },
      'no-bench-smoke': { type: 'boolean', default: false },
      'enhanced-items': { type: 'string', default: '1000' },
      'enhanced-kills': { type: 'string', default: '40' },
      'enhanced-customers': { type: 'string', default: '800' },
      'enhanced-speedup': { type: 'string', default: '60' },
      'enhanced-browser-items': { type: 'string', default: '30' },
      'enhanced-browser-kills': { type: 'string', default: '12' },
      'no-enhanced': { type: 'boolean', default: false },
      'only-enhanced': { type: 'boolean', default: false },
    },
  });
  const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
  const root = resolve(__dirname, '..', '..');
  if ((!values['no-browser'] || !values['no-bench-smoke']) && !existsSync(join(root, 'out', 'renderer', 'index.html'))) {
    console.log('Building the renderer for the browser run…');
    const build = spawnSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  const items = Number(values.items);
  const started = Date.now();
  let legacyOk = true;
  if (!values['only-enhanced']) {
    const report = await runSoak({
      node: {
        items,
        customers: Math.min(Number(values.customers), items),
        kills: Number(values.kills),
        killEveryConfirmed: Math.max(1, Math.floor(items / (Number(values.kills) * 1.25))),
        killDelayMs: [0, 300],
        tokenExpiries: 3,
        sandboxRestarts: 2,
        mix: {
          error5xx: 0.02,
          dropBefore: 0.01,
          dropAfter: 0.02,
          throttle: 0.002,
          retryAfterSeconds: 1,
          latencyMs: [0, 15],
          at: { error5xx: [10], dropBefore: [20], dropAfter: [30], throttle: [40] },
        },
        seed,
        deadlineMs: 60 * 60_000,
      },
      ...(values['no-browser']
        ? {}
        : {
            browser: {
              items: Number(values['browser-items']),
              customers: 25,
              kills: Number(values['browser-kills']),
              latencyMs: 150,
              killDelayMs: [300, 2_500] as [number, number],
              seed: seed + 1,
              deadlineMs: 15 * 60_000,
            },
          }),
      log: (line) => console.log(`  ${line}`),
    });
    console.log('');
    console.log(
      `Soak on ${cpus().length} CPU(s) × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}, ${new Date().toISOString()}, total ${((Date.now() - started) / 1000).toFixed(0)} s`,
    );
    console.log('');
    console.log(report.table);
    console.log('');
    for (const line of details(report)) console.log(line);
    console.log(
      report.ok ? '\nEvery item confirmed exactly once.' : '\nFAILED: an item was lost or duplicated, or a check did not hold (see above).',
    );
    legacyOk = report.ok;
  }
  let enhancedPassed = true;
  if (!values['no-enhanced']) {
    const enhancedItems = Number(values['enhanced-items']);
    const enhancedKills = Number(values['enhanced-kills']);
    console.log(`\nThe enhanced soak: ${enhancedItems} enhanced attestations, ${enhancedKills} kills…`);
    const enhanced = await runEnhancedSoak({
      items: enhancedItems,
      customers: Math.min(Number(values['enhanced-customers']), enhancedItems),
      kills: enhancedKills,
      // Kills come a little faster than the queue drains, so all of them land before it is empty.
      killEveryConfirmed: Math.max(1, Math.floor(enhancedItems / (enhancedKills * 1.6))),
      watchSpeedup: Number(values['enhanced-speedup']),
      tokenExpiries: 2,
      mix: {
        error5xx: 0.02,
        dropBefore: 0.01,
        dropAfter: 0.02,
        throttle: 0.002,
        retryAfterSeconds: 1,
        latencyMs: [0, 15],
        at: { error5xx: [10], dropBefore: [20], dropAfter: [30], throttle: [40] },
      },
      seed: seed + 2,
      deadlineMs: 60 * 60_000,
      log: (line) => console.log(`  ${line}`),
    });
    const rows: EnhancedRow[] = [enhancedRow('Node: engine + host + sandbox, enhanced (kills simulated in-process)', enhanced)];
    const lines = [enhancedDetails(enhanced)];
    enhancedPassed = enhancedOk(enhanced);
    if (!values['no-browser']) {
      const browserItems = Number(values['enhanced-browser-items']);
      const browserKills = Number(values['enhanced-browser-kills']);
      console.log(`\nThe enhanced browser kill loop: ${browserItems} acceptance-link requests, ${browserKills} kills between their steps…`);
      const browser = await runEnhancedBrowserKillLoop({
        items: browserItems,
        customers: browserItems,
        kills: browserKills,
        latencyMs: 150,
        seed: seed + 3,
        deadlineMs: 15 * 60_000,
        log: (line) => console.log(`  ${line}`),
      });
      rows.push({
        run: 'Chromium + bridge process, enhanced (real kills between the steps)',
        ...browser,
        faults: 0,
        requests: null,
        timeS: browser.timeMs / 1000,
      });
      lines.push(
        `Enhanced browser run (seed ${browser.seed}): kills ${JSON.stringify(browser.killsByKind)} at ${JSON.stringify(browser.killsByStep)}, ${browser.killsMidSync} with items open; outbox states ${JSON.stringify(browser.states)}; duplicated attestations ${browser.duplicatedAttestations}, agreements ${browser.duplicatedAgreements}; audit mismatches ${browser.auditMismatches}; accepted by the signer ${browser.acceptedBySigner}; CSP/off-host problems ${browser.securityProblems.length}.`,
      );
      if (Object.keys(browser.leftovers).length) lines.push(`Enhanced browser run leftovers: ${JSON.stringify(browser.leftovers)}`);
      enhancedPassed &&=
        browser.confirmed === browser.items &&
        browser.lost === 0 &&
        browser.duplicated === 0 &&
        browser.auditMismatches === 0 &&
        browser.securityProblems.length === 0;
    }
    console.log('');
    console.log(formatEnhancedTable(rows));
    console.log('');
    for (const line of lines) console.log(line);
    console.log(
      enhancedPassed
        ? '\nEvery enhanced item confirmed exactly once: one attestation and one agreement each.'
        : '\nFAILED: an enhanced item was lost or duplicated, or a check did not hold (see above).',
    );
  }
  let benchOk = true;
  if (!values['no-bench-smoke']) {
    console.log('\nThe benchmark smoke run (every measure at smoke sizes)…');
    const smoke = spawnSync(
      process.platform === 'win32' ? 'npx.cmd' : 'npx',
      ['playwright', 'test', '--config', 'playwright.soak.config.ts'],
      { cwd: root, stdio: 'inherit' },
    );
    benchOk = smoke.status === 0;
  }
  process.exit(legacyOk && enhancedPassed && benchOk ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
