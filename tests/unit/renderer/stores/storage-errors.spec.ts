import { describe, expect, it } from 'vitest';
import { StorageFullError, guardStorage, isQuotaError, onStorageFull } from '../../../../renderer/src/db/storage-errors';
import { enqueueAttestation } from '../../../../renderer/src/outbox/commands';
import { CUSTOMER_A, contact, freshDatabase, storageOn } from '../helpers/database';

describe('storage errors', () => {
  it('recognises a quota error however Dexie wraps it', () => {
    expect(isQuotaError({ name: 'QuotaExceededError' })).toBe(true);
    expect(isQuotaError({ name: 'AbortError', inner: { name: 'QuotaExceededError' } })).toBe(true);
    expect(
      isQuotaError({
        name: 'OpenFailedError',
        inner: { name: 'UnknownError', message: 'Encountered full disk while opening backing store' },
      }),
    ).toBe(true);
    expect(isQuotaError({ name: 'ConstraintError' })).toBe(false);
  });

  it('reports a full disk to the UI and to the caller, never swallowing it', async () => {
    const seen: StorageFullError[] = [];
    const stop = onStorageFull((error) => seen.push(error));
    await expect(guardStorage(() => Promise.reject({ name: 'AbortError', inner: { name: 'QuotaExceededError' } }))).rejects.toBeInstanceOf(
      StorageFullError,
    );
    await expect(guardStorage(() => Promise.reject(new TypeError('other')))).rejects.toBeInstanceOf(TypeError);
    stop();
    expect(seen).toHaveLength(1);
  });

  it('saves nothing when the enqueue transaction hits the quota: no item without its audit entry', async () => {
    const database = await freshDatabase();
    database.audit.hook('creating', () => {
      throw Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    });
    await expect(
      enqueueAttestation(
        { customerId: CUSTOMER_A, customerName: 'Contoso', primaryContact: contact, dateAgreed: '2026-11-19' },
        { storage: storageOn(database), actor: 'a', now: 1 },
      ),
    ).rejects.toBeInstanceOf(StorageFullError);
    expect(await database.outbox.count()).toBe(0);
  });
});
