import { request as playwrightRequest } from '@playwright/test';
import { expect, holdNextPages, signIn, test } from './fixtures';
import { contosoTenantId, hosts } from './hosts';

const { requests: budget, windowSeconds } = hosts.throttled.rateLimit;
const allLoaded = `All ${new Intl.NumberFormat('en-US').format(hosts.throttled.customers)} customers loaded`;

test.use({ baseURL: hosts.throttled.baseURL });

interface TenantMetrics {
  requests: number;
  throttled: number;
  maxInWindow: number;
  inWindow: number;
}

async function emulator(method: 'GET' | 'POST' | 'DELETE', path: string, data?: unknown) {
  const api = await playwrightRequest.newContext({
    baseURL: hosts.throttled.baseURL,
    ignoreHTTPSErrors: true,
  });
  const response = await api.fetch(`/_emulator/${path}`, { method, data });
  expect(response.ok(), `${method} /_emulator/${path}`).toBe(true);
  const body = response.status() === 204 ? undefined : await response.json();
  await api.dispose();
  return body as { tenants: Record<string, TenantMetrics> } | undefined;
}

async function contosoMetrics(): Promise<TenantMetrics | undefined> {
  return (await emulator('GET', 'metrics'))!.tenants[contosoTenantId];
}

/**
 * Another test's browser (its own storage, so its own memory of the budget) may have spent this
 * tenant's window on the server: wait until the emulator's window holds none of it.
 */
async function waitForEmptyWindow() {
  await expect
    .poll(async () => (await contosoMetrics())?.inWindow ?? 0, {
      timeout: 4 * windowSeconds * 1000,
    })
    .toBe(0);
}

test.describe('the tenant budget across tabs', () => {
  // Every test here crawls 4,000 customers through a window of four requests: several windows.
  test.describe.configure({ mode: 'serial', timeout: 180_000 });

  test('two tabs crawling the same tenant stay within the budget and draw no 429', async ({
    page,
  }) => {
    await waitForEmptyWindow();
    await emulator('DELETE', 'metrics');
    await signIn(page, 'Adele Vance');
    const second = await page.context().newPage();
    await second.goto('/customers');

    await expect(page.getByTestId('api-status')).toHaveText(
      new RegExp(`^API: \\d+/${budget} per ${windowSeconds} s`),
    );
    for (const tab of [page, second]) {
      await expect(tab.getByTestId('crawl-progress')).toHaveText(allLoaded, { timeout: 0 });
    }
    const metrics = (await contosoMetrics())!;
    // Two full crawls of 8 pages each went through one shared budget.
    expect(metrics.requests).toBeGreaterThanOrEqual(16);
    expect(metrics.throttled).toBe(0);
    expect(metrics.maxInWindow).toBeLessThanOrEqual(budget);
  });

  test('a reload in the middle of a crawl does not reset the budget already spent', async ({
    page,
  }) => {
    await waitForEmptyWindow();
    await emulator('DELETE', 'metrics');
    await signIn(page, 'Adele Vance');
    // The first pages filled the window and the crawl now waits for it, as the list says. A tab
    // that forgot the spent budget would send the next pages at once after the reload.
    await expect(page.getByTestId('budget-wait')).toBeVisible();
    await page.reload();
    await expect(page.getByTestId('crawl-progress')).toHaveText(allLoaded, { timeout: 0 });
    const metrics = (await contosoMetrics())!;
    expect(metrics.throttled).toBe(0);
    expect(metrics.maxInWindow).toBeLessThanOrEqual(budget);
  });

  test('a 429 pauses the tenant visibly, then the crawl finishes by itself', async ({ page }) => {
    await waitForEmptyWindow();
    await emulator('DELETE', 'metrics');
    // The storm is armed once the first page is in and lasts until it is cleared, so the crawl
    // meets it however long signing in takes.
    const crawl = await holdNextPages(page);
    await signIn(page, 'Adele Vance');
    await expect(page.getByTestId('crawl-progress')).toHaveText(/^Loaded 500 of 4,000/);
    await emulator('POST', 'faults', {
      throttleUntilCleared: true,
      throttleRetryAfterSeconds: 3,
      tenantId: contosoTenantId,
    });
    try {
      await crawl.release();
      await expect(page.getByTestId('api-status')).toContainText(/paused \d+ s/);
      await expect(page.getByRole('status').filter({ hasText: 'slow down' })).toBeAttached();
      // The list says why it waits, and for how long.
      await expect(page.getByTestId('budget-wait')).toHaveText(
        /^Partner Center’s limit is reached; loading continues in \d+ s$/,
      );
      expect((await contosoMetrics())!.throttled).toBeGreaterThan(0);
    } finally {
      await emulator('DELETE', 'faults');
    }
    await expect(page.getByTestId('crawl-progress')).toHaveText(allLoaded, { timeout: 0 });
    await expect(page.getByTestId('api-status')).not.toContainText('paused');
  });
});
