import { describe, expect, it } from 'vitest';
import { ACCEPTANCE_LINK_FOLLOW_UP_TEMPLATE, ACCEPTANCE_LINK_TEMPLATE } from '../../../../shared/domain/acceptance-link-template';
import { acceptanceLinkEmail } from '../../../../renderer/src/invitations/acceptance-link-text';
import type { OutboxItem } from '../../../../renderer/src/outbox/item';

const URL = 'https://sandbox.test/accept/t0ken';
const item = {
  id: 'i1',
  customerId: 'c1',
  customerName: 'Fourth Coffee',
  state: 'queued',
  primaryContact: { firstName: 'Tania', lastName: 'Carr', email: 'tania@example.com' },
  enhanced: {
    step: 'watch',
    companyName: 'Fourth Coffee',
    country: 'NL',
    language: 'nl-NL',
    linkExpiryMinutes: 10_080,
    finaliseRequestId: 'f1',
    checks: 0,
    linkSentAt: 1,
    attestation: { id: 'a1', acceptanceUrl: URL, expiresAt: '2026-12-08T10:00:00Z', status: 'pending' },
  },
} as unknown as OutboxItem;

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('the follow-up email', () => {
  it('is a reminder with the same link and the signer’s name, in the customer’s language unless the agent picks one', () => {
    const dutch = acceptanceLinkEmail(item, 'Contoso', 'en', { variant: 'follow-up' })!;
    expect(dutch).toMatchObject({ to: 'tania@example.com', language: 'nl' });
    expect(dutch.subject).toBe('Herinnering: accepteer de Microsoft-klantovereenkomst voor Fourth Coffee');
    expect(dutch.body).toMatch(/^Beste Tania Carr,\n/);
    expect(dutch.body).toContain(`\n${URL}\n`);
    const english = acceptanceLinkEmail(item, 'Contoso', 'nl', { variant: 'follow-up', language: 'en' })!;
    expect(english.language).toBe('en');
    expect(english.subject).toBe('Reminder: please accept the Microsoft Customer Agreement for Fourth Coffee');
    expect(english.body).toMatch(/^Dear Tania Carr,\n/);
    expect(english.body).toContain(`\n${URL}\n`);
    for (const text of [dutch, english]) expect(`${text.subject}\n${text.body}`).not.toMatch(/[{}]/);
    // Not the first email again.
    expect(acceptanceLinkEmail(item, 'Contoso', 'en')!.subject).not.toBe(dutch.subject);
  });

  it('uses the same placeholders as the first email, in both languages', () => {
    for (const language of ['en', 'nl'] as const) {
      const first = ACCEPTANCE_LINK_TEMPLATE[language];
      const reminder = ACCEPTANCE_LINK_FOLLOW_UP_TEMPLATE[language];
      expect(new Set(placeholders(reminder.body + reminder.subject))).toEqual(new Set(placeholders(first.body + first.subject)));
    }
  });
});
