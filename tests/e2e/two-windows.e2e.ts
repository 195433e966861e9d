import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { confirmAcceptance, readOutbox } from './support/ui';

interface LockSnapshot {
  held?: Array<{ name?: string }>;
  pending?: Array<{ name?: string }>;
}
const syncLocks = (page: Page) => page.evaluate('navigator.locks.query()') as Promise<LockSnapshot>;
const named = (locks: Array<{ name?: string }> | undefined) => (locks ?? []).filter((lock) => lock.name?.startsWith('mca-desk-sync:'));

/**
 * Two windows of MCA Desk on one profile: only one of them sends the queue (Web Locks), whichever
 * window the agent saves in; when the agent closes that window, the other takes over.
 */
test('with two windows open only one syncs, and closing it hands the queue to the other', async ({ page, context, app, signIn }) => {
  await signIn('admin@contoso.example');
  const second = await context.newPage();
  await second.goto(app.url);
  await expect(second.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();

  // Which window sends what: the bridge calls each page makes.
  const sentBy = new Map<Page, string[]>([
    [page, []],
    [second, []],
  ]);
  for (const [window, sent] of sentBy)
    window.on('request', (request) => {
      if (request.url().endsWith('/api/submitAttestation')) sent.push(JSON.parse(request.postData() ?? '{}').itemId);
    });

  // Exactly one window holds the sync lock; the other waits for it.
  await expect
    .poll(async () => {
      const locks = await syncLocks(page);
      return [named(locks.held).length, named(locks.pending).length];
    })
    .toEqual([1, 1]);

  // The agent saves in both windows.
  await confirmAcceptance(second, 'Adatum Corporation', 'Wendy');
  await confirmAcceptance(page, 'Alpine Ski House', 'Walter');
  await confirmAcceptance(second, 'Coho Winery', 'Wanda');
  await expect.poll(async () => (await readOutbox(page)).filter((item) => item.state === 'confirmed').length, { timeout: 30_000 }).toBe(3);
  const senders = [...sentBy].filter(([, sent]) => sent.length > 0);
  expect(senders, 'windows that sent').toHaveLength(1);
  const [leader, sentByLeader] = senders[0]!;
  expect(new Set(sentByLeader).size).toBe(3);
  const follower = leader === page ? second : page;

  // The agent closes the window that was sending; the other one now sends.
  await leader.close();
  await confirmAcceptance(follower, 'Fourth Coffee', 'Wes');
  await expect
    .poll(async () => (await readOutbox(follower)).filter((item) => item.state === 'confirmed').length, { timeout: 30_000 })
    .toBe(4);
  expect(sentBy.get(follower)!.length).toBeGreaterThanOrEqual(1);
  await expect
    .poll(async () => {
      const locks = await syncLocks(follower);
      return [named(locks.held).length, named(locks.pending).length];
    })
    .toEqual([1, 0]);

  // Each attestation landed exactly once.
  const outbox = await readOutbox(follower);
  const agreements = await app.sandbox!.inspect.agreements();
  for (const item of outbox)
    expect(
      agreements.filter((agreement) => agreement.requestId === item.id),
      item.id,
    ).toHaveLength(1);
});
