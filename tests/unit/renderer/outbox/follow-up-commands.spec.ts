import { beforeEach, describe, expect, it } from 'vitest';
import type { McaDeskDatabase } from '../../../../renderer/src/db/database';
import {
  enqueueEnhancedAttestation,
  markFollowUpSent,
  markLinkSent,
  OutboxCommandError,
  requestNewLink,
} from '../../../../renderer/src/outbox/commands';
import type { OutboxItem } from '../../../../renderer/src/outbox/item';
import { CUSTOMER_A, contact, freshDatabase, storageOn } from '../helpers/database';

const AGENT = 'admin@contoso.example';
const T0 = Date.UTC(2026, 11, 1, 9);
let database: McaDeskDatabase;
const context = (now: number) => ({ storage: storageOn(database), actor: AGENT, now });

/** A link the backend made and the agent sent at T0 (as the engine and the panel leave it). */
async function sentLink(): Promise<OutboxItem> {
  const item = await enqueueEnhancedAttestation(
    {
      customerId: CUSTOMER_A,
      customerName: 'Fourth Coffee',
      signer: contact,
      fields: { companyName: 'Fourth Coffee', country: 'NL', language: 'nl-NL', linkExpiryMinutes: 10_080 },
    },
    context(T0 - 60_000),
  );
  await database.outbox.put({
    ...item,
    enhanced: {
      ...item.enhanced!,
      step: 'watch',
      attestation: {
        id: 'att-1',
        acceptanceUrl: 'https://sandbox.test/accept/abc',
        expiresAt: new Date(T0 + 7 * 86_400_000).toISOString(),
        status: 'pending',
      },
    },
  });
  return markLinkSent(item.id, 'clipboard', context(T0));
}

const auditOf = async (itemId: string) =>
  (await database.audit.where('itemId').equals(itemId).toArray()).map((entry) => [entry.kind, entry.detail]);

beforeEach(async () => {
  database = await freshDatabase();
});

describe('a follow-up reminder', () => {
  it('is recorded on the item and in the audit log, as the first send is, and may be sent again', async () => {
    const item = await sentLink();
    const first = await markFollowUpSent(item.id, 'email', context(T0 + 4 * 86_400_000));
    expect(first.enhanced).toMatchObject({ linkSentAt: T0, followedUpAt: T0 + 4 * 86_400_000 });
    // Read again within half a minute, as just after the first email (not on the hourly gap of a 4-day-old link).
    expect(first.nextAttemptAt).toBe(T0 + 4 * 86_400_000 + 30_000);
    await markFollowUpSent(item.id, 'clipboard', context(T0 + 5 * 86_400_000));
    expect((await database.outbox.get(item.id))?.enhanced?.followedUpAt).toBe(T0 + 5 * 86_400_000);
    expect((await auditOf(item.id)).filter(([kind]) => kind === 'link-sent')).toEqual([
      ['link-sent', `by ${AGENT}, copied to the clipboard`],
      ['link-sent', `follow-up by ${AGENT}, opened in email`],
      ['link-sent', `follow-up by ${AGENT}, copied to the clipboard`],
    ]);
  });

  it('is refused for a link that was never sent, and changes nothing then', async () => {
    const item = await sentLink();
    await database.outbox.update(item.id, { enhanced: { ...item.enhanced!, linkSentAt: undefined } });
    const before = await auditOf(item.id);
    await expect(markFollowUpSent(item.id, 'email', context(T0 + 1))).rejects.toEqual(new OutboxCommandError('not-watching'));
    expect(await auditOf(item.id)).toEqual(before);
    expect((await database.outbox.get(item.id))?.enhanced?.followedUpAt).toBeUndefined();
  });
});

describe('"Send a new link" for a link that still works', () => {
  it('replaces the watched item by a new one at its first step, for the same signer, with a new request id', async () => {
    const item = await sentLink();
    const fresh = await requestNewLink(item.id, context(T0 + 86_400_000));
    expect(fresh.id).not.toBe(item.id);
    expect(fresh).toMatchObject({ state: 'queued', replaces: item.id, primaryContact: contact, customerId: CUSTOMER_A });
    expect(fresh.enhanced).toMatchObject({ step: 'create', companyName: 'Fourth Coffee', linkExpiryMinutes: 10_080 });
    expect(fresh.enhanced?.attestation).toBeUndefined();
    expect(fresh.enhanced?.finaliseRequestId).not.toBe(item.enhanced?.finaliseRequestId);
    expect(await database.outbox.get(item.id)).toMatchObject({ state: 'replaced', replacedBy: fresh.id });
    expect(await auditOf(item.id)).toContainEqual(['replaced', `a new link requested while the last one still worked as ${fresh.id}`]);
  });

  it('is refused while a read of the old link is out, and for a link still being made; nothing changes', async () => {
    const item = await sentLink();
    await database.outbox.update(item.id, { state: 'sending' });
    await expect(requestNewLink(item.id, context(T0 + 1))).rejects.toEqual(new OutboxCommandError('sending'));
    await database.outbox.update(item.id, { state: 'queued', enhanced: { ...item.enhanced!, step: 'create', attestation: undefined } });
    await expect(requestNewLink(item.id, context(T0 + 2))).rejects.toEqual(new OutboxCommandError('not-failed'));
    expect(await database.outbox.count()).toBe(1);
    expect((await database.outbox.get(item.id))?.state).toBe('queued');
  });
});
