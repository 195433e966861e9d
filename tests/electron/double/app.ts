/**
 * `app` (electron.d.ts L48-L2170): ready, paths, the single-instance lock, the sandbox switch and the
 * quit sequence, as documented.
 */
import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Lifecycle } from './lifecycle';
import { ElectronUsageError, preventable } from './events';

export interface QuittableWindow {
  close(): void;
  destroy(): void;
  isDestroyed(): boolean;
}

export interface AppOptions {
  /** The app's data folders live under this (userData = `<root>/userData`, logs = `<root>/logs`). */
  root: string;
  isPackaged: boolean;
  version: string;
  name: string;
  singleInstanceLock: boolean;
}

/**
 * `app.commandLine.appendSwitch` (electron.d.ts:7586), the only part of `CommandLine` (L7565-L7609) the
 * shell uses. A switch appended again keeps its last value, as Chromium reads it. Records whether each
 * was appended before ready, since Chromium reads its switches as it starts.
 */
export class CommandLineDouble {
  readonly switches = new Map<string, { value: string; beforeReady: boolean }>();

  constructor(private readonly lifecycle: Lifecycle) {}

  appendSwitch(name: string, value?: string): void {
    this.switches.set(name, { value: value ?? '', beforeReady: !this.lifecycle.ready });
  }
}

export class AppDouble extends EventEmitter {
  readonly isPackaged: boolean;
  readonly commandLine: CommandLineDouble;
  sandboxEnabled = false;
  /** The code `exit` ended with, once it did. */
  readonly exited: Promise<number>;
  private resolveExited!: (code: number) => void;
  private readonly whenReadyPromise: Promise<void>;
  private resolveReady!: () => void;
  private quitting = false;
  private logsPath?: string;
  private readonly paths: Record<string, string>;

  constructor(
    private readonly lifecycle: Lifecycle,
    private readonly options: AppOptions,
    private readonly windows: () => QuittableWindow[],
  ) {
    super();
    this.isPackaged = options.isPackaged;
    this.commandLine = new CommandLineDouble(lifecycle);
    this.whenReadyPromise = new Promise((resolve) => (this.resolveReady = resolve));
    this.exited = new Promise((resolve) => (this.resolveExited = resolve));
    this.paths = {
      userData: join(options.root, 'userData'),
      temp: join(options.root, 'temp'),
      home: join(options.root, 'home'),
      appData: options.root,
    };
  }

  /** The double's own control: Electron has finished initialising (L754-L762, `ready`). */
  emitReady(): void {
    if (this.lifecycle.ready) return;
    this.lifecycle.ready = true;
    this.emit('ready', preventable(), {});
    this.resolveReady();
  }

  /** L2112-L2116. */
  whenReady(): Promise<void> {
    return this.whenReadyPromise;
  }

  isReady(): boolean {
    return this.lifecycle.ready;
  }

  /** L1725-L1741: false when another instance holds the lock. */
  requestSingleInstanceLock(): boolean {
    return this.options.singleInstanceLock;
  }

  /** L1245-L1251: "can only be called before app is ready". */
  enableSandbox(): void {
    if (this.lifecycle.ready) throw new ElectronUsageError('app.enableSandbox() can only be called before app is ready');
    this.sandboxEnabled = true;
  }

  /** L1460-L1466: a path per name; `logs` without `setAppLogsPath` creates the default log folder. */
  getPath(name: string): string {
    if (name === 'logs') {
      if (!this.logsPath) this.setAppLogsPath();
      return this.logsPath!;
    }
    const path = this.paths[name];
    if (!path) throw new ElectronUsageError(`Failed to get '${name}' path`);
    mkdirSync(path, { recursive: true });
    return path;
  }

  /** L1819-L1823. */
  setAppLogsPath(path?: string): void {
    this.logsPath = path ?? join(this.options.root, 'logs');
    mkdirSync(this.logsPath, { recursive: true });
  }

  getVersion(): string {
    return this.options.version;
  }

  getName(): string {
    return this.options.name;
  }

  /**
   * L1664-L1674 with `before-quit` (L281-L292), `will-quit` (L1078-L1091) and `window-all-closed`
   * (L1093-L1106): `before-quit` (cancellable), then every window is asked to close (one that refuses
   * cancels the quit), then `will-quit` (cancellable), then `quit`, then the process ends with 0.
   * While quitting, closing the last window does not emit `window-all-closed`.
   */
  quit(): void {
    if (this.lifecycle.exitCode !== undefined) return;
    const beforeQuit = preventable();
    this.emit('before-quit', beforeQuit);
    if (beforeQuit.defaultPrevented) return;
    this.quitting = true;
    for (const window of this.windows()) {
      window.close();
      if (!window.isDestroyed()) {
        this.quitting = false;
        return;
      }
    }
    const willQuit = preventable();
    this.emit('will-quit', willQuit);
    if (willQuit.defaultPrevented) {
      this.quitting = false;
      return;
    }
    this.emit('quit', preventable(), 0);
    this.finish(0);
  }

  /** L1252-L1258: at once, windows closed without asking, no `before-quit`/`will-quit`. */
  exit(exitCode = 0): void {
    if (this.lifecycle.exitCode !== undefined) return;
    for (const window of this.windows()) window.destroy();
    this.finish(exitCode);
  }

  /** A window was destroyed: the last one ends the app unless the app listens (L1093-L1106). */
  windowClosed(): void {
    if (this.quitting || this.lifecycle.exitCode !== undefined || this.windows().length > 0) return;
    if (this.listenerCount('window-all-closed') > 0) this.emit('window-all-closed');
    else this.quit();
  }

  private finish(code: number): void {
    this.lifecycle.exitCode = code;
    this.resolveExited(code);
  }
}
