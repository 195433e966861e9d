/**
 * The secret store inside Electron: `safeStorage` (async API) when the OS protects it; on a Linux
 * session without a keyring (`basic_text`) the AES-256-GCM key-file cipher instead, reported as
 * not secure so the UI warns, and a loud warning in the log.
 */
import { join } from 'node:path';
import type { SafeStorage } from 'electron';
import { EncryptedFileSecretStore, type SecretStore } from '../host/secrets/store';
import { SafeStorageCipher, SafeStorageUnavailableError } from '../host/secrets/safe-storage';
import { AesGcmKeyFileCipher } from '../host/secrets/aes-gcm';

export async function openElectronSecretStore(safeStorage: SafeStorage, userData: string, log: (message: string) => void = console.warn): Promise<SecretStore> {
  try {
    const cipher = await SafeStorageCipher.open(safeStorage);
    return new EncryptedFileSecretStore(join(userData, 'secrets.safestorage.json'), cipher);
  } catch (error) {
    if (!(error instanceof SafeStorageUnavailableError)) throw error;
    const warning = error.message;
    log(`WARNING: ${warning} MCA Desk falls back to a key file readable only by your user, which does not protect against programs running as you.`);
    const cipher = await AesGcmKeyFileCipher.open(join(userData, 'secret.key'), { backend: `aes-256-gcm-keyfile (safeStorage: ${error.backend})`, secure: false, warning });
    return new EncryptedFileSecretStore(join(userData, 'secrets.keyfile.json'), cipher);
  }
}
