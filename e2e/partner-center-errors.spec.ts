import { expect, signIn, test } from './fixtures';

test('a user without a partner role is told why the customer list does not load', async ({
  page,
}) => {
  await signIn(page, 'Diego Siciliani');
  const alert = page.getByText('The customer list could not be loaded completely.');
  await expect(alert).toBeVisible();
  await expect(page.getByText(/no Partner Center role/)).toBeVisible();
  await expect(page.getByText(/Correlation id for support: [0-9a-f-]{36}/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
});

test('the shell shows the tenant’s Partner Center budget', async ({ page }) => {
  await signIn(page, 'Adele Vance');
  await expect(page.getByTestId('api-status')).toHaveText(/^API: \d+\/500 per min/);
});
