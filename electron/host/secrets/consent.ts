/**
 * Secrets where the operating system cannot protect them (Linux without a keyring): nothing is written
 * with the weaker protection until the agent has said yes, once, in the app (the UI names the risk and
 * the fix: install a keyring). Until then, and after a no, secrets live in memory only (the agent signs
 * in again at the next start). The answer is recorded beside the data, so the app asks once.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { MemorySecretStore, type SecretProtection, type SecretStore, type WeakStorageConsent } from './store';

const recordSchema = z.object({ choice: z.enum(['granted', 'refused']), backend: z.string(), decidedAt: z.string() });
export type ConsentRecord = z.infer<typeof recordSchema>;

export async function readConsent(file: string): Promise<ConsentRecord | undefined> {
  try {
    const parsed = recordSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

async function writeConsent(file: string, record: ConsentRecord): Promise<void> {
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${randomUUID()}.tmp`;
  await writeFile(temporary, JSON.stringify(record), { mode: 0o600 });
  await rename(temporary, file);
}

export interface WeakStorageOptions {
  /** Where the answer is recorded. */
  consentFile: string;
  /** What the weak store is (recorded with the answer, shown in Settings). */
  backend: string;
  /** The sentence naming the risk and the fix. */
  warning: string;
  /** Opens the weakly protected store; called only after a yes. */
  open: () => Promise<SecretStore>;
  /** Removes its files (after a no). */
  remove: () => Promise<void>;
  now?: () => Date;
}

export class ConsentGatedSecretStore implements SecretStore {
  private readonly memory = new MemorySecretStore();
  private weak?: SecretStore;
  private state: WeakStorageConsent;

  private constructor(
    private readonly options: WeakStorageOptions,
    record: ConsentRecord | undefined,
  ) {
    this.state = record && record.backend === options.backend ? record.choice : 'pending';
  }

  static async open(options: WeakStorageOptions): Promise<ConsentGatedSecretStore> {
    const store = new ConsentGatedSecretStore(options, await readConsent(options.consentFile));
    if (store.state === 'granted') store.weak = await options.open();
    return store;
  }

  get protection(): SecretProtection {
    return {
      backend: this.state === 'granted' ? this.options.backend : 'memory (not stored)',
      secure: false,
      kind: this.state === 'granted' ? 'key-file' : 'memory',
      warning: this.options.warning,
      consent: this.state,
    };
  }

  private current(): SecretStore {
    return this.weak ?? this.memory;
  }

  get(key: string) {
    return this.current().get(key);
  }
  set(key: string, value: string) {
    return this.current().set(key, value);
  }
  delete(key: string) {
    return this.current().delete(key);
  }
  keys(prefix?: string) {
    return this.current().keys(prefix);
  }

  /** The agent's answer. A yes moves what is in memory to the weak store; a no removes its files. */
  async decideWeakStorage(allow: boolean): Promise<void> {
    const choice = allow ? 'granted' : 'refused';
    if (allow && !this.weak) {
      const weak = await this.options.open();
      for (const key of await this.memory.keys()) await weak.set(key, (await this.memory.get(key))!);
      this.weak = weak;
    }
    if (!allow && this.weak) {
      for (const key of await this.weak.keys()) await this.memory.set(key, (await this.weak.get(key))!);
      this.weak = undefined;
    }
    if (!allow) await this.options.remove();
    await writeConsent(this.options.consentFile, {
      choice,
      backend: this.options.backend,
      decidedAt: (this.options.now ?? (() => new Date()))().toISOString(),
    });
    this.state = choice;
  }
}
