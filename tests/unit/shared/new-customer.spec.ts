import { describe, expect, it } from 'vitest';
import { needsRegistrationNumber, newCustomerSchema, REGISTRATION_NUMBER_COUNTRIES } from '../../../shared/domain/customer';
import { newCustomerFormSchemaFor } from '../../../shared/domain/new-customer-form';
import { createCustomerBodySchema } from '../../../shared/api/partner-center';
import { contract } from '../../../shared/ipc/contract';

const customer = (country: string, extra: Record<string, unknown> = {}, phoneNumber: string | null = '+48 22 555 0101') => ({
  companyName: 'Wisła Software',
  domain: 'wislasoftware.onmicrosoft.com',
  email: 'office@wisla.example',
  language: 'pl-PL',
  address: {
    firstName: 'Anna',
    lastName: 'Nowak',
    addressLine1: 'ul. Prosta 1',
    city: 'Warszawa',
    postalCode: '00-838',
    country,
    ...(phoneNumber ? { phoneNumber } : {}),
  },
  acceptance: { mode: 'customer-accepts' },
  ...extra,
});

function issues(
  schema: {
    safeParse: (input: unknown) => { success: boolean; error?: { issues: Array<{ path: Array<string | number>; message: string }> } };
  },
  input: unknown,
) {
  const result = schema.safeParse(input);
  return result.success ? {} : Object.fromEntries(result.error!.issues.map((issue) => [issue.path.join('.'), issue.message]));
}

describe('the country rule of a new customer (registration number and phone)', () => {
  it('lists the countries of the API reference, whatever the case', () => {
    expect(REGISTRATION_NUMBER_COUNTRIES.size).toBe(24);
    for (const country of ['PL', 'in', ' br ', 'ZA', 'TR']) expect(needsRegistrationNumber(country)).toBe(true);
    for (const country of ['NL', 'US', 'GB', '', undefined]) expect(needsRegistrationNumber(country)).toBe(false);
  });

  it('the form, the IPC payload and the API body refuse a Polish customer without it, with the same issue', () => {
    const form = newCustomerFormSchemaFor(() => ({ now: new Date('2026-03-10T12:00:00Z'), timeZone: 'UTC', floor: '2019-03-01' }));
    const ipc = contract.createCustomer.request;
    for (const [schema, input, path] of [
      [newCustomerSchema, customer('pl'), 'organizationRegistrationNumber'],
      [form, customer('PL'), 'organizationRegistrationNumber'],
      [
        ipc,
        { requestId: '55555555-5555-4555-8555-555555555555', customer: customer('PL', { organizationRegistrationNumber: '   ' }) },
        'customer.organizationRegistrationNumber',
      ],
    ] as const)
      expect(issues(schema, input)).toEqual({ [path]: 'registration-number-required' });
    expect(issues(newCustomerSchema, customer('PL', { organizationRegistrationNumber: '5213001234' }, null))).toEqual({
      'address.phoneNumber': 'phone-required-in-country',
    });

    const body = {
      companyProfile: { domain: 'wislasoftware.onmicrosoft.com' },
      billingProfile: {
        email: 'office@wisla.example',
        culture: 'pl-PL',
        language: 'pl',
        companyName: 'Wisła Software',
        defaultAddress: customer('PL').address,
      },
    };
    expect(issues(createCustomerBodySchema, body)).toEqual({
      'companyProfile.organizationRegistrationNumber': 'registration-number-required',
    });
    expect(
      createCustomerBodySchema.safeParse({
        ...body,
        companyProfile: { ...body.companyProfile, organizationRegistrationNumber: '5213001234' },
      }).success,
    ).toBe(true);
  });

  it('accepts it where required, and leaves it optional elsewhere', () => {
    const parsed = newCustomerSchema.parse(customer('PL', { organizationRegistrationNumber: ' 521-300-12-34 ' }));
    expect(parsed.organizationRegistrationNumber).toBe('521-300-12-34');
    expect(newCustomerSchema.safeParse(customer('NL', {}, null)).success).toBe(true);
    expect(newCustomerSchema.parse(customer('NL', { organizationRegistrationNumber: '' })).organizationRegistrationNumber).toBeUndefined();
    expect(issues(newCustomerSchema, customer('NL', { organizationRegistrationNumber: 'x'.repeat(51) }))).toEqual({
      organizationRegistrationNumber: 'too-long',
    });
  });
});
