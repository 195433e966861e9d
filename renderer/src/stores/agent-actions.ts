/**
 * The audit log's entries for what the agent does outside the outbox (sign-in and sign-out, exports,
 * imports, credentials sent). Outbox steps are written by the outbox in their own transactions; these
 * are one `add` each. A failure to record is reported, never thrown: it must not stop the action.
 */
import { db, hasDatabase } from '../db/database';
import type { AuditEntry, AuditKind } from '../outbox/item';
import { useSessionStore } from './session';

export type AgentActionKind = Extract<
  AuditKind,
  'signed-in' | 'signed-out' | 'csv-exported' | 'csv-imported' | 'evidence-exported' | 'audit-exported' | 'credentials-sent'
>;

/** Records an action of the signed-in agent (nothing when nobody is signed in or no database is open). */
export async function recordAgentAction(
  kind: AgentActionKind,
  details: { customerId?: string; itemId?: string; detail?: string } = {},
): Promise<void> {
  const actor = useSessionStore().user?.userName;
  if (!actor || !hasDatabase()) return;
  const entry: AuditEntry = {
    at: Date.now(),
    kind,
    itemId: details.itemId ?? '',
    customerId: details.customerId ?? '',
    actor,
    ...(details.detail ? { detail: details.detail } : {}),
  };
  try {
    await db().audit.add(entry);
  } catch (error) {
    console.error('Could not record an audit entry', kind, error);
  }
}
