/**
 * The secret store inside Electron (after `ready`):
 * - `safeStorage` (async API) when the operating system protects it (Keychain, DPAPI, a Linux keyring);
 *   secrets an earlier run kept in the key-file fallback move into it, and the old files are deleted;
 * - on a Linux session without a keyring (`basic_text`), the key-file cipher, but only after the agent
 *   agreed in the app (host/secrets/consent.ts); until then secrets stay in memory.
 */
import { join } from 'node:path';
import { readFile, rm } from 'node:fs/promises';
import type { SafeStorage } from 'electron';
import { EncryptedFileSecretStore, type SecretStore } from '../host/secrets/store';
import { SafeStorageCipher, SafeStorageUnavailableError } from '../host/secrets/safe-storage';
import { AesGcmKeyFileCipher } from '../host/secrets/aes-gcm';
import { ConsentGatedSecretStore } from '../host/secrets/consent';

export const WEAK_BACKEND = 'aes-256-gcm-keyfile (no keyring)';

export function secretPaths(userData: string) {
  return {
    keyring: join(userData, 'secrets.safestorage.json'),
    weakStore: join(userData, 'secrets.keyfile.json'),
    weakKey: join(userData, 'secret.key'),
    consent: join(userData, 'secret-storage-consent.json'),
  };
}

type Log = (message: string) => void;

function openWeakStore(paths: ReturnType<typeof secretPaths>, backend = WEAK_BACKEND): Promise<EncryptedFileSecretStore> {
  return AesGcmKeyFileCipher.open(paths.weakKey, { backend, secure: false, kind: 'key-file' }).then(
    (cipher) => new EncryptedFileSecretStore(paths.weakStore, cipher),
  );
}

async function removeWeakFiles(paths: ReturnType<typeof secretPaths>): Promise<void> {
  await rm(paths.weakStore, { force: true });
  await rm(paths.weakKey, { force: true });
}

/** Moves secrets from the key-file fallback of an earlier run into the keyring store, then deletes the fallback. */
export async function migrateToKeyring(keyring: SecretStore, paths: ReturnType<typeof secretPaths>, log: Log): Promise<number> {
  let envelope: { backend?: unknown };
  try {
    envelope = JSON.parse(await readFile(paths.weakStore, 'utf8')) as { backend?: unknown };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      await rm(paths.weakKey, { force: true });
      await rm(paths.consent, { force: true });
      return 0;
    }
    throw error;
  }
  const old = await openWeakStore(paths, typeof envelope.backend === 'string' ? envelope.backend : WEAK_BACKEND);
  let moved = 0;
  for (const key of await old.keys()) {
    // The keyring's own value is newer than anything left in the fallback.
    if ((await keyring.get(key)) !== undefined) continue;
    await keyring.set(key, (await old.get(key))!);
    moved += 1;
  }
  await removeWeakFiles(paths);
  await rm(paths.consent, { force: true });
  log(`MCA Desk moved ${moved} secret(s) from its key file into the system keyring and deleted the key file.`);
  return moved;
}

export async function openElectronSecretStore(safeStorage: SafeStorage, userData: string, log: Log = console.warn): Promise<SecretStore> {
  const paths = secretPaths(userData);
  try {
    const cipher = await SafeStorageCipher.open(safeStorage);
    const store = new EncryptedFileSecretStore(paths.keyring, cipher);
    await migrateToKeyring(store, paths, log);
    return store;
  } catch (error) {
    if (!(error instanceof SafeStorageUnavailableError)) throw error;
    log(
      `WARNING: ${error.message} Until you agree in MCA Desk to keep secrets in a key file readable only by your user, they are kept in memory only.`,
    );
    return ConsentGatedSecretStore.open({
      consentFile: paths.consent,
      backend: WEAK_BACKEND,
      warning: error.message,
      open: () => openWeakStore(paths),
      remove: () => removeWeakFiles(paths),
    });
  }
}
