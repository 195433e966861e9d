import { z } from 'zod';

export const partnerRoles = ['admin-agent', 'sales-agent', 'helpdesk-agent', 'billing-admin', 'global-admin'] as const;
export const partnerRoleSchema = z.enum(partnerRoles);
export type PartnerRole = z.infer<typeof partnerRoleSchema>;

export const partnerTypes = ['direct-bill', 'indirect-provider', 'indirect-reseller'] as const;
export const partnerTypeSchema = z.enum(partnerTypes);
export type PartnerType = z.infer<typeof partnerTypeSchema>;

/** The roles Partner Center lets record a customer's acceptance (and create customers). */
export const ATTESTING_ROLES: readonly PartnerRole[] = ['admin-agent', 'sales-agent'];

export const partnerUserSchema = z.object({
  userId: z.string().uuid(),
  userName: z.string().email(),
  displayName: z.string().min(1).max(200),
  roles: z.array(partnerRoleSchema).min(1),
  partnerType: partnerTypeSchema,
  partnerTenantId: z.string().uuid(),
  partnerName: z.string().min(1).max(200),
  /**
   * An indirect reseller's indirect provider, by name, when the backend tells (the sandbox's profile
   * does): it fills `{providerName}` in the invitation addressed to the provider.
   */
  providerName: z.string().min(1).max(200).optional(),
});
export type PartnerUser = z.infer<typeof partnerUserSchema>;

export type Permission =
  | { allowed: true }
  | { allowed: false; reason: 'partner-type-not-permitted'; partnerType: PartnerType }
  | { allowed: false; reason: 'role-not-permitted'; requiredRoles: readonly PartnerRole[] };

/**
 * Whether this user may record a partner attestation. An indirect reseller never may, whatever
 * its role: it works through its indirect provider instead.
 */
export function canAttest(user: Pick<PartnerUser, 'roles' | 'partnerType'>): Permission {
  if (user.partnerType === 'indirect-reseller')
    return { allowed: false, reason: 'partner-type-not-permitted', partnerType: user.partnerType };
  if (!user.roles.some((role) => ATTESTING_ROLES.includes(role)))
    return { allowed: false, reason: 'role-not-permitted', requiredRoles: ATTESTING_ROLES };
  return { allowed: true };
}

/**
 * Creating customers needs an Admin agent or Sales agent. An indirect reseller with such a role may
 * create one on the self-acceptance route only (the customer accepts in the Microsoft 365 admin
 * center); `canAttest` keeps it from the partner-attested route.
 */
export function canCreateCustomers(user: Pick<PartnerUser, 'roles'>): Permission {
  if (!user.roles.some((role) => ATTESTING_ROLES.includes(role)))
    return { allowed: false, reason: 'role-not-permitted', requiredRoles: ATTESTING_ROLES };
  return { allowed: true };
}
