/**
 * What the benchmark runner (Node) and the harness page (tests/bench/page, in Chromium on the app's
 * origin) tell each other. Plain data only: this file is compiled for both sides.
 */

export interface SearchStepsRequest {
  /** Queries typed char by char: every prefix of each is one search. */
  queries: string[];
  /** How many times the whole list of queries is typed (the first pass warms the JIT). */
  rounds: number;
}

export interface SearchStepsResult {
  rows: number;
  /** Reading the cache the way the app does (all rows, name order). */
  loadMs: number;
  buildMs: number;
  /** Per typed prefix: the index's search and the `Array.filter` baseline over the same rows. */
  indexMs: number[];
  baselineMs: number[];
  /** Prefixes where the two disagreed (must be 0), and the first few of them. */
  mismatches: number;
  mismatchExamples: string[];
}

export interface BacklogRequest {
  /** Customer ids to queue for; one item per id, each with its own contact. */
  customerIds: string[];
  /** A tag in the contact's e-mail so runs never look like duplicates of each other. */
  tag: string;
}

export interface SyncRequest {
  /** Undefined: the engine as the app configures it; 1: one item at a time (the baseline). */
  concurrency?: number;
  timeoutMs: number;
}

export interface SyncResult {
  ms: number;
  items: number;
  confirmed: number;
  failed: number;
  retried: number;
  /** Epoch ms of every confirmation (for the rate-limit windows). */
  confirmedAt: number[];
  startedAt: number;
  /** Pending items left when the time ran out. */
  left: number;
}

export interface OutboxCounts {
  [state: string]: number;
}

export interface BenchPageApi {
  /** Opens the signed-in agent's database (as the app names it). */
  openAgentDatabase(): Promise<string>;
  cachedCustomers(): Promise<number>;
  /** `count` cached customers spread evenly over the list (to build realistic queries from). */
  sampleCustomers(count: number): Promise<Array<{ id: string; companyName: string; domain: string }>>;
  /** Ids of cached customers, in the app's list order, from `offset`. */
  customerIds(offset: number, limit: number): Promise<string[]>;
  searchSteps(request: SearchStepsRequest): Promise<SearchStepsResult>;
  enqueueBacklog(request: BacklogRequest): Promise<number>;
  outboxCounts(): Promise<OutboxCounts>;
  /** The smallest read-write transaction this page's IndexedDB commits, `rounds` times: ms from transaction() to complete. */
  transactionFloor(rounds: number): Promise<number[]>;
  sync(request: SyncRequest): Promise<SyncResult>;
}

/** Where the harness page puts its API. */
export const BENCH_GLOBAL = '__mcaBench';
