/**
 * Bearer tokens: compact JWTs signed with HMAC-SHA256. The key lives in the database (so in the data
 * folder): tokens stay valid across a restart with the same data, like real tokens do. "Expire every
 * token" bumps a generation number that every token carries.
 */
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Database } from '../db/database';
import { PARTNER_CENTER_API_URL } from '../../shared/domain/urls';
import { AMR_WITH_MFA, AMR_WITHOUT_MFA } from '../enhanced/contract';

export interface TokenClaims {
  sub: string;
  tid: string;
  /** App+User tokens: the user's sign-in name. */
  upn?: string;
  /** `app` for an AppOnly token (client credentials), `user` (or absent) for App+User. */
  idtyp?: 'app' | 'user';
  /** AppOnly tokens: the app registration's client id. */
  appid?: string;
  /** App+User tokens: how the user signed in; `mfa` among them when with MFA. */
  amr?: string[];
  gen: number;
  iat: number;
  exp: number;
  aud: string;
  iss: string;
  jti: string;
}

function base64url(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url');
}

export class TokenService {
  private constructor(
    private readonly db: Database,
    private key: Buffer,
    private generation: number,
  ) {}

  static async load(db: Database, options: { freshKey: boolean }): Promise<TokenService> {
    const rows = (
      await db.query<{ key: string; value: string }>("select key, value from meta where key in ('token_key', 'token_generation')")
    ).rows;
    const stored = new Map(rows.map((row) => [row.key, row.value]));
    let key = stored.get('token_key');
    if (!key || options.freshKey) {
      key = randomBytes(32).toString('base64');
      await db.query(
        "insert into meta (key, value) values ('token_key', $1), ('token_generation', '0') on conflict (key) do update set value = excluded.value",
        [key],
      );
      stored.set('token_generation', '0');
    }
    return new TokenService(db, Buffer.from(key, 'base64'), Number(stored.get('token_generation') ?? '0'));
  }

  /** Derived keys, so the token key is not reused as is for other signatures (paging, document links). */
  subkey(purpose: string): Buffer {
    return createHmac('sha256', this.key).update(`mca-sandbox:${purpose}`).digest();
  }

  issue(
    user: { userId: string; partnerTenantId: string; userName: string; mfa?: boolean },
    now: Date,
    ttlSeconds: number,
  ): { token: string; expiresIn: number } {
    return this.mint(
      {
        sub: user.userId,
        tid: user.partnerTenantId,
        upn: user.userName,
        idtyp: 'user',
        amr: [...(user.mfa === false ? AMR_WITHOUT_MFA : AMR_WITH_MFA)],
      },
      now,
      ttlSeconds,
    );
  }

  /** An AppOnly token (client credentials): no user, the app's client id and partner tenant. */
  issueApp(
    app: { objectId: string; clientId: string; partnerTenantId: string },
    now: Date,
    ttlSeconds: number,
  ): { token: string; expiresIn: number } {
    return this.mint({ sub: app.objectId, tid: app.partnerTenantId, appid: app.clientId, idtyp: 'app' }, now, ttlSeconds);
  }

  private mint(
    subject: Pick<TokenClaims, 'sub' | 'tid' | 'upn' | 'idtyp' | 'appid' | 'amr'>,
    now: Date,
    ttlSeconds: number,
  ): { token: string; expiresIn: number } {
    const iat = Math.floor(now.getTime() / 1000);
    const claims: TokenClaims = {
      ...subject,
      gen: this.generation,
      iat,
      exp: iat + ttlSeconds,
      aud: PARTNER_CENTER_API_URL,
      iss: 'mca-desk-sandbox',
      jti: randomUUID(),
    };
    const unsigned = `${base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${base64url(JSON.stringify(claims))}`;
    return { token: `${unsigned}.${this.sign(unsigned)}`, expiresIn: ttlSeconds };
  }

  /** The claims of a valid, unexpired token of the current generation; undefined otherwise. */
  verify(token: string, now: Date): TokenClaims | undefined {
    if (token.length > 4096) return undefined;
    const parts = token.split('.');
    if (parts.length !== 3) return undefined;
    const [header, payload, signature] = parts as [string, string, string];
    const expected = Buffer.from(this.sign(`${header}.${payload}`));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    let claims: unknown;
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      return undefined;
    }
    if (!isClaims(claims)) return undefined;
    if (claims.gen !== this.generation) return undefined;
    if (claims.exp * 1000 <= now.getTime()) return undefined;
    return claims;
  }

  /** Makes every token issued so far invalid (`POST /sandbox/tokens/expire`). */
  async expireAll(): Promise<void> {
    const next = this.generation + 1;
    await this.db.query(
      "insert into meta (key, value) values ('token_generation', $1) on conflict (key) do update set value = excluded.value",
      [String(next)],
    );
    this.generation = next;
  }

  private sign(data: string): string {
    return createHmac('sha256', this.key).update(data).digest('base64url');
  }
}

function isClaims(value: unknown): value is TokenClaims {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  if (typeof v.sub !== 'string' || typeof v.tid !== 'string' || typeof v.gen !== 'number' || typeof v.exp !== 'number') return false;
  if (v.idtyp === 'app') return typeof v.appid === 'string';
  return typeof v.upn === 'string' && (v.amr === undefined || (Array.isArray(v.amr) && v.amr.every((item) => typeof item === 'string')));
}
