/**
 * The agents who signed in on this computer, per backend and partner: object id, sign-in name and
 * display name (nothing secret; no token, no role). Partner Center records say who confirmed an
 * agreement only by the agent's object id and has no API to look a user up, so this directory is what
 * lets the customer page say "Sam Sales" instead of an id. Kept in the data folder (`agents.json`,
 * user-only permissions), or in memory for tests and `--memory` runs.
 */
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import type { BackendKind } from '../../shared/ipc/contract';
import type { PartnerUser } from '../../shared/domain/roles';

export const knownAgentSchema = z.object({
  backend: z.string().max(40),
  partnerTenantId: z.string().max(100),
  userId: z.string().max(100),
  userName: z.string().max(254),
  displayName: z.string().max(200),
  lastSeen: z.string().max(40),
});
export type KnownAgent = z.infer<typeof knownAgentSchema>;

/** At most this many agents are kept (the oldest seen go first). */
export const KNOWN_AGENTS_MAX = 5_000;
export const KNOWN_AGENTS_FILE_NAME = 'agents.json';

export class KnownAgents {
  private agents: KnownAgent[] | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  /** `file`: where the directory is kept; undefined keeps it in memory. */
  constructor(
    private readonly file: string | undefined,
    private readonly now: () => Date = () => new Date(),
  ) {}

  static inDataDir(dataDir: string): KnownAgents {
    return new KnownAgents(join(dataDir, KNOWN_AGENTS_FILE_NAME));
  }

  private async load(): Promise<KnownAgent[]> {
    if (this.agents) return this.agents;
    let parsed: KnownAgent[] = [];
    if (this.file) {
      try {
        const data: unknown = JSON.parse(await readFile(this.file, 'utf8'));
        const list = z.array(z.unknown()).safeParse(data);
        // A damaged entry is dropped, not the whole directory.
        if (list.success) parsed = list.data.flatMap((entry) => (knownAgentSchema.safeParse(entry).success ? [entry as KnownAgent] : []));
      } catch {
        parsed = [];
      }
    }
    this.agents = parsed;
    return parsed;
  }

  /** Records (or refreshes) the signed-in agent. */
  remember(backend: BackendKind, user: PartnerUser): Promise<void> {
    const task = this.queue.then(async () => {
      const agents = await this.load();
      const entry: KnownAgent = {
        backend,
        partnerTenantId: user.partnerTenantId,
        userId: user.userId,
        userName: user.userName,
        displayName: user.displayName,
        lastSeen: this.now().toISOString(),
      };
      const index = agents.findIndex((agent) => agent.backend === backend && agent.userId === user.userId);
      const same = index >= 0 && agents[index]!.displayName === entry.displayName && agents[index]!.userName === entry.userName;
      if (index >= 0) agents.splice(index, 1);
      agents.push(entry);
      while (agents.length > KNOWN_AGENTS_MAX) agents.shift();
      // Only a new or renamed agent is written (a sign-in a day must not rewrite the file each time).
      if (!same) await this.save(agents);
    });
    this.queue = task.catch(() => undefined);
    return task;
  }

  /** The agents of one partner at one backend. */
  async list(backend: BackendKind, partnerTenantId: string): Promise<KnownAgent[]> {
    await this.queue;
    const agents = await this.load();
    return agents.filter((agent) => agent.backend === backend && agent.partnerTenantId === partnerTenantId);
  }

  private async save(agents: KnownAgent[]): Promise<void> {
    if (!this.file) return;
    await mkdir(dirname(this.file), { recursive: true, mode: 0o700 });
    const temporary = `${this.file}.tmp`;
    await writeFile(temporary, JSON.stringify(agents), { encoding: 'utf8', mode: 0o600 });
    await rename(temporary, this.file);
    await chmod(this.file, 0o600).catch(() => undefined);
  }
}
