import type { AuditRecord, InspectedAgreement, InspectedDirectAcceptance } from './services/inspect';
import type { InspectedAttestation } from './enhanced/inspect';
import type { LegacyAttestation } from './enhanced/contract';

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
  /**
   * Which Partner Center is modelled: `retired` (default: today, the legacy attestation refused, the
   * enhanced flow, AppOnly and MFA) or `available` (before 5 January 2026: exactly the seed's sandbox).
   */
  legacyAttestation?: LegacyAttestation;
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
  /** Which Partner Center is modelled (see `SandboxOptions.legacyAttestation`). */
  legacyAttestation: LegacyAttestation;
  stop(): Promise<void>;
  setFaults(faults: FaultOptions): void;
  expireAllTokens(): Promise<void>;
  inspect: {
    agreements(): Promise<InspectedAgreement[]>;
    audit(): Promise<AuditRecord[]>;
    /** Every attestation of the enhanced flow, oldest first, with its status by the server clock now. */
    attestations(): Promise<InspectedAttestation[]>;
    /** Customers whose `isSigned` is true (of one partner when given), each saying whether a partner attestation exists too. */
    directAcceptance(partnerTenantId?: string): Promise<InspectedDirectAcceptance[]>;
  };
}
