import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox } from '../../../../sandbox/index';
import { enhancedSeedPlan } from '../../../../sandbox/enhanced/seed';
import {
  api,
  appTokenFor,
  attestations,
  CONTOSO,
  CONTOSO_APP,
  contosoCustomers,
  startTestSandbox,
  startTodaySandbox,
  tokenFor,
} from './helpers';

const dataDir = mkdtempSync(join(tmpdir(), 'mca-sandbox-enhanced-seed-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('the enhanced seed', () => {
  it("shows every state on first start among Contoso's customers: 3+ pending, 1 accepted, 2 expired, 2 finalised", async () => {
    const sandbox = await startTodaySandbox();
    try {
      const items = await attestations(sandbox);
      const count = (status: string) => items.filter((item) => item.status === status).length;
      expect(count('pending')).toBeGreaterThanOrEqual(3);
      expect(count('accepted')).toBe(1);
      expect(count('expired')).toBe(2);
      expect(count('finalized')).toBe(2);
      expect(items.every((item) => item.partnerId === CONTOSO)).toBe(true);
      // Readable through the API by the partner's app, with a working acceptance page for a pending one.
      const app = api(sandbox, await appTokenFor(sandbox, CONTOSO_APP));
      const pending = items.find((item) => item.status === 'pending')!;
      expect((await app.get(`/v1/attestations/enhanced/${pending.id}`)).body).toMatchObject({ id: pending.id, status: 'pending' });
      const page = await fetch(pending.acceptanceUrl);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('I accept the Microsoft Customer Agreement');
      expect((await fetch(items.find((item) => item.status === 'expired')!.acceptanceUrl)).status).toBe(410);
      // A Dutch customer's pending attestation shows the Dutch page.
      const dutch = items.find((item) => item.status === 'pending' && item.language === 'nl-NL')!;
      expect(await (await fetch(dutch.acceptanceUrl)).text()).toContain('Ik accepteer de Microsoft-klantovereenkomst');

      // The finalised ones made agreements with their attestation id, shown wherever agreements are.
      const admin = api(sandbox, await tokenFor(sandbox, 'admin@contoso.example'));
      const records = (await admin.get('/v1/partners/customeragreementrecords')).body.customerAgreementRecords as Array<
        Record<string, unknown>
      >;
      for (const finalised of items.filter((item) => item.status === 'finalized')) {
        expect(finalised.agreement).toMatchObject({
          attestationId: finalised.id,
          type: 'MicrosoftCustomerAgreement',
          primaryContact: finalised.signatory,
        });
        const history = (await admin.get(`/v1/customers/${finalised.customerTenantId}/agreements?agreementType=MicrosoftCustomerAgreement`))
          .body.items;
        expect(history).toEqual([expect.objectContaining({ attestationId: finalised.id, primaryContact: finalised.signatory })]);
        expect(records.find((record) => record.customerTenantId === finalised.customerTenantId)).toMatchObject({
          partnerAttestationCompleted: true,
          lastAgreementAttestationId: finalised.id,
        });
      }
      expect((await sandbox.inspect.agreements()).filter((agreement) => agreement.attestationId)).toHaveLength(2);

      // Only customers without a partner attestation of their own were used, and the customer count is the seed's.
      const agreements = await sandbox.inspect.agreements();
      for (const item of items)
        expect(
          agreements.filter(
            (agreement) =>
              agreement.customerId === item.customerTenantId && agreement.type === 'MicrosoftCustomerAgreement' && !agreement.attestationId,
          ),
        ).toEqual([]);
      expect(await contosoCustomers(sandbox, await tokenFor(sandbox, 'admin@contoso.example'))).toHaveLength(63);
    } finally {
      await sandbox.stop();
    }
  });

  it('keeps times relative to the first start, so a pending link is pending then, and is added once per database', async () => {
    const firstStart = new Date('2027-02-01T10:00:00Z');
    const first = await startSandbox({ dataDir, port: 0, quiet: true, clock: () => firstStart });
    const before = await attestations(first);
    await first.stop();
    expect(before.filter((item) => item.status === 'pending').every((item) => new Date(item.expiresAt) > firstStart)).toBe(true);
    // Eight days later the week-long links have expired in real time; nothing was seeded twice.
    const later = new Date(firstStart.getTime() + 8 * 86_400_000);
    const second = await startSandbox({ dataDir, port: 0, quiet: true, clock: () => later });
    try {
      const after = await attestations(second);
      expect(after.map((item) => [item.id, new URL(item.acceptanceUrl).pathname, item.createdAt])).toEqual(
        before.map((item) => [item.id, new URL(item.acceptanceUrl).pathname, item.createdAt]),
      );
      expect(after.filter((item) => item.status === 'pending')).toEqual([]);
      expect(after.filter((item) => item.status === 'finalized')).toHaveLength(2);
    } finally {
      await second.stop();
    }
  });

  it('is there in the legacy era too (data is data), and its two agreements show with their attestation id', async () => {
    const sandbox = await startTestSandbox();
    try {
      expect((await sandbox.inspect.attestations()).length).toBe(enhancedSeedPlan.length);
      expect((await sandbox.inspect.agreements()).filter((agreement) => agreement.attestationId)).toHaveLength(2);
    } finally {
      await sandbox.stop();
    }
  });
});
