/**
 * The request queue's figures.
 *
 * 1. A simulated hour for 10 partner tenants on a fake clock: the real RequestQueue in front of
 *    a simulated Partner Center that counts arrivals in its own sliding window (after network
 *    latency) and answers 429 with Retry-After, as the emulator does. Printed: budget
 *    utilisation with a backlog, 429s, and how long a user's click waits while a crawl holds the
 *    background share.
 * 2. The real crawl of 25,000 customers against the emulator with a small window, through the
 *    real client, as a ratio to the theoretical minimum time.
 */
import { createClock } from '@sinonjs/fake-timers';
import { crawlCustomers } from '@/api/partner-center/crawl-customers';
import { classifyFailure, PartnerCenterClient } from '@/api/partner-center/partner-center-client';
import { MemoryLedger } from '@/api/queue/budget-ledger';
import type { Clock } from '@/api/queue/clock';
import { RequestQueue, type FailureVerdict } from '@/api/queue/request-queue';
import type { Priority } from '@/api/queue/sliding-window';
import { startEmulator } from '../../server/emulator/testing.ts';

const TENANTS = 10;
const HOUR_MS = 3_600_000;
const BUDGET = { requests: 500, windowMs: 60_000, backgroundShare: 0.9 };

/** A deterministic PRNG, so two runs of the bench simulate the same hour. */
function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

class Throttled extends Error {
  constructor(readonly retryAfterMs: number) {
    super('429');
  }
}

interface Scenario {
  name: string;
  /** Background requests each tenant keeps waiting in the queue at all times. */
  backgroundBacklog: number;
  /** Interactive requests each tenant keeps waiting at all times (a bulk job the user started). */
  interactiveBacklog: number;
  /** Clicks per tenant per minute, at random moments. */
  clicksPerMinute: number;
}

/**
 * How fully the budget's slots are used, free of where an hour happens to cut the count: in a
 * saturated sliding window the k-th start reuses the slot of start k - budget, so the window
 * divided by their mean distance is the share of the budget in use (1 would be every slot
 * reused the instant its window ended).
 */
function slotReuse(startsPerTenant: number[][], budget: number): number {
  let distance = 0;
  let pairs = 0;
  for (const starts of startsPerTenant) {
    for (let k = budget; k < starts.length; k++) {
      distance += starts[k]! - starts[k - budget]!;
      pairs += 1;
    }
  }
  return pairs ? BUDGET.windowMs / (distance / pairs) : NaN;
}

async function simulateHour(scenario: Scenario) {
  const fake = createClock(0, 100_000_000);
  const clock: Clock = {
    now: () => fake.now,
    setTimeout: (callback, delayMs) => fake.setTimeout(callback, delayMs),
    clearTimeout: (handle) => fake.clearTimeout(handle as number),
  };
  const random = mulberry32(42);
  const queue = new RequestQueue({
    ledger: new MemoryLedger(),
    limits: () => BUDGET,
    classify: (error): FailureVerdict =>
      error instanceof Throttled
        ? { type: 'throttled', retryAfterMs: error.retryAfterMs }
        : { type: 'final' },
    clock,
    random,
    maxWaitMs: { interactive: Infinity },
  });
  const arrivals = new Map<string, number[]>();
  let throttled = 0;
  let sent = 0;
  // Counted in a steady stretch (minutes 10 to 50), away from the first burst and the end.
  const measuredFrom = 10 * BUDGET.windowMs;
  const measuredTo = 50 * BUDGET.windowMs;
  const starts = { interactive: 0, background: 0 };
  const startTimes = new Map<string, { all: number[]; background: number[] }>();
  const clickWaits: number[] = [];

  /** Partner Center: latency each way, and its own window of arrivals per tenant. */
  function partnerCenter(tenant: string): Promise<void> {
    sent += 1;
    const up = 10 + random() * 60;
    const work = 30 + random() * 300;
    const down = 10 + random() * 60;
    return new Promise((resolve, reject) => {
      fake.setTimeout(() => {
        const now = fake.now;
        const log = (arrivals.get(tenant) ?? []).filter((t) => t > now - BUDGET.windowMs);
        if (log.length >= BUDGET.requests) {
          throttled += 1;
          arrivals.set(tenant, log);
          const retryAfter = Math.ceil((log[0]! + BUDGET.windowMs - now) / 1000) * 1000;
          fake.setTimeout(() => reject(new Throttled(retryAfter)), down);
          return;
        }
        log.push(now);
        arrivals.set(tenant, log);
        fake.setTimeout(() => resolve(), work + down);
      }, up);
    });
  }

  function submit(tenant: string, priority: Priority, onDone?: () => void) {
    const queuedAt = fake.now;
    let first = true;
    void queue
      .schedule(
        () => {
          if (first && priority === 'interactive' && scenario.clicksPerMinute > 0) {
            clickWaits.push(fake.now - queuedAt);
          }
          first = false;
          if (fake.now >= measuredFrom && fake.now < measuredTo) starts[priority] += 1;
          const times = startTimes.get(tenant) ?? { all: [], background: [] };
          times.all.push(fake.now);
          if (priority === 'background') times.background.push(fake.now);
          startTimes.set(tenant, times);
          return partnerCenter(tenant);
        },
        { key: tenant, priority, idempotent: true },
      )
      .finally(() => {
        if (fake.now < HOUR_MS) onDone?.();
      });
  }

  for (let t = 0; t < TENANTS; t++) {
    const tenant = `tenant-${t}`;
    const keepBackground = () => submit(tenant, 'background', keepBackground);
    for (let i = 0; i < scenario.backgroundBacklog; i++) keepBackground();
    const keepInteractive = () => submit(tenant, 'interactive', keepInteractive);
    for (let i = 0; i < scenario.interactiveBacklog; i++) keepInteractive();
    if (scenario.clicksPerMinute > 0) {
      const click = () => {
        submit(tenant, 'interactive');
        const gap = -Math.log(1 - random()) * (60_000 / scenario.clicksPerMinute);
        if (fake.now + gap < HOUR_MS) fake.setTimeout(click, gap);
      };
      fake.setTimeout(click, random() * 10_000);
    }
  }

  const wallStarted = performance.now();
  for (let t = 0; t < HOUR_MS; t += 60_000) await fake.tickAsync(60_000);
  const wallMs = performance.now() - wallStarted;
  queue.dispose();

  const windows = (measuredTo - measuredFrom) / BUDGET.windowMs;
  const capacity = TENANTS * BUDGET.requests * windows;
  const backgroundCapacity =
    TENANTS * Math.floor(BUDGET.requests * BUDGET.backgroundShare) * windows;
  return {
    wallMs,
    throttled,
    utilisation: (starts.interactive + starts.background) / capacity,
    backgroundUtilisation: starts.background / backgroundCapacity,
    slotReuse: slotReuse(
      [...startTimes.values()].map((times) => times.all),
      BUDGET.requests,
    ),
    backgroundSlotReuse: slotReuse(
      [...startTimes.values()].map((times) => times.background),
      Math.floor(BUDGET.requests * BUDGET.backgroundShare),
    ),
    sent,
    clickWaitP50: percentile(clickWaits, 50),
    clickWaitP99: percentile(clickWaits, 99),
    clicks: clickWaits.length,
  };
}

async function realCrawl() {
  const rateLimit = { requests: 20, windowSeconds: 2 };
  const pc = await startEmulator({ customers: 25_000, rateLimit });
  try {
    const token = await pc.token('adele');
    const limits = {
      requests: rateLimit.requests,
      windowMs: rateLimit.windowSeconds * 1000,
      backgroundShare: BUDGET.backgroundShare,
    };
    const queue = new RequestQueue({
      ledger: new MemoryLedger(),
      limits: () => limits,
      classify: classifyFailure,
    });
    const client = new PartnerCenterClient({
      baseUrl: pc.baseUrl,
      getAccessToken: () => Promise.resolve(token),
      budgetKey: () => 'contoso',
      queue,
    });
    const pageTimes: number[] = [];
    let customers = 0;
    let pages = 0;
    const started = performance.now();
    let pageStarted = started;
    for await (const { page } of crawlCustomers(client, { firstPagePriority: 'interactive' })) {
      customers += page.items.length;
      pages += 1;
      pageTimes.push(performance.now() - pageStarted);
      pageStarted = performance.now();
    }
    const elapsed = performance.now() - started;
    const metrics = (await pc.call('GET', '/_emulator/metrics', { user: null })).body as {
      tenants: Record<string, { throttled: number }>;
    };
    queue.dispose();
    // The fastest a one-page-after-another crawl can go: back to back until a window's budget
    // is spent, each later page exactly one window after the page that used its slot.
    const latency = percentile(pageTimes, 25);
    const minimum = (budget: number) =>
      Math.floor((pages - 1) / budget) * limits.windowMs +
      ((pages - 1) % budget) * latency +
      latency;
    const cap = Math.floor(limits.requests * limits.backgroundShare);
    return {
      rateLimit,
      customers,
      pages,
      elapsed,
      ratioFull: elapsed / minimum(limits.requests),
      ratioShare: elapsed / minimum(cap),
      throttled: Object.values(metrics.tenants).reduce((sum, tenant) => sum + tenant.throttled, 0),
    };
  } finally {
    await pc.close();
  }
}

export async function measureQueue(): Promise<[string, string][]> {
  const backlog = await simulateHour({
    name: 'backlog',
    backgroundBacklog: 200,
    interactiveBacklog: 50,
    clicksPerMinute: 0,
  });
  const crawl = await simulateHour({
    name: 'crawl and clicks',
    backgroundBacklog: 200,
    interactiveBacklog: 0,
    clicksPerMinute: 20,
  });
  const real = await realCrawl();
  const percent = (value: number) => `${(value * 100).toFixed(2)} %`;
  return [
    [
      `queue: simulated hour, ${TENANTS} tenants, backlog (wall time)`,
      `${(backlog.wallMs / 1000).toFixed(1)} s for ${backlog.sent.toLocaleString('en')} requests`,
    ],
    [
      'queue: budget used with a backlog (starts in minutes 10–50 / slot reuse)',
      `${percent(backlog.utilisation)} / ${percent(backlog.slotReuse)}`,
    ],
    ['queue: 429s drawn (backlog hour + crawl hour)', String(backlog.throttled + crawl.throttled)],
    [
      'queue: background share used while crawling (starts / slot reuse)',
      `${percent(crawl.backgroundUtilisation)} / ${percent(crawl.backgroundSlotReuse)} of the 90 % share`,
    ],
    [
      `queue: click wait while crawling, p50 / p99 (${crawl.clicks.toLocaleString('en')} clicks)`,
      `${crawl.clickWaitP50.toFixed(0)} ms / ${crawl.clickWaitP99.toFixed(0)} ms`,
    ],
    [
      `crawl: ${real.customers.toLocaleString('en')} customers, ${real.pages} pages, emulator ${real.rateLimit.requests}/${real.rateLimit.windowSeconds}s`,
      `${(real.elapsed / 1000).toFixed(1)} s, ${real.throttled} × 429`,
    ],
    [
      'crawl: ratio to theoretical minimum (full budget / background share)',
      `${real.ratioFull.toFixed(2)} / ${real.ratioShare.toFixed(2)}`,
    ],
  ];
}
