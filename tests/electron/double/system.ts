/**
 * `shell`, `clipboard` and `dialog`: what the main process uses, recorded for tests.
 */
import { NotInDoubleError } from './events';

export class ShellDouble {
  readonly opened: string[] = [];

  /** electron.d.ts L14874-L14878: opens the URL "in the desktop's default manner"; resolves when done. */
  async openExternal(url: string): Promise<void> {
    this.opened.push(url);
  }

  openPath(): never {
    throw new NotInDoubleError('shell.openPath');
  }

  showItemInFolder(): never {
    throw new NotInDoubleError('shell.showItemInFolder');
  }
}

export class ClipboardDouble {
  text = '';

  /** L7472-L7476: resolves with the clipboard's plain text. */
  async readText(): Promise<string> {
    return this.text;
  }

  /** L7482-L7486: resolves once written (async in this Electron). */
  async writeText(text: string): Promise<void> {
    this.text = text;
  }

  /** L7456-L7459: synchronous. */
  clear(): void {
    this.text = '';
  }
}

export class DialogDouble {
  readonly errorBoxes: Array<{ title: string; content: string }> = [];

  /** L8232-L8240: may be called before `ready`; modal, returns nothing. */
  showErrorBox(title: string, content: string): void {
    this.errorBoxes.push({ title: String(title), content: String(content) });
  }

  showMessageBox(): never {
    throw new NotInDoubleError('dialog.showMessageBox');
  }
}
