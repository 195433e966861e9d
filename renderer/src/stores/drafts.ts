/**
 * Invitation drafts, local first: every change is written to IndexedDB as the agent types (the
 * editor debounces), listed newest first. A draft holds text with placeholders and, for a new
 * customer, a reference to credentials kept by the main process: never the credentials themselves.
 */
import { defineStore } from 'pinia';
import {
  invitationDraftSchema,
  type InvitationDraft,
  type InvitationLanguage,
  type InvitationTemplateId,
} from '../../../shared/domain/invitations';
import { db } from '../db/database';
import type { DraftRow } from '../db/rows';
import { guardStorage } from '../db/storage-errors';
import { useLiveQuery } from '../composables/useLiveQuery';

export interface NewDraft {
  template: InvitationTemplateId;
  language: InvitationLanguage;
  to: string;
  subject: string;
  body: string;
  customerId?: string | undefined;
  credentialsId?: string | undefined;
}

export type DraftChanges = Partial<Pick<InvitationDraft, 'template' | 'language' | 'to' | 'subject' | 'body'>>;

/** Only the schema's fields reach IndexedDB (a stray property, whatever it holds, is dropped). */
function checked(draft: InvitationDraft): DraftRow {
  return invitationDraftSchema.strip().parse(draft);
}

export const useDraftsStore = defineStore('drafts', () => {
  const drafts = useLiveQuery(() => db().drafts.orderBy('updatedAt').reverse().toArray(), [] as DraftRow[]);

  async function create(input: NewDraft): Promise<DraftRow> {
    const now = new Date().toISOString();
    const draft = checked({
      id: crypto.randomUUID(),
      template: input.template,
      language: input.language,
      to: input.to,
      subject: input.subject,
      body: input.body,
      ...(input.customerId ? { customerId: input.customerId } : {}),
      ...(input.credentialsId ? { credentialsId: input.credentialsId } : {}),
      createdAt: now,
      updatedAt: now,
    });
    await guardStorage(() => db().drafts.add(draft));
    return draft;
  }

  function get(id: string): Promise<DraftRow | undefined> {
    return db().drafts.get(id);
  }

  /** Writes the agent's changes; answers the stored draft, or undefined when it was deleted meanwhile. */
  async function update(id: string, changes: DraftChanges): Promise<DraftRow | undefined> {
    return guardStorage(() =>
      db().transaction('rw', db().drafts, async () => {
        const current = await db().drafts.get(id);
        if (!current) return undefined;
        const next = checked({ ...current, ...changes, updatedAt: new Date().toISOString() });
        await db().drafts.put(next);
        return next;
      }),
    );
  }

  function remove(id: string): Promise<void> {
    return guardStorage(() => db().drafts.delete(id));
  }

  return { drafts, create, get, update, remove };
});
