import { describe, expect, it } from 'vitest';
import {
  canAttest,
  canCreateCustomers,
  partnerRoles,
  partnerTypes,
  type PartnerRole,
  type PartnerType,
} from '../../../shared/domain/roles';

// The full role × partner-type matrix from DOMAIN.md.
const mayAttest: Record<PartnerType, Record<PartnerRole, boolean>> = {
  'direct-bill': { 'admin-agent': true, 'sales-agent': true, 'helpdesk-agent': false, 'billing-admin': false, 'global-admin': false },
  'indirect-provider': { 'admin-agent': true, 'sales-agent': true, 'helpdesk-agent': false, 'billing-admin': false, 'global-admin': false },
  'indirect-reseller': {
    'admin-agent': false,
    'sales-agent': false,
    'helpdesk-agent': false,
    'billing-admin': false,
    'global-admin': false,
  },
};

describe('canAttest', () => {
  const matrix = partnerTypes.flatMap((partnerType) =>
    partnerRoles.map((role) => [partnerType, role, mayAttest[partnerType][role]] as const),
  );

  it.each(matrix)('%s with role %s may attest: %s', (partnerType, role, expected) => {
    expect(canAttest({ partnerType, roles: [role] }).allowed).toBe(expected);
  });

  it('names the roles that can, when the role is missing', () => {
    expect(canAttest({ partnerType: 'direct-bill', roles: ['helpdesk-agent', 'billing-admin'] })).toEqual({
      allowed: false,
      reason: 'role-not-permitted',
      requiredRoles: ['admin-agent', 'sales-agent'],
    });
  });

  it('says the partner type is the reason for an indirect reseller, whatever its roles', () => {
    expect(canAttest({ partnerType: 'indirect-reseller', roles: ['admin-agent', 'sales-agent'] })).toEqual({
      allowed: false,
      reason: 'partner-type-not-permitted',
      partnerType: 'indirect-reseller',
    });
  });

  it('allows a user holding an attesting role among others', () => {
    expect(canAttest({ partnerType: 'direct-bill', roles: ['billing-admin', 'sales-agent'] }).allowed).toBe(true);
  });

  it('refuses a user with no roles at all', () => {
    expect(canAttest({ partnerType: 'direct-bill', roles: [] }).allowed).toBe(false);
  });
});

describe('canCreateCustomers', () => {
  it.each(partnerRoles.map((role) => [role, role === 'admin-agent' || role === 'sales-agent'] as const))(
    'role %s may create customers: %s',
    (role, expected) => {
      for (const partnerType of partnerTypes) expect(canCreateCustomers({ roles: [role], partnerType } as never).allowed).toBe(expected);
    },
  );
});
