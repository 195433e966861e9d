import type { AuditRecord, InspectedAgreement } from './services/inspect';

export interface SandboxOptions {
  /** 0 picks a free port; default 4010. */
  port?: number;
  /** Where the data lives; default the per-user data folder (see data-dir.ts). Ignored with `memory`. */
  dataDir?: string;
  /** Keep nothing on disk (tests). */
  memory?: boolean;
  /** Deterministic generated customers added to the seed (for scale). */
  customers?: number;
  latencyMs?: number;
  failRate?: number;
  dropRate?: number;
  /** Requests per minute per partner tenant before 429; 0 or undefined = no throttling. */
  rateLimitPerMinute?: number;
  /** Lifetime of issued tokens; default 3600. */
  tokenTtlSeconds?: number;
  /** Password of every seeded user; default 'sandbox'. */
  password?: string;
  /** The server's "now" (token expiry, the future-date rule, throttling windows). */
  clock?: () => Date;
  /** No logging. */
  quiet?: boolean;
}

export interface FaultOptions {
  latencyMs?: number;
  failRate?: number;
  dropRate?: number;
  rateLimitPerMinute?: number;
}

export interface RunningSandbox {
  /** http://127.0.0.1:<port> */
  url: string;
  port: number;
  /** Where the data lives, or undefined in memory. */
  dataDir: string | undefined;
  /** How long start-up took, in milliseconds. */
  startupMs: number;
  stop(): Promise<void>;
  setFaults(faults: FaultOptions): void;
  expireAllTokens(): Promise<void>;
  inspect: {
    agreements(): Promise<InspectedAgreement[]>;
    audit(): Promise<AuditRecord[]>;
  };
}
