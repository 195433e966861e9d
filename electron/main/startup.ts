/**
 * Start-up that fails well: every step before the window runs as a named stage; when one fails the
 * agent gets a native error dialog saying what failed and what to do, the details (with the stack)
 * go to a log file in the app's log folder, and the app exits non-zero. Nothing is silent.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { App, Dialog } from 'electron';

export interface Stage {
  /** What was being done, for the dialog ("Opening the secret store"). */
  what: string;
  /** What the agent can do about it. */
  advice: string;
}

export class StartupError extends Error {
  constructor(
    readonly stage: Stage,
    readonly failure: unknown,
  ) {
    super(`${stage.what} failed: ${failure instanceof Error ? failure.message : String(failure)}`);
    this.name = 'StartupError';
  }
}

/** Runs one start-up step; a failure becomes a `StartupError` that names the step. */
export async function stage<T>(what: Stage, work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw error instanceof StartupError ? error : new StartupError(what, error);
  }
}

export const STARTUP_LOG = 'startup.log';

function describe(error: unknown): string {
  const cause = error instanceof StartupError ? error.failure : error;
  return cause instanceof Error ? (cause.stack ?? `${cause.name}: ${cause.message}`) : String(cause);
}

/** Appends the failure to `<logs>/startup.log`; answers the file, or undefined when even that failed. */
export function writeStartupLog(logDir: string, error: unknown, now: Date = new Date()): string | undefined {
  const file = join(logDir, STARTUP_LOG);
  const heading = error instanceof StartupError ? error.message : 'MCA Desk could not start';
  try {
    mkdirSync(logDir, { recursive: true, mode: 0o700 });
    appendFileSync(file, `[${now.toISOString()}] ${heading}\n${describe(error)}\n\n`, { mode: 0o600 });
    return file;
  } catch {
    return undefined;
  }
}

const UNKNOWN_STAGE: Stage = {
  what: 'Starting MCA Desk',
  advice: 'Start MCA Desk again. If this keeps happening, reinstall it and send the log file to your IT department.',
};

/** The dialog's text: what failed, what to do, where the details are. No stack: that is in the log. */
export function failureMessage(error: unknown, logFile: string | undefined): { title: string; content: string } {
  const stageInfo = error instanceof StartupError ? error.stage : UNKNOWN_STAGE;
  const cause = error instanceof StartupError ? error.failure : error;
  const reason = cause instanceof Error ? cause.message : String(cause);
  return {
    title: 'MCA Desk could not start',
    content: `${stageInfo.what} failed: ${reason}\n\n${stageInfo.advice}\n\n${logFile ? `The details are in ${logFile}.` : 'The details could not be written to a log file.'}`,
  };
}

/**
 * Reports a start-up failure and exits with code 1. `showErrorBox` may be called before `ready`
 * (electron.d.ts, dialog.showErrorBox); `app.exit` skips the quit events, which is right here: the
 * cleanup that matters (`cleanup`, e.g. the embedded sandbox's database) runs first.
 */
export async function failStartup(
  app: Pick<App, 'getPath' | 'exit'>,
  dialog: Pick<Dialog, 'showErrorBox'>,
  error: unknown,
  cleanup?: () => Promise<void>,
): Promise<void> {
  let logDir: string | undefined;
  try {
    logDir = app.getPath('logs');
  } catch {
    logDir = undefined;
  }
  const logFile = logDir ? writeStartupLog(logDir, error) : undefined;
  const { title, content } = failureMessage(error, logFile);
  console.error(`${title}: ${content}`);
  try {
    dialog.showErrorBox(title, content);
  } finally {
    await cleanup?.().catch(() => undefined);
    app.exit(1);
  }
}
