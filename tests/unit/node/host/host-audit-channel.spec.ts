// @vitest-environment node
/**
 * `listHostAudit` and the machine name over the dispatcher both transports share: only the signed-in
 * agent's records at the backend in use go out, page by page; bad input is refused with the reasons
 * and changes nothing; `getAppInfo` answers the computer's name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, SEEDED_PASSWORD, type RunningSandbox } from '../../../../sandbox/index';
import { createHost, type Host } from '../../../../electron/host/host';
import { MemorySecretStore } from '../../../../electron/host/secrets/store';
import { MemorySettingsStore } from '../../../../electron/host/settings';
import { MemoryAuditJournal, type AuditRecord } from '../../../../electron/host/audit/journal';
import type { HostAuditPage } from '../../../../shared/ipc/host-audit';
import { data } from './enhanced-helpers';

let sandbox: RunningSandbox;
let host: Host;
let journal: MemoryAuditJournal;
let me: { name: string; objectId: string };

const base = { at: '2026-12-04T10:00:00.000Z', action: 'attestation.create', outcome: 'created', sent: true } as const;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, memory: true, quiet: true });
  journal = new MemoryAuditJournal('DESK-07');
  host = createHost({
    transport: 'browser',
    version: 'test',
    settings: new MemorySettingsStore(),
    secrets: new MemorySecretStore(),
    overrides: { backend: 'sandbox', sandboxUrl: sandbox.url },
    journal,
    machineName: 'DESK-07',
    log: { warn: () => undefined, error: () => undefined },
  });
  await host.start();
  const session = data(
    await host.dispatch('signIn', { method: 'password', userName: 'admin@contoso.example', password: SEEDED_PASSWORD }),
  ) as { user: { userId: string; userName: string } };
  me = { name: session.user.userName, objectId: session.user.userId };
}, 60_000);

afterAll(async () => {
  await sandbox?.stop();
});

async function everything(limit: number): Promise<HostAuditPage['records']> {
  const records: HostAuditPage['records'] = [];
  let after = 0;
  for (let guard = 0; guard < 100; guard += 1) {
    const page = data(await host.dispatch('listHostAudit', { after, limit })) as HostAuditPage;
    records.push(...page.records);
    after = page.next;
    if (page.done) return records;
  }
  throw new Error('the cursor never finished');
}

describe('the main journal over IPC', () => {
  it("answers the signed-in agent's records at this backend only, each once across pages", async () => {
    const records: AuditRecord[] = [
      { ...base, agent: me, backend: 'sandbox', requestId: 'mine-1', attestationId: 'att-1' },
      { ...base, agent: { name: 'other@contoso.example', objectId: 'someone-else' }, backend: 'sandbox', requestId: 'theirs' },
      { ...base, agent: me, backend: 'partner-center', requestId: 'other-backend' },
      { ...base, agent: null, backend: 'sandbox', requestId: 'nobody', outcome: 'auth-required', sent: false },
      { ...base, action: 'app-credential.set', agent: me, backend: 'sandbox', outcome: 'certificate', sent: false },
      { ...base, action: 'attestation.finalise', agent: me, backend: 'sandbox', requestId: 'mine-2', code: 600061 },
    ];
    for (const record of records) await journal.append(record);
    const got = await everything(2);
    expect(got.map((record) => record.requestId ?? record.action)).toEqual(['mine-1', 'app-credential.set', 'mine-2']);
    expect(new Set(got.map((record) => record.id)).size).toBe(3);
    expect(got[0]).toMatchObject({ machine: 'DESK-07', attestationId: 'att-1', agent: me });
    expect(got[2]).toMatchObject({ code: 600061 });
  });

  it('refuses bad input with its reasons and leaves the journal as it was', async () => {
    const before = JSON.stringify(journal.records);
    for (const bad of [{ limit: 0 }, { after: -1 }, { after: 'x' }, { limit: 1_000_000 }, { after: 0, token: 'x' }, 'page']) {
      const answer = await host.dispatch('listHostAudit', bad);
      expect(answer, JSON.stringify(bad)).toMatchObject({ ok: false, error: { code: 'bad-request', retryable: false } });
      if (!answer.ok) expect(answer.error.issues?.length).toBeGreaterThan(0);
    }
    expect(JSON.stringify(journal.records)).toBe(before);
  });

  it('tells the renderer the name of the computer it runs on', async () => {
    expect(data(await host.dispatch('getAppInfo', {}))).toMatchObject({ machineName: 'DESK-07' });
  });
});
