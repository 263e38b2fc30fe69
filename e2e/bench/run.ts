/**
 * `npm run bench`: figures for the production build served by the real host, in Debian's
 * Chromium, the customer list at 100,000 customers, and the Partner Center emulator's own
 * throughput. Figures are printed, never asserted.
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, request, type Browser } from '@playwright/test';
import config from '../../playwright.config.ts';
import { measureBillingForm } from './billing-form.ts';
import { measureOnboardingForm } from './onboarding-form.ts';
import { measureCountries } from './countries.ts';
import { holdListRequests, measureCustomerList, type ListBenchTarget } from './customers-list.ts';
import { measureEmulator } from './emulator.ts';
import { measureQueue } from './queue.ts';
import { measureScale } from './scale.ts';
import { median } from './median.ts';

const root = path.resolve(import.meta.dirname, '..', '..');
const port = 8643;
const baseURL = `https://localhost:${port}`;
const runs = Number(process.env.BENCH_RUNS ?? 7);
const listRuns = Number(process.env.BENCH_LIST_RUNS ?? 3);
const CUSTOMERS = 100_000;

/** The host as users run it: Partner Center's own budget, 500 requests per minute. */
const listHost: ListBenchTarget = {
  baseURL,
  customers: CUSTOMERS,
  rateLimit: { requests: 500, windowSeconds: 60 },
};
/**
 * The same average rate in a ten-times shorter window, so that one crawl of 100,000 customers
 * needs several windows and the pacing itself is measured.
 */
const pacedHost: ListBenchTarget = {
  baseURL: `https://localhost:${port + 1}`,
  customers: CUSTOMERS,
  rateLimit: { requests: 50, windowSeconds: 6 },
};

async function initialRouteJsGzip(): Promise<{ files: number; bytes: number; gzip: number }> {
  const html = await readFile(path.join(root, 'dist', 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map(
    (match) => match[1]!,
  );
  let bytes = 0;
  let gzip = 0;
  for (const script of new Set(scripts)) {
    const content = await readFile(path.join(root, 'dist', script));
    bytes += content.length;
    gzip += gzipSync(content, { level: 9 }).length;
  }
  return { files: new Set(scripts).size, bytes, gzip };
}

/** Seeding 100,000 customers on first start takes a while; later starts reuse the database. */
async function waitForHost(origin: string) {
  const api = await request.newContext({ ignoreHTTPSErrors: true });
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    try {
      if ((await api.get(`${origin}/healthz`)).ok()) return api.dispose();
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The host at ${origin} did not start within 300 s.`);
}

function startHost(target: ListBenchTarget, dataDir: string) {
  const { requests, windowSeconds } = target.rateLimit;
  return spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: new URL(target.baseURL).port,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      EMULATOR_SEED_CUSTOMERS: String(target.customers),
      EMULATOR_RATE_LIMIT: `${requests}/${windowSeconds}s`,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function measureSignIn(browser: Browser) {
  const toSignInPage: number[] = [];
  const signInToShell: number[] = [];
  const reloadToShell: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const context = await browser.newContext({ ignoreHTTPSErrors: true, baseURL });
    const page = await context.newPage();
    // The list's requests after its first page are held: this measures sign-in, whose shell
    // waits a moment for the first page, and must not spend the budget the list's own runs do.
    await holdListRequests(page, { afterFirst: true });
    let started = performance.now();
    await page.goto('/customers');
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    toSignInPage.push(performance.now() - started);

    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Adele Vance' }).waitFor();
    started = performance.now();
    await page.getByRole('button', { name: 'Adele Vance' }).click();
    await page.getByTestId('user-name').waitFor();
    signInToShell.push(performance.now() - started);

    started = performance.now();
    await page.reload();
    await page.getByTestId('user-name').waitFor();
    reloadToShell.push(performance.now() - started);
    await context.close();
  }
  return { toSignInPage, signInToShell, reloadToShell };
}

async function main() {
  const hosts = [
    startHost(listHost, '.data/bench-100k'),
    startHost(pacedHost, '.data/bench-100k-paced'),
  ];
  try {
    await Promise.all([waitForHost(listHost.baseURL), waitForHost(pacedHost.baseURL)]);
    const browser = await chromium.launch(config.use?.launchOptions);
    const js = await initialRouteJsGzip();
    const timings = await measureSignIn(browser);
    const listRows = await measureCustomerList(browser, listHost, listRuns, {
      trace: true,
      bareCrawl: true,
    });
    const pacedRows = await measureCustomerList(browser, pacedHost, 1);
    const billingRows = await measureBillingForm(browser, {
      root,
      baseURL: listHost.baseURL,
      dataDir: '.data/bench-100k',
      runs: Number(process.env.BENCH_BILLING_RUNS ?? 5),
    });
    // BENCH_SCALE=0 leaves out the scale row (seeding 500,000 customers takes minutes).
    const scaleRows =
      process.env.BENCH_SCALE === '0' ? [] : await measureScale(browser, { root, port: port + 2 });
    const onboardingRows = await measureOnboardingForm(browser, {
      root,
      baseURL: listHost.baseURL,
      runs: Number(process.env.BENCH_ONBOARDING_RUNS ?? 5),
    });
    await browser.close();
    const emulatorRows = await measureEmulator();
    const queueRows = await measureQueue();
    const countryRows = await measureCountries();

    const rows: [string, string][] = [
      [
        'initial route JS (files / raw / gzip)',
        `${js.files} / ${(js.bytes / 1024).toFixed(0)} KiB / ${(js.gzip / 1024).toFixed(0)} KiB`,
      ],
      [
        `cold load to sign-in page, median of ${runs}`,
        `${median(timings.toSignInPage).toFixed(0)} ms`,
      ],
      [
        `account click to shell (MSAL redirect flow), median of ${runs}`,
        `${median(timings.signInToShell).toFixed(0)} ms`,
      ],
      [
        `reload to shell with a session, median of ${runs}`,
        `${median(timings.reloadToShell).toFixed(0)} ms`,
      ],
      ...listRows,
      ...scaleRows,
      ...pacedRows
        .filter(([name]) => /crawl|429/.test(name))
        .map(([name, value]) => [`paced ${name}`, value] as [string, string]),
      ...billingRows,
      ...onboardingRows,
      ...emulatorRows,
      ...queueRows,
      ...countryRows,
    ];
    const width = Math.max(...rows.map(([name]) => name.length));
    console.log(`\nPartner Customers Portal benchmark (production build, ${baseURL})\n`);
    console.log(`${'figure'.padEnd(width)}  value`);
    console.log(`${'-'.repeat(width)}  ${'-'.repeat(24)}`);
    for (const [name, value] of rows) console.log(`${name.padEnd(width)}  ${value}`);
    console.log('');
  } finally {
    for (const host of hosts) host.kill('SIGTERM');
  }
}

await main();
