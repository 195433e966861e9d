import { describe, expect, it } from 'vitest';
import { buildMailto, clipboardText, fillPlaceholders, invitationDraftSchema, renderInvitation } from '../../../shared/domain/invitations';
import { INVITATION_TEMPLATES, RELATIONSHIP_WITH_CREDENTIALS } from '../../../shared/domain/invitation-templates';
import { invitationLanguages, invitationTemplateIds } from '../../../shared/domain/invitations';
import { CUSTOMER_ACCEPTANCE_URL } from '../../../shared/domain/urls';

describe('fillPlaceholders', () => {
  it('inserts values as plain text, escaping nothing, because nothing is HTML', () => {
    const hostile = '<img src=x onerror=alert(1)> & "quotes" \'single\'';
    expect(fillPlaceholders('Hello {customerName}!', { customerName: hostile })).toEqual({
      text: `Hello ${hostile}!`,
      missing: [],
      holdsCredentials: false,
    });
  });

  it('leaves a placeholder without a value in place and reports it', () => {
    expect(fillPlaceholders('Dear {contactName}, see {url}', { url: CUSTOMER_ACCEPTANCE_URL })).toEqual({
      text: `Dear {contactName}, see ${CUSTOMER_ACCEPTANCE_URL}`,
      missing: ['contactName'],
      holdsCredentials: false,
    });
  });

  it('leaves unknown braces alone (a customer may write {this})', () => {
    expect(fillPlaceholders('{unknown} {customerName}', { customerName: 'Contoso' }).text).toBe('{unknown} Contoso');
  });

  it('does not re-expand placeholders that appear inside a value', () => {
    expect(fillPlaceholders('{customerName}', { customerName: '{temporaryPassword}', temporaryPassword: 'secret' }).text).toBe(
      '{temporaryPassword}',
    );
  });

  it('flags a text that holds credentials', () => {
    expect(
      fillPlaceholders('{signInName} / {temporaryPassword}', { signInName: 'admin@x.onmicrosoft.com', temporaryPassword: 'P@ss' })
        .holdsCredentials,
    ).toBe(true);
  });
});

describe('the invitation templates', () => {
  const values = {
    customerName: 'Fourth Coffee',
    contactName: 'Anna de Vries',
    partnerName: 'Contoso Cloud Partners',
    url: CUSTOMER_ACCEPTANCE_URL,
    signInName: 'admin@fourthcoffee.onmicrosoft.com',
    temporaryPassword: 'Temp#1234',
    customerTenantId: '14876998-c0dc-46e6-9d0c-65a57a6c32ec',
    providerName: 'Fabrikam Distribution',
    contactFirstName: 'Anna',
    contactLastName: 'de Vries',
    contactEmail: 'anna@fourthcoffee.example',
    contactPhone: '+31 20 555 0101',
  };

  it.each(invitationLanguages)('the relationship request with sign-in details in %s renders every placeholder', (language) => {
    const rendered = renderInvitation(RELATIONSHIP_WITH_CREDENTIALS[language], values);
    expect(rendered.missing).toEqual([]);
    expect(rendered.holdsCredentials).toBe(true);
    expect(rendered.subject).toBe(renderInvitation(INVITATION_TEMPLATES['reseller-relationship'][language], values).subject);
  });

  it.each(invitationTemplateIds.flatMap((id) => invitationLanguages.map((language) => [id, language] as const)))(
    '%s in %s renders every placeholder',
    (id, language) => {
      const rendered = renderInvitation(INVITATION_TEMPLATES[id][language], values);
      expect(rendered.missing).toEqual([]);
      expect(rendered.subject).not.toMatch(/\{\w+\}/);
      expect(rendered.body).not.toMatch(/\{\w+\}/);
      expect(rendered.body).toContain(values.partnerName);
    },
  );

  it('puts the acceptance URL and the credentials in the new-customer invitation', () => {
    const rendered = renderInvitation(INVITATION_TEMPLATES['new-customer'].nl, values);
    expect(rendered.body).toContain(CUSTOMER_ACCEPTANCE_URL);
    expect(rendered.body).toContain('Temp#1234');
    expect(rendered.holdsCredentials).toBe(true);
    expect(rendered.subject).toBe('Accepteer de Microsoft-klantovereenkomst voor Fourth Coffee');
  });

  it('keeps the existing-customer invitation free of credentials', () => {
    expect(renderInvitation(INVITATION_TEMPLATES['existing-customer'].en, values).holdsCredentials).toBe(false);
  });
});

describe('clipboard and mailto', () => {
  it('copies the subject, a blank line, then the body', () => {
    expect(clipboardText({ subject: 'S', body: 'line 1\nline 2' })).toBe('S\n\nline 1\nline 2');
  });

  it('percent-encodes a mailto link so the body cannot add headers', () => {
    const link = buildMailto('anna@fourthcoffee.example; ben@fourthcoffee.example', {
      subject: 'MCA & you?',
      body: 'Line 1\nbcc=evil@x.com&cc=x',
    });
    expect(link).toBe(
      'mailto:anna%40fourthcoffee.example,ben%40fourthcoffee.example?subject=MCA%20%26%20you%3F&body=Line%201%0Abcc%3Devil%40x.com%26cc%3Dx',
    );
  });

  it('refuses a recipient that is not an address', () => {
    expect(() => buildMailto('anna', { subject: '', body: '' })).toThrow();
  });
});

describe('invitationDraftSchema', () => {
  const draft = {
    id: '0f8fad5b-d9cb-469f-a165-70867728950e',
    template: 'existing-customer',
    language: 'en',
    to: '',
    subject: 's',
    body: 'b',
    createdAt: '2026-11-25T10:00:00.000Z',
    updatedAt: '2026-11-25T10:00:00.000Z',
  };

  it('accepts a draft that is still being written (no recipient yet)', () => {
    expect(invitationDraftSchema.safeParse(draft).success).toBe(true);
  });

  it('has no field for a password: credentials stay in the main process', () => {
    expect(invitationDraftSchema.parse({ ...draft, temporaryPassword: 'x' })).not.toHaveProperty('temporaryPassword');
  });

  it('refuses an oversized body', () => {
    expect(invitationDraftSchema.safeParse({ ...draft, body: 'x'.repeat(20_001) }).success).toBe(false);
  });
});
