/**
 * The secret store as the renderer may know it (no secret, only how they are kept), and the channel
 * that records the agent's answer to the weaker protection (host/secrets/consent.ts).
 */
import type { SecretStorageInfo } from '../../../shared/ipc/contract';
import { hostError } from '../errors';
import type { SecretStore } from './store';

export function secretStorageInfo(store: SecretStore): SecretStorageInfo {
  const protection = store.protection;
  return {
    backend: protection.backend,
    secure: protection.secure,
    kind: protection.kind ?? (protection.secure ? 'os-keyring' : 'key-file'),
    consent: protection.consent ?? 'not-needed',
    ...(protection.warning ? { warning: protection.warning } : {}),
  };
}

export function secretStorageConsentHandler(store: SecretStore): (request: { allow: boolean }) => Promise<SecretStorageInfo> {
  return async ({ allow }) => {
    if (!store.decideWeakStorage) throw hostError('bad-request', 'Secrets here do not need your consent: nothing was changed.');
    await store.decideWeakStorage(allow);
    return secretStorageInfo(store);
  };
}
