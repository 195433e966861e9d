/**
 * The date rule's limits as every form shows and checks them: the earliest day (Settings: the MCA did
 * not exist before it; the main process judges against the same setting) and the latest day (today where the agent is, never after today in UTC), in the
 * agent's time zone. `latest` follows the clock, so a form left open past midnight moves its `max`.
 */
import { computed, getCurrentScope, onScopeDispose, ref } from 'vue';
import { DEFAULT_ACCEPTANCE_FLOOR, latestAcceptanceDate, type DateRuleContext } from '../../../shared/domain/dates';
import { useSettingsStore } from '../stores/settings';

const TICK_MS = 30_000;

export function useAcceptanceDateLimits() {
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const settings = useSettingsStore();
  /** The earliest day allowed (Settings; the default until they are loaded). */
  const floor = computed(() => settings.settings?.acceptanceFloor ?? DEFAULT_ACCEPTANCE_FLOOR);
  const now = ref(new Date());
  const clock = setInterval(() => (now.value = new Date()), TICK_MS);
  if (getCurrentScope()) onScopeDispose(() => clearInterval(clock));
  else clearInterval(clock);

  /** The latest day allowed now (YYYY-MM-DD), kept current. */
  const latest = computed(() => latestAcceptanceDate(now.value, timeZone));
  /** The rule's context at this moment: what the shared schemas judge a date against. */
  const context = (): DateRuleContext => ({ now: new Date(), timeZone, floor: floor.value });
  /** The latest day allowed at this moment (the form's default date). */
  const today = (): string => latestAcceptanceDate(new Date(), timeZone);

  return { floor, timeZone, latest, context, today };
}
