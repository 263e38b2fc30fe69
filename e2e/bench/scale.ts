/**
 * The list's costs at 10,000, 100,000 and 500,000 customers, each on its own host with a budget
 * wide enough that loading is not what is measured: one letter's keystroke, a sort click, a
 * reload from the saved copy, and the heap. Printed with each figure per 100,000 customers, so
 * a cost that grows faster than the list shows at a glance. Never asserted.
 */
import { spawn } from 'node:child_process';
import { request, type Browser } from '@playwright/test';
import {
  keystrokeLatencies,
  newBenchContext,
  reloadToRows,
  signInToFirstRows,
  sortLatencies,
  usedHeapMiB,
  waitForCompleteList,
} from './customers-list.ts';
import { median } from './median.ts';

export const scaleSizes = [10_000, 100_000, 500_000] as const;
const count = new Intl.NumberFormat('en-US');

async function waitForHost(origin: string) {
  const api = await request.newContext({ ignoreHTTPSErrors: true });
  // Seeding 500,000 customers on first start takes minutes; later starts reuse the database.
  const deadline = Date.now() + 900_000;
  try {
    while (Date.now() < deadline) {
      try {
        if ((await api.get(`${origin}/healthz`)).ok()) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    throw new Error(`The host at ${origin} did not start within 900 s.`);
  } finally {
    await api.dispose();
  }
}

interface ScaleRun {
  customers: number;
  keystroke: number[];
  sort: number[];
  reloadAllRows: number;
  heapMiB: number;
}

async function scaleRun(browser: Browser, baseURL: string, customers: number): Promise<ScaleRun> {
  const context = await newBenchContext(browser, baseURL);
  try {
    const page = await context.newPage();
    await signInToFirstRows(page);
    await waitForCompleteList(page, customers, 900_000);
    const keystroke = await keystrokeLatencies(page);
    const sort = await sortLatencies(page);
    const heapMiB = await usedHeapMiB(page);
    const reload = await reloadToRows(page, customers);
    return { customers, keystroke, sort, reloadAllRows: reload.allRows, heapMiB };
  } finally {
    await context.close();
  }
}

export async function measureScale(
  browser: Browser,
  options: { root: string; port: number },
): Promise<[string, string][]> {
  const runs: ScaleRun[] = [];
  for (const customers of scaleSizes) {
    const baseURL = `https://localhost:${options.port}`;
    const host = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: options.root,
      env: {
        ...process.env,
        PORT: String(options.port),
        DATA_DIR: `.data/bench-scale-${customers}`,
        LOG_LEVEL: 'warn',
        EMULATOR_SEED_CUSTOMERS: String(customers),
        // Wide enough that no crawl waits for the budget: loading is not what this measures.
        EMULATOR_RATE_LIMIT: '100000/60s',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    try {
      await waitForHost(baseURL);
      runs.push(await scaleRun(browser, baseURL, customers));
    } finally {
      host.kill('SIGTERM');
      await new Promise((resolve) => host.once('exit', resolve));
    }
  }
  const per100k = (value: number, customers: number) => (value / customers) * 100_000;
  return runs.map((run) => {
    const keystroke = median(run.keystroke);
    const sort = median(run.sort);
    return [
      `scale: ${count.format(run.customers)} customers (keystroke median / worst · sort median / worst · reload to all rows · heap)`,
      `${keystroke.toFixed(0)} / ${Math.max(...run.keystroke).toFixed(0)} ms · ${sort.toFixed(0)} / ${Math.max(...run.sort).toFixed(0)} ms · ${run.reloadAllRows.toFixed(0)} ms · ${run.heapMiB.toFixed(1)} MiB; per 100,000: keystroke ${per100k(keystroke, run.customers).toFixed(1)} ms, heap ${per100k(run.heapMiB, run.customers).toFixed(1)} MiB`,
    ] as [string, string];
  });
}
