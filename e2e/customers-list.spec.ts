import { readFile } from 'node:fs/promises';
import Database from 'better-sqlite3';
import { request, type Page } from '@playwright/test';
import { expect, expectNoAxeViolations, holdNextPages, signIn, test } from './fixtures';
import { contosoTenantId, hosts } from './hosts';

/** Reads an e2e host's emulator database, read-only: the truth the list must show. */
function contosoIn(database: string) {
  return <T>(sql: string, ...params: unknown[]): T => {
    const db = new Database(database, { readonly: true, fileMustExist: true });
    try {
      return db.prepare(sql).get(contosoTenantId, ...params) as T;
    } finally {
      db.close();
    }
  };
}

const contoso = contosoIn(hosts.main.database);
const grid = (page: Page) => page.getByRole('grid');
const dataRows = (page: Page) => grid(page).locator('[role=row][data-customer-id]');
const count = new Intl.NumberFormat('en-US');

async function waitForFullList(page: Page, options = { database: hosts.main.database }) {
  const { total } = contosoIn(options.database)<{ total: number }>(
    'SELECT count(*) AS total FROM customers WHERE partner_id = ?',
  );
  // The test's own timeout bounds this wait: a crawl takes as long as this machine needs.
  await expect(page.getByTestId('crawl-progress')).toHaveText(
    `All ${count.format(total)} customers loaded`,
    { timeout: 0 },
  );
  return total;
}

async function search(page: Page, text: string) {
  await page.getByRole('searchbox', { name: 'Search customers' }).fill(text);
}

test.describe('the whole demo tenant', () => {
  test.use({ baseURL: hosts.full.baseURL });

  test('shows the first rows, loads all 25,000 customers and matches the emulator count without a 429', async ({
    page,
  }) => {
    // The one test that crawls the whole demo tenant: 50 pages, however slowly this machine goes.
    test.setTimeout(240_000);
    await signIn(page, 'Adele Vance');
    await expect(dataRows(page).first()).toBeVisible();
    const total = await waitForFullList(page, { database: hosts.full.database });
    expect(total).toBe(hosts.full.customers);
    await expect(page.getByTestId('row-count')).toHaveText(`${count.format(total)} customers`);
    await expect(grid(page)).toHaveAttribute('aria-rowcount', String(total + 1));
    // Only what is on screen exists in the DOM.
    expect(await dataRows(page).count()).toBeLessThan(100);

    const api = await request.newContext({ baseURL: hosts.full.baseURL, ignoreHTTPSErrors: true });
    const metrics = await (await api.get('/_emulator/metrics')).json();
    await api.dispose();
    for (const tenant of Object.values(metrics.tenants) as { throttled: number }[]) {
      expect(tenant.throttled).toBe(0);
    }
    await expectNoAxeViolations(page);
  });
});

test.describe('the customer list', () => {
  test('finds customers by prefix, by substring and without accents, and renders hostile names as text', async ({
    page,
  }) => {
    await signIn(page, 'Adele Vance');
    await waitForFullList(page);

    await search(page, '<script>');
    const hostile = dataRows(page).filter({ hasText: '<script>alert("pwned")</script> Holdings' });
    await expect(hostile).toHaveCount(1);
    expect(await page.locator('script:text("pwned")').count()).toBe(0);

    await search(page, 'PWNED');
    await expect(hostile).toHaveCount(1);

    await search(page, 'rocket cafe');
    await expect(dataRows(page).filter({ hasText: '🚀 Rocket Labs 🌟 Café ☕' })).toHaveCount(1);

    const { domain, id } = contoso<{ domain: string; id: string }>(
      'SELECT domain, id FROM customers WHERE partner_id = ? ORDER BY seq LIMIT 1 OFFSET 1234',
    );
    await search(page, domain.slice(2, 12).toUpperCase());
    await expect(dataRows(page).and(page.locator(`[data-customer-id="${id}"]`))).toHaveCount(1);

    await search(page, 'zzzz-no-such-customer');
    await expect(page.getByText('No customer matches')).toBeVisible();
    await page.getByRole('button', { name: 'Clear search and filters' }).click();
    await expect(dataRows(page).first()).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('Partner Center’s search finds a customer the paused crawl has not reached', async ({
    page,
  }) => {
    const last = contoso<{ id: string; company_name: string }>(
      "SELECT id, company_name FROM customers WHERE partner_id = ? AND company_name GLOB '[A-Za-z]*' ORDER BY seq DESC LIMIT 1",
    );
    // Held until paused, so that the crawl cannot finish first on a fast machine.
    const crawl = await holdNextPages(page);
    await signIn(page, 'Adele Vance');
    await expect(dataRows(page).first()).toBeVisible();
    await page.getByRole('button', { name: 'Pause loading' }).click();
    await expect(page.getByTestId('crawl-progress')).toHaveText(/paused$/);
    await crawl.release();

    await search(page, last.company_name.slice(0, 12));
    await expect(page.locator(`[data-customer-id="${last.id}"]`)).toBeVisible();
    await expect(page.getByTestId('crawl-progress')).toHaveText(/paused$/);

    await page.getByRole('button', { name: 'Resume loading' }).click();
    await waitForFullList(page);
    // Once the crawl brings the same customer, it is listed once.
    await expect(page.locator(`[data-customer-id="${last.id}"]`)).toHaveCount(1);
  });

  test('offline, the loaded customers stay searchable and the crawl resumes when the connection is back', async ({
    page,
    context,
  }) => {
    const first = contoso<{ id: string; company_name: string }>(
      "SELECT id, company_name FROM customers WHERE partner_id = ? AND company_name GLOB '[A-Za-z]*' ORDER BY seq LIMIT 1",
    );
    const crawl = await holdNextPages(page);
    await signIn(page, 'Adele Vance');
    await expect(dataRows(page).first()).toBeVisible();
    await page.getByRole('button', { name: 'Pause loading' }).click();
    await expect(page.getByTestId('crawl-progress')).toHaveText(/paused$/);
    await crawl.release();

    await context.setOffline(true);
    await expect(page.getByText('You are offline.')).toBeVisible();
    await expect(page.getByText(/customers already loaded stay searchable/)).toBeVisible();
    await search(page, first.company_name);
    await expect(page.locator(`[data-customer-id="${first.id}"]`)).toBeVisible();

    // Resuming offline fails after the queue's retries; the offline warning says it all, so no
    // error with a Try again button competes with it.
    await page.getByRole('button', { name: 'Resume loading' }).click();
    await expect(page.getByTestId('crawl-progress')).toHaveText(/stopped$/, { timeout: 30_000 });
    await expect(page.getByRole('button', { name: 'Try again' })).toHaveCount(0);

    await context.setOffline(false);
    await expect(page.getByText('You are offline.')).toHaveCount(0);
    await waitForFullList(page);
    await expect(page.locator(`[data-customer-id="${first.id}"]`)).toHaveCount(1);
  });

  test('sorts, filters and keeps the whole view in the URL, with back and forward', async ({
    page,
  }) => {
    await signIn(page, 'Adele Vance');
    await waitForFullList(page);
    const firstName = () => dataRows(page).first().getByRole('gridcell').first().textContent();

    const ascending = await firstName();
    await grid(page).getByRole('columnheader', { name: 'Company name' }).click();
    await expect(page).toHaveURL(/sort=-companyName/);
    await expect(grid(page).getByRole('columnheader', { name: 'Company name' })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    const descending = await firstName();
    expect(descending).not.toBe(ascending);

    await page.getByRole('button', { name: 'Relationship' }).click();
    await page.getByRole('menuitemcheckbox', { name: 'Advisor' }).click();
    await page.keyboard.press('Escape');
    await expect(page).toHaveURL(/relationship=/);
    const advisors = dataRows(page).first().getByRole('gridcell').nth(3);
    await expect(advisors).toHaveText('Advisor');

    await page.getByRole('button', { name: 'Columns' }).click();
    await page.getByRole('menuitemcheckbox', { name: 'Commerce ID' }).click();
    await page.keyboard.press('Escape');
    await expect(grid(page).getByRole('columnheader', { name: 'Commerce ID' })).toBeVisible();

    await search(page, 'a');
    await expect(page).toHaveURL(/q=a/);
    const url = page.url();

    await page.goBack();
    await expect(grid(page).getByRole('columnheader', { name: 'Commerce ID' })).toHaveCount(0);
    await page.goBack();
    await expect(page).not.toHaveURL(/relationship=/);
    await page.goForward();
    await page.goForward();
    await expect(page).toHaveURL(url);
    await expect(page.getByRole('searchbox', { name: 'Search customers' })).toHaveValue('a');

    // A link opens the same view in a new tab.
    const second = await page.context().newPage();
    await second.goto(url);
    await expect(second.getByRole('searchbox', { name: 'Search customers' })).toHaveValue('a');
    await expect(
      second.getByRole('grid').getByRole('columnheader', { name: 'Commerce ID' }),
    ).toBeVisible();
    await expect(
      second.getByRole('grid').getByRole('columnheader', { name: 'Company name' }),
    ).toHaveAttribute('aria-sort', 'descending');
    await second.close();

    // Opening a customer and coming back through the navigation keeps the view.
    await dataRows(page).first().getByRole('link').click();
    await expect(page).toHaveURL(/\/customers\/[0-9a-f-]{36}$/);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Customers' })
      .click();
    await expect(page).toHaveURL(url);
  });

  test('saves a view and reopens it from the menu', async ({ page }) => {
    await signIn(page, 'Adele Vance');
    await search(page, 'trading');
    await page.getByRole('button', { name: 'Density' }).click();
    await page.getByRole('menuitemradio', { name: 'Compact' }).click();
    await page.getByRole('button', { name: 'Views' }).click();
    await page.getByRole('menuitem', { name: 'Save current view…' }).click();
    await page.getByRole('textbox', { name: 'Name' }).fill('Traders');
    await page.getByRole('button', { name: 'Save view' }).click();

    await page.goto('/customers');
    await expect(page.getByRole('searchbox', { name: 'Search customers' })).toHaveValue('');
    await page.getByRole('button', { name: 'Views' }).click();
    await page.getByRole('menuitem', { name: 'Traders' }).click();
    await expect(page.getByRole('searchbox', { name: 'Search customers' })).toHaveValue('trading');
    await expect(page).toHaveURL(/density=compact/);
  });

  test('exports the current view as CSV with formulas neutralised and a byte order mark', async ({
    page,
  }) => {
    await signIn(page, 'Adele Vance');
    await waitForFullList(page);
    await search(page, 'cmd|');
    await expect(dataRows(page)).toHaveCount(2);
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const downloading = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: 'Visible columns' }).click();
    const download = await downloading;
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'Company name,Domain,Customer tenant ID,Relationship,Tags,Associated partner',
    );
    expect(lines).toHaveLength(3);
    expect(lines.some((line) => line.startsWith("'=cmd|' /C calc'!A0,"))).toBe(true);
    expect(lines.some((line) => line.startsWith("'+SUM(1+1)*cmd|' /C calc'!A0 Trading,"))).toBe(
      true,
    );
  });

  test('is a grid with one tab stop that arrows, Home, End and Page keys move through, and Enter opens', async ({
    page,
  }) => {
    await signIn(page, 'Adele Vance');
    const total = await waitForFullList(page);
    await expect(grid(page).locator('[tabindex="0"]')).toHaveCount(1);

    await grid(page).getByRole('columnheader', { name: 'Company name' }).focus();
    // Focus moves once the grid has rendered the target cell: each step is waited for.
    const focusedRow = () => page.locator('[role=row]:has(:focus)').getAttribute('aria-rowindex');
    const focusedCol = () => page.locator(':focus').getAttribute('aria-colindex');
    await page.keyboard.press('ArrowDown');
    await expect.poll(focusedRow).toBe('2');
    await page.keyboard.press('End');
    await expect.poll(focusedCol).toBe('6');
    await page.keyboard.press('Home');
    await expect.poll(focusedCol).toBe('1');
    await page.keyboard.press('PageDown');
    await expect.poll(async () => Number(await focusedRow())).toBeGreaterThan(5);
    await page.keyboard.press('Control+End');
    await expect.poll(focusedRow).toBe(String(total + 1));
    await page.keyboard.press('Control+Home');
    await expect.poll(focusedRow).toBe('1');
    await page.keyboard.press('ArrowDown');
    await expect.poll(focusedRow).toBe('2');
    await page.keyboard.press('ArrowDown');
    await expect.poll(focusedRow).toBe('3');
    const id = await page.locator('[role=row]:has(:focus)').getAttribute('data-customer-id');
    await expect(grid(page).locator('[tabindex="0"]')).toHaveCount(1);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/customers/${id}$`));
  });

  test('a reload shows the saved list before any customer request completes', async ({ page }) => {
    await signIn(page, 'Adele Vance');
    const total = await waitForFullList(page);

    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let completed = 0;
    await page.route('**/v1/customers?*', async (route) => {
      await held;
      await route.continue();
      completed += 1;
    });
    await page.reload();
    await expect(page.getByTestId('cached-at')).toContainText('Showing the list saved');
    await expect(dataRows(page).first()).toBeVisible();
    await expect(page.getByTestId('row-count')).toHaveText(`${count.format(total)} customers`);
    expect(completed).toBe(0);
    release();
    await waitForFullList(page);
    await expect(page.getByTestId('cached-at')).toHaveCount(0);
  });

  test('signing out forgets the saved list', async ({ page }) => {
    await signIn(page, 'Adele Vance');
    await waitForFullList(page);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    // A string, because the e2e project compiles without the DOM's types.
    const entries = await page.evaluate<number>(`new Promise((resolve, reject) => {
      const open = indexedDB.open('partner-customers-portal');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains('customer-lists')) return resolve(0);
        const counting = db.transaction('customer-lists').objectStore('customer-lists').count();
        counting.onsuccess = () => resolve(counting.result);
      };
    })`);
    expect(entries).toBe(0);
  });
});
