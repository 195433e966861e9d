// @vitest-environment node
/** The directory of agents who signed in on this computer: per backend and partner, kept on disk user-only, robust to a damaged file. */
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KNOWN_AGENTS_FILE_NAME, KnownAgents } from '../../../../electron/host/known-agents';
import type { PartnerUser } from '../../../../shared/domain/roles';

const contoso = '0f0f0f0f-0000-4000-8000-0000000000aa';
const user = (n: number, overrides: Partial<PartnerUser> = {}): PartnerUser => ({
  userId: `0f0f0f0f-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`,
  userName: `agent${n}@contoso.example`,
  displayName: `Agent ${n}`,
  roles: ['sales-agent'],
  partnerType: 'direct-bill',
  partnerTenantId: contoso,
  partnerName: 'Contoso Cloud Partners',
  ...overrides,
});

describe('the known agents', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mca-agents-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('keeps every agent once (renamed: the new name), per backend and partner, across a restart, user-only', async () => {
    const agents = KnownAgents.inDataDir(dir);
    await Promise.all([agents.remember('sandbox', user(1)), agents.remember('sandbox', user(2))]);
    await agents.remember('sandbox', user(1, { displayName: 'Agent One' }));
    await agents.remember('sandbox', user(3, { partnerTenantId: 'other-partner' }));
    await agents.remember('partner-center', user(4));
    const again = KnownAgents.inDataDir(dir);
    expect((await again.list('sandbox', contoso)).map((agent) => agent.displayName).sort()).toEqual(['Agent 2', 'Agent One']);
    expect((await again.list('partner-center', contoso)).map((agent) => agent.userName)).toEqual(['agent4@contoso.example']);
    const file = await readFile(join(dir, KNOWN_AGENTS_FILE_NAME), 'utf8');
    expect(file).not.toMatch(/sales-agent|token|password/i);
    if (process.platform !== 'win32') expect((await stat(join(dir, KNOWN_AGENTS_FILE_NAME))).mode & 0o777).toBe(0o600);
  });

  it('reads a damaged file as empty, drops damaged entries, and is rewritten whole by the next sign-in', async () => {
    await writeFile(join(dir, KNOWN_AGENTS_FILE_NAME), '{not json');
    const agents = KnownAgents.inDataDir(dir);
    expect(await agents.list('sandbox', contoso)).toEqual([]);
    await agents.remember('sandbox', user(1));
    expect(await KnownAgents.inDataDir(dir).list('sandbox', contoso)).toHaveLength(1);

    const [valid] = JSON.parse(await readFile(join(dir, KNOWN_AGENTS_FILE_NAME), 'utf8')) as unknown[];
    await writeFile(join(dir, KNOWN_AGENTS_FILE_NAME), JSON.stringify([{ userId: 42 }, valid, 'text']));
    expect((await KnownAgents.inDataDir(dir).list('sandbox', contoso)).map((agent) => agent.displayName)).toEqual(['Agent 1']);
  });
});
