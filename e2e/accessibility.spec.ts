import { expect, expectNoAxeViolations, signIn, test } from './fixtures';

test.describe('accessibility (axe)', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`sign-in pages and the shell have no violations (${colorScheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto('/customers');
      await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
      await expectNoAxeViolations(page);

      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByRole('button', { name: 'Adele Vance' })).toBeVisible();
      await expectNoAxeViolations(page);

      await page.getByRole('button', { name: 'Adele Vance' }).click();
      await expect(page.getByTestId('user-name')).toHaveText('Adele Vance');
      // Judged once the first rows are in: until then buttons such as Export are still turning
      // from disabled to enabled, and axe would judge a colour halfway through.
      await expect(page.locator('[role=row][data-customer-id]').first()).toBeVisible();
      await expectNoAxeViolations(page);

      await page.getByRole('link', { name: 'New customer' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'New customer' })).toBeVisible();
      await expectNoAxeViolations(page);
    });
  }

  test('the shell works from the keyboard: skip link, navigation, sign-out', async ({ page }) => {
    await signIn(page, 'Alex Wilber');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('#main')).toBeFocused();
    await page.getByRole('link', { name: 'New customer' }).focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/customers\/new$/);
    await page.getByRole('button', { name: 'Sign out' }).focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/sign-in$/);
  });
});
