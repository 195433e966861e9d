import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import InvitationEditorPage from '../../../../renderer/src/pages/InvitationEditorPage.vue';
import InvitationsPage from '../../../../renderer/src/pages/InvitationsPage.vue';
import { useDraftsStore } from '../../../../renderer/src/stores/drafts';
import { AUTOSAVE_DELAY_MS } from '../../../../renderer/src/composables/useDraftAutosave';
import { ADMIN } from '../helpers/fake-api';
import { createTestApp, eventually, mountIn, type TestApp } from '../helpers/app';

describe('invitation drafts', () => {
  let app: TestApp;

  beforeEach(async () => {
    app = await createTestApp(ADMIN);
  });
  afterEach(() => vi.useRealTimers());

  async function newDraft(subject = 'Hello') {
    return useDraftsStore().create({ template: 'existing-customer', language: 'en', to: 'a@example.com', subject, body: 'Body {url}' });
  }

  it('saves what the agent types after a short pause, without a Save button, and restores it on reopening', async () => {
    const draft = await newDraft();
    const editor = await mountIn(app, InvitationEditorPage, { props: { draftId: draft.id } });
    await eventually(() => editor.find('#draft-subject').exists());
    expect(editor.findAll('button').map((button) => button.text())).not.toContain('Save');

    await editor.get('#draft-subject').setValue('Please accept the MCA');
    await editor.get('#draft-body').setValue('Typed body');
    // Not yet: the write waits for a pause in typing.
    expect((await app.database.drafts.get(draft.id))?.subject).toBe('Hello');
    await new Promise((resolve) => setTimeout(resolve, AUTOSAVE_DELAY_MS + 100));
    await eventually(async () => (await app.database.drafts.get(draft.id))?.subject === 'Please accept the MCA');
    expect((await app.database.drafts.get(draft.id))?.body).toBe('Typed body');
    expect(editor.text()).toContain('Saved on this computer at');
    editor.unmount();

    const again = await mountIn(app, InvitationEditorPage, { props: { draftId: draft.id } });
    await eventually(() => again.find('#draft-subject').exists());
    expect((again.get('#draft-subject').element as HTMLInputElement).value).toBe('Please accept the MCA');
    expect((again.get('#draft-body').element as HTMLTextAreaElement).value).toBe('Typed body');
  });

  it('writes pending typing at once when the editor closes', async () => {
    const draft = await newDraft();
    const editor = await mountIn(app, InvitationEditorPage, { props: { draftId: draft.id } });
    await eventually(() => editor.find('#draft-subject').exists());
    await editor.get('#draft-subject').setValue('Closed quickly');
    editor.unmount();
    await eventually(async () => (await app.database.drafts.get(draft.id))?.subject === 'Closed quickly');
  });

  it('lists drafts by subject, newest first, and deletes one only after confirmation', async () => {
    await newDraft('Older');
    await new Promise((resolve) => setTimeout(resolve, 5));
    await newDraft('Newer');
    const page = await mountIn(app, InvitationsPage);
    await eventually(() => page.findAll('tbody tr').length === 2);
    expect(page.findAll('tbody tr a').map((link) => link.text())).toEqual(['Newer', 'Older']);

    await page.get('button[aria-label="Delete draft “Older”"]').trigger('click');
    await eventually(() => page.find('dialog[open]').exists());
    expect(page.get('dialog').text()).toContain('The draft “Older” is removed from this computer.');
    expect(await app.database.drafts.count()).toBe(2);
    await page.get('dialog button.danger').trigger('click');
    await eventually(async () => (await app.database.drafts.count()) === 1);
    expect((await app.database.drafts.toArray()).map((draft) => draft.subject)).toEqual(['Newer']);
  });

  it('drops anything that is not a draft field before it reaches IndexedDB', async () => {
    const draft = await newDraft();
    await useDraftsStore().update(draft.id, { subject: 'x', ...({ temporaryPassword: 'secret' } as object) });
    expect(JSON.stringify(await app.database.drafts.get(draft.id))).not.toContain('secret');
  });
});
