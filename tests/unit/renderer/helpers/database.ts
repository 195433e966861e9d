import { McaDeskDatabase } from '../../../../renderer/src/db/database';
import { DexieOutboxStorage } from '../../../../renderer/src/db/outbox-storage';
import { OutboxQueue } from '../../../../renderer/src/outbox/queue';

let counter = 0;

/** A fresh, empty database (fake-indexeddb) for one test. */
export async function freshDatabase(): Promise<McaDeskDatabase> {
  counter += 1;
  const database = new McaDeskDatabase(`test-${Date.now()}-${counter}-${Math.random()}`);
  await database.open();
  return database;
}

export const CUSTOMER_A = '11111111-1111-4111-8111-111111111111';
export const CUSTOMER_B = '22222222-2222-4222-8222-222222222222';
export const CUSTOMER_C = '33333333-3333-4333-8333-333333333333';

export function customerId(n: number): string {
  return `${String(n).padStart(8, '0')}-0000-4000-8000-000000000000`;
}

export const contact = { firstName: 'Tania', lastName: 'Carr', email: 'tania@example.com', phoneNumber: undefined };

/** The outbox's storage port over a test database. */
export function storageOn(database: McaDeskDatabase): DexieOutboxStorage {
  return new DexieOutboxStorage(database);
}

/** The sync engine's steps (lease, settle, recover) over a test database. */
export function queueOn(database: McaDeskDatabase): OutboxQueue {
  return new OutboxQueue(storageOn(database));
}
