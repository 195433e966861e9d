import { beforeEach, describe, expect, it } from 'vitest';
import InvitationEditorPage from '../../../../renderer/src/pages/InvitationEditorPage.vue';
import { ADMIN, ApiFailure } from '../helpers/fake-api';
import { createTestApp, eventually, mountIn, type TestApp } from '../helpers/app';

const CREDENTIALS_ID = '33333333-3333-4333-8333-333333333333';
const PASSWORD = 'Xq7!tempPass#42';
const LINK =
  'https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId=p&msppId=0&DAP=false#/BillingAccounts/partner-invitation';
const customerId = '44444444-4444-4444-8444-444444444444';

async function button(screen: Awaited<ReturnType<typeof mountIn>>, name: string) {
  await eventually(() => screen.findAll('button').some((candidate) => candidate.text() === name));
  return screen.findAll('button').find((candidate) => candidate.text() === name)!;
}

describe('sending a reseller relationship request', () => {
  let app: TestApp;
  let clipboard: string[];
  let mailto: unknown[];
  let forgotten: string[];
  let linkAnswers: Array<'fail' | string>;

  beforeEach(async () => {
    app = await createTestApp(ADMIN);
    clipboard = [];
    mailto = [];
    forgotten = [];
    linkAnswers = [];
    app.fake.on('getRelationshipRequestLink', () => {
      const answer = linkAnswers.shift() ?? 'fail';
      if (answer === 'fail') throw new ApiFailure({ code: 'unavailable', message: 'Partner Center answered 503' });
      return { url: answer };
    });
    app.fake.on('getCredentials', () => ({ userName: 'admin@grachtengordeldesign.onmicrosoft.com', password: PASSWORD }));
    app.fake.on('forgetCredentials', ({ credentialsId }) => {
      forgotten.push(credentialsId);
      return { forgotten: true };
    });
    app.fake.on('writeClipboard', (request) => {
      clipboard.push(request.text);
      return { written: true };
    });
    app.fake.on('openMailto', (request) => {
      mailto.push(request);
      return { opened: true };
    });
  });

  async function openDraft(overrides: { credentialsId?: string | undefined } = { credentialsId: CREDENTIALS_ID }) {
    const now = new Date().toISOString();
    const id = crypto.randomUUID();
    await app.database.drafts.add({
      id,
      template: 'reseller-relationship',
      language: 'en',
      to: 'office@grachtengordeldesign.example',
      subject: 'Contoso Cloud Partners invites Grachtengordel Design to a reseller relationship',
      body: 'Dear Sanne de Vries,\n\nOpen: {url}\nSign-in name: {signInName}\nTemporary password: {temporaryPassword}',
      customerId,
      ...overrides,
      createdAt: now,
      updatedAt: now,
    });
    return mountIn(app, InvitationEditorPage, { props: { draftId: id } });
  }

  it('refuses to copy or open when the link cannot be fetched: nothing copied, credentials kept', async () => {
    const editor = await openDraft();
    await (await button(editor, 'Copy to clipboard')).trigger('click');
    await eventually(() => editor.text().includes('Nothing was copied or opened: the reseller relationship link could not be fetched'));
    await (await button(editor, 'Open in email')).trigger('click');
    await eventually(() => app.fake.calls.filter((call) => call.channel === 'getRelationshipRequestLink').length === 2);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(clipboard).toEqual([]);
    expect(mailto).toEqual([]);
    expect(forgotten).toEqual([]);
    expect(app.fake.calls.some((call) => call.channel === 'getCredentials')).toBe(false);
  });

  it('refuses an answer that is not an https link, and copies with the link fetched at that moment', async () => {
    const editor = await openDraft();
    linkAnswers.push('javascript:alert(1)');
    await (await button(editor, 'Copy to clipboard')).trigger('click');
    await eventually(() => editor.text().includes('Nothing was copied or opened'));
    expect(clipboard).toEqual([]);

    linkAnswers.push(LINK);
    await (await button(editor, 'Copy to clipboard')).trigger('click');
    await eventually(() => clipboard.length === 1);
    expect(clipboard[0]).toContain(`Open: ${LINK}`);
    expect(clipboard[0]).toContain(`Temporary password: ${PASSWORD}`);
    expect(clipboard[0]).not.toMatch(/\{\w+\}/);
    expect(forgotten).toEqual([CREDENTIALS_ID]);
    // The draft keeps {url}: the next send fetches the link again.
    expect((editor.get('#draft-body').element as HTMLTextAreaElement).value).toContain('{url}');
  });

  it('refuses a draft with a placeholder nobody fills, and names it', async () => {
    const editor = await openDraft();
    await eventually(() => editor.find('#draft-subject').exists());
    await editor.get('#draft-subject').setValue('For {providerName}');
    await (await button(editor, 'Copy to clipboard')).trigger('click');
    await eventually(() => editor.text().includes('Nothing was copied or opened: fill in {providerName} first'));
    expect(clipboard).toEqual([]);
    expect(app.fake.calls.some((call) => call.channel === 'getRelationshipRequestLink')).toBe(false);
  });

  it('never asks the agent to type credentials into a draft that has none, and refuses to send it', async () => {
    const editor = await openDraft({ credentialsId: undefined });
    await eventually(() => editor.text().includes('This draft has no one-time sign-in details'));
    expect(editor.find('#fill-signInName').exists()).toBe(false);
    expect(editor.find('#fill-temporaryPassword').exists()).toBe(false);
    linkAnswers.push(LINK);
    await (await button(editor, 'Copy to clipboard')).trigger('click');
    await eventually(() =>
      editor.text().includes('Nothing was copied or opened: the text asks for sign-in details this draft does not have'),
    );
    expect(clipboard).toEqual([]);
    expect(app.fake.calls.some((call) => call.channel === 'getCredentials')).toBe(false);
  });
});
