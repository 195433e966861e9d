/**
 * The secret store: tokens, the MSAL token cache and one-time customer credentials live only here,
 * encrypted, in one file in the data folder. The whole map is one ciphertext (not even the key names
 * are in clear text), written atomically with user-only permissions. The cipher is pluggable:
 * Electron's `safeStorage` (async API) in the desktop app, AES-256-GCM with a user-only key file
 * outside Electron (browser mode, tests).
 */
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { randomUUID } from 'node:crypto';

/** What holds the key: the operating system's keyring (Keychain, DPAPI, libsecret/KWallet), a key file, or nothing on disk. */
export type SecretStorageKind = 'os-keyring' | 'key-file' | 'memory';

/**
 * The agent's answer to "store secrets with the weaker protection?" (Linux without a keyring):
 * `not-needed` where the protection is not weaker, `pending` until they answer.
 */
export type WeakStorageConsent = 'not-needed' | 'pending' | 'granted' | 'refused';

export interface SecretProtection {
  /** What protects the secrets, e.g. `safeStorage:gnome_libsecret` or `aes-256-gcm-keyfile`. */
  backend: string;
  /** False when the operating system does not protect the key (Linux `basic_text`, a key file): the UI must say so. */
  secure: boolean;
  kind?: SecretStorageKind;
  /** A sentence for the user when `secure` is false: what protects the secrets, and how to do better. */
  warning?: string;
  consent?: WeakStorageConsent;
}

export interface Cipher {
  readonly protection: SecretProtection;
  encrypt(plain: string): Promise<Buffer>;
  /** `shouldReEncrypt`: the key was rotated; write the data again. */
  decrypt(data: Buffer): Promise<{ plain: string; shouldReEncrypt?: boolean }>;
}

export interface SecretStore {
  readonly protection: SecretProtection;
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
  /** Keys starting with `prefix` (for sign-out and housekeeping). */
  keys(prefix?: string): Promise<string[]>;
  /** Only a store that needs the agent's consent for weaker protection has this (secrets/consent.ts). */
  decideWeakStorage?(allow: boolean): Promise<void>;
}

const FORMAT = 'mca-desk-secrets';

interface Envelope {
  format: typeof FORMAT;
  version: 1;
  backend: string;
  data: string;
}

export class EncryptedFileSecretStore implements SecretStore {
  private map?: Map<string, string>;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly file: string,
    private readonly cipher: Cipher,
  ) {}

  get protection(): SecretProtection {
    return this.cipher.protection;
  }

  /** Runs store operations one at a time, so concurrent writes never lose each other's keys. */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async load(): Promise<Map<string, string>> {
    if (this.map) return this.map;
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        this.map = new Map();
        return this.map;
      }
      throw error;
    }
    const envelope = JSON.parse(text) as Partial<Envelope>;
    if (envelope.format !== FORMAT || envelope.version !== 1 || typeof envelope.data !== 'string')
      throw new Error(`${this.file} is not an MCA Desk secret file.`);
    if (envelope.backend !== this.cipher.protection.backend)
      throw new Error(
        `${this.file} was written with ${envelope.backend}, not ${this.cipher.protection.backend}; sign in again after removing it.`,
      );
    const { plain, shouldReEncrypt } = await this.cipher.decrypt(Buffer.from(envelope.data, 'base64'));
    const entries = JSON.parse(plain) as Record<string, string>;
    this.map = new Map(Object.entries(entries).filter(([, value]) => typeof value === 'string'));
    if (shouldReEncrypt) await this.persist();
    return this.map;
  }

  private async persist(): Promise<void> {
    const map = this.map ?? new Map<string, string>();
    const dir = dirname(this.file);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    if (map.size === 0) {
      await rm(this.file, { force: true });
      return;
    }
    const data = await this.cipher.encrypt(JSON.stringify(Object.fromEntries(map)));
    const envelope: Envelope = { format: FORMAT, version: 1, backend: this.cipher.protection.backend, data: data.toString('base64') };
    const temporary = join(dir, `.${randomUUID()}.tmp`);
    await writeFile(temporary, JSON.stringify(envelope), { mode: 0o600 });
    await chmod(temporary, 0o600);
    await rename(temporary, this.file);
  }

  get(key: string): Promise<string | undefined> {
    return this.serial(async () => (await this.load()).get(key));
  }

  set(key: string, value: string): Promise<void> {
    return this.serial(async () => {
      const map = await this.load();
      if (map.get(key) === value) return;
      map.set(key, value);
      await this.persist();
    });
  }

  delete(key: string): Promise<void> {
    return this.serial(async () => {
      const map = await this.load();
      if (!map.delete(key)) return;
      await this.persist();
    });
  }

  keys(prefix = ''): Promise<string[]> {
    return this.serial(async () => [...(await this.load()).keys()].filter((key) => key.startsWith(prefix)));
  }
}

/** A store that keeps nothing on disk (tests, `--memory`). */
export class MemorySecretStore implements SecretStore {
  private readonly map = new Map<string, string>();
  readonly protection: SecretProtection = { backend: 'memory', secure: true, kind: 'memory' };
  async get(key: string) {
    return this.map.get(key);
  }
  async set(key: string, value: string) {
    this.map.set(key, value);
  }
  async delete(key: string) {
    this.map.delete(key);
  }
  async keys(prefix = '') {
    return [...this.map.keys()].filter((key) => key.startsWith(prefix));
  }
}
