import { expect, test } from './fixtures';
import { openCustomer } from './support/agent';

// 00:05 on 2 November in Auckland (UTC+13) is still 1 November in UTC: the backend would call the
// 2nd a future date, so the latest day an agent there may pick is the 1st.
test.use({ timezoneId: 'Pacific/Auckland' });

test('in Auckland just after local midnight the date input stops at the UTC date and says why', async ({ page, signIn }) => {
  await page.clock.setFixedTime(new Date('2026-11-01T11:05:00Z'));
  await signIn('admin@contoso.example');
  expect(await page.evaluate(() => [Intl.DateTimeFormat().resolvedOptions().timeZone, new Date().getDate()])).toEqual([
    'Pacific/Auckland',
    2,
  ]);
  await openCustomer(page, 'Adatum Corporation');
  await page.getByRole('link', { name: 'Confirm acceptance' }).click();

  const date = page.getByLabel('Date of acceptance');
  await expect(date).toHaveAttribute('type', 'date');
  await expect(date).toHaveAttribute('max', '2026-11-01');
  await expect(date).toHaveAttribute('min', '2019-03-01');
  // Empty until the agent chooses: a one-click save must not attest a false date.
  await expect(date).toHaveValue('');
  await expect(page.getByText('From 1 Mar 2019 to 1 Nov 2026.')).toBeVisible();

  await date.fill('2026-11-02');
  await expect(page.getByText('The date cannot be after 1 Nov 2026.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeDisabled();

  await date.fill('2026-11-01');
  await expect(page.getByText('The date cannot be after')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeEnabled();
});
