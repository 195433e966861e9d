/**
 * `ipcMain.handle` (electron.d.ts L9433-L9486) and the reply path of `ipcRenderer.invoke`.
 */
import { EventEmitter } from 'node:events';
import { ElectronUsageError } from './events';

type InvokeListener = (event: unknown, ...args: unknown[]) => unknown;
export type InvokeOutcome = { ok: true; value: unknown } | { ok: false; message: string };

export class IpcMainDouble extends EventEmitter {
  private readonly handlers = new Map<string, InvokeListener>();

  /** L9442-L9457. One handler per channel: a second `handle` for the same channel throws. */
  handle(channel: string, listener: InvokeListener): void {
    if (this.handlers.has(channel)) throw new ElectronUsageError(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }

  /** L9458-L9462. */
  handleOnce(channel: string, listener: InvokeListener): void {
    this.handle(channel, (event, ...args) => {
      this.removeHandler(channel);
      return listener(event, ...args);
    });
  }

  /** L9486. */
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  channels(): string[] {
    return [...this.handlers.keys()];
  }

  /**
   * What the renderer's `invoke` gets: the handler's (awaited) value, serialized with the Structured
   * Clone Algorithm (L9668-L9676), or, when it throws, only the error's message (L9452-L9455).
   */
  async invoke(channel: string, event: unknown, args: unknown[]): Promise<InvokeOutcome> {
    const listener = this.handlers.get(channel);
    if (!listener)
      return { ok: false, message: `Error invoking remote method '${channel}': Error: No handler registered for '${channel}'` };
    try {
      const value = await listener(event, ...args);
      return { ok: true, value: structuredClone(value) };
    } catch (error) {
      return {
        ok: false,
        message: `Error invoking remote method '${channel}': ${error instanceof Error ? `Error: ${error.message}` : String(error)}`,
      };
    }
  }
}
