/**
 * AES-256-GCM with a random key kept in a file only the user can read: the secret store's cipher
 * outside Electron (browser mode). It protects against other users and against secrets being read
 * from a copied data file without the key; like any same-user scheme, not against malware running
 * as the user (that is also true of Windows DPAPI).
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmod, mkdir, open, readFile, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Cipher, SecretProtection } from './store';

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
const AAD = Buffer.from('mca-desk-secrets-v1');

async function readOrCreateKey(keyFile: string): Promise<Buffer> {
  await mkdir(dirname(keyFile), { recursive: true, mode: 0o700 });
  try {
    // `wx`: create only if absent, so two processes never overwrite each other's key.
    const handle = await open(keyFile, 'wx', 0o600);
    try {
      const key = randomBytes(KEY_BYTES);
      await handle.writeFile(key);
      return key;
    } finally {
      await handle.close();
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  if (process.platform !== 'win32') {
    const mode = (await stat(keyFile)).mode & 0o777;
    if (mode & 0o077) await chmod(keyFile, 0o600); // tighten a key file others could read
  }
  const key = await readFile(keyFile);
  if (key.length !== KEY_BYTES) throw new Error(`${keyFile} is not a ${KEY_BYTES}-byte key.`);
  return key;
}

export class AesGcmKeyFileCipher implements Cipher {
  readonly protection: SecretProtection;

  private constructor(
    private readonly key: Buffer,
    protection?: SecretProtection,
  ) {
    const enforced = process.platform !== 'win32';
    this.protection = protection
      ? protection
      : enforced
      ? { backend: 'aes-256-gcm-keyfile', secure: true }
      : {
          backend: 'aes-256-gcm-keyfile',
          secure: false,
          warning: 'Secrets are encrypted with a key file whose access this platform does not restrict to your user.',
        };
  }

  /** `protection` overrides what is reported (the Electron fallback on a `basic_text` Linux session says `secure: false`). */
  static async open(keyFile: string, protection?: SecretProtection): Promise<AesGcmKeyFileCipher> {
    return new AesGcmKeyFileCipher(await readOrCreateKey(keyFile), protection);
  }

  /** For tests: a cipher over a given key. */
  static fromKey(key: Buffer): AesGcmKeyFileCipher {
    if (key.length !== KEY_BYTES) throw new RangeError('AES-256 needs a 32-byte key.');
    return new AesGcmKeyFileCipher(key);
  }

  async encrypt(plain: string): Promise<Buffer> {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(AAD);
    const encrypted = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), encrypted]);
  }

  async decrypt(data: Buffer): Promise<{ plain: string }> {
    if (data.length < 1 + IV_BYTES + TAG_BYTES || data[0] !== VERSION) throw new Error('Unknown secret format.');
    const iv = data.subarray(1, 1 + IV_BYTES);
    const tag = data.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
    decipher.setAAD(AAD);
    decipher.setAuthTag(tag);
    const plain = Buffer.concat([decipher.update(data.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]);
    return { plain: plain.toString('utf8') };
  }
}
