import { describe, expect, it } from 'vitest';
import { MemoryLedger } from './budget-ledger';
import { RequestQueue } from './request-queue';
import { classifyFake, createQueueHarness, FakeFailure } from './queue-test-harness';
import { NotSentError, QueueShedError } from './queue-errors';

const perMinute = (requests: number, backgroundShare = 0.9) => ({
  requests,
  windowMs: 60_000,
  backgroundShare,
});

describe('pacing by a sliding window', () => {
  it('starts the budget at once, then each further request one window after a slot settled', async () => {
    const { fake, submit, starts } = createQueueHarness(perMinute(3));
    const done = ['a', 'b', 'c', 'd', 'e'].map((id) => submit(id, { durationMs: 100 }));
    await fake.tickAsync(0);
    expect(starts.map((start) => start.id)).toEqual(['a', 'b', 'c']);
    await fake.tickAsync(60_099);
    expect(starts).toHaveLength(3);
    await fake.tickAsync(1);
    expect(starts.map((start) => [start.id, start.at])).toEqual([
      ['a', 0],
      ['b', 0],
      ['c', 0],
      ['d', 60_100],
      ['e', 60_100],
    ]);
    await fake.tickAsync(100);
    await expect(Promise.all(done)).resolves.toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('does not allow twice the budget across a window boundary, as a fixed window would', async () => {
    const { fake, submit, maxStartsInWindow } = createQueueHarness(perMinute(10));
    await fake.tickAsync(59_000);
    for (let i = 0; i < 10; i++) void submit(`late-${i}`);
    await fake.tickAsync(1_500);
    for (let i = 0; i < 10; i++) void submit(`early-${i}`);
    await fake.tickAsync(200_000);
    expect(maxStartsInWindow()).toBe(10);
  });

  it('keeps separate budgets per key', async () => {
    const { fake, submit, starts } = createQueueHarness(perMinute(1));
    void submit('contoso-1', { key: 'contoso' });
    void submit('contoso-2', { key: 'contoso' });
    void submit('fabrikam-1', { key: 'fabrikam' });
    await fake.tickAsync(0);
    expect(starts.map((start) => start.id)).toEqual(['contoso-1', 'fabrikam-1']);
  });

  it('reports usage, waiting work and in-flight requests per key', async () => {
    const { fake, submit, queue } = createQueueHarness(perMinute(2));
    void submit('a', { durationMs: 1_000 });
    void submit('b', { durationMs: 1_000 });
    void submit('c', { priority: 'background' });
    await fake.tickAsync(0);
    expect(queue.status('tenant')).toMatchObject({
      limit: 2,
      windowMs: 60_000,
      used: 2,
      inFlight: 2,
      waitingInteractive: 0,
      waitingBackground: 1,
      pausedUntil: 0,
    });
    // Slots are held until a window after the requests settle: only then is the start known.
    expect(queue.status('tenant').nextStartAt).toBe(0);
    await fake.tickAsync(1_000);
    expect(queue.status('tenant').nextStartAt).toBe(61_000);
    await fake.tickAsync(60_000);
    expect(queue.status('tenant')).toMatchObject({ used: 1, inFlight: 0, waitingBackground: 0 });
  });
});

describe('telling a caller its request waits for budget', () => {
  it('tells each waiting request once when a claim is refused, and never one that started', async () => {
    const { fake, submit, starts } = createQueueHarness(perMinute(2));
    const held: string[] = [];
    const ask = (id: string) => submit(id, { durationMs: 100, onHeld: () => held.push(id) });
    const done = ['a', 'b', 'c', 'd'].map(ask);
    await fake.tickAsync(0);
    expect(starts.map((start) => start.id)).toEqual(['a', 'b']);
    expect(held).toEqual(['c', 'd']);
    // Refused again when the first requests settle: nobody is told twice.
    await fake.tickAsync(100);
    expect(held).toEqual(['c', 'd']);
    await fake.tickAsync(60_100);
    await expect(Promise.all(done)).resolves.toEqual(['a', 'b', 'c', 'd']);
    expect(held).toEqual(['c', 'd']);
  });
});

describe('priorities', () => {
  it('starts interactive work before background work that is already waiting', async () => {
    const { fake, submit, starts } = createQueueHarness(perMinute(2, 1));
    void submit('blocker-1');
    void submit('blocker-2');
    void submit('crawl-1', { priority: 'background' });
    void submit('crawl-2', { priority: 'background' });
    await fake.tickAsync(1_000);
    void submit('click');
    await fake.tickAsync(60_000);
    expect(starts.slice(2).map((start) => start.id)).toEqual(['click', 'crawl-1']);
  });

  it('keeps a share of the budget free of background work, so a click starts at once', async () => {
    const { fake, submit, starts, queue } = createQueueHarness(perMinute(10, 0.8));
    for (let i = 0; i < 30; i++) void submit(`crawl-${i}`, { priority: 'background' });
    await fake.tickAsync(1_000);
    expect(starts).toHaveLength(8);
    expect(queue.status('tenant').waitingBackground).toBe(22);
    void submit('open-customer');
    void submit('search');
    await fake.tickAsync(0);
    expect(starts.slice(8).map((start) => [start.id, start.at])).toEqual([
      ['open-customer', 1_000],
      ['search', 1_000],
    ]);
  });
});

describe('429 from Partner Center', () => {
  it('pauses the whole key for Retry-After and retries through the limiter', async () => {
    const { fake, submit, starts, queue } = createQueueHarness(perMinute(100));
    const throttled = submit('throttled', {
      outcomes: [{ type: 'throttled', retryAfterMs: 12_000 }, 'ok'],
      durationMs: 10,
    });
    await fake.tickAsync(10);
    expect(queue.status('tenant').pausedUntil).toBe(12_010);
    void submit('other');
    await fake.tickAsync(11_999);
    expect(starts.map((start) => start.id)).toEqual(['throttled']);
    await fake.tickAsync(1);
    expect(starts.map((start) => [start.id, start.at, start.attempt])).toEqual([
      ['throttled', 0, 1],
      ['throttled', 12_010, 2],
      ['other', 12_010, 1],
    ]);
    await fake.tickAsync(10);
    await expect(throttled).resolves.toBe('throttled');
  });

  it('backs off exponentially, with jitter, on a second 429', async () => {
    const { fake, submit, starts } = createQueueHarness(perMinute(100), { defaultPauseMs: 4_000 });
    void submit('a', {
      outcomes: [
        { type: 'throttled', retryAfterMs: 1_000 },
        { type: 'throttled', retryAfterMs: 1_000 },
        { type: 'throttled', retryAfterMs: 1_000 },
        'ok',
      ],
    });
    await fake.tickAsync(120_000);
    const gaps = starts.slice(1).map((start, i) => start.at - (starts[i]?.at ?? 0));
    expect(gaps[0]).toBe(1_000);
    // Second 429: at least half of 4 s; third: at least half of 8 s.
    expect(gaps[1]).toBeGreaterThanOrEqual(2_000);
    expect(gaps[1]).toBeLessThanOrEqual(4_000);
    expect(gaps[2]).toBeGreaterThanOrEqual(4_000);
    expect(gaps[2]).toBeLessThanOrEqual(8_000);
  });

  it('caps a Retry-After that asks for too long, and gives up after repeated 429s', async () => {
    const { fake, submit, starts } = createQueueHarness(perMinute(100), {
      maxPauseMs: 30_000,
      maxThrottleRetries: 2,
    });
    const verdict = { type: 'throttled' as const, retryAfterMs: 3_600_000 };
    const result = submit('a', { outcomes: [verdict, verdict, verdict] });
    const settled = result.catch((error: unknown) => error);
    await fake.tickAsync(100_000);
    expect(starts.map((start) => start.at)).toEqual([0, 30_000, 60_000]);
    expect(await settled).toMatchObject({ verdict });
  });

  it('retries a throttled create too: a 429 means Partner Center did not process it', async () => {
    const { fake, submit, starts } = createQueueHarness(perMinute(100));
    const result = submit('create', {
      idempotent: false,
      outcomes: [{ type: 'throttled', retryAfterMs: 2_000 }, 'ok'],
    });
    await fake.tickAsync(2_000);
    await expect(result).resolves.toBe('create');
    expect(starts).toHaveLength(2);
  });
});

describe('retries of transient failures', () => {
  it('retries idempotent work with growing delays, then gives the last error', async () => {
    const { fake, submit, starts } = createQueueHarness(perMinute(100), {
      maxAttempts: 3,
      retryBaseMs: 1_000,
    });
    const transient = { type: 'transient' as const };
    const settled = submit('get', { outcomes: [transient, transient, transient] }).catch(
      (error: unknown) => error,
    );
    await fake.tickAsync(60_000);
    expect(starts.map((start) => start.attempt)).toEqual([1, 2, 3]);
    const [first, second, third] = starts.map((start) => start.at);
    expect(second! - first!).toBeGreaterThanOrEqual(500);
    expect(second! - first!).toBeLessThanOrEqual(1_000);
    expect(third! - second!).toBeGreaterThanOrEqual(1_000);
    expect(third! - second!).toBeLessThanOrEqual(2_000);
    expect(await settled).toMatchObject({ verdict: transient });
  });

  it('never retries work that is not idempotent', async () => {
    const { fake, submit, starts } = createQueueHarness(perMinute(100));
    const settled = submit('post', { idempotent: false, outcomes: [{ type: 'transient' }] }).catch(
      (error: unknown) => error,
    );
    await fake.tickAsync(60_000);
    expect(starts).toHaveLength(1);
    expect(await settled).toMatchObject({ verdict: { type: 'transient' } });
  });

  it('lets later work pass a retry that waits out its backoff', async () => {
    const { fake, submit, starts } = createQueueHarness(perMinute(100), { retryBaseMs: 10_000 });
    void submit('flaky', { outcomes: [{ type: 'transient' }, 'ok'] });
    await fake.tickAsync(1);
    void submit('next');
    await fake.tickAsync(0);
    expect(starts.map((start) => start.id)).toEqual(['flaky', 'next']);
  });
});

describe('cancellation and shedding', () => {
  it('removes a cancelled request without spending budget', async () => {
    const { fake, submit, starts, queue } = createQueueHarness(perMinute(1));
    void submit('first');
    const controller = new AbortController();
    const cancelled = submit('cancelled', { signal: controller.signal }).catch(
      (error: unknown) => error,
    );
    void submit('third');
    await fake.tickAsync(1_000);
    controller.abort();
    expect(await cancelled).toMatchObject({ name: 'AbortError' });
    expect(queue.status('tenant').waitingInteractive).toBe(1);
    await fake.tickAsync(60_000);
    expect(starts.map((start) => start.id)).toEqual(['first', 'third']);
  });

  it('hands back the slot of work that gave up before sending, or claims it afresh', async () => {
    const { fake, submit, starts, queue } = createQueueHarness(perMinute(1));
    const reason = new Error('no next page');
    const given = queue
      .schedule(() => Promise.reject(new NotSentError(reason)), {
        key: 'tenant',
        priority: 'background',
        idempotent: true,
      })
      .catch((error: unknown) => error);
    expect(await given).toBe(reason);
    expect(queue.status('tenant')).toMatchObject({ used: 0, inFlight: 0 });
    void submit('after');
    await fake.tickAsync(0);
    expect(starts.map((start) => start.id)).toEqual(['after']);

    let tries = 0;
    const again = queue.schedule(
      () =>
        ++tries === 1 ? Promise.reject(new NotSentError(undefined, true)) : Promise.resolve(tries),
      { key: 'tenant', priority: 'interactive', idempotent: true },
    );
    // The one slot is taken: the claim made afresh waits its turn like any other.
    await fake.tickAsync(59_000);
    expect(tries).toBe(0);
    await fake.tickAsync(1_001);
    await expect(again).resolves.toBe(2);
    expect(queue.status('tenant')).toMatchObject({ used: 1, inFlight: 0 });
  });

  it('rejects at once when the signal is already aborted', async () => {
    const { submit, starts } = createQueueHarness(perMinute(1));
    await expect(submit('a', { signal: AbortSignal.abort() })).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(starts).toHaveLength(0);
  });

  it('sheds work that waited longer than its maximum wait', async () => {
    const { fake, submit } = createQueueHarness(perMinute(1));
    void submit('first');
    const late = submit('late', { maxWaitMs: 5_000 }).catch((error: unknown) => error);
    await fake.tickAsync(5_000);
    const error = await late;
    expect(error).toBeInstanceOf(QueueShedError);
    expect(error).toMatchObject({ reason: 'max-wait' });
    expect((error as Error).message).toMatch(/waited too long/);
  });

  it('refuses work beyond the queue depth, but makes room for a click', async () => {
    const { fake, submit } = createQueueHarness(perMinute(1), { maxDepth: 2 });
    void submit('running');
    await fake.tickAsync(0);
    const crawl1 = submit('crawl-1', { priority: 'background' });
    const crawl2 = submit('crawl-2', { priority: 'background' }).catch((error: unknown) => error);
    const crawl3 = submit('crawl-3', { priority: 'background' }).catch((error: unknown) => error);
    expect(await crawl3).toMatchObject({ reason: 'queue-full' });
    void submit('click');
    expect(await crawl2).toMatchObject({ reason: 'displaced' });
    void crawl1;
  });
});

describe('a ledger shared with other tabs', () => {
  it('counts slots another queue took from the same ledger', async () => {
    const ledger = new MemoryLedger();
    const tabA = createQueueHarness(perMinute(4), { ledger });
    const tabB = createQueueHarness(perMinute(4), { ledger });
    for (let i = 0; i < 3; i++) void tabA.submit(`a${i}`);
    await tabA.fake.tickAsync(0);
    for (let i = 0; i < 3; i++) void tabB.submit(`b${i}`);
    await tabB.fake.tickAsync(0);
    expect(tabB.starts).toHaveLength(1);
    expect(tabB.queue.status('tenant')).toMatchObject({ used: 4, waitingInteractive: 2 });
  });
});

describe('on the real clock', () => {
  it('wakes for a retry that falls due between two readings of the clock', async () => {
    // Time passes between any two readings of a real clock; here every reading is a little
    // later. A queue that decided "not due yet" and "nothing to wake for" on two different
    // readings would leave a retry due in between waiting for ever.
    let readings = 0;
    const clock = {
      now: () => Date.now() + readings++ * 0.3,
      setTimeout: (callback: () => void, delayMs: number) => setTimeout(callback, delayMs),
      clearTimeout: (handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    };
    for (let run = 0; run < 50; run++) {
      const queue = new RequestQueue({
        clock,
        ledger: new MemoryLedger(),
        limits: () => ({ requests: 100, windowMs: 60_000, backgroundShare: 0.9 }),
        classify: classifyFake,
        retryBaseMs: 1,
        retryCapMs: 2,
      });
      let tries = 0;
      const failing = queue.schedule(
        () => {
          tries += 1;
          return Promise.reject(new FakeFailure({ type: 'transient' }));
        },
        { key: 'tenant', priority: 'interactive', idempotent: true },
      );
      const outcome = await Promise.race([
        failing.then(
          () => 'resolved',
          () => 'rejected',
        ),
        // Generous: four retries 1–2 ms apart take far less on any machine; a hang never ends.
        new Promise((resolve) => setTimeout(() => resolve('stuck'), 5_000)),
      ]);
      expect({ run, outcome, tries }).toEqual({ run, outcome: 'rejected', tries: 4 });
      queue.dispose();
    }
  });
});
