import { beforeEach, describe, expect, it } from 'vitest';
import CustomerCreated from '../../../../renderer/src/components/new-customer/CustomerCreated.vue';
import InvitationEditorPage from '../../../../renderer/src/pages/InvitationEditorPage.vue';
import type { McaDeskDatabase } from '../../../../renderer/src/db/database';
import { ADMIN } from '../helpers/fake-api';
import { createTestApp, eventually, mountIn, type TestApp } from '../helpers/app';

const CREDENTIALS_ID = '33333333-3333-4333-8333-333333333333';
const PASSWORD = 'Xq7!tempPass#42';
const customer = {
  id: '44444444-4444-4444-8444-444444444444',
  companyName: 'Grachtengordel Design',
  domain: 'grachtengordeldesign.onmicrosoft.com',
  country: 'NL',
  language: 'nl-NL',
  contact: { firstName: 'Sanne', lastName: 'de Vries', email: 'office@grachtengordeldesign.example' },
};

/** Every record of every table, as text. */
async function everything(database: McaDeskDatabase): Promise<string> {
  const dump: unknown[] = [];
  for (const table of database.tables) dump.push(await table.toArray());
  return JSON.stringify(dump);
}

describe('credentials of a self-accepting new customer', () => {
  let app: TestApp;
  let clipboard: Array<{ text: string; clearAfterMs?: number }>;
  let forgotten: string[];

  beforeEach(async () => {
    app = await createTestApp(ADMIN);
    clipboard = [];
    forgotten = [];
    app.fake.on('forgetCredentials', ({ credentialsId }) => {
      forgotten.push(credentialsId);
      return { forgotten: true };
    });
    app.fake.on('getCredentials', ({ credentialsId }) => {
      if (credentialsId !== CREDENTIALS_ID) throw new Error('unknown credentials');
      return { userName: 'admin@grachtengordeldesign.onmicrosoft.com', password: PASSWORD };
    });
    app.fake.on('writeClipboard', (request) => {
      clipboard.push(request);
      return { written: true, ...(request.clearAfterMs ? { clearsAt: new Date(Date.now() + request.clearAfterMs).toISOString() } : {}) };
    });
  });

  it('are shown once with a copy that is cleared after 60 s, and a ready invitation that keeps only placeholders', async () => {
    const screen = await mountIn(app, CustomerCreated, { props: { customer, credentialsId: CREDENTIALS_ID } });
    await eventually(() => screen.text().includes(PASSWORD));
    expect(screen.text()).toContain('admin@grachtengordeldesign.onmicrosoft.com');
    expect(screen.text()).toContain('shown only now');

    await screen
      .findAll('button')
      .find((button) => button.text() === 'Copy to clipboard')!
      .trigger('click');
    await eventually(() => clipboard.length === 1);
    expect(clipboard[0]).toMatchObject({ clearAfterMs: 60_000 });
    expect(clipboard[0]!.text).toContain(PASSWORD);
    await eventually(() => screen.text().includes('The clipboard is cleared in 60 seconds'));

    await eventually(async () => (await app.database.drafts.count()) === 1);
    const [draft] = await app.database.drafts.toArray();
    expect(draft).toMatchObject({
      template: 'new-customer',
      language: 'nl',
      credentialsId: CREDENTIALS_ID,
      customerId: customer.id,
      to: customer.contact.email,
    });
    expect(draft!.body).toContain('{temporaryPassword}');
    expect(draft!.body).toContain('{signInName}');
    expect(await everything(app.database)).not.toContain(PASSWORD);
  });

  it('reach the clipboard from the draft only when copied, and are never written to IndexedDB', async () => {
    const screen = await mountIn(app, CustomerCreated, { props: { customer, credentialsId: CREDENTIALS_ID } });
    await eventually(async () => (await app.database.drafts.count()) === 1);
    screen.unmount();
    const [draft] = await app.database.drafts.toArray();

    const editor = await mountIn(app, InvitationEditorPage, { props: { draftId: draft!.id } });
    await eventually(() => editor.find('#draft-body').exists());
    expect((editor.get('#draft-body').element as HTMLTextAreaElement).value).not.toContain(PASSWORD);
    await editor.get('#draft-subject').setValue('Welkom bij Microsoft, Grachtengordel Design');
    await editor
      .findAll('button')
      .find((button) => button.text() === 'Kopiëren naar klembord' || button.text() === 'Copy to clipboard')!
      .trigger('click');
    await eventually(() => clipboard.length === 1);
    expect(clipboard[0]!.clearAfterMs).toBe(60_000);
    expect(clipboard[0]!.text.startsWith('Welkom bij Microsoft, Grachtengordel Design\n\n')).toBe(true);
    expect(clipboard[0]!.text).toContain(`Tijdelijk wachtwoord: ${PASSWORD}`);
    await eventually(() => editor.text().includes('cleared in 60 seconds'));
    // Sent: main deletes the one-time credentials, and the agent is told.
    expect(forgotten).toEqual([CREDENTIALS_ID]);
    await eventually(() => editor.text().includes('The one-time sign-in details were deleted from this computer'));
    // The typing was saved before the copy; the filled text was not.
    await eventually(async () => (await app.database.drafts.get(draft!.id))?.subject === 'Welkom bij Microsoft, Grachtengordel Design');
    editor.unmount();
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await everything(app.database)).not.toContain(PASSWORD);
  });
});
