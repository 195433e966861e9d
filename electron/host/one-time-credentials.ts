/**
 * A new customer's one-time admin credentials (sign-in name and temporary password), kept in the secret
 * store only as long as the agent needs them to send the invitation: read by the agent who created the
 * customer and nobody else, deleted once the invitation was copied or opened in email, after
 * CREDENTIALS_KEEP_MS, and when that agent signs out. Nothing of them reaches IndexedDB or a log.
 */
import { z } from 'zod';
import { credentialsSchema, type Credentials } from '../../shared/ipc/contract';
import type { PartnerUser } from '../../shared/domain/roles';
import type { SecretStore } from './secrets/store';

/** Issue 13: seven days, whichever comes first with the invitation being sent. */
export const CREDENTIALS_KEEP_MS = 7 * 24 * 3_600_000;

const PREFIX = 'credentials:';

const storedSchema = z.object({ owner: z.string(), storedAt: z.number(), credentials: credentialsSchema });

/** Who may read them: the partner tenant and the agent's object id (a user name can be reassigned). */
function ownerOf(user: Pick<PartnerUser, 'partnerTenantId' | 'userId'>): string {
  return `${user.partnerTenantId}/${user.userId}`;
}

export type CredentialsRead = { ok: true; credentials: Credentials } | { ok: false; why: 'gone' | 'not-yours' };

export class OneTimeCredentials {
  constructor(
    private readonly secrets: SecretStore,
    private readonly now: () => number,
  ) {}

  keep(id: string, user: PartnerUser, credentials: Credentials): Promise<void> {
    return this.secrets.set(PREFIX + id, JSON.stringify({ owner: ownerOf(user), storedAt: this.now(), credentials }));
  }

  async read(id: string, user: PartnerUser): Promise<CredentialsRead> {
    const stored = await this.entry(id);
    if (!stored) return { ok: false, why: 'gone' };
    if (stored.owner !== ownerOf(user)) return { ok: false, why: 'not-yours' };
    return { ok: true, credentials: stored.credentials };
  }

  /** The invitation went out: the agent's own entry is deleted (another agent's is left alone). */
  async forget(id: string, user: PartnerUser): Promise<boolean> {
    const stored = await this.entry(id);
    if (!stored || stored.owner !== ownerOf(user)) return false;
    await this.secrets.delete(PREFIX + id);
    return true;
  }

  /** Sign-out: every entry of this agent goes. */
  async forgetAllOf(user: PartnerUser): Promise<void> {
    const owner = ownerOf(user);
    for (const key of await this.secrets.keys(PREFIX)) {
      const stored = await this.parse(key);
      if (!stored || stored.owner === owner) await this.secrets.delete(key);
    }
  }

  /** Deletes what is older than CREDENTIALS_KEEP_MS, or unreadable. Answers how many went. */
  async sweep(): Promise<number> {
    let removed = 0;
    for (const key of await this.secrets.keys(PREFIX)) {
      const stored = await this.parse(key);
      if (stored && this.now() - stored.storedAt < CREDENTIALS_KEEP_MS) continue;
      await this.secrets.delete(key);
      removed += 1;
    }
    return removed;
  }

  /** An entry still within its time (an expired one is deleted on the way). */
  private async entry(id: string): Promise<z.output<typeof storedSchema> | undefined> {
    const stored = await this.parse(PREFIX + id);
    if (stored && this.now() - stored.storedAt < CREDENTIALS_KEEP_MS) return stored;
    if (stored) await this.secrets.delete(PREFIX + id);
    return undefined;
  }

  private async parse(key: string): Promise<z.output<typeof storedSchema> | undefined> {
    const raw = await this.secrets.get(key);
    if (!raw) return undefined;
    try {
      const parsed = storedSchema.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }
}
