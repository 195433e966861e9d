import { describe, expect, it, vi } from 'vitest';
import {
  defaultRecipient,
  draftLanguageFor,
  draftText,
  placeholderValues,
  remainingPlaceholders,
} from '../../../../renderer/src/invitations/draft-text';
import { outgoingText } from '../../../../renderer/src/invitations/outgoing-text';
import { CUSTOMER_ACCEPTANCE_URL } from '../../../../shared/domain/urls';

const customer = {
  id: '11111111-1111-4111-8111-111111111111',
  companyName: 'Fourth Coffee',
  contact: { firstName: 'Tania', lastName: 'Carr', email: 'tania@fourthcoffee.example' },
};
const context = {
  customer,
  partnerName: 'Contoso Cloud Partners',
  relationshipUrl: 'https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId=x',
};

describe('placeholder filling', () => {
  it('fills customer, contact and partner names and the route’s URL', () => {
    const text = draftText('existing-customer', 'en', context);
    expect(text.subject).toBe('Action needed: accept the Microsoft Customer Agreement for Fourth Coffee');
    expect(text.body).toContain('Dear Tania Carr,');
    expect(text.body).toContain(CUSTOMER_ACCEPTANCE_URL);
    expect(text.body.endsWith('Contoso Cloud Partners')).toBe(true);
    expect(remainingPlaceholders(text)).toEqual([]);
  });

  it('uses the backend’s relationship link for a reseller relationship request, in Dutch too', () => {
    const text = draftText('reseller-relationship', 'nl', context);
    expect(text.subject).toBe('Contoso Cloud Partners nodigt Fourth Coffee uit voor een resellerrelatie');
    expect(text.body).toContain(context.relationshipUrl);
  });

  it('leaves what is unknown as placeholders for the agent (no customer, no provider name)', () => {
    const text = draftText('indirect-provider', 'en', { partnerName: 'Tailspin Resellers' });
    expect(remainingPlaceholders(text).sort()).toEqual(['contactName', 'customerName', 'customerTenantId', 'providerName']);
    expect(defaultRecipient('indirect-provider', customer)).toBe('');
    expect(defaultRecipient('existing-customer', customer)).toBe('tania@fourthcoffee.example');
  });

  it('addresses the indirect provider by its name and signs with the reseller’s own ({providerName}, {partnerName})', () => {
    const reseller = { customer, partnerName: 'Tailspin Resellers', providerName: 'Fabrikam Distribution' };
    for (const [language, greeting] of [
      ['en', 'Dear Fabrikam Distribution team,'],
      ['nl', "Beste collega's van Fabrikam Distribution,"],
    ] as const) {
      const text = draftText('indirect-provider', language, reseller);
      expect(text.body.startsWith(greeting)).toBe(true);
      expect(text.body.endsWith('Tailspin Resellers')).toBe(true);
      expect(text.body).not.toContain('{providerName}');
      expect(remainingPlaceholders(text)).toEqual([]);
    }
  });

  it('fills {providerName} when the text leaves the app too (a draft made before the name was known)', async () => {
    const draft = {
      template: 'indirect-provider' as const,
      ...draftText('indirect-provider', 'en', { customer, partnerName: 'Tailspin Resellers' }),
    };
    expect(draft.body).toContain('Dear {providerName} team,');
    const text = await outgoingText(draft, { customer, partnerName: 'Tailspin Resellers', providerName: 'Fabrikam Distribution' }, vi.fn());
    expect(text.body).toContain('Dear Fabrikam Distribution team,');
    expect(text.missing).toEqual([]);
  });

  it('never fills credentials when a draft is made', () => {
    const values = placeholderValues('new-customer', context);
    expect(values.signInName).toBeUndefined();
    expect(values.temporaryPassword).toBeUndefined();
    const text = draftText('new-customer', 'en', context);
    expect(remainingPlaceholders(text).sort()).toEqual(['signInName', 'temporaryPassword']);
  });

  it('picks the draft language from the customer’s language, else the app’s', () => {
    expect(draftLanguageFor('nl-BE', 'en')).toBe('nl');
    expect(draftLanguageFor('de-DE', 'nl')).toBe('nl');
    expect(draftLanguageFor(undefined, 'en')).toBe('en');
  });
});

describe('the text that leaves the app', () => {
  it('fetches credentials only for a draft linked to them, and says the text holds them', async () => {
    const fetch = vi.fn(async () => ({ userName: 'admin@fourthcoffee.onmicrosoft.com', password: 'Tmp!2345xyz' }));
    const draft = {
      template: 'new-customer' as const,
      ...draftText('new-customer', 'en', context),
      credentialsId: '22222222-2222-4222-8222-222222222222',
    };
    const text = await outgoingText(draft, context, fetch);
    expect(fetch).toHaveBeenCalledWith('22222222-2222-4222-8222-222222222222');
    expect(text.body).toContain('Temporary password: Tmp!2345xyz');
    expect(text.holdsCredentials).toBe(true);
    expect(text.missing).toEqual([]);
    // The draft itself is untouched.
    expect(draft.body).toContain('{temporaryPassword}');
  });

  it('does not ask for credentials when the text does not mention them', async () => {
    const fetch = vi.fn();
    const draft = {
      template: 'new-customer' as const,
      subject: 'Hi',
      body: 'See {url}',
      credentialsId: '22222222-2222-4222-8222-222222222222',
    };
    const text = await outgoingText(draft, context, fetch);
    expect(fetch).not.toHaveBeenCalled();
    expect(text).toMatchObject({ body: `See ${CUSTOMER_ACCEPTANCE_URL}`, holdsCredentials: false });
  });

  it('fills placeholders that became known after the draft was made, and reports the rest', async () => {
    const draft = {
      template: 'existing-customer' as const,
      subject: 'For {customerName}',
      body: 'Dear {contactName}, from {partnerName} and {providerName}',
    };
    const text = await outgoingText(draft, context, vi.fn());
    expect(text.subject).toBe('For Fourth Coffee');
    expect(text.missing).toEqual(['providerName']);
  });
});
