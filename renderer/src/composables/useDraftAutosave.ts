/**
 * Saves a draft as the agent types: each change is written after a short pause (no Save button),
 * and at once when the editor closes or the window is hidden, so a reload loses nothing.
 */
import { onBeforeUnmount, ref, watch, type WatchSource } from 'vue';
import type { DraftChanges } from '../stores/drafts';

export const AUTOSAVE_DELAY_MS = 400;

export type AutosaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

/** `model` is watched deeply; every change after the first render is saved. */
export function useDraftAutosave(
  model: WatchSource<DraftChanges>,
  write: (changes: DraftChanges) => Promise<unknown>,
  delayMs = AUTOSAVE_DELAY_MS,
) {
  const state = ref<AutosaveState>('idle');
  const savedAt = ref<Date | null>(null);
  const error = ref<string | null>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let dirty = false;
  let latest: DraftChanges = {};
  let writing: Promise<void> = Promise.resolve();

  /** Writes the latest text now (one write at a time, in order). */
  function flush(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    if (!dirty) return writing;
    dirty = false;
    const changes = { ...latest };
    writing = writing.then(async () => {
      state.value = 'saving';
      try {
        await write(changes);
        error.value = null;
        savedAt.value = new Date();
        state.value = dirty ? 'pending' : 'saved';
      } catch (caught) {
        dirty = true;
        error.value = caught instanceof Error ? caught.message : String(caught);
        state.value = 'error';
      }
    });
    return writing;
  }

  watch(
    model,
    (value) => {
      latest = { ...value };
      dirty = true;
      state.value = 'pending';
      clearTimeout(timer);
      timer = setTimeout(() => void flush(), delayMs);
    },
    { deep: true },
  );

  const onHidden = () => {
    if (document.visibilityState === 'hidden') void flush();
  };
  const onPageHide = () => void flush();
  document.addEventListener('visibilitychange', onHidden);
  window.addEventListener('pagehide', onPageHide);
  onBeforeUnmount(() => {
    document.removeEventListener('visibilitychange', onHidden);
    window.removeEventListener('pagehide', onPageHide);
    void flush();
  });

  return { state, savedAt, error, flush };
}
