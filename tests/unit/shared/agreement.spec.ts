import { describe, expect, it } from 'vitest';
import { attestationRequestSchema, checkDuplicateOfLatest, isSameContact, type AgreementRecord } from '../../../shared/domain/agreement';

const customerId = '14876998-c0dc-46e6-9d0c-65a57a6c32ec';
const tania = { firstName: 'Tania', lastName: 'Carr', email: 'someone@example.com', phoneNumber: '1234567890' };

function record(contact: AgreementRecord['primaryContact'], type = 'MicrosoftCustomerAgreement'): AgreementRecord {
  return {
    customerId,
    primaryContact: contact,
    templateId: '117a77b0-9360-443b-8795-c6dedc750cf9',
    dateAgreed: '2019-08-26T00:00:00Z',
    type,
  };
}

describe('duplicate-of-latest detection (600061)', () => {
  it('finds a repeat of the latest confirmation', () => {
    const history = [record({ ...tania, firstName: 'Old' }), record(tania)];
    expect(checkDuplicateOfLatest(tania, history)).toEqual({ duplicate: true, latest: history[1] });
  });

  it('allows a repeat of an earlier (not the latest) confirmation: that is a reconfirmation', () => {
    const history = [record(tania), record({ ...tania, phoneNumber: '0987654321' })];
    expect(checkDuplicateOfLatest(tania, history).duplicate).toBe(false);
  });

  it.each([
    ['firstName', { ...tania, firstName: 'Tanya' }],
    ['lastName', { ...tania, lastName: 'Kerr' }],
    ['email', { ...tania, email: 'other@example.com' }],
    ['phoneNumber', { ...tania, phoneNumber: '1234567891' }],
    ['phoneNumber removed', { ...tania, phoneNumber: undefined }],
  ])('a change of %s makes a new confirmation', (_field, contact) => {
    expect(checkDuplicateOfLatest(contact, [record(tania)]).duplicate).toBe(false);
  });

  it('compares email without case and ignores surrounding blanks, as the backend stores them', () => {
    expect(isSameContact({ ...tania, email: 'SOMEONE@example.com' }, { ...tania, firstName: ' Tania ' })).toBe(true);
  });

  it('treats a missing and a null phone as the same', () => {
    expect(isSameContact({ ...tania, phoneNumber: undefined }, { ...tania, phoneNumber: null })).toBe(true);
  });

  it('ignores Cloud Agreement records and an empty history', () => {
    expect(checkDuplicateOfLatest(tania, [record(tania, 'MicrosoftCloudAgreement')]).duplicate).toBe(false);
    expect(checkDuplicateOfLatest(tania, []).duplicate).toBe(false);
  });
});

describe('attestationRequestSchema', () => {
  const valid = { customerId, templateId: '117a77b0-9360-443b-8795-c6dedc750cf9', primaryContact: tania, dateAgreed: '2026-01-05' };

  it('accepts the documented sample', () => {
    expect(attestationRequestSchema.parse(valid)).toEqual(valid);
  });

  it.each([
    ['customerId', { ...valid, customerId: 'not-a-guid' }],
    ['customerId', { ...valid, customerId: "'; DROP TABLE customers; --" }],
    ['templateId', { ...valid, templateId: '' }],
    ['dateAgreed', { ...valid, dateAgreed: '2026-02-30' }],
    ['primaryContact.email', { ...valid, primaryContact: { ...tania, email: 'x' } }],
  ])('refuses a bad %s', (path, input) => {
    const result = attestationRequestSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toContain(path);
  });
});
