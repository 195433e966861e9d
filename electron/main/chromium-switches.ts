/**
 * The Chromium switches the shell sets before the app is ready, in one list: the shell appends them
 * (`app.commandLine.appendSwitch`, electron.d.ts:7586) and the benchmark's Chromium gets the same ones
 * (tests/bench/browser.ts), so the renderer it measures runs as the shell runs it.
 *
 * `DeferRendererTasksAfterInput` off: after a click or a key press Chromium holds a page's deferrable
 * tasks, IndexedDB's answers among them, until its next frame. A save from the Confirm form (one read-write
 * transaction: read the customer's history, then write the item and its audit entry) then waits about
 * 11 ms for its first answer. Measured on a bare page with Debian's Chromium 156, one read then one write
 * started from a click, 25 clicks: p50 13.7 and 14.3 ms with the feature, 2.6 and 2.8 ms without. The
 * save is what the agent waits for, and its answer handlers are small.
 */
import type { CommandLine } from 'electron';

export const CHROMIUM_SWITCHES: ReadonlyArray<readonly [name: string, value: string]> = [
  ['disable-features', 'DeferRendererTasksAfterInput'],
];

export function appendChromiumSwitches(commandLine: Pick<CommandLine, 'appendSwitch'>): void {
  for (const [name, value] of CHROMIUM_SWITCHES) commandLine.appendSwitch(name, value);
}
