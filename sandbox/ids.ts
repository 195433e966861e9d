import { createHash, randomUUID } from 'node:crypto';

/** A stable, version-4-shaped GUID derived from a name: the seed gets the same ids on every machine. */
export function seedUuid(name: string): string {
  const hex = createHash('sha256').update(`mca-sandbox:${name}`).digest('hex');
  const variant = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function newUuid(): string {
  return randomUUID();
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isGuid(value: string | undefined | null): value is string {
  return typeof value === 'string' && GUID.test(value);
}
