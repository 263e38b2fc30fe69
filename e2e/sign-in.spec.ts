import { expect, localUsers, signIn, test } from './fixtures';
import { tokenLifetimeSeconds } from './hosts';

test.describe('signing in', () => {
  for (const user of Object.values(localUsers)) {
    test(`${user.name} sees name, partner tenant and role`, async ({ page }) => {
      await signIn(page, user.name);
      await expect(page).toHaveURL(/\/customers$/);
      await expect(page.getByTestId('tenant-name')).toHaveText(user.tenant);
      await expect(page.getByTestId('partner-role')).toHaveText(user.role);
      await expect(page.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible();
      const nav = page.getByRole('navigation', { name: 'Main' });
      await expect(nav.getByRole('link', { name: 'Customers' })).toHaveAttribute(
        'aria-current',
        'page',
      );
      await expect(nav.getByRole('link', { name: 'New customer' })).toBeVisible();
    });
  }

  test('the root address opens the customer list', async ({ page }) => {
    await signIn(page, 'Adele Vance', '/');
    await expect(page).toHaveURL(/\/customers$/);
  });

  test('a deep link opened before sign-in lands there after sign-in', async ({ page }) => {
    await signIn(page, 'Alex Wilber', '/customers/new');
    await expect(page).toHaveURL(/\/customers\/new$/);
    await expect(page.getByRole('heading', { level: 1, name: 'New customer' })).toBeVisible();
  });

  test('a sign-in redirect to another site is ignored', async ({ page }) => {
    await page.goto('/sign-in?redirect=//evil.example/steal');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Megan Bowen' }).click();
    await expect(page.getByTestId('user-name')).toHaveText('Megan Bowen');
    await expect(page).toHaveURL(/^https:\/\/localhost:\d+\/customers$/);
  });

  test('reloading keeps the session without signing in again', async ({ page }) => {
    await signIn(page, 'Isaiah Langer', '/customers/abc');
    const authorizeRequests: string[] = [];
    const discoveryRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/oauth2/v2.0/authorize')) authorizeRequests.push(request.url());
      // MSAL is handed the authority's configuration, as it carries Microsoft's clouds' own.
      if (request.url().includes('/.well-known/openid-configuration'))
        discoveryRequests.push(request.url());
    });
    await page.reload();
    await expect(page.getByTestId('user-name')).toHaveText('Isaiah Langer');
    await expect(page).toHaveURL(/\/customers\/abc$/);
    // A new tab of the same browser shares the session too.
    const second = await page.context().newPage();
    await second.goto('/customers/new');
    await expect(second.getByTestId('user-name')).toHaveText('Isaiah Langer');
    await second.close();
    expect(authorizeRequests).toEqual([]);
    expect(discoveryRequests).toEqual([]);
  });

  test('signing out returns to the sign-in page and ends the session', async ({ page }) => {
    await signIn(page, 'Adele Vance');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    await page.goto('/customers/new');
    await expect(page).toHaveURL(/\/sign-in\?redirect=%2Fcustomers%2Fnew$/);
    // The local sign-in forgot the user too: it asks again.
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('button', { name: 'Diego Siciliani' })).toBeVisible();
  });

  test('an expired access token is renewed silently', async ({ page }) => {
    await signIn(page, 'Megan Bowen');
    const renewals: number[] = [];
    const navigations: string[] = [];
    page.on('response', async (response) => {
      const request = response.request();
      if (
        request.url().includes('/oauth2/v2.0/token') &&
        request.postData()?.includes('grant_type=refresh_token')
      ) {
        renewals.push(response.status());
      }
    });
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) navigations.push(frame.url());
    });
    // A minute past the token's lifetime, the cached one is truly expired (not merely inside
    // MSAL's five minutes of early renewal). Only this page's clock moves, so every other test
    // keeps its token for the whole test.
    await page.clock.setSystemTime(Date.now() + (tokenLifetimeSeconds + 60) * 1000);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'New customer' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'New customer' })).toBeVisible();
    // Every Partner Center call asks MSAL for a token, and the customer list is loading, so
    // there may be several renewals; each must succeed without leaving the page.
    await expect.poll(() => renewals.length).toBeGreaterThan(0);
    expect(renewals.every((status) => status === 200)).toBe(true);
    expect(navigations.filter((url) => url.includes('/oauth2/'))).toEqual([]);
    await expect(page.getByTestId('user-name')).toHaveText('Megan Bowen');
  });
});
