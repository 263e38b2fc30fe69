/**
 * The customer list at 100,000 customers, in the production build and real Chromium: sign-in to
 * first rows, the full crawl against the theoretical minimum its budget allows, reload to rows
 * from the IndexedDB copy, sort and keystroke latency (event to next paint), scrolling, the rows
 * in the DOM and the JS heap. Printed, never asserted.
 */
import { request, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { median } from './median.ts';
import { formatSplit, medianSplit, startTrace, stopTrace, type PhaseSplit } from './trace.ts';
import { untilPaintedSource } from './until-painted.ts';

export interface ListBenchTarget {
  baseURL: string;
  customers: number;
  rateLimit: { requests: number; windowSeconds: number };
}

/** The queue's pacing works on the Contoso tenant: Adele Vance's partner tenant. */
const CONTOSO = '4b5e8d2a-1c3f-4a6e-9b7d-2f8c0e1a3d5b';
const count = new Intl.NumberFormat('en-US');

/**
 * Runs in the page before the app: frame, long-task and event timing, and the moment the crawl
 * reports itself complete. A string, because the e2e tsconfig has no DOM types.
 */
const inPageProbe = String.raw`(() => {
  performance.setResourceTimingBufferSize(100000);
  const bench = { recording: false, frames: [], longTasks: [], events: [], maxRows: 0, doneAt: undefined };
  window.__bench = bench;
  new PerformanceObserver((list) => {
    if (bench.recording) for (const entry of list.getEntries()) bench.longTasks.push(entry.duration);
  }).observe({ type: 'longtask' });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.interactionId) bench.events.push({ name: entry.name, duration: entry.duration });
    }
  }).observe({ type: 'event', durationThreshold: 16 });
  const rows = () => document.querySelectorAll('[role=grid] [role=row][data-customer-id]');
  const firstRowId = () => rows()[0]?.getAttribute('data-customer-id');
  const rowCount = () => document.querySelector('[data-testid=row-count]')?.textContent ?? '';
  const watchDone = new MutationObserver(() => {
    const text = document.querySelector('[data-testid=crawl-progress]')?.textContent ?? '';
    if (/^All [\d,]+ customers loaded$/.test(text)) {
      bench.doneAt = performance.now();
      watchDone.disconnect();
    }
  });
  document.addEventListener('DOMContentLoaded', () =>
    watchDone.observe(document.body, { subtree: true, childList: true, characterData: true }),
  );
  // When this document first painted the shell and the first rows, in wall-clock milliseconds
  // (a sign-in's click is in an earlier document): a task queued from the frame's rAF runs after
  // it has painted.
  bench.firstPaint = {};
  const firstPainted = (name) => {
    if (name in bench.firstPaint) return;
    bench.firstPaint[name] = null;
    requestAnimationFrame(() => setTimeout(() => {
      bench.firstPaint[name] = performance.timeOrigin + performance.now();
    }, 0));
  };
  const watchFirstPaint = new MutationObserver(() => {
    if (document.querySelector('[data-testid=user-name]')) firstPainted('shell');
    if (rows().length > 0) firstPainted('rows');
    if ('shell' in bench.firstPaint && 'rows' in bench.firstPaint) watchFirstPaint.disconnect();
  });
  document.addEventListener('DOMContentLoaded', () =>
    watchFirstPaint.observe(document.body, { subtree: true, childList: true }),
  );
  // A reload the bench asked for: its phases, from the new document's start, as marks.
  if (sessionStorage.getItem('bench:reload')) {
    const customers = sessionStorage.getItem('bench:reload');
    sessionStorage.removeItem('bench:reload');
    bench.reload = {};
    let allRowsPainted;
    bench.reloadDone = new Promise((resolve) => (allRowsPainted = resolve));
    for (const name of ['reload-shell', 'reload-first-rows', 'reload-all-rows'])
      performance.mark('bench:' + name + ':start');
    // Reached when the frame showing it has painted: a task queued from its rAF runs after.
    const reached = (name) => {
      if (bench.reload[name] !== undefined) return;
      bench.reload[name] = null;
      requestAnimationFrame(() => setTimeout(() => {
        bench.reload[name] = performance.now();
        performance.mark('bench:' + name + ':end');
        if (name === 'reload-all-rows') allRowsPainted();
      }, 0));
    };
    const watchReload = new MutationObserver(() => {
      if (document.querySelector('[data-testid=user-name]')) reached('reload-shell');
      if (rows().length > 0) reached('reload-first-rows');
      const source = document.querySelector('[data-testid=row-count]')?.getAttribute('data-source');
      if (source === 'list' && rowCount().startsWith(customers + ' customers') && rows().length > 0) {
        reached('reload-all-rows');
        watchReload.disconnect();
      }
    });
    document.addEventListener('DOMContentLoaded', () =>
      watchReload.observe(document.body, { subtree: true, childList: true, characterData: true }),
    );
  }
  ${untilPaintedSource}
  bench.sortBy = async (label) => {
    const header = [...document.querySelectorAll('[role=grid] [role=columnheader]')].find(
      (cell) => cell.textContent.trim() === label,
    );
    if (!header) throw new Error('No column header ' + label);
    const before = firstRowId();
    const sortBefore = header.getAttribute('aria-sort');
    const started = performance.now();
    performance.mark('bench:sort:start');
    header.click();
    const painted = await untilPainted(
      () => header.isConnected && header.getAttribute('aria-sort') !== sortBefore && firstRowId() !== before,
    );
    performance.mark('bench:sort:end');
    return painted === undefined ? undefined : painted - started;
  };
  // Armed before a key press: from the key event's own timestamp to the paint that shows the
  // filtered rows (the row count changes).
  // The rows shown answer the search the count's data-search names: a letter every row
  // contains (every domain ends .onmicrosoft.com) changes the rows' order, not the count.
  const shownSearch = () => document.querySelector('[data-testid=row-count]')?.getAttribute('data-search');
  bench.armKeystroke = (letter) => {
    bench.keystroke = new Promise((resolve) => {
      document.addEventListener(
        'keydown',
        async (event) => {
          performance.mark('bench:keystroke:start');
          const painted = await untilPainted(() => shownSearch() === letter, 5000);
          performance.mark('bench:keystroke:end');
          resolve(painted === undefined ? undefined : painted - event.timeStamp);
        },
        { once: true, capture: true },
      );
    });
  };
  bench.record = (name) => {
    bench.recordingName = name;
    performance.mark('bench:' + name + ':start');
    bench.recording = true;
    bench.frames = [];
    bench.longTasks = [];
    bench.maxRows = 0;
    let last = performance.now();
    const frame = (now) => {
      if (!bench.recording) return;
      bench.frames.push(now - last);
      last = now;
      bench.maxRows = Math.max(bench.maxRows, rows().length);
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  };
  bench.stop = () => {
    performance.mark('bench:' + bench.recordingName + ':end');
    bench.recording = false;
    return {
      frames: bench.frames.length,
      worstFrame: Math.max(0, ...bench.frames.slice(1)),
      longTasks: bench.longTasks.length,
      longTaskMs: bench.longTasks.reduce((sum, ms) => sum + ms, 0),
      maxRows: bench.maxRows,
    };
  };
  // Jumps as a dragged scrollbar does: a new far-away position every frame.
  bench.jumpScroll = (jumps) =>
    new Promise((resolve) => {
      const scroller = document.querySelector('[data-scroll-restoration-id=customers-grid]');
      let left = jumps;
      const frame = () => {
        scroller.scrollTop = Math.random() * (scroller.scrollHeight - scroller.clientHeight);
        if (--left > 0) requestAnimationFrame(frame);
        else setTimeout(resolve, 100);
      };
      requestAnimationFrame(frame);
    });
})();`;

interface ScrollFigures {
  frames: number;
  worstFrame: number;
  longTasks: number;
  longTaskMs: number;
  maxRows: number;
}

const ms = (value: number) => `${value.toFixed(0)} ms`;
const range = (values: number[]) =>
  values.length > 1
    ? `${ms(median(values))} (${values.map((value) => value.toFixed(0)).join(' / ')})`
    : ms(values[0] ?? NaN);

async function emulatorRequests(baseURL: string): Promise<number> {
  const api = await request.newContext({ baseURL, ignoreHTTPSErrors: true });
  try {
    const metrics = (await (await api.get('/_emulator/metrics')).json()) as {
      tenants: Record<string, { requests: number; throttled: number }>;
    };
    return metrics.tenants[CONTOSO]?.requests ?? 0;
  } finally {
    await api.dispose();
  }
}

async function emulatorThrottled(baseURL: string): Promise<number> {
  const api = await request.newContext({ baseURL, ignoreHTTPSErrors: true });
  try {
    const metrics = (await (await api.get('/_emulator/metrics')).json()) as {
      tenants: Record<string, { throttled: number }>;
    };
    return Object.values(metrics.tenants).reduce((sum, tenant) => sum + tenant.throttled, 0);
  } finally {
    await api.dispose();
  }
}

export interface SignInFigures {
  /** From the account click to the painted shell, and to the painted first rows, of one sign-in. */
  shell: number;
  firstRows: number;
}

export async function signInToFirstRows(page: Page): Promise<SignInFigures> {
  await page.goto('/customers');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Adele Vance' }).waitFor();
  const clicked = Date.now();
  await page.getByRole('button', { name: 'Adele Vance' }).click();
  await page.locator('[role=grid] [role=row][data-customer-id]').first().waitFor();
  const painted = (await page.evaluate(`new Promise((resolve) => {
    const check = () => {
      const { shell, rows } = window.__bench.firstPaint;
      if (shell && rows) resolve({ shell, rows });
      else setTimeout(check, 10);
    };
    check();
  })`)) as { shell: number; rows: number };
  return { shell: painted.shell - clicked, firstRows: painted.rows - clicked };
}

export async function waitForCompleteList(page: Page, customers: number, timeoutMs: number) {
  await page
    .getByTestId('crawl-progress')
    .getByText(`All ${count.format(customers)} customers loaded`)
    .waitFor({ timeout: timeoutMs });
}

interface CrawlFigures {
  crawlMs: number;
  requests: number;
  /** Sum of the list requests' server and transfer times: the floor when nothing waits. */
  networkMs: number;
  medianPageMs: number;
}

/** From the first list request's start to the moment the page says every customer is loaded. */
async function crawlFigures(page: Page, requests: number): Promise<CrawlFigures> {
  const timing = (await page.evaluate(`(() => {
    const pages = performance
      .getEntriesByType('resource')
      .filter((entry) => new URL(entry.name).pathname === '/v1/customers');
    return {
      first: Math.min(...pages.map((entry) => entry.startTime)),
      doneAt: window.__bench.doneAt,
      durations: pages.map((entry) => entry.responseEnd - entry.requestStart),
    };
  })()`)) as { first: number; doneAt: number; durations: number[] };
  return {
    crawlMs: timing.doneAt - timing.first,
    requests,
    networkMs: timing.durations.reduce((sum, value) => sum + value, 0),
    medianPageMs: median(timing.durations),
  };
}

/** The portal keeps a tenth of every window for clicks; a crawl may use the rest. */
const BACKGROUND_SHARE = 0.9;

/**
 * The least time `requests` sequential list requests can take: each waits for the one before
 * (continuation tokens), and no more than the budget (times `share`) start in any window.
 */
function theoreticalMinimumMs(figures: CrawlFigures, target: ListBenchTarget, share = 1): number {
  const { windowSeconds } = target.rateLimit;
  const limit = Math.max(1, Math.floor(target.rateLimit.requests * share));
  const budgetFloor =
    Math.floor((figures.requests - 1) / limit) * windowSeconds * 1000 +
    (((figures.requests - 1) % limit) + 1) * figures.medianPageMs;
  return Math.max(figures.networkMs, budgetFloor);
}

export async function cachedListEntries(page: Page): Promise<number> {
  return (await page.evaluate(`new Promise((resolve) => {
    const open = indexedDB.open('partner-customers-portal');
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('customer-lists')) return resolve(0);
      const counting = db.transaction('customer-lists').objectStore('customer-lists').count();
      counting.onsuccess = () => resolve(counting.result);
    };
    open.onerror = () => resolve(0);
  })`)) as number;
}

export async function newBenchContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({
    ignoreHTTPSErrors: true,
    baseURL,
    viewport: { width: 1440, height: 900 },
  });
  await context.addInitScript({ content: inPageProbe });
  return context;
}

export async function sortLatencies(page: Page): Promise<number[]> {
  const latencies: number[] = [];
  for (const label of ['Domain', 'Domain', 'Company name', 'Customer tenant ID', 'Company name']) {
    const latency = (await page.evaluate(`window.__bench.sortBy(${JSON.stringify(label)})`)) as
      number | undefined;
    if (latency === undefined) throw new Error(`Sorting by ${label} did not repaint.`);
    latencies.push(latency);
    await page.waitForTimeout(200);
  }
  return latencies;
}

/** Single letters replacing the search text: the widest result sets, the slowest keystrokes. */
export async function keystrokeLatencies(page: Page): Promise<number[]> {
  const box = page.getByRole('searchbox', { name: 'Search customers' });
  const latencies: number[] = [];
  for (const letter of 'aeiostnrlc') {
    await box.focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.evaluate(`window.__bench.armKeystroke(${JSON.stringify(letter)})`);
    await page.keyboard.press(letter);
    const latency = (await page.evaluate('window.__bench.keystroke')) as number | undefined;
    if (latency !== undefined) latencies.push(latency);
    await page.waitForTimeout(150);
  }
  await box.fill('');
  await page.waitForTimeout(300);
  return latencies;
}

async function keystrokeEventDurations(page: Page): Promise<number> {
  const events = (await page.evaluate('window.__bench.events')) as {
    name: string;
    duration: number;
  }[];
  const keyEvents = events.filter((event) => event.name.startsWith('key'));
  return Math.max(0, ...keyEvents.map((event) => event.duration));
}

async function wheelScroll(page: Page): Promise<ScrollFigures> {
  const scroller = page.locator('[data-scroll-restoration-id=customers-grid]');
  await scroller.hover();
  await page.evaluate("window.__bench.record('wheel')");
  for (let step = 0; step < 200; step += 1) {
    await page.mouse.wheel(0, 900);
    await page.waitForTimeout(16);
  }
  await page.waitForTimeout(200);
  return (await page.evaluate('window.__bench.stop()')) as ScrollFigures;
}

async function jumpScroll(page: Page): Promise<ScrollFigures> {
  await page.evaluate("window.__bench.record('jumps')");
  await page.evaluate('window.__bench.jumpScroll(120)');
  return (await page.evaluate('window.__bench.stop()')) as ScrollFigures;
}

export async function usedHeapMiB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 1024 / 1024;
}

export interface ReloadFigures {
  /** From the new document's start (navigation start) to the signed-in shell. */
  shell: number;
  firstRows: number;
  /** Every saved row counted and searchable. */
  allRows: number;
}

/**
 * Holds the page's customer list requests, unanswered, until the returned function releases
 * them. Through the DevTools protocol's Fetch domain rather than page.route: Playwright turns the
 * HTTP cache off while any route is set, and a user's reload takes the hashed scripts from it.
 */
export async function holdListRequests(
  page: Page,
  /** Only the pages after the first (continuation pages), rather than every list request. */
  options: { afterFirst?: boolean } = {},
): Promise<() => Promise<void>> {
  const cdp = await page.context().newCDPSession(page);
  const urlPattern = options.afterFirst ? '*/v1/customers*seekOperation=Next*' : '*/v1/customers*';
  await cdp.send('Fetch.enable', { patterns: [{ urlPattern }] });
  return async () => {
    await cdp.send('Fetch.disable');
    await cdp.detach();
  };
}

/** Reload with every list request held: the rows can only come from the IndexedDB copy. */
export async function reloadToRows(page: Page, customers: number): Promise<ReloadFigures> {
  for (let tries = 0; (await cachedListEntries(page)) === 0; tries += 1) {
    if (tries > 100) throw new Error('The complete list was never saved to IndexedDB.');
    await page.waitForTimeout(100);
  }
  const release = await holdListRequests(page);
  await page.evaluate(
    `sessionStorage.setItem('bench:reload', ${JSON.stringify(count.format(customers))})`,
  );
  await page.reload();
  // The page resolves it when every row has painted (waitForFunction's string form is an
  // eval, which the CSP refuses). A saved list that never comes back fails the run, rather than
  // holding it forever.
  await page.evaluate(`Promise.race([
    window.__bench.reloadDone,
    new Promise((_, reject) => setTimeout(
      () => reject(new Error('The saved list of ${count.format(customers)} customers did not come back within 60 s of a reload.')),
      60000,
    )),
  ])`);
  const reached = (await page.evaluate('window.__bench.reload')) as Record<string, number>;
  // The held requests go on to the emulator: the crawl resumes, as after any reload.
  await release();
  return {
    shell: reached['reload-shell'] ?? NaN,
    firstRows: reached['reload-first-rows'] ?? NaN,
    allRows: reached['reload-all-rows'] ?? NaN,
  };
}

interface ListRun {
  signIn: SignInFigures;
  crawl: CrawlFigures;
  sort: number[];
  keystroke: number[];
  keystrokeEventMax: number;
  wheel: ScrollFigures;
  jumps: ScrollFigures;
  domRows: number;
  heapMiB: number;
  reload: ReloadFigures;
  finishedAt: number;
}

async function listRun(browser: Browser, target: ListBenchTarget): Promise<ListRun> {
  const context = await newBenchContext(browser, target.baseURL);
  try {
    const page = await context.newPage();
    const requestsBefore = await emulatorRequests(target.baseURL);
    const signIn = await signInToFirstRows(page);
    await waitForCompleteList(page, target.customers, 300_000);
    const crawl = await crawlFigures(
      page,
      (await emulatorRequests(target.baseURL)) - requestsBefore,
    );
    const finishedAt = Date.now();
    const sort = await sortLatencies(page);
    const keystroke = await keystrokeLatencies(page);
    const keystrokeEventMax = await keystrokeEventDurations(page);
    const wheel = await wheelScroll(page);
    const jumps = await jumpScroll(page);
    const domRows = await page.locator('[role=grid] [role=row]').count();
    const heapMiB = await usedHeapMiB(page);
    const reload = await reloadToRows(page, target.customers);
    return {
      signIn,
      crawl,
      sort,
      keystroke,
      keystrokeEventMax,
      wheel,
      jumps,
      domRows,
      heapMiB,
      reload,
      finishedAt,
    };
  } finally {
    await context.close();
  }
}

export interface ListSplits {
  keystroke: PhaseSplit | undefined;
  sort: PhaseSplit | undefined;
  wheel: PhaseSplit | undefined;
  jumps: PhaseSplit | undefined;
  reloadFirstRows: PhaseSplit | undefined;
  reloadAllRows: PhaseSplit | undefined;
}

/** One more run, traced, for where the time of each interaction goes (see trace.ts). */
export async function tracedRun(browser: Browser, target: ListBenchTarget): Promise<ListSplits> {
  const context = await newBenchContext(browser, target.baseURL);
  try {
    const page = await context.newPage();
    await signInToFirstRows(page);
    await waitForCompleteList(page, target.customers, 300_000);
    await startTrace(browser, page);
    await sortLatencies(page);
    await keystrokeLatencies(page);
    await wheelScroll(page);
    await jumpScroll(page);
    const interactions = await stopTrace(browser);
    await startTrace(browser, page);
    await reloadToRows(page, target.customers);
    const reload = await stopTrace(browser);
    return {
      keystroke: medianSplit(interactions, 'keystroke'),
      sort: medianSplit(interactions, 'sort'),
      wheel: medianSplit(interactions, 'wheel'),
      jumps: medianSplit(interactions, 'jumps'),
      reloadFirstRows: medianSplit(reload, 'reload-first-rows'),
      reloadAllRows: medianSplit(reload, 'reload-all-rows'),
    };
  } finally {
    await context.close();
  }
}

/**
 * A fresh browser context knows nothing of the budget earlier runs spent, so the next run waits
 * until the emulator's window has room for a whole crawl again.
 */
async function waitForBudget(
  previous: { crawl: Pick<CrawlFigures, 'requests'>; finishedAt: number }[],
  target: ListBenchTarget,
) {
  const windowMs = target.rateLimit.windowSeconds * 1000;
  const next = previous.at(-1)?.crawl.requests ?? 0;
  for (;;) {
    const recent = previous.filter((run) => run.finishedAt + windowMs + 1000 > Date.now());
    const spent = recent.reduce((sum, run) => sum + run.crawl.requests, 0);
    if (spent + next <= target.rateLimit.requests) return;
    const oldest = Math.min(...recent.map((run) => run.finishedAt));
    await new Promise((resolve) => setTimeout(resolve, oldest + windowMs + 1000 - Date.now()));
  }
}

/**
 * The same serial crawl with nothing else in the page (fetch, text, JSON.parse, the next
 * page's token; no queue, no table, no rendering), in the same browser on the same machine: the
 * best a page can do here, against the same floor. The signed-in app's first list request is
 * held, and its Authorization header taken for the bare crawl's requests, so the app spends
 * nothing of the budget.
 */
async function bareCrawl(browser: Browser, target: ListBenchTarget): Promise<BareCrawl> {
  const context = await newBenchContext(browser, target.baseURL);
  try {
    const app = await context.newPage();
    const cdp = await context.newCDPSession(app);
    const authorization = new Promise<string>((resolve) =>
      cdp.on('Fetch.requestPaused', (event) => {
        const header = Object.entries(event.request.headers).find(
          ([name]) => name.toLowerCase() === 'authorization',
        );
        if (header) resolve(header[1]);
      }),
    );
    await cdp.send('Fetch.enable', { patterns: [{ urlPattern: '*/v1/customers*' }] });
    await app.goto('/customers');
    await app.getByRole('button', { name: 'Sign in' }).click();
    await app.getByRole('button', { name: 'Adele Vance' }).click();
    const token = await authorization;
    const bare = await context.newPage();
    await bare.goto('/healthz');
    const figures = (await bare.evaluate(`(async (authorization) => {
      let token;
      let requests = 0;
      for (;;) {
        const response = await fetch(
          token ? '/v1/customers?size=500&seekOperation=Next' : '/v1/customers?size=500',
          {
            headers: {
              Accept: 'application/json',
              Authorization: authorization,
              'MS-RequestId': crypto.randomUUID(),
              ...(token ? { 'MS-ContinuationToken': token } : {}),
            },
            credentials: 'omit',
          },
        );
        const page = JSON.parse(await response.text());
        requests += 1;
        token = page.continuationToken;
        if (!response.ok || !token || !page.items?.length) break;
      }
      const doneAt = performance.now();
      const pages = performance
        .getEntriesByType('resource')
        .filter((entry) => new URL(entry.name).pathname === '/v1/customers');
      const durations = pages.map((entry) => entry.responseEnd - entry.requestStart);
      return {
        requests,
        crawlMs: doneAt - Math.min(...pages.map((entry) => entry.startTime)),
        networkMs: durations.reduce((sum, value) => sum + value, 0),
      };
    })(${JSON.stringify(token)})`)) as { requests: number; crawlMs: number; networkMs: number };
    return { ...figures, finishedAt: Date.now() };
  } finally {
    await context.close();
  }
}

interface BareCrawl {
  requests: number;
  crawlMs: number;
  networkMs: number;
  finishedAt: number;
}

async function tracedSplits(
  browser: Browser,
  target: ListBenchTarget,
  previous: { crawl: Pick<CrawlFigures, 'requests'>; finishedAt: number }[],
): Promise<ListSplits> {
  await waitForBudget(previous, target);
  return tracedRun(browser, target);
}

export async function measureCustomerList(
  browser: Browser,
  target: ListBenchTarget,
  runs: number,
  options: { trace?: boolean; bareCrawl?: boolean } = {},
): Promise<[string, string][]> {
  const results: ListRun[] = [];
  for (let run = 0; run < runs; run += 1) {
    await waitForBudget(results, target);
    results.push(await listRun(browser, target));
  }
  const spent: { crawl: Pick<CrawlFigures, 'requests'>; finishedAt: number }[] = [...results];
  let bare: BareCrawl | undefined;
  if (options.bareCrawl) {
    await waitForBudget(spent, target);
    bare = await bareCrawl(browser, target);
    spent.push({ crawl: bare, finishedAt: bare.finishedAt });
  }
  const splits = options.trace ? await tracedSplits(browser, target, spent) : undefined;
  const throttled = await emulatorThrottled(target.baseURL);
  const each = <T>(pick: (run: ListRun) => T) => results.map(pick);
  const minima = each((run) => theoreticalMinimumMs(run.crawl, target));
  const ratios = results.map((run, at) => run.crawl.crawlMs / (minima[at] ?? NaN));
  const shareRatios = each(
    (run) => run.crawl.crawlMs / theoreticalMinimumMs(run.crawl, target, BACKGROUND_SHARE),
  );
  const budget = `${target.rateLimit.requests}/${target.rateLimit.windowSeconds}s`;
  const n = `${count.format(target.customers)} customers, ${runs} run${runs > 1 ? 's' : ''}`;
  return [
    [
      `list (${n}): account click to shell, in the same sign-in`,
      range(each((run) => run.signIn.shell)),
    ],
    [`list: account click to first rows`, range(each((run) => run.signIn.firstRows))],
    [
      'list: first rows painted after the shell',
      range(each((run) => run.signIn.firstRows - run.signIn.shell)),
    ],
    [
      `list: full crawl (${results[0]?.crawl.requests ?? 0} requests, budget ${budget})`,
      range(each((run) => run.crawl.crawlMs)),
    ],
    [
      'list: crawl ÷ theoretical minimum (budget and serial network floor)',
      `${median(ratios).toFixed(2)}× (${ratios.map((ratio) => ratio.toFixed(2)).join(' / ')}); minimum ${ms(median(minima))}`,
    ],
    [
      'list: crawl ÷ theoretical minimum within the 90 % background share',
      `${median(shareRatios).toFixed(2)}×`,
    ],
    ...(bare
      ? ([
          [
            'list: bare serial crawl in the page (fetch, parse, next; nothing else) ÷ its floor',
            `${(bare.crawlMs / bare.networkMs).toFixed(2)}× (${ms(bare.crawlMs)}, ${bare.requests} requests)`,
          ],
          [
            'list: crawl ÷ bare serial crawl (wall time)',
            `${(median(each((run) => run.crawl.crawlMs)) / bare.crawlMs).toFixed(2)}×`,
          ],
        ] as [string, string][])
      : []),
    ['list: median list page (server + transfer)', range(each((run) => run.crawl.medianPageMs))],
    [
      'list: reload to shell, with a saved list (requests held)',
      range(each((run) => run.reload.shell)),
    ],
    [
      'list: reload to first rows painted from IndexedDB',
      range(each((run) => run.reload.firstRows)),
    ],
    [
      'list: reload to all rows searchable from IndexedDB',
      range(each((run) => run.reload.allRows)),
    ],
    [
      'list: sort click to painted rows (median / worst)',
      `${ms(median(results.flatMap((run) => run.sort)))} / ${ms(Math.max(...results.flatMap((run) => run.sort)))}`,
    ],
    [
      'list: keystroke to painted results, one letter (median / worst)',
      `${ms(median(results.flatMap((run) => run.keystroke)))} / ${ms(Math.max(...results.flatMap((run) => run.keystroke)))}`,
    ],
    [
      'list: longest key event to next paint (Event Timing)',
      `${ms(Math.max(...each((run) => run.keystrokeEventMax)))}${Math.max(...each((run) => run.keystrokeEventMax)) === 0 ? ' (none over 16 ms)' : ''}`,
    ],
    [
      'list: wheel scroll, 200 notches (long tasks / worst frame)',
      each(
        (run) =>
          `${run.wheel.longTasks} (${ms(run.wheel.longTaskMs)}) / ${ms(run.wheel.worstFrame)}`,
      ).join(' · '),
    ],
    [
      'list: scrollbar jumps, 120 frames (long tasks / worst frame)',
      each(
        (run) =>
          `${run.jumps.longTasks} (${ms(run.jumps.longTaskMs)}) / ${ms(run.jumps.worstFrame)}`,
      ).join(' · '),
    ],
    [
      'list: rows in the DOM (at rest / most while scrolling)',
      `${Math.max(...each((run) => run.domRows))} / ${Math.max(...each((run) => Math.max(run.wheel.maxRows, run.jumps.maxRows)))}`,
    ],
    ['list: JS heap after GC, list loaded', `${median(each((run) => run.heapMiB)).toFixed(1)} MiB`],
    ['list: 429s drawn from the emulator', String(throttled)],
    ...(splits
      ? ([
          ['list trace: keystroke (median of 10)', formatSplit(splits.keystroke)],
          ['list trace: sort click (median of 5)', formatSplit(splits.sort)],
          ['list trace: wheel scroll, 200 notches', formatSplit(splits.wheel)],
          ['list trace: scrollbar jumps, 120 frames', formatSplit(splits.jumps)],
          ['list trace: reload to first rows', formatSplit(splits.reloadFirstRows)],
          ['list trace: reload to all rows', formatSplit(splits.reloadAllRows)],
        ] as [string, string][])
      : []),
  ];
}
