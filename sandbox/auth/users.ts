import { timingSafeEqual, createHash } from 'node:crypto';
import type { Database } from '../db/database';
import type { PartnerRole, PartnerType } from '../../shared/domain/roles';

/** A signed-in partner user, as the token resolves to. */
export interface AuthUser {
  userId: string;
  userName: string;
  displayName: string;
  roles: PartnerRole[];
  partnerTenantId: string;
  partnerName: string;
  partnerType: PartnerType;
  partnerDomain: string;
  providerTenantId: string | null;
  /** The indirect provider's name, for an indirect reseller. */
  providerName: string | null;
  /** Whether the user signs in with multi-factor authentication (its tokens carry the MFA claim). */
  mfa: boolean;
}

/** The partner users, read once from the database (the seed is their only source). */
export class UserDirectory {
  private constructor(
    private readonly byName: Map<string, AuthUser>,
    private readonly byId: Map<string, AuthUser>,
  ) {}

  static async load(db: Database): Promise<UserDirectory> {
    const { rows } = await db.query<{
      id: string;
      user_name: string;
      display_name: string;
      roles: string[];
      partner_id: string;
      name: string;
      partner_type: PartnerType;
      domain: string;
      provider_id: string | null;
      provider_name: string | null;
      mfa: boolean;
    }>(
      `select u.id, u.user_name, u.display_name, u.roles, u.partner_id, p.name, p.partner_type, p.domain, p.provider_id, pp.name as provider_name, u.mfa
       from users u join partners p on p.id = u.partner_id left join partners pp on pp.id = p.provider_id order by u.user_name`,
    );
    const users = rows.map<AuthUser>((row) => ({
      userId: row.id,
      userName: row.user_name,
      displayName: row.display_name,
      roles: row.roles as PartnerRole[],
      partnerTenantId: row.partner_id,
      partnerName: row.name,
      partnerType: row.partner_type,
      partnerDomain: row.domain,
      providerTenantId: row.provider_id,
      providerName: row.provider_name,
      mfa: row.mfa,
    }));
    return new UserDirectory(new Map(users.map((u) => [u.userName.toLowerCase(), u])), new Map(users.map((u) => [u.userId, u])));
  }

  byUserName(userName: string): AuthUser | undefined {
    return this.byName.get(userName.trim().toLowerCase());
  }

  byUserId(userId: string): AuthUser | undefined {
    return this.byId.get(userId);
  }

  all(): AuthUser[] {
    return [...this.byName.values()];
  }
}

/** Constant-time password comparison (hashing first makes the lengths equal). */
export function passwordMatches(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}
