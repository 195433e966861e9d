import { describe, expect, it, vi } from 'vitest';
import {
  defaultRecipient,
  draftLanguageFor,
  draftText,
  placeholderValues,
  remainingPlaceholders,
} from '../../../../renderer/src/invitations/draft-text';
import {
  outgoingText,
  RelationshipLinkError,
  UnfilledPlaceholdersError,
  type SendSources,
} from '../../../../renderer/src/invitations/outgoing-text';
import { fillTypedPlaceholders } from '../../../../renderer/src/invitations/placeholder-input';
import { CUSTOMER_ACCEPTANCE_URL } from '../../../../shared/domain/urls';

const customer = {
  id: '11111111-1111-4111-8111-111111111111',
  companyName: 'Fourth Coffee',
  contact: { firstName: 'Tania', lastName: 'Carr', email: 'tania@fourthcoffee.example' },
};
const context = { customer, partnerName: 'Contoso Cloud Partners' };
const RELATIONSHIP_URL = 'https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId=x';
const CREDENTIALS_ID = '22222222-2222-4222-8222-222222222222';

/** Sources that answer (and count) what the send fetches; pass overrides to make one fail. */
function sources(overrides: Partial<SendSources> = {}) {
  return {
    fetchCredentials: vi.fn(async () => ({ userName: 'admin@fourthcoffee.onmicrosoft.com', password: 'Tmp!2345xyz' })),
    fetchRelationshipUrl: vi.fn(async () => RELATIONSHIP_URL),
    ...overrides,
  };
}

describe('placeholder filling', () => {
  it('fills customer, contact and partner names and the route’s URL', () => {
    const text = draftText('existing-customer', 'en', context);
    expect(text.subject).toBe('Action needed: accept the Microsoft Customer Agreement for Fourth Coffee');
    expect(text.body).toContain('Dear Tania Carr,');
    expect(text.body).toContain(CUSTOMER_ACCEPTANCE_URL);
    expect(text.body.endsWith('Contoso Cloud Partners')).toBe(true);
    expect(remainingPlaceholders(text)).toEqual([]);
  });

  it('keeps {url} in a reseller relationship request (the link is fetched when it is sent), in Dutch too', () => {
    const text = draftText('reseller-relationship', 'nl', context);
    expect(text.subject).toBe('Contoso Cloud Partners nodigt Fourth Coffee uit voor een resellerrelatie');
    expect(remainingPlaceholders(text)).toEqual(['url']);
  });

  it('gives a relationship request the sign-in details when the customer has one-time credentials, en and nl', () => {
    for (const language of ['en', 'nl'] as const) {
      const text = draftText('reseller-relationship', language, { ...context, hasCredentials: true });
      expect(remainingPlaceholders(text).sort()).toEqual(['signInName', 'temporaryPassword', 'url']);
      expect(remainingPlaceholders(draftText('reseller-relationship', language, context))).toEqual(['url']);
    }
  });

  it('leaves what is unknown as placeholders for the agent (no customer, no provider name)', () => {
    const text = draftText('indirect-provider', 'en', { partnerName: 'Tailspin Resellers' });
    expect(remainingPlaceholders(text).sort()).toEqual([
      'contactEmail',
      'contactFirstName',
      'contactLastName',
      'contactPhone',
      'customerName',
      'customerTenantId',
      'providerName',
    ]);
    expect(defaultRecipient('indirect-provider', customer)).toBe('');
    expect(defaultRecipient('existing-customer', customer)).toBe('tania@fourthcoffee.example');
  });

  it('addresses the indirect provider by its name and signs with the reseller’s own ({providerName}, {partnerName})', () => {
    const reseller = {
      customer: { ...customer, contact: { ...customer.contact, phoneNumber: '+31 20 555 0101' } },
      partnerName: 'Tailspin Resellers',
      providerName: 'Fabrikam Distribution',
    };
    for (const [language, greeting] of [
      ['en', 'Dear Fabrikam Distribution team,'],
      ['nl', "Beste collega's van Fabrikam Distribution,"],
    ] as const) {
      const text = draftText('indirect-provider', language, reseller);
      expect(text.body.startsWith(greeting)).toBe(true);
      expect(text.body.endsWith('Tailspin Resellers')).toBe(true);
      expect(text.body).not.toContain('{providerName}');
      expect(text.body).toContain(customer.id);
      for (const value of ['Tania', 'Carr', 'tania@fourthcoffee.example', '+31 20 555 0101']) expect(text.body).toContain(value);
      expect(remainingPlaceholders(text)).toEqual([]);
    }
  });

  it('fills {providerName} when the text leaves the app too (a draft made before the name was known)', async () => {
    const draft = {
      template: 'indirect-provider' as const,
      ...draftText('indirect-provider', 'en', { customer, partnerName: 'Tailspin Resellers' }),
    };
    expect(draft.body).toContain('Dear {providerName} team,');
    const later = { customer: { ...customer, contact: { ...customer.contact, phoneNumber: '+31 20 555 0101' } } };
    const text = await outgoingText(
      draft,
      { ...later, partnerName: 'Tailspin Resellers', providerName: 'Fabrikam Distribution' },
      sources(),
    );
    expect(text.body).toContain('Dear Fabrikam Distribution team,');
    expect(remainingPlaceholders(text)).toEqual([]);
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
    const from = sources();
    const draft = { template: 'new-customer' as const, ...draftText('new-customer', 'en', context), credentialsId: CREDENTIALS_ID };
    const text = await outgoingText(draft, context, from);
    expect(from.fetchCredentials).toHaveBeenCalledWith(CREDENTIALS_ID);
    expect(from.fetchRelationshipUrl).not.toHaveBeenCalled();
    expect(text.body).toContain('Temporary password: Tmp!2345xyz');
    expect(text.holdsCredentials).toBe(true);
    expect(remainingPlaceholders(text)).toEqual([]);
    // The draft itself is untouched.
    expect(draft.body).toContain('{temporaryPassword}');
  });

  it('does not ask for credentials when the text does not mention them', async () => {
    const from = sources();
    const draft = { template: 'new-customer' as const, subject: 'Hi', body: 'See {url}', credentialsId: CREDENTIALS_ID };
    const text = await outgoingText(draft, context, from);
    expect(from.fetchCredentials).not.toHaveBeenCalled();
    expect(text).toMatchObject({ body: `See ${CUSTOMER_ACCEPTANCE_URL}`, holdsCredentials: false });
  });

  it('fetches the relationship link at the moment it is sent, with the sign-in details when they exist (en and nl)', async () => {
    for (const language of ['en', 'nl'] as const) {
      const from = sources();
      const draft = {
        template: 'reseller-relationship' as const,
        ...draftText('reseller-relationship', language, { ...context, hasCredentials: true }),
        credentialsId: CREDENTIALS_ID,
      };
      const text = await outgoingText(draft, context, from);
      expect(from.fetchRelationshipUrl).toHaveBeenCalledTimes(1);
      expect(text.body).toContain(RELATIONSHIP_URL);
      expect(text.body).toContain('admin@fourthcoffee.onmicrosoft.com');
      expect(text.body).toContain('Tmp!2345xyz');
      expect(text.holdsCredentials).toBe(true);
      expect(`${text.subject}\n${text.body}`).not.toMatch(/\{\w+\}/);
    }
  });

  it('refuses when the relationship link cannot be fetched, before the credentials are read', async () => {
    const draft = {
      template: 'reseller-relationship' as const,
      ...draftText('reseller-relationship', 'en', { ...context, hasCredentials: true }),
      credentialsId: CREDENTIALS_ID,
    };
    const failing = sources({ fetchRelationshipUrl: vi.fn(async () => Promise.reject(new Error('Partner Center answered 503'))) });
    await expect(outgoingText(draft, context, failing)).rejects.toBeInstanceOf(RelationshipLinkError);
    expect(failing.fetchCredentials).not.toHaveBeenCalled();
    // An answer that is not an https link is no link either.
    for (const answer of ['', '{url}', 'http://admin.microsoft.com/x', 'javascript:alert(1)', 'https://a.example/x y'])
      await expect(outgoingText(draft, context, sources({ fetchRelationshipUrl: vi.fn(async () => answer) }))).rejects.toBeInstanceOf(
        RelationshipLinkError,
      );
  });

  it('refuses a text that would still hold a placeholder, without fetching anything', async () => {
    const from = sources();
    const draft = {
      template: 'reseller-relationship' as const,
      subject: 'For {customerName}',
      body: 'Dear {contactName}, from {partnerName} and {providerName}: {url}',
      credentialsId: CREDENTIALS_ID,
    };
    const refusal = await outgoingText(draft, context, from).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(UnfilledPlaceholdersError);
    expect((refusal as UnfilledPlaceholdersError).names).toEqual(['providerName']);
    expect(from.fetchRelationshipUrl).not.toHaveBeenCalled();
    expect(from.fetchCredentials).not.toHaveBeenCalled();
  });

  it('refuses credentials placeholders in a draft without credentials, and empty credentials', async () => {
    const draft = { template: 'existing-customer' as const, subject: 'Hi', body: 'Your name: {signInName}' };
    await expect(outgoingText(draft, context, sources())).rejects.toBeInstanceOf(UnfilledPlaceholdersError);
    const empty = sources({ fetchCredentials: vi.fn(async () => ({ userName: '', password: '' })) });
    await expect(outgoingText({ ...draft, credentialsId: CREDENTIALS_ID }, context, empty)).rejects.toBeInstanceOf(
      UnfilledPlaceholdersError,
    );
  });

  it('refuses a value that itself reads like a placeholder: no {name} leaves, whatever its source', async () => {
    const hostile = { ...context, customer: { ...customer, companyName: 'Evil {url} Ltd' } };
    const draft = { template: 'indirect-provider' as const, subject: 'For {customerName}', body: 'Hi' };
    await expect(outgoingText(draft, hostile, sources())).rejects.toBeInstanceOf(UnfilledPlaceholdersError);
  });
});

describe('values the agent types for missing placeholders', () => {
  const text = {
    subject: 'For {customerName}',
    body: 'Tenant {customerTenantId}\n{contactFirstName} {contactLastName} {contactEmail} {contactPhone}',
  };

  it('fills every valid value, in the subject and body', () => {
    const result = fillTypedPlaceholders(text, {
      customerName: ' Fourth Coffee ',
      customerTenantId: customer.id,
      contactFirstName: 'Tania',
      contactLastName: 'Carr',
      contactEmail: 'tania@FourthCoffee.example',
      contactPhone: '+31 20 555 0101',
    });
    expect(result).toEqual({
      ok: true,
      text: { subject: 'For Fourth Coffee', body: `Tenant ${customer.id}\nTania Carr tania@fourthcoffee.example +31 20 555 0101` },
    });
  });

  it('fills nothing when one value is invalid, and says which', () => {
    const result = fillTypedPlaceholders(text, {
      customerName: 'Fourth Coffee',
      customerTenantId: 'not-a-guid',
      contactEmail: 'no-at-sign',
      contactPhone: 'call me',
      contactFirstName: 'Ta{url}nia',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(['contactEmail', 'contactFirstName', 'contactPhone', 'customerTenantId']);
    expect(result.errors.customerTenantId?.code).toBe('invalid-tenant-id');
  });

  it('skips empty values (they stay placeholders)', () => {
    const result = fillTypedPlaceholders(text, { customerName: '  ', contactFirstName: 'Tania' });
    expect(result.ok && remainingPlaceholders(result.text)).toContain('customerName');
  });
});
