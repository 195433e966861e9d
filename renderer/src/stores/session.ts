/**
 * Who is signed in, at which backend, and what they may do. The session lives in the main process
 * (tokens never reach the renderer); this store asks for it on load and after sign-in/out.
 */
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { Session } from '../../../shared/ipc/contract';
import { canAttest, canCreateCustomers, type PartnerUser } from '../../../shared/domain/roles';
import type { AuthNeed } from '../../../shared/ipc/results';
import { call } from '../platform/api';

export const useSessionStore = defineStore('session', () => {
  const session = ref<Session | null>(null);
  const loaded = ref(false);
  /** The sign-in expired while work was queued: the agent must sign in again (same user). */
  const expired = ref(false);
  /** Why it expired, when the backend said: 'mfa' means signing in the same way again cannot help (Partner Center wants MFA). */
  const expiredNeed = ref<AuthNeed | null>(null);
  /** Set when the local service (main process or bridge) could not be asked for the session. */
  const loadError = ref<string | null>(null);
  let loading: Promise<void> | null = null;

  const user = computed<PartnerUser | null>(() => (session.value?.signedIn ? session.value.user : null));
  const backend = computed(() => session.value?.backend ?? 'sandbox');
  const attestPermission = computed(() => (user.value ? canAttest(user.value) : null));
  const mayAttest = computed(() => attestPermission.value?.allowed === true);
  const mayCreateCustomers = computed(() => (user.value ? canCreateCustomers(user.value).allowed : false));
  const isIndirectReseller = computed(() => user.value?.partnerType === 'indirect-reseller');
  /**
   * How this backend takes a partner's confirmation: 'enhanced' (Partner Center since 5 January 2026:
   * a signer accepts through a link) or 'legacy' (the seed's contact and date, on a backend that still
   * offers it). The host decides it at sign-in.
   */
  const attestationRoute = computed(() => (session.value?.signedIn ? session.value.attestationRoute : 'enhanced'));

  /** Loads the session once (later calls share it); `force` asks again. */
  function load(force = false): Promise<void> {
    if (loading && !force) return loading;
    loading = call('getSession', {})
      .then((value) => {
        session.value = value;
        loadError.value = null;
      })
      .catch((error: unknown) => {
        loadError.value = error instanceof Error ? error.message : String(error);
      })
      .finally(() => {
        loaded.value = true;
      });
    return loading;
  }

  /** Set by a sign-in in this window, taken by whoever records it once the agent's database is open. */
  let signedInHere = false;
  function takeSignIn(): boolean {
    const taken = signedInHere;
    signedInHere = false;
    return taken;
  }

  async function signIn(userName: string, password: string): Promise<void> {
    session.value = await call('signIn', { method: 'password', userName, password });
    signedInHere = session.value.signedIn;
    expired.value = false;
    expiredNeed.value = null;
  }

  async function signInWithMicrosoft(): Promise<void> {
    session.value = await call('signIn', { method: 'microsoft' });
    signedInHere = session.value.signedIn;
    expired.value = false;
    expiredNeed.value = null;
  }

  async function signOut(): Promise<void> {
    session.value = await call('signOut', {});
    expired.value = false;
    expiredNeed.value = null;
  }

  function markExpired(need: AuthNeed | null = null): void {
    expired.value = true;
    expiredNeed.value = need;
  }

  return {
    session,
    loaded,
    expired,
    expiredNeed,
    loadError,
    user,
    backend,
    attestPermission,
    mayAttest,
    mayCreateCustomers,
    isIndirectReseller,
    attestationRoute,
    load,
    signIn,
    signInWithMicrosoft,
    signOut,
    takeSignIn,
    markExpired,
  };
});
