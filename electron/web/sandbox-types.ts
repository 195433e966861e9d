/**
 * The embedded sandbox's in-process API as agreed between the pieces (HELPERS-COMMON.md), declared
 * here until `sandbox/index.ts` exists on main; then this file re-exports its types.
 */
export interface SandboxOptions {
  port?: number;
  dataDir?: string;
  memory?: boolean;
  customers?: number;
  latencyMs?: number;
  failRate?: number;
  dropRate?: number;
  rateLimitPerMinute?: number;
  tokenTtlSeconds?: number;
  password?: string;
  clock?: () => Date;
  quiet?: boolean;
}

export interface RunningSandbox {
  url: string;
  port: number;
  stop(): Promise<void>;
  setFaults(faults: { latencyMs?: number; failRate?: number; dropRate?: number; rateLimitPerMinute?: number }): void;
  expireAllTokens(): Promise<void>;
  inspect: {
    agreements(): Promise<Array<{ customerId: string; requestId: string | null; primaryContact: unknown; dateAgreed: string; userName: string; createdAt: string }>>;
    audit(): Promise<unknown[]>;
  };
}
