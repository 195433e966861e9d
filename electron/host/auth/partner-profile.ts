/**
 * Who the signed-in Partner Center user is, for the rules main re-checks: the partner tenant and name
 * (`GET /v1/profiles/organization`), the user's Partner Center roles (`GET /v1/roles` and each role's
 * `usermembers`, matched on the token's object id, plus directory roles in the token's `wids`), and
 * the partner type.
 *
 * INFERENCE (not stated by Microsoft's docs, see README): the API is closed to indirect resellers, so a
 * user who can call it is a direct-bill partner or an indirect provider; an indirect provider is
 * recognised by having indirect resellers (`GET /v1/relationships?relationship_type=IsIndirectCloudSolutionProviderOf`).
 */
import type { PartnerRole, PartnerType, PartnerUser } from '../../../shared/domain/roles';
import { partnerUserSchema } from '../../../shared/domain/roles';
import { hostError } from '../errors';
import type { PartnerCenterClient } from '../partner-center/client';

const ROLE_NAMES: Record<string, PartnerRole> = {
  adminagent: 'admin-agent',
  adminagents: 'admin-agent',
  salesagent: 'sales-agent',
  salesagents: 'sales-agent',
  helpdeskagent: 'helpdesk-agent',
  helpdeskagents: 'helpdesk-agent',
  billingadmin: 'billing-admin',
  billingadministrator: 'billing-admin',
  globaladmin: 'global-admin',
  globaladministrator: 'global-admin',
  companyadministrator: 'global-admin',
};

/** Microsoft Entra directory role template ids as they appear in a token's `wids` claim. */
const DIRECTORY_ROLE_IDS: Record<string, PartnerRole> = {
  '62e90394-69f5-4237-9190-012177145e10': 'global-admin',
  'b0f54661-2d74-4c50-afa3-1ec803f12efe': 'billing-admin',
};

export function roleFromName(name: string): PartnerRole | undefined {
  return ROLE_NAMES[name.toLowerCase().replace(/[^a-z]/g, '')];
}

export interface TokenIdentity {
  objectId: string;
  userName: string;
  displayName?: string;
  /** Directory role template ids (`wids`). */
  directoryRoles?: string[];
}

export async function resolvePartnerUser(client: PartnerCenterClient, identity: TokenIdentity): Promise<PartnerUser> {
  const organization = await client.getOrganizationProfile();
  const roles = new Set<PartnerRole>();
  for (const wid of identity.directoryRoles ?? []) {
    const role = DIRECTORY_ROLE_IDS[wid.toLowerCase()];
    if (role) roles.add(role);
  }
  for (const role of await client.listRoles()) {
    const mapped = roleFromName(role.name);
    if (!mapped || roles.has(mapped)) continue;
    const members = await client.listRoleMembers(role.id);
    if (
      members.some(
        (member) =>
          member.id.toLowerCase() === identity.objectId.toLowerCase() ||
          member.userPrincipalName?.toLowerCase() === identity.userName.toLowerCase(),
      )
    )
      roles.add(mapped);
  }
  if (roles.size === 0)
    throw hostError(
      'forbidden',
      'MCA Desk could not find a Partner Center role for your account (Admin agent, Sales agent, Helpdesk agent, Billing admin or Global admin).',
    );
  let partnerType: PartnerType = 'direct-bill';
  try {
    if ((await client.listIndirectResellers()).length > 0) partnerType = 'indirect-provider';
  } catch {
    // Not an indirect provider, or the call is not allowed for this user: direct-bill.
  }
  const user = {
    userId: identity.objectId,
    userName: identity.userName,
    displayName: identity.displayName || identity.userName,
    roles: [...roles],
    partnerType,
    partnerTenantId: organization.id,
    partnerName: organization.companyName || 'Partner',
  };
  const parsed = partnerUserSchema.safeParse(user);
  if (!parsed.success) throw hostError('backend', 'Partner Center answered a profile MCA Desk cannot use (user or tenant id missing).');
  return parsed.data;
}
