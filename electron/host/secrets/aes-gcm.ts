/**
 * AES-256-GCM with a random key kept in a file only the user can read, beside the data: the secret
 * store's cipher in browser mode, and in the desktop app on Linux without a keyring (after the agent
 * agreed). It protects against other users and against a copied secrets file without the key; the
 * operating system does not protect the key, so it is reported as not secure (`keyFileProtection`).
 */
import { createCipheriv, createDecipheriv, randomBytes, randomUUID } from 'node:crypto';
import { chmod, link, mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Cipher, SecretProtection } from './store';

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
const AAD = Buffer.from('mca-desk-secrets-v1');

async function readKey(keyFile: string): Promise<Buffer | undefined> {
  let key: Buffer;
  try {
    key = await readFile(keyFile);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  if (key.length !== KEY_BYTES)
    throw new Error(
      `${keyFile} is not a ${KEY_BYTES}-byte key. Remove it and the secrets file beside it, then start again (you will sign in again).`,
    );
  if (process.platform !== 'win32' && (await stat(keyFile)).mode & 0o077) await chmod(keyFile, 0o600); // tighten a key file others could read
  return key;
}

/**
 * The key is written whole or not at all: into a user-only temporary file, flushed, then linked into
 * place. The link is atomic and never replaces a key another process made first (a rename would), so
 * an interrupted first run leaves no short key and two first runs agree on one key.
 */
async function createKey(keyFile: string): Promise<void> {
  const temporary = `${keyFile}.${randomUUID()}.tmp`;
  const handle = await open(temporary, 'wx', 0o600);
  try {
    await handle.writeFile(randomBytes(KEY_BYTES));
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await link(temporary, keyFile);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return; // another process made the key first: use that one
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV') throw error;
    await rename(temporary, keyFile); // a file system without hard links
  } finally {
    await rm(temporary, { force: true });
  }
}

async function readOrCreateKey(keyFile: string): Promise<Buffer> {
  await mkdir(dirname(keyFile), { recursive: true, mode: 0o700 });
  const existing = await readKey(keyFile);
  if (existing) return existing;
  await createKey(keyFile);
  const key = await readKey(keyFile);
  if (!key) throw new Error(`${keyFile} could not be created.`);
  return key;
}

/** What browser mode reports: honest about where the key is. */
export function keyFileProtection(keyFile: string): SecretProtection {
  return {
    backend: 'aes-256-gcm-keyfile',
    secure: false,
    kind: 'key-file',
    warning:
      process.platform === 'win32'
        ? `Secrets are encrypted with a key file beside the data (${keyFile}); this platform does not restrict that file to your user, and the operating system does not protect the key.`
        : `Secrets are encrypted with a key file beside the data (${keyFile}), readable only by your user. The operating system does not protect the key: a program running as you, or anyone with a copy of the folder, can read them.`,
  };
}

export class AesGcmKeyFileCipher implements Cipher {
  private constructor(
    private readonly key: Buffer,
    readonly protection: SecretProtection,
  ) {}

  /** `protection` overrides what is reported (the Electron fallback on a `basic_text` Linux session says `secure: false`). */
  static async open(keyFile: string, protection?: SecretProtection): Promise<AesGcmKeyFileCipher> {
    return new AesGcmKeyFileCipher(await readOrCreateKey(keyFile), protection ?? keyFileProtection(keyFile));
  }

  /** For tests: a cipher over a given key. */
  static fromKey(key: Buffer): AesGcmKeyFileCipher {
    if (key.length !== KEY_BYTES) throw new RangeError('AES-256 needs a 32-byte key.');
    return new AesGcmKeyFileCipher(key, { backend: 'aes-256-gcm-keyfile', secure: false, kind: 'key-file' });
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
