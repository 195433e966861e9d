import { beforeEach, describe, expect, it } from 'vitest';
import OverviewFollowUps from '../../../../renderer/src/components/overview/OverviewFollowUps.vue';
import type { OutboxItem } from '../../../../renderer/src/outbox/item';
import type { Settings } from '../../../../shared/ipc/contract';
import { useSettingsStore } from '../../../../renderer/src/stores/settings';
import { ADMIN } from '../helpers/fake-api';
import { CUSTOMER_A, contact } from '../helpers/database';
import { createTestApp, eventually, mountIn, type TestApp } from '../helpers/app';

const DAY = 24 * 60 * 60 * 1000;
const URL = 'https://sandbox.test/customer-acceptance/t0ken';

function sentLink(sentDaysAgo: number): OutboxItem {
  const now = Date.now();
  return {
    id: 'item-1',
    customerId: CUSTOMER_A,
    customerName: 'Fourth Coffee',
    primaryContact: contact,
    kind: 'enhanced',
    state: 'queued',
    attempts: 0,
    createdAt: now - sentDaysAgo * DAY,
    updatedAt: now - sentDaysAgo * DAY,
    createdBy: ADMIN.userName,
    nextAttemptAt: now + DAY,
    enhanced: {
      step: 'watch',
      companyName: 'Fourth Coffee',
      country: 'NL',
      language: 'nl-NL',
      linkExpiryMinutes: 10_080,
      finaliseRequestId: 'f-1',
      checks: 3,
      linkSentAt: now - sentDaysAgo * DAY,
      linkSentVia: 'clipboard',
      attestation: { id: 'att-1', acceptanceUrl: URL, expiresAt: new Date(now + 2 * DAY).toISOString(), status: 'pending' },
    },
  };
}

describe('Overview › Follow up', () => {
  let app: TestApp;
  let clipboard: string[];
  let mailto: Array<{ to: string; subject: string; body: string }>;

  beforeEach(async () => {
    app = await createTestApp(ADMIN);
    clipboard = [];
    mailto = [];
    app.fake.on('writeClipboard', (request) => {
      clipboard.push(request.text);
      return { written: true };
    });
    app.fake.on('openMailto', (request) => {
      mailto.push(request as never);
      return { opened: true };
    });
  });

  it('lists a link by the days in Settings, and a copied reminder holds the link and leaves the list', async () => {
    await app.database.outbox.put(sentLink(4));
    const settings = useSettingsStore();
    settings.settings = { followUpAfterDays: 5 } as Settings;
    const wrapper = await mountIn(app, OverviewFollowUps);
    await eventually(() => wrapper.text().includes('Nothing to follow up on.'));
    settings.settings = { followUpAfterDays: 4 } as Settings;
    await eventually(() => wrapper.text().includes('Sent a while ago'));
    expect(wrapper.text()).toContain('Fourth Coffee');
    // The customer's language (nl-NL): the Dutch reminder, ready in the page.
    expect((wrapper.get('textarea').element as HTMLTextAreaElement).value).toMatch(/^Beste Tania Carr,\n/);

    await wrapper
      .findAll('button')
      .find((button) => button.text() === 'Copy to clipboard')!
      .trigger('click');
    await eventually(() => clipboard.length === 1);
    expect(clipboard[0]).toMatch(/^Herinnering: /);
    expect(clipboard[0]).toContain(`\n${URL}\n`);
    await eventually(() => wrapper.text().includes('Nothing to follow up on.'));
    expect((await app.database.outbox.get('item-1'))?.enhanced?.followedUpAt).toBeGreaterThan(0);
  });

  it('opens the reminder in email in the language the agent picks', async () => {
    await app.database.outbox.put(sentLink(4));
    const wrapper = await mountIn(app, OverviewFollowUps);
    await eventually(() => wrapper.find('select').exists());
    await wrapper.get('select').setValue('en');
    await wrapper
      .findAll('button')
      .find((button) => button.text() === 'Open in email')!
      .trigger('click');
    await eventually(() => mailto.length === 1);
    expect(mailto[0]).toMatchObject({
      to: contact.email,
      subject: 'Reminder: please accept the Microsoft Customer Agreement for Fourth Coffee',
    });
    expect(mailto[0]!.body).toMatch(/^Dear Tania Carr,\n/);
    expect(mailto[0]!.body).toContain(URL);
    const audit = await app.database.audit.where('itemId').equals('item-1').toArray();
    expect(audit.map((entry) => entry.detail)).toEqual([`follow-up by ${ADMIN.userName}, opened in email`]);
  });
});
