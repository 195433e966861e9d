/** Messages for the agent in one aria-live region: confirmations, failures, storage and sign-in problems. */
import { defineStore } from 'pinia';
import { ref } from 'vue';

export type NoticeTone = 'success' | 'error' | 'info';

export interface Notice {
  id: number;
  tone: NoticeTone;
  text: string;
}

const AUTO_DISMISS_MS = 10_000;
const MAX_NOTICES = 5;

export const useNotificationsStore = defineStore('notifications', () => {
  const notices = ref<Notice[]>([]);
  let nextId = 1;

  function dismiss(id: number): void {
    notices.value = notices.value.filter((notice) => notice.id !== id);
  }

  /** Shows a message; errors stay until dismissed, the rest go after a few seconds. */
  function notify(tone: NoticeTone, text: string): number {
    // The same text twice in a row (e.g. every window hearing one event) is shown once.
    const existing = notices.value.find((notice) => notice.text === text);
    if (existing) return existing.id;
    const id = nextId++;
    notices.value = [...notices.value, { id, tone, text }].slice(-MAX_NOTICES);
    if (tone !== 'error') setTimeout(() => dismiss(id), AUTO_DISMISS_MS);
    return id;
  }

  function clear(): void {
    notices.value = [];
  }

  return { notices, notify, dismiss, clear };
});
