import { describe, expect, it } from 'vitest';
import { createQueueHarness } from './queue-test-harness';
import { SharedLedger, type SlotLogStore } from './shared-ledger';
import type { BudgetLimits } from './sliding-window';

/**
 * One origin as the tabs see it: a log store whose updates are atomic and answer
 * asynchronously (as IndexedDB transactions do), and a channel that tells the other tabs.
 */
function createOrigin() {
  const data = new Map<string, string>();
  let tail: Promise<unknown> = Promise.resolve();
  let broken = false;
  let transactions = 0;
  const store: SlotLogStore = {
    update(key, change) {
      transactions += 1;
      const run = tail.then(() => {
        if (broken) throw new Error('the store is gone');
        const { next, result } = change(data.get(key));
        data.set(key, next);
        return result;
      });
      tail = run.catch(() => {});
      return run;
    },
    read: (key) => Promise.resolve(data.get(key)),
  };
  const tabs = new Set<{ listener: (key: string) => void }>();
  function tab(now: () => number, staleAfterMs?: number) {
    const self = { listener: (_key: string) => {} };
    return new SharedLedger({
      store,
      now,
      staleAfterMs,
      channel: {
        post: (key) => {
          for (const other of tabs) if (other !== self) other.listener(key);
        },
        listen: (listener) => {
          self.listener = listener;
          tabs.add(self);
          return () => tabs.delete(self);
        },
      },
    });
  }
  return { data, tab, breakStore: () => (broken = true), transactions: () => transactions };
}

const limits: BudgetLimits = { requests: 6, windowMs: 10_000, backgroundShare: 0.5 };

/** Two tabs' queues on one fake clock, sharing one origin's ledger. */
function twoTabs(staleAfterMs?: number) {
  const origin = createOrigin();
  let now = () => 0;
  const tabA = createQueueHarness(limits, { ledger: origin.tab(() => now(), staleAfterMs) });
  now = () => tabA.fake.now;
  const tabB = createQueueHarness(limits, {
    ledger: origin.tab(() => now(), staleAfterMs),
    fake: tabA.fake,
  });
  return { origin, tabA, tabB, fake: tabA.fake };
}

describe('the budget shared across tabs', () => {
  it('keeps two tabs together within one budget, and both make progress', async () => {
    const { tabA, tabB, fake } = twoTabs();
    const work = [
      ...Array.from({ length: 12 }, (_, i) => tabA.submit(`a${i}`, { durationMs: 50 })),
      ...Array.from({ length: 12 }, (_, i) => tabB.submit(`b${i}`, { durationMs: 50 })),
    ];
    await fake.tickAsync(5 * limits.windowMs);
    await Promise.all(work);
    const all = [...tabA.starts, ...tabB.starts];
    expect(all).toHaveLength(24);
    expect(tabA.maxStartsInWindow(all)).toBeLessThanOrEqual(limits.requests);
    expect(tabA.starts.length).toBeGreaterThan(0);
    expect(tabB.starts.length).toBeGreaterThan(0);
  });

  it('limits background work of all tabs together to its share', async () => {
    const { tabA, tabB, fake } = twoTabs();
    for (let i = 0; i < 6; i++) void tabA.submit(`crawl-a${i}`, { priority: 'background' });
    for (let i = 0; i < 6; i++) void tabB.submit(`crawl-b${i}`, { priority: 'background' });
    await fake.tickAsync(100);
    expect(tabA.starts.length + tabB.starts.length).toBe(3);
    void tabB.submit('click');
    await fake.tickAsync(0);
    expect(tabB.starts.map((start) => start.id)).toContain('click');
  });

  it('starts a click that arrives while a refused background claim is still on its way', async () => {
    const { tabA, fake } = twoTabs();
    for (let i = 0; i < 3; i++) void tabA.submit(`crawl-${i}`, { priority: 'background' });
    await fake.tickAsync(10);
    // The fourth page's claim is refused (the background share is spent) while the click waits
    // behind it; the click must not wait for the window to pass.
    void tabA.submit('crawl-3', { priority: 'background' });
    void tabA.submit('click');
    await fake.tickAsync(10);
    expect(tabA.starts.map((start) => start.id)).toContain('click');
  });

  it('shows each tab the slots the other tabs spent', async () => {
    const { tabA, tabB, fake } = twoTabs();
    for (let i = 0; i < 4; i++) void tabA.submit(`a${i}`);
    await fake.tickAsync(10);
    expect(tabB.queue.status('tenant').used).toBe(4);
  });

  it('does not reset the spent budget on a reload', async () => {
    const origin = createOrigin();
    const before = createQueueHarness(limits, { ledger: origin.tab(() => 0) });
    for (let i = 0; i < 6; i++) void before.submit(`before-${i}`);
    await before.fake.tickAsync(10);
    expect(before.starts).toHaveLength(6);
    before.queue.dispose();

    let now = () => 0;
    const after = createQueueHarness(limits, { ledger: origin.tab(() => now()) });
    now = () => after.fake.now;
    void after.submit('after-reload');
    await after.fake.tickAsync(limits.windowMs - 1);
    expect(after.starts).toHaveLength(0);
    await after.fake.tickAsync(1);
    expect(after.starts.map((start) => start.at)).toEqual([limits.windowMs]);
  });

  it('frees the slots of a tab that closed mid-request only after they go stale', async () => {
    const origin = createOrigin();
    const closed = createQueueHarness(limits, { ledger: origin.tab(() => 0, 30_000) });
    for (let i = 0; i < 6; i++) void closed.submit(`never-settles-${i}`, { durationMs: 1e9 });
    await closed.fake.tickAsync(1);
    closed.queue.dispose();

    let now = () => 0;
    const survivor = createQueueHarness(limits, { ledger: origin.tab(() => now(), 30_000) });
    now = () => survivor.fake.now;
    void survivor.submit('after');
    await survivor.fake.tickAsync(30_000 + limits.windowMs - 1);
    expect(survivor.starts).toHaveLength(0);
    await survivor.fake.tickAsync(1);
    expect(survivor.starts).toHaveLength(1);
  });

  it('pauses every tab when one of them meets a 429', async () => {
    const { tabA, tabB, fake } = twoTabs();
    void tabA.submit('throttled', {
      outcomes: [{ type: 'throttled', retryAfterMs: 5_000 }, 'ok'],
    });
    await fake.tickAsync(10);
    expect(tabB.queue.status('tenant').pausedUntil).toBe(5_000);
    void tabB.submit('other-tab');
    await fake.tickAsync(4_980);
    expect(tabB.starts).toHaveLength(0);
    await fake.tickAsync(20);
    expect(tabB.starts.map((start) => start.at)).toEqual([5_000]);
  });

  it('starts afresh from a log it cannot read', async () => {
    const origin = createOrigin();
    origin.data.set('tenant', '{"v":99}');
    const tab = createQueueHarness(limits, { ledger: origin.tab(() => 0) });
    void tab.submit('a');
    await tab.fake.tickAsync(1);
    expect(tab.starts).toHaveLength(1);
    expect(JSON.parse(origin.data.get('tenant')!)).toMatchObject({
      v: 1,
      entries: [[expect.any(String), 0, 0, 0]],
    });
  });

  it('falls back to a conservative share of its own when the shared log fails', async () => {
    const origin = createOrigin();
    const tab = createQueueHarness(
      { requests: 8, windowMs: 10_000, backgroundShare: 1 },
      { ledger: origin.tab(() => 0) },
    );
    origin.breakStore();
    for (let i = 0; i < 8; i++) void tab.submit(`r${i}`);
    await tab.fake.tickAsync(100);
    expect(tab.starts).toHaveLength(2);
  });
});

describe('the shared log’s transactions', () => {
  it('applies the changes asked for before a transaction has read the log in that transaction', async () => {
    const origin = createOrigin();
    const ledger = origin.tab(() => 0);
    const claim = (id: string) =>
      ledger.claim({ key: 'tenant', id, priority: 'interactive', limits, now: 0 });
    // A request settling and the next one's claim, asked for in the same moment.
    const first = await claim('a');
    ledger.settle('tenant', 'a', 5);
    const decisions = await Promise.all([claim('b'), claim('c')]);
    expect(first.granted).toBe(true);
    expect(decisions.map((decision) => decision.granted)).toEqual([true, true]);
    expect(origin.transactions()).toBe(2);
    const stored = JSON.parse(origin.data.get('tenant') ?? '{}') as { entries: unknown[][] };
    expect(stored.entries.map(([id, start, settledAt]) => [id, start, settledAt])).toEqual([
      ['a', 0, 5],
      ['b', 0, null],
      ['c', 0, null],
    ]);
  });

  it('refuses, in one transaction, the claims a full window has no room for', async () => {
    const origin = createOrigin();
    const ledger = origin.tab(() => 0);
    const claims = Array.from({ length: limits.requests + 2 }, (_, at) =>
      ledger.claim({ key: 'tenant', id: `r${at}`, priority: 'interactive', limits, now: 0 }),
    );
    const decisions = await Promise.all(claims);
    expect(decisions.filter((decision) => decision.granted)).toHaveLength(limits.requests);
    expect(decisions.slice(limits.requests).every((decision) => !decision.granted)).toBe(true);
    expect(origin.transactions()).toBe(1);
  });
});
