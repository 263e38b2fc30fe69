import { request as playwrightRequest } from '@playwright/test';
import { throttledBaseURL, throttledRateLimit } from '../playwright.config';
import { expect, signIn, test } from './fixtures';

const contoso = '4b5e8d2a-1c3f-4a6e-9b7d-2f8c0e1a3d5b';
const [budget, windowSeconds] = throttledRateLimit.split('/').map((part) => parseInt(part, 10));

test.use({ baseURL: throttledBaseURL });

async function emulator(method: 'GET' | 'POST' | 'DELETE', path: string, data?: unknown) {
  const api = await playwrightRequest.newContext({
    baseURL: throttledBaseURL,
    ignoreHTTPSErrors: true,
  });
  const response = await api.fetch(`/_emulator/${path}`, { method, data });
  const body = response.status() === 204 ? undefined : await response.json();
  await api.dispose();
  return body as
    | { tenants: Record<string, { requests: number; throttled: number; maxInWindow: number }> }
    | undefined;
}

test.describe('the tenant budget across tabs', () => {
  test.describe.configure({ mode: 'serial', timeout: 90_000 });

  test('two tabs crawling the same tenant stay within the budget and draw no 429', async ({
    page,
  }) => {
    await emulator('DELETE', 'metrics');
    await signIn(page, 'Adele Vance');
    const second = await page.context().newPage();
    await second.goto('/customers');

    await expect(page.getByTestId('api-status')).toHaveText(
      new RegExp(`^API: \\d+/${budget} per ${windowSeconds} s`),
    );
    for (const tab of [page, second]) {
      await expect(tab.getByTestId('crawl-progress')).toHaveText('All 4,000 customers loaded', {
        timeout: 60_000,
      });
    }
    const metrics = (await emulator('GET', 'metrics'))!.tenants[contoso]!;
    // Two full crawls of 8 pages each went through one shared budget.
    expect(metrics.requests).toBeGreaterThanOrEqual(16);
    expect(metrics.throttled).toBe(0);
    expect(metrics.maxInWindow).toBeLessThanOrEqual(budget!);
  });

  test('a reload in the middle of a crawl does not reset the budget already spent', async ({
    page,
  }) => {
    // Another test's browser (its own storage, so its own memory of the budget) may have spent
    // this tenant's window on the server: let it pass first.
    await page.waitForTimeout(windowSeconds! * 1000);
    await emulator('DELETE', 'metrics');
    await signIn(page, 'Adele Vance');
    // One interactive and five background pages fill the window of six; the crawl now waits for
    // it. A tab that forgot the spent budget would send the next pages at once.
    await expect(page.getByTestId('crawl-progress')).toHaveText(/^Loaded 3,000 of 4,000/);
    await page.reload();
    await expect(page.getByTestId('crawl-progress')).toHaveText('All 4,000 customers loaded', {
      timeout: 60_000,
    });
    const metrics = (await emulator('GET', 'metrics'))!.tenants[contoso]!;
    expect(metrics.throttled).toBe(0);
    expect(metrics.maxInWindow).toBeLessThanOrEqual(budget!);
  });

  test('a 429 pauses the tenant visibly, then the crawl finishes by itself', async ({ page }) => {
    await page.waitForTimeout(windowSeconds! * 1000);
    await emulator('POST', 'faults', { throttleStormSeconds: 4, tenantId: contoso });
    try {
      await signIn(page, 'Adele Vance');
      await expect(page.getByTestId('api-status')).toContainText(/paused \d+ s/);
      await expect(page.getByRole('status').filter({ hasText: 'slow down' })).toBeAttached();
      // The list says why it waits, and for how long.
      await expect(page.getByTestId('budget-wait')).toHaveText(
        /^Partner Center’s limit is reached; loading continues in \d+ s$/,
      );
      await expect(page.getByTestId('crawl-progress')).toHaveText('All 4,000 customers loaded', {
        timeout: 60_000,
      });
      await expect(page.getByTestId('api-status')).not.toContainText('paused');
    } finally {
      await emulator('DELETE', 'faults');
    }
  });
});
