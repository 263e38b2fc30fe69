import { describe, expect, it } from 'vitest';
import { createQueueHarness } from './queue-test-harness';
import { SharedLedger, type LockManagerLike, type StorageLike } from './shared-ledger';
import type { BudgetLimits } from './sliding-window';

/** Web Locks as the browser grants them: one holder per name, in request order, asynchronously. */
function createLocks(): LockManagerLike {
  const tails = new Map<string, Promise<unknown>>();
  return {
    request(name, callback) {
      const previous = tails.get(name) ?? Promise.resolve();
      const run = previous.then(() => callback());
      tails.set(
        name,
        run.catch(() => {}),
      );
      return run;
    },
  };
}

/** One origin's localStorage, with the `storage` event other tabs would hear. */
function createOrigin() {
  const data = new Map<string, string>();
  const watchers = new Set<{ writer: object; listener: (key: string) => void }>();
  const locks = createLocks();
  function tab(now: () => number, staleAfterMs?: number) {
    const identity = {};
    const storage: StorageLike = {
      getItem: (key) => data.get(key) ?? null,
      setItem: (key, value) => {
        data.set(key, value);
        for (const watcher of watchers) {
          if (watcher.writer !== identity) watcher.listener(key);
        }
      },
    };
    return new SharedLedger({
      locks,
      storage,
      now,
      staleAfterMs,
      watch: (listener) => {
        const watcher = { writer: identity, listener };
        watchers.add(watcher);
        return () => watchers.delete(watcher);
      },
    });
  }
  return { data, tab };
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
    origin.data.set('partner-center-budget:tenant', '{"v":99}');
    const tab = createQueueHarness(limits, { ledger: origin.tab(() => 0) });
    void tab.submit('a');
    await tab.fake.tickAsync(1);
    expect(tab.starts).toHaveLength(1);
    expect(JSON.parse(origin.data.get('partner-center-budget:tenant')!)).toMatchObject({
      v: 1,
      entries: [[expect.any(String), 0, 0, 0]],
    });
  });
});
