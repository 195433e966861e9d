/**
 * The IPC schemas of the main process's audit journal (`audit.jsonl`) as the renderer's Audit screen
 * reads it: a page of records after a cursor. The wire record lists its fields explicitly (zod drops
 * any other key), so whatever a future journal line holds, only these reach the renderer; none of
 * them is a token, a secret or a request body.
 */
import { z } from 'zod';

export const HOST_AUDIT_PAGE_MAX = 2_000;

export const hostAuditActionSchema = z.enum([
  'attestation.create',
  'attestation.read',
  'attestation.finalise',
  'app-credential.set',
  'app-credential.remove',
]);
export type HostAuditAction = z.infer<typeof hostAuditActionSchema>;

/** A cursor into the journal: opaque to the renderer, 0 is the start. */
const cursorSchema = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const hostAuditPageRequestSchema = z
  .object({
    after: cursorSchema.default(0),
    limit: z.number().int().min(1).max(HOST_AUDIT_PAGE_MAX).default(500),
  })
  .strict();

export const hostAuditRecordSchema = z.object({
  /** Stable for the journal's life (it is append-only): what keeps a record from being shown twice. */
  id: cursorSchema,
  at: z.string().max(40),
  action: hostAuditActionSchema,
  agent: z.object({ name: z.string().max(254), objectId: z.string().max(100) }).nullable(),
  backend: z.enum(['sandbox', 'partner-center']),
  customerId: z.string().max(100).optional(),
  requestId: z.string().max(100).optional(),
  attestationId: z.string().max(200).optional(),
  outcome: z.string().max(100),
  code: z.union([z.string().max(100), z.number()]).optional(),
  sent: z.boolean(),
  /** The computer main ran on when it wrote the record (absent in records from before it was kept). */
  machine: z.string().max(255).optional(),
});
export type HostAuditRecord = z.infer<typeof hostAuditRecordSchema>;

export const hostAuditPageSchema = z.object({
  records: z.array(hostAuditRecordSchema).max(HOST_AUDIT_PAGE_MAX),
  /** Where the next page starts; equal to the request's `after` when nothing new was there. */
  next: cursorSchema,
  /** False when more records wait after `next`. */
  done: z.boolean(),
});
export type HostAuditPage = z.infer<typeof hostAuditPageSchema>;
