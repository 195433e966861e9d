/**
 * The secret store's cipher inside Electron: `safeStorage`'s async API (the sync one is deprecated
 * and goes away in Electron 46). This file does not import `electron`: the main process passes its
 * `safeStorage`, so the logic is tested in Node with a fake.
 *
 * On Linux without a keyring Electron falls back to `basic_text`, a hard-coded password: no real
 * protection. Then the store is refused here, and the main process asks the agent once whether to
 * use the key-file cipher instead (electron/main/secrets.ts, host/secrets/consent.ts).
 */
import type { Cipher, SecretProtection } from './store';

/** The part of Electron's `safeStorage` this needs (its real type is structurally compatible). */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ shouldReEncrypt: boolean; result: string }>;
  getSelectedStorageBackend?(): string;
}

export class SafeStorageUnavailableError extends Error {
  constructor(
    message: string,
    readonly backend: string,
  ) {
    super(message);
    this.name = 'SafeStorageUnavailableError';
  }
}

export const BASIC_TEXT_WARNING =
  'This Linux session has no keyring (Electron reports the "basic_text" backend), so the operating system cannot protect MCA Desk\'s secrets. Install and unlock a keyring (GNOME Keyring or KWallet) and restart MCA Desk.';

export class SafeStorageCipher implements Cipher {
  private constructor(
    private readonly safeStorage: SafeStorageLike,
    readonly protection: SecretProtection,
  ) {}

  /**
   * Opens the cipher after the app is ready. Throws `SafeStorageUnavailableError` when encryption is
   * unavailable, or when Linux reports `basic_text` (unless `allowBasicText`, which no production path sets).
   */
  static async open(
    safeStorage: SafeStorageLike,
    options: { platform?: NodeJS.Platform; allowBasicText?: boolean } = {},
  ): Promise<SafeStorageCipher> {
    const platform = options.platform ?? process.platform;
    if (!(await safeStorage.isAsyncEncryptionAvailable()))
      throw new SafeStorageUnavailableError('safeStorage encryption is not available.', 'unavailable');
    const backend =
      platform === 'linux' ? (safeStorage.getSelectedStorageBackend?.() ?? 'unknown') : platform === 'darwin' ? 'keychain' : 'dpapi';
    if (platform === 'linux' && (backend === 'basic_text' || backend === 'unknown')) {
      if (!options.allowBasicText) throw new SafeStorageUnavailableError(BASIC_TEXT_WARNING, backend);
      return new SafeStorageCipher(safeStorage, {
        backend: `safeStorage:${backend}`,
        secure: false,
        kind: 'key-file',
        warning: BASIC_TEXT_WARNING,
      });
    }
    return new SafeStorageCipher(safeStorage, { backend: `safeStorage:${backend}`, secure: true, kind: 'os-keyring' });
  }

  encrypt(plain: string): Promise<Buffer> {
    return this.safeStorage.encryptStringAsync(plain);
  }

  async decrypt(data: Buffer): Promise<{ plain: string; shouldReEncrypt: boolean }> {
    const { result, shouldReEncrypt } = await this.safeStorage.decryptStringAsync(data);
    return { plain: result, shouldReEncrypt };
  }
}
