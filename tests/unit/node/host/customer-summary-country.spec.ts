import { describe, expect, it } from 'vitest';
import { toCustomerSummary } from '../../../../electron/host/records';
import { apiCustomerListItemSchema } from '../../../../shared/api/partner-center';
import { customerSummarySchema } from '../../../../shared/domain/customer';
import { rowOf } from '../../../../renderer/src/customers/download';

const ID = '0c16d280-0000-4000-8000-000000000001';
const item = (companyProfile: Record<string, unknown>) =>
  apiCustomerListItemSchema.parse({
    id: ID,
    companyProfile: { tenantId: ID, domain: 'contoso.onmicrosoft.com', companyName: 'Contoso', ...companyProfile },
    relationshipToPartner: 'reseller',
  });

describe('the country of a listed customer, from the wire to the cached row', () => {
  it('is carried when the list item holds the company address', () => {
    const summary = toCustomerSummary(item({ address: { country: ' nl ', city: 'Utrecht' } }));
    expect(customerSummarySchema.parse(summary)).toEqual({
      id: ID,
      companyName: 'Contoso',
      domain: 'contoso.onmicrosoft.com',
      relationshipToPartner: 'reseller',
      country: 'NL',
    });
    expect(rowOf(summary, 'run-1').country).toBe('NL');
  });

  it('is left out, never guessed, for the documented list item without an address or with no real code', () => {
    for (const profile of [{}, { address: null }, { address: {} }, { address: { country: 'Netherlands' } }]) {
      const summary = toCustomerSummary(item(profile));
      expect(summary).not.toHaveProperty('country');
      expect(rowOf(summary, 'run-1')).not.toHaveProperty('country');
    }
  });
});
