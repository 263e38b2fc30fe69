/**
 * The billing contact editor against the 100,000-customer host: detail page to a filled form,
 * a keystroke in a text field to its paint, Save to "Saved" (Partner Center's answer included),
 * and the code the edit route adds to the initial one.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import type { Browser, Page } from '@playwright/test';
import { median } from './median.ts';
import { keystrokeToPaintSource, untilPaintedSource } from './until-painted.ts';

const CONTOSO = '4b5e8d2a-1c3f-4a6e-9b7d-2f8c0e1a3d5b';

// In-page probe, as a string: the e2e project compiles without the DOM's types.
const probe = `(() => {
  const bench = (window.__billingBench = {});
  ${untilPaintedSource}
  const companyName = () => document.getElementById('billing-companyName');
  bench.openEditor = async () => {
    const link = [...document.querySelectorAll('a')].find((a) => a.textContent.trim() === 'Edit billing contact');
    if (!link) throw new Error('No Edit billing contact link');
    const started = performance.now();
    link.click();
    const painted = await untilPainted(() => Boolean(companyName()?.value));
    return painted === undefined ? undefined : painted - started;
  };
  ${keystrokeToPaintSource}
  bench.armKeystroke = () => {
    bench.keystroke = keystrokeToPaint(companyName());
  };
  bench.save = async () => {
    const button = [...document.querySelectorAll('button')].find((b) => /^Save \\d/.test(b.textContent.trim()));
    if (!button) throw new Error('No Save button');
    const started = performance.now();
    button.click();
    const painted = await untilPainted(
      () => /^Saved at /.test(document.querySelector('[data-testid=save-status]')?.textContent ?? ''),
      30000,
    );
    return painted === undefined ? undefined : painted - started;
  };
})();`;

function someCustomers(root: string, dataDir: string, count: number): string[] {
  const db = new Database(path.join(root, dataDir, 'emulator.sqlite'), { readonly: true });
  try {
    return (
      db
        .prepare(
          "SELECT id FROM customers WHERE partner_id = ? AND json_extract(billing, '$.defaultAddress.country') = 'DE' ORDER BY seq LIMIT ? OFFSET 5000",
        )
        .all(CONTOSO, count) as { id: string }[]
    ).map((row) => row.id);
  } finally {
    db.close();
  }
}

async function signedIn(browser: Browser, baseURL: string, customerId: string): Promise<Page> {
  const context = await browser.newContext({
    ignoreHTTPSErrors: true,
    baseURL,
    viewport: { width: 1440, height: 900 },
  });
  await context.addInitScript({ content: probe });
  const page = await context.newPage();
  await page.goto(`/customers/${customerId}`);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Megan Bowen' }).click();
  await page.getByRole('link', { name: 'Edit billing contact' }).waitFor();
  // The profiles are in the query cache, as when a user opens the form from the detail page.
  await page.getByText(/^Loading the (company|billing) profile/).waitFor({ state: 'detached' });
  return page;
}

/** The gzipped size of the scripts a navigation loaded, read from the build itself. */
async function gzipOfScripts(root: string, urls: string[]): Promise<number> {
  let gzip = 0;
  for (const url of new Set(urls)) {
    const file = path.join(root, 'dist', new URL(url).pathname);
    gzip += gzipSync(await readFile(file), { level: 9 }).length;
  }
  return gzip;
}

export async function measureBillingForm(
  browser: Browser,
  options: { root: string; baseURL: string; dataDir: string; runs: number },
): Promise<[string, string][]> {
  const customers = someCustomers(options.root, options.dataDir, options.runs);
  const open: number[] = [];
  const keys: number[] = [];
  const saves: number[] = [];
  let routeGzip = 0;
  for (const [run, customerId] of customers.entries()) {
    const page = await signedIn(browser, options.baseURL, customerId);
    const before = new Set(
      (await page.evaluate(
        "performance.getEntriesByType('resource').map((entry) => entry.name)",
      )) as string[],
    );
    const opened = (await page.evaluate('window.__billingBench.openEditor()')) as
      number | undefined;
    if (opened === undefined) throw new Error('The edit form did not fill.');
    open.push(opened);
    if (run === 0) {
      const loaded = (await page.evaluate(
        "performance.getEntriesByType('resource').map((entry) => entry.name)",
      )) as string[];
      routeGzip = await gzipOfScripts(
        options.root,
        loaded.filter((url) => !before.has(url) && /\/assets\/.+\.js$/.test(url)),
      );
    }
    const input = page.locator('#billing-companyName');
    await input.focus();
    await page.keyboard.press('End');
    for (const letter of 'benchmark') {
      await page.evaluate('window.__billingBench.armKeystroke()');
      await page.keyboard.press(letter);
      const latency = (await page.evaluate('window.__billingBench.keystroke')) as
        number | undefined;
      if (latency !== undefined) keys.push(latency);
    }
    const saved = (await page.evaluate('window.__billingBench.save()')) as number | undefined;
    if (saved === undefined) throw new Error('The save did not finish.');
    saves.push(saved);
    await page.context().close();
  }
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  return [
    [`billing: detail to filled edit form, median of ${open.length}`, ms(median(open))],
    [
      `billing: keystroke to painted field (median / worst of ${keys.length})`,
      `${ms(median(keys))} / ${ms(Math.max(...keys))}`,
    ],
    [`billing: Save click to "Saved" (emulator), median of ${saves.length}`, ms(median(saves))],
    [
      'billing: edit route code beyond the detail page, gzip',
      `${(routeGzip / 1024).toFixed(0)} KiB`,
    ],
  ];
}
