import { describe, expect, it } from 'vitest';
import { contactSchema } from '../../../shared/domain/contact';
import { toWireContact } from '../../../shared/api/partner-center';

const valid = { firstName: 'Tania', lastName: 'Carr', email: 'someone@example.com', phoneNumber: '1234567890' };

function issues(input: unknown): Record<string, string> {
  const result = contactSchema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
}

describe('contactSchema: names', () => {
  it.each([
    ['Zoë', 'Ó Súilleabháin'],
    ['渡辺', '健'],
    ['Анна', 'Иванова'],
    ['محمد', 'العلي'],
    ['Jean-Luc', "D'Artagnan"],
    ['👩‍💻', 'Dev'],
  ])('accepts Unicode names: %s %s', (firstName, lastName) => {
    expect(issues({ ...valid, firstName, lastName })).toEqual({});
  });

  it('trims names', () => {
    expect(contactSchema.parse({ ...valid, firstName: '  Tania ', lastName: '\u00a0Carr ' })).toMatchObject({
      firstName: 'Tania',
      lastName: 'Carr',
    });
  });

  it.each([
    ['', 'required'],
    ['   ', 'required'],
    ['Ta\nnia', 'control-characters'],
    ['Ta\u0000nia', 'control-characters'],
    ['Tania\u0007', 'control-characters'],
    ['Ta\u0085nia', 'control-characters'],
    ['abc\u202Etxt.exe', 'control-characters'],
    ['x'.repeat(101), 'too-long'],
  ])('refuses first name %j: %s', (firstName, message) => {
    expect(issues({ ...valid, firstName })).toEqual({ firstName: message });
  });

  it('allows exactly 100 characters, counting code points', () => {
    expect(issues({ ...valid, lastName: '渡'.repeat(100) })).toEqual({});
    expect(issues({ ...valid, lastName: '😀'.repeat(100) })).toEqual({});
    expect(issues({ ...valid, lastName: '😀'.repeat(101) })).toEqual({ lastName: 'too-long' });
  });

  it('refuses a missing or wrongly typed name', () => {
    expect(issues({ ...valid, firstName: undefined })).toEqual({ firstName: 'required' });
    expect(issues({ ...valid, lastName: 42 })).toEqual({ lastName: 'required' });
  });
});

describe('contactSchema: email', () => {
  it('lower-cases the domain but keeps the local part', () => {
    expect(contactSchema.parse({ ...valid, email: ' Tania.Carr@Contoso.EXAMPLE ' }).email).toBe('Tania.Carr@contoso.example');
  });

  it.each([
    ['', 'required'],
    ['tania', 'invalid-email'],
    ['tania@', 'invalid-email'],
    ['@contoso.com', 'invalid-email'],
    ['tania carr@contoso.com', 'invalid-email'],
    ['a@b.com, c@d.com', 'invalid-email'],
    ['a@b.com;c@d.com', 'invalid-email'],
    ['tania@contoso..com', 'invalid-email'],
    ['<script>@x.com', 'invalid-email'],
    [`${'a'.repeat(250)}@b.com`, 'too-long'],
  ])('refuses %j: %s', (email, message) => {
    expect(issues({ ...valid, email })).toEqual({ email: message });
  });
});

describe('contactSchema: phone', () => {
  it.each(['', '   ', undefined, null])('is optional (%j becomes absent)', (phoneNumber) => {
    expect(contactSchema.parse({ ...valid, phoneNumber }).phoneNumber).toBeUndefined();
  });

  it.each(['123456', '+31 (0)20 123 4567', '+1-425-555-0100', '(425) 555 0100', '1'.repeat(20)])('accepts %j', (phoneNumber) => {
    expect(issues({ ...valid, phoneNumber })).toEqual({});
  });

  it.each([
    ['12345', 'invalid-phone-length'],
    ['1'.repeat(21), 'invalid-phone-length'],
    ['+-() ', 'invalid-phone-length'],
    ['555-CALL-NOW', 'invalid-phone-characters'],
    ['425.555.0100', 'invalid-phone-characters'],
    ['123456 ext 7', 'invalid-phone-characters'],
    ['12345\n678', 'control-characters'],
  ])('refuses %j: %s', (phoneNumber, message) => {
    expect(issues({ ...valid, phoneNumber })).toEqual({ phoneNumber: message });
  });
});

it('drops fields it does not know rather than passing them on', () => {
  expect(contactSchema.parse({ ...valid, middleName: 'X', isAdmin: true })).not.toHaveProperty('isAdmin');
});

describe('toWireContact: the one mapping of a contact to and from the wire', () => {
  it('keeps the four fields and leaves out a phone that is empty, null or absent', () => {
    expect(toWireContact(valid)).toEqual(valid);
    for (const phoneNumber of ['', null, undefined])
      expect(toWireContact({ ...valid, phoneNumber })).toEqual({ firstName: 'Tania', lastName: 'Carr', email: 'someone@example.com' });
  });

  it('carries nothing else a record or form happened to hold', () => {
    const wider = { ...valid, userId: 'u', id: 7 } as typeof valid;
    expect(Object.keys(toWireContact(wider)).sort()).toEqual(['email', 'firstName', 'lastName', 'phoneNumber']);
  });
});
