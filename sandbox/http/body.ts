/**
 * Reads a JSON request body without ever throwing: malformed JSON, a wrong content type or a
 * prototype-polluting key gives an error result. Keys are turned to camelCase (first letter lowered)
 * because the .NET SDK sends PascalCase and Partner Center accepts either (reference §7).
 */
import type { Context } from 'hono';
import type { z } from 'zod';
import { errors, type ErrorResult } from './errors';

export type BodyResult<T> = { ok: true; value: T } | { ok: false; error: ErrorResult };

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_DEPTH = 20;

function camelCaseKeys(value: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH) throw new RangeError('too deep');
  if (Array.isArray(value)) return value.map((item) => camelCaseKeys(item, depth + 1));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (FORBIDDEN_KEYS.has(key)) continue;
    const camel = key.length > 0 ? key[0]!.toLowerCase() + key.slice(1) : key;
    if (FORBIDDEN_KEYS.has(camel)) continue;
    out[camel] = camelCaseKeys(item, depth + 1);
  }
  return out;
}

export async function readJson(c: Context): Promise<BodyResult<unknown>> {
  const type = c.req.header('content-type') ?? '';
  if (type && !/^application\/(json|[\w.+-]+\+json)\s*(;|$)/i.test(type)) return { ok: false, error: errors.unsupportedMediaType() };
  let text: string;
  try {
    text = await c.req.text();
  } catch {
    return { ok: false, error: errors.badInput('The request body could not be read.') };
  }
  try {
    return { ok: true, value: camelCaseKeys(JSON.parse(text)) };
  } catch {
    return { ok: false, error: errors.badInput('The request body is not valid JSON.') };
  }
}

/** Field-level problems of a zod error, as the `data` of a 400 body. */
export function issuesOf(error: z.ZodError): Array<{ field: string; problem: string }> {
  return error.issues.slice(0, 50).map((issue) => ({ field: issue.path.join('.') || '(body)', problem: issue.message }));
}

export function invalidBody(error: z.ZodError): ErrorResult {
  const issues = issuesOf(error);
  const summary = issues
    .slice(0, 5)
    .map((issue) => `${issue.field}: ${issue.problem}`)
    .join('; ');
  return errors.badInput(`The request body is invalid: ${summary}.`, issues);
}

export async function parseBody<S extends z.ZodTypeAny>(c: Context, schema: S): Promise<BodyResult<z.output<S>>> {
  const raw = await readJson(c);
  if (!raw.ok) return raw;
  const parsed = schema.safeParse(raw.value);
  if (!parsed.success) return { ok: false, error: invalidBody(parsed.error) };
  return { ok: true, value: parsed.data };
}
