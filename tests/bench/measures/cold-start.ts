/**
 * Cold start of browser mode: from spawning the CLI (`node scripts/start-web.mjs`, what
 * `npm run start:web` runs) on a prepared data folder to the sign-in form being interactive in a
 * Chromium that is already open (a new, empty browser context: nothing cached).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { ROOT } from '../build';
import { newContext, waitUntil } from '../browser';
import { round } from '../report';

export interface ColdStartConfig {
  /** A data folder whose embedded sandbox database exists already (and no saved sign-in). */
  dataDir: string;
  runs: number;
  log: (message: string) => void;
}

export interface ColdStartOutcome {
  runs: number[];
  /** Spawn to the "is running at" line (the server listening), per run. */
  serverMs: number[];
  median: number;
}

function waitForUrl(child: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`No "running at" line within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = output.match(/running at (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/);
      if (match) {
        clearTimeout(timer);
        resolve(match[1] as string);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The CLI exited (${code}) before it was running:\n${output}`));
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export async function measureColdStart(browser: Browser, config: ColdStartConfig): Promise<ColdStartOutcome> {
  const runs: number[] = [];
  const serverMs: number[] = [];
  for (let run = 0; run < config.runs; run++) {
    const context = await newContext(browser);
    const page = await context.newPage();
    const started = Date.now();
    const child = spawn(process.execPath, [join(ROOT, 'scripts', 'start-web.mjs'), '--no-open', '--port', '0', '--data', config.dataDir], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, MCA_DESK_DATA: config.dataDir },
    });
    try {
      const url = await waitForUrl(child, 120_000);
      serverMs.push(Date.now() - started);
      await page.goto(url);
      // Interactive: the e-mail and password fields are shown and enabled, so the agent can type (checked every frame).
      await waitUntil(
        page,
        `(() => {
          const email = document.querySelector('#sign-in-email');
          const password = document.querySelector('#sign-in-password');
          return !!email && !!password && !email.disabled && !password.disabled && email.getClientRects().length > 0;
        })()`,
        { timeoutMs: 60_000, everyFrame: true },
      );
      runs.push(Date.now() - started);
      config.log(`  run ${run + 1}: ${runs.at(-1)} ms (server listening after ${serverMs.at(-1)} ms)`);
    } finally {
      await context.close();
      await stop(child);
    }
  }
  const sorted = [...runs].sort((a, b) => a - b);
  return { runs, serverMs, median: round(sorted[Math.floor((sorted.length - 1) / 2)] as number, 0) };
}
