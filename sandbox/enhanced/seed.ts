/**
 * The enhanced flow's seed, added once to every database (new or from before this flow): the user
 * without MFA, and attestations among Contoso's customers in every state (4 pending, 1 accepted, 2
 * expired, 2 finalised), so each shows on first start. Times are relative to the sandbox's clock at that
 * first start, because expiry is real time: a pending link made from fixed dates would have expired by
 * the time anyone looked. Ids and people are fixed; acceptance tokens are random (they must not be guessable).
 *
 * Only customers without a partner attestation are used, and none the existing tests name, so the
 * legacy picture of every other customer stays as the seed made it; the two finalised customers gain
 * their first MCA agreement (through the enhanced flow, with `attestationId`).
 */
import type { Transaction } from '@electric-sql/pglite';
import type { Database } from '../db/database';
import { seedUuid } from '../ids';
import { noMfaUser, seededCustomers } from '../seed-data';
import { Templates } from '../services/templates';
import { appActorName, newAcceptanceToken, seededAppRegistrations } from './contract';
import { insertAttestation } from './store';
import { finaliseAgreement } from './finalise';

export const ENHANCED_SEED_VERSION = '1';
const META_KEY = 'enhanced_seed_version';

type SeededState = 'pending' | 'accepted' | 'expired' | 'finalized';

interface PlannedAttestation {
  companyName: string;
  state: SeededState;
  /** How long before the first start it was created. */
  createdHoursAgo: number;
  linkExpiryMinutes: number;
}

const WEEK = 10_080;

export const enhancedSeedPlan: readonly PlannedAttestation[] = [
  { companyName: 'Trey Research Ltd', state: 'pending', createdHoursAgo: 24, linkExpiryMinutes: WEEK },
  { companyName: 'Molenaar ICT', state: 'pending', createdHoursAgo: 48, linkExpiryMinutes: WEEK },
  { companyName: 'Wallonie Acier SA', state: 'pending', createdHoursAgo: 6, linkExpiryMinutes: WEEK },
  { companyName: 'Hanse Reederei', state: 'pending', createdHoursAgo: 72, linkExpiryMinutes: WEEK },
  { companyName: 'Bordeaux Vignobles', state: 'accepted', createdHoursAgo: 48, linkExpiryMinutes: WEEK },
  { companyName: 'Sakura Trading K.K.', state: 'expired', createdHoursAgo: 12 * 24, linkExpiryMinutes: WEEK },
  { companyName: 'Gentse Textiel BV', state: 'expired', createdHoursAgo: 72, linkExpiryMinutes: 1440 },
  { companyName: 'Noordzee Visserij B.V.', state: 'finalized', createdHoursAgo: 20 * 24, linkExpiryMinutes: WEEK },
  { companyName: 'Aotearoa Digital', state: 'finalized', createdHoursAgo: 20 * 24, linkExpiryMinutes: WEEK },
];

const HOUR = 3_600_000;
const contosoApp = seededAppRegistrations[0]!;

async function seedOne(tx: Transaction, templates: Templates, plan: PlannedAttestation, now: Date): Promise<void> {
  const customer = seededCustomers.find((candidate) => candidate.companyName === plan.companyName);
  if (!customer) throw new Error(`enhanced seed: no customer ${plan.companyName}`);
  const createdAt = new Date(now.getTime() - plan.createdHoursAgo * HOUR);
  // Accepted a day after the link was sent, finalised an hour later.
  const acceptedAt = plan.state === 'accepted' || plan.state === 'finalized' ? new Date(createdAt.getTime() + 24 * HOUR) : undefined;
  const id = seedUuid(`attestation:${plan.companyName}`);
  await insertAttestation(tx, {
    id,
    partnerId: customer.partnerTenantId,
    customerId: customer.id,
    country: customer.country,
    language: customer.culture,
    companyName: customer.companyName,
    signatory: customer.contact,
    linkExpiryMinutes: plan.linkExpiryMinutes,
    token: newAcceptanceToken(),
    createdAt,
    ...(acceptedAt ? { acceptedAt } : {}),
    requestId: null,
    createdBy: appActorName(contosoApp.clientId),
  });
  if (plan.state !== 'finalized' || !acceptedAt) return;
  // Finalised by the partner's app an hour after the acceptance, through the same rules as the API.
  const actor = {
    partnerTenantId: customer.partnerTenantId,
    partnerType: 'direct-bill' as const,
    userId: null,
    userName: appActorName(contosoApp.clientId),
  };
  const result = await finaliseAgreement(
    tx,
    { actor, templates, now: new Date(acceptedAt.getTime() + HOUR), requestId: null },
    { customerId: customer.id, attestationId: id },
  );
  if (!result.ok) throw new Error(`enhanced seed: ${plan.companyName} could not be finalised: ${JSON.stringify(result.error.body)}`);
}

/** Adds the enhanced seed once per database; answers whether it did. */
export async function seedEnhanced(db: Database, now: Date): Promise<boolean> {
  const done = await db.query('select 1 from meta where key = $1', [META_KEY]);
  if (done.rows.length > 0) return false;
  const templates = await Templates.load(db);
  await db.transaction(async (tx) => {
    await tx.query(
      'insert into users (id, partner_id, user_name, display_name, roles, mfa) values ($1, $2, $3, $4, $5, false) on conflict do nothing',
      [noMfaUser.userId, noMfaUser.partnerTenantId, noMfaUser.userName, noMfaUser.displayName, noMfaUser.roles],
    );
    for (const plan of enhancedSeedPlan) await seedOne(tx, templates, plan, now);
    await tx.query('insert into meta (key, value) values ($1, $2)', [META_KEY, ENHANCED_SEED_VERSION]);
  });
  return true;
}
