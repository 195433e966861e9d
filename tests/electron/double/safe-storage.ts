/**
 * `safeStorage` (electron.d.ts L12790-L12870), the async API the app uses. A "machine" is a key the
 * test owns, so two launches on the same machine read each other's data and another machine does not.
 * On Linux `basic_text` Electron still encrypts, with a hard-coded password anyone can know: the
 * double uses a fixed public key there, so a test can show the data is readable without the machine.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { Lifecycle } from './lifecycle';
import { ElectronUsageError, NotInDoubleError } from './events';

export type LinuxBackend = 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6';

export interface SafeStorageOptions {
  /** What Linux picked (L12831-L12850); `unavailable`: no encryption at all (L12852-L12859 resolves false). */
  backend: LinuxBackend | 'unavailable';
  /** The machine's keyring secret (tests keep it to "restart" on the same machine). */
  machineKey: Buffer;
}

export const BASIC_TEXT_KEY = createHash('sha256').update('peanuts').digest();

export class SafeStorageDouble {
  constructor(
    private readonly lifecycle: Lifecycle,
    private readonly options: SafeStorageOptions,
  ) {}

  private key(): Buffer {
    return this.options.backend === 'basic_text' ? BASIC_TEXT_KEY : createHash('sha256').update(this.options.machineKey).digest();
  }

  private requireReady(what: string): void {
    // L12854-L12856: the async encryptor is initialised after the app is ready.
    if (!this.lifecycle.ready) throw new ElectronUsageError(`safeStorage.${what} cannot be used before the app is ready.`);
  }

  /** L12852-L12859. */
  async isAsyncEncryptionAvailable(): Promise<boolean> {
    this.requireReady('isAsyncEncryptionAvailable');
    return this.options.backend !== 'unavailable';
  }

  /** L12831-L12850: `unknown` before the app is ready. */
  getSelectedStorageBackend(): LinuxBackend | 'unknown' {
    if (!this.lifecycle.ready) return 'unknown';
    return this.options.backend === 'unavailable' ? 'basic_text' : this.options.backend;
  }

  /** L12825-L12828. */
  async encryptStringAsync(plainText: string): Promise<Buffer> {
    this.requireReady('encryptStringAsync');
    if (this.options.backend === 'unavailable') throw new Error('Encryption is not available.');
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key(), iv);
    const body = Buffer.concat([cipher.update(String(plainText), 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from(this.options.backend === 'basic_text' ? 'v10' : 'v11'), iv, cipher.getAuthTag(), body]);
  }

  /** L12800-L12814: `{ shouldReEncrypt, result }`; ciphertext it cannot decrypt throws. */
  async decryptStringAsync(encrypted: Buffer): Promise<{ shouldReEncrypt: boolean; result: string }> {
    this.requireReady('decryptStringAsync');
    try {
      const iv = encrypted.subarray(3, 15);
      const tag = encrypted.subarray(15, 31);
      const decipher = createDecipheriv('aes-256-gcm', this.key(), iv);
      decipher.setAuthTag(tag);
      const result = Buffer.concat([decipher.update(encrypted.subarray(31)), decipher.final()]).toString('utf8');
      return { shouldReEncrypt: false, result };
    } catch {
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    }
  }

  /** Deprecated (L12793-L12822, "Use ... Async instead"): the app must not use them. */
  encryptString(): never {
    throw new NotInDoubleError('the deprecated synchronous safeStorage.encryptString');
  }

  decryptString(): never {
    throw new NotInDoubleError('the deprecated synchronous safeStorage.decryptString');
  }

  isEncryptionAvailable(): never {
    throw new NotInDoubleError('the deprecated synchronous safeStorage.isEncryptionAvailable');
  }
}
