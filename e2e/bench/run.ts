/**
 * `npm run bench`: figures for the production build served by the real host, in Debian's
 * Chromium, and the Partner Center emulator's own throughput. Figures are printed, never
 * asserted. Later issues add the 100,000-customer list.
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, request, type Browser } from '@playwright/test';
import config from '../../playwright.config.ts';
import { measureCountries } from './countries.ts';
import { measureEmulator } from './emulator.ts';
import { measureQueue } from './queue.ts';

const root = path.resolve(import.meta.dirname, '..', '..');
const port = 8643;
const baseURL = `https://localhost:${port}`;
const runs = Number(process.env.BENCH_RUNS ?? 7);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

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

async function waitForHost() {
  const api = await request.newContext({ ignoreHTTPSErrors: true });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await api.get(`${baseURL}/healthz`)).ok()) return api.dispose();
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('The host did not start within 60 s.');
}

async function measureSignIn(browser: Browser) {
  const toSignInPage: number[] = [];
  const signInToShell: number[] = [];
  const reloadToShell: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const context = await browser.newContext({ ignoreHTTPSErrors: true, baseURL });
    const page = await context.newPage();
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
  const host = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), DATA_DIR: '.data/bench', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitForHost();
    const browser = await chromium.launch(config.use?.launchOptions);
    const js = await initialRouteJsGzip();
    const timings = await measureSignIn(browser);
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
    host.kill('SIGTERM');
  }
}

await main();
