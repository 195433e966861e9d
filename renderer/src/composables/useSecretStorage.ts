/**
 * How this computer keeps the agent's secrets (never the secrets themselves), and the agent's answer
 * to the weaker protection on Linux without a keyring. One shared state for the start-up question and
 * the Settings section.
 */
import { ref } from 'vue';
import type { SecretStorageInfo } from '../../../shared/ipc/contract';
import { call } from '../platform/api';

const info = ref<SecretStorageInfo | null>(null);
const error = ref<string | null>(null);
const deciding = ref(false);

async function load(): Promise<void> {
  try {
    info.value = (await call('getAppInfo', {})).secretStorage;
    error.value = null;
  } catch (failure) {
    error.value = failure instanceof Error ? failure.message : String(failure);
  }
}

async function decide(allow: boolean): Promise<void> {
  deciding.value = true;
  try {
    info.value = await call('setSecretStorageConsent', { allow });
    error.value = null;
  } catch (failure) {
    error.value = failure instanceof Error ? failure.message : String(failure);
  } finally {
    deciding.value = false;
  }
}

export function useSecretStorage() {
  return { info, error, deciding, load, decide };
}
