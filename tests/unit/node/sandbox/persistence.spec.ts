import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox } from '../../../../sandbox/index';
import { api, confirmBody, contosoCustomers, requestId, tokenFor } from './helpers';

const dataDir = mkdtempSync(join(tmpdir(), 'mca-sandbox-persist-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('persistence across restarts (same data folder)', () => {
  it('keeps agreements, customers, audit, tokens and generated customers; adds only the missing generated ones', async () => {
    // legacyAttestation 'available': written for the seed's (legacy) flow; the app's enhanced route lands in issue 12.
    const first = await startSandbox({ dataDir, port: 0, quiet: true, customers: 1500, legacyAttestation: 'available' });
    const token = await tokenFor(first, 'admin@contoso.example');
    const admin = api(first, token);
    const target = (await contosoCustomers(first, token))[7]!.id;
    const key = requestId();
    expect(
      (await admin.post(`/v1/customers/${target}/agreements`, confirmBody({}, { email: 'persist@example.com' }), { 'MS-RequestId': key }))
        .status,
    ).toBe(201);
    const created = await admin.post('/v1/customers', {
      companyProfile: { domain: 'persisted.onmicrosoft.com' },
      billingProfile: {
        email: 'p@persisted.example',
        culture: 'nl-NL',
        language: 'nl',
        companyName: 'Persisted B.V.',
        defaultAddress: { firstName: 'P', lastName: 'Q', addressLine1: 'Dam 1', city: 'Amsterdam', postalCode: '1012 JS', country: 'NL' },
      },
    });
    expect(created.status).toBe(201);
    const expiredBefore = await tokenFor(first, 'sales@contoso.example');
    await first.expireAllTokens();
    const survivor = await tokenFor(first, 'helpdesk@contoso.example');
    const countBefore = (await first.inspect.agreements()).length;
    const auditBefore = (await first.inspect.audit()).length;
    await first.stop();

    // legacyAttestation 'available': written for the seed's (legacy) flow; the app's enhanced route lands in issue 12.
    const second = await startSandbox({ dataDir, port: 0, quiet: true, customers: 1500, legacyAttestation: 'available' });
    try {
      expect(second.startupMs).toBeGreaterThan(0);
      // A token from before the restart is still valid (the signing key lives in the data folder) ...
      expect((await api(second, token).get('/v1/profiles/me')).status).toBe(401); // expired by expireAllTokens
      expect((await api(second, expiredBefore).get('/v1/profiles/me')).status).toBe(401);
      const helpdesk = api(second, survivor);
      expect((await helpdesk.get('/v1/profiles/me')).status).toBe(200);
      // ... and the data is there, once.
      expect((await second.inspect.agreements()).length).toBe(countBefore);
      expect((await second.inspect.audit()).length).toBeGreaterThanOrEqual(auditBefore);
      expect((await helpdesk.get(`/v1/customers/${created.body.id}`)).body.companyProfile.companyName).toBe('Persisted B.V.');
      const replay = await api(second, await tokenFor(second, 'admin@contoso.example')).post(
        `/v1/customers/${target}/agreements`,
        confirmBody({}, { email: 'persist@example.com' }),
        { 'MS-RequestId': key },
      );
      expect(replay.status).toBe(201);
      expect((await second.inspect.agreements()).filter((a) => a.requestId === key)).toHaveLength(1);
      const records = await helpdesk.get('/v1/partners/customeragreementrecords?size=500');
      expect(records.status).toBe(200);
    } finally {
      await second.stop();
    }

    // legacyAttestation 'available': written for the seed's (legacy) flow; the app's enhanced route lands in issue 12.
    const third = await startSandbox({ dataDir, port: 0, quiet: true, customers: 2000, legacyAttestation: 'available' });
    try {
      const helpdesk = api(third, await tokenFor(third, 'helpdesk@contoso.example'));
      let total = 0;
      let next: { uri: string; headers: Array<{ key: string; value: string }> } | undefined;
      let reply = await helpdesk.get('/v1/customers?size=500');
      for (;;) {
        total += reply.body.items.length;
        next = reply.body.links.next;
        if (!next) break;
        reply = await helpdesk.get(next.uri, Object.fromEntries(next.headers.map((h) => [h.key, h.value])));
      }
      // 63 seeded + 1 created + 2000 generated, none twice.
      expect(total).toBe(63 + 1 + 2000);
      const filter = encodeURIComponent(JSON.stringify({ Field: 'Domain', Value: 'sandbox-gen-1999.', Operator: 'starts_with' }));
      const generated = (await helpdesk.get(`/v1/customers?filter=${filter}`)).body.items;
      expect(generated).toHaveLength(1);
      const detail = await helpdesk.get(`/v1/customers/${generated[0].id}`);
      expect(detail.body.billingProfile.defaultAddress.country).toMatch(/^[A-Z]{2}$/);
    } finally {
      await third.stop();
    }
  });
});

describe('stopping', () => {
  it('finishes the requests under way before closing the database', async () => {
    // legacyAttestation 'available': written for the seed's (legacy) flow; the app's enhanced route lands in issue 12.
    const sandbox = await startSandbox({ memory: true, port: 0, quiet: true, legacyAttestation: 'available' });
    const token = await tokenFor(sandbox, 'admin@contoso.example');
    const target = (await contosoCustomers(sandbox, token))[9]!.id;
    sandbox.setFaults({ latencyMs: 400 });
    const pending = api(sandbox, token).post(`/v1/customers/${target}/agreements`, confirmBody({}, { email: 'in.flight@example.com' }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    await sandbox.stop();
    expect((await pending).status).toBe(201);
    await sandbox.stop(); // idempotent
    await expect(fetch(`${sandbox.url}/`)).rejects.toThrow();
  });
});
