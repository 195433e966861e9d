/**
 * Linux without a keyring, in the desktop shell as built: the window asks once before any secret is
 * kept with the weaker protection, and the answer reaches the main process (which writes nothing before).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { signInThroughForm } from '../support/agent';

test.use({ desktopOptions: { double: { safeStorage: { backend: 'basic_text' } } } });

test('without a keyring the app asks once, naming the risk and the fix; nothing is written before the answer', async ({ desktop }) => {
  const { page, electron } = desktop;
  const userData = electron.app.getPath('userData');
  const dialog = page.getByRole('dialog', { name: 'Keep your sign-in on this computer?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('no keyring');
  await expect(dialog).toContainText('install and unlock a keyring');
  expect(existsSync(join(userData, 'secret.key'))).toBe(false);

  await dialog.getByRole('button', { name: 'Keep them with the weaker protection' }).click();
  await expect(dialog).toHaveCount(0);
  await signInThroughForm(page, 'admin@contoso.example');
  await expect.poll(() => existsSync(join(userData, 'secrets.keyfile.json'))).toBe(true);
  expect(JSON.parse(await readFile(join(userData, 'secret-storage-consent.json'), 'utf8'))).toMatchObject({ choice: 'granted' });

  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Secrets on this computer' })).toContainText('The operating system does not protect them.');
});
