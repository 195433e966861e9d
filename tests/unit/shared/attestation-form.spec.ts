import { describe, expect, it } from 'vitest';
import { attestationFormSchemaFor } from '../../../shared/domain/attestation-form';

const contact = { firstName: ' Tania ', lastName: 'Carr', email: 'Tania@Contoso.EXAMPLE', phoneNumber: '' };

function codes(result: ReturnType<ReturnType<typeof attestationFormSchemaFor>['safeParse']>) {
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}:${issue.message}`);
}

describe('attestation form schema', () => {
  // 2026-11-01 23:30 UTC = 2 Nov 12:30 in Auckland: the latest allowed day is still the 1st.
  const schema = attestationFormSchemaFor(() => ({ now: new Date('2026-11-01T23:30:00Z'), timeZone: 'Pacific/Auckland' }));

  it('accepts a valid contact and date, trimmed and with the email domain lower-cased', () => {
    const result = schema.safeParse({ primaryContact: contact, dateAgreed: '2026-11-01' });
    expect(result.success && result.data).toEqual({
      primaryContact: { firstName: 'Tania', lastName: 'Carr', email: 'Tania@contoso.example', phoneNumber: undefined },
      dateAgreed: '2026-11-01',
    });
  });

  it("refuses the agent's local date while it is still the day before in UTC", () => {
    expect(codes(schema.safeParse({ primaryContact: contact, dateAgreed: '2026-11-02' }))).toEqual(['dateAgreed:in-future']);
  });

  it('refuses a date before the floor, an empty date and bad fields, with the shared issue codes', () => {
    expect(codes(schema.safeParse({ primaryContact: contact, dateAgreed: '2019-02-28' }))).toEqual(['dateAgreed:before-floor']);
    expect(
      codes(schema.safeParse({ primaryContact: { ...contact, firstName: '', email: 'no', phoneNumber: '12' }, dateAgreed: '' })),
    ).toEqual([
      'primaryContact.firstName:required',
      'primaryContact.email:invalid-email',
      'primaryContact.phoneNumber:invalid-phone-length',
      'dateAgreed:required',
      'dateAgreed:invalid-date',
    ]);
  });
});
