import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QueueShedError } from './queue-errors';
import { createQueueHarness, type StartRecord } from './queue-test-harness';
import type { FailureVerdict } from './request-queue';
import { backgroundCap, type BudgetLimits, type Priority } from './sliding-window';

/**
 * Property tests of the request queue: random budgets and random traffic (arrivals, priorities,
 * durations, cancellations, 429s, maximum waits) on a fake clock, then invariants over the log of
 * every start. Each request is one harness `submit`; its id is its index in the arrival list.
 *
 * Event order at one instant: every arrival and cancel timer is created at time 0, before the clock
 * moves, so each fires exactly at its time and before any timer the queue creates later for the same
 * instant. Where two things happen at the same fake time, the tests compare positions in the event
 * logs (the start log, and a sequence number for aborts and settles) rather than times.
 */

interface Arrival {
  at: number;
  priority: Priority;
  durationMs: number;
  /** Aborted this long after arriving; null: never cancelled. */
  cancelAfterMs: number | null;
  /** The first attempt meets a 429 with this Retry-After (later attempts succeed); null: no 429. */
  retryAfterMs: number | null;
  /** An explicit maximum wait for the first start; null: none (the queue's defaults are Infinity). */
  maxWaitMs: number | null;
}

interface Scenario {
  limits: BudgetLimits;
  arrivals: Arrival[];
}

type Outcome =
  | { type: 'pending' }
  | { type: 'resolved'; value: string; at: number; seq: number }
  | { type: 'rejected'; error: unknown; at: number; seq: number };

interface RequestLog {
  id: string;
  arrival: Arrival;
  /** Order of submission (ties in arrival time are submitted in index order); -1 until submitted. */
  submitOrder: number;
  outcome: Outcome;
  /** When the abort fired, and how many starts (of any request) the log held at that moment. */
  abort: { at: number; startsBefore: number; seq: number } | null;
}

interface Run {
  limits: BudgetLimits;
  requests: RequestLog[];
  starts: StartRecord[];
  maxStartsInWindow: (records?: StartRecord[]) => number;
  endedAt: number;
}

/* ------------------------------------------------------------------------------------------ */
/* Generators                                                                                  */
/* ------------------------------------------------------------------------------------------ */

/**
 * Times are drawn as fractions of the window (in millionths) and scaled once the window is known,
 * so shrinking works on each field independently. Whole and half windows are drawn often: they are
 * the instants where slots free up, which is where off-by-one mistakes live.
 */
const WINDOW = 1_000_000;

function fractionOfWindow(min: number, max: number): fc.Arbitrary<number> {
  const landmarks = [0, WINDOW / 2, WINDOW, 2 * WINDOW, 3 * WINDOW].filter(
    (value) => value >= min && value <= max,
  );
  return fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min, max }) },
    { weight: 1, arbitrary: fc.constantFrom(...landmarks) },
  );
}

const limitsArbitrary = fc.record({
  requests: fc.integer({ min: 1, max: 30 }),
  windowMs: fc.integer({ min: 1_000, max: 60_000 }),
  backgroundShare: fc.constantFrom(0.5, 0.9, 1),
});

interface TrafficWeights {
  cancel: number;
  throttle: number;
  maxWait: number;
}

const rawArrival = (weights: TrafficWeights) =>
  fc.record({
    at: fractionOfWindow(0, 3 * WINDOW),
    priority: fc.constantFrom<Priority>('interactive', 'background'),
    duration: fc.integer({ min: 0, max: WINDOW / 100 }),
    cancelAfter: fc.oneof(
      { weight: 100 - weights.cancel, arbitrary: fc.constant(null) },
      { weight: weights.cancel, arbitrary: fractionOfWindow(0, 2 * WINDOW) },
      { weight: weights.cancel, arbitrary: fc.integer({ min: 0, max: WINDOW / 50 }) },
    ),
    retryAfterMs: fc.oneof(
      { weight: 100 - weights.throttle, arbitrary: fc.constant(null) },
      { weight: weights.throttle, arbitrary: fc.integer({ min: 0, max: 10_000 }) },
    ),
    maxWait: fc.oneof(
      { weight: 100 - weights.maxWait, arbitrary: fc.constant(null) },
      { weight: weights.maxWait, arbitrary: fractionOfWindow(1, 2 * WINDOW) },
    ),
  });

function scenarioArbitrary(
  weights: TrafficWeights = { cancel: 15, throttle: 15, maxWait: 5 },
): fc.Arbitrary<Scenario> {
  return fc
    .record({
      limits: limitsArbitrary,
      arrivals: fc.array(rawArrival(weights), { minLength: 1, maxLength: 80, size: 'medium' }),
    })
    .map(({ limits, arrivals }) => {
      const scale = (fraction: number) => Math.floor((fraction * limits.windowMs) / WINDOW);
      return {
        limits,
        arrivals: arrivals.map((raw): Arrival => ({
          at: scale(raw.at),
          priority: raw.priority,
          durationMs: scale(raw.duration),
          cancelAfterMs: raw.cancelAfter === null ? null : scale(raw.cancelAfter),
          retryAfterMs: raw.retryAfterMs,
          maxWaitMs: raw.maxWait === null ? null : Math.max(1, scale(raw.maxWait)),
        })),
      };
    });
}

/* ------------------------------------------------------------------------------------------ */
/* Running a scenario                                                                          */
/* ------------------------------------------------------------------------------------------ */

async function simulate({ limits, arrivals }: Scenario): Promise<Run> {
  const { fake, submit, starts, queue, maxStartsInWindow } = createQueueHarness(limits, {
    // No default maximum wait, so only the requests that ask for one can be shed.
    maxWaitMs: { interactive: Infinity, background: Infinity },
  });
  let events = 0;
  let submitted = 0;
  const requests = arrivals.map((arrival, index): RequestLog => {
    const log: RequestLog = {
      id: String(index),
      arrival,
      submitOrder: -1,
      outcome: { type: 'pending' },
      abort: null,
    };
    const controller = arrival.cancelAfterMs === null ? undefined : new AbortController();
    const outcomes: (FailureVerdict | 'ok')[] =
      arrival.retryAfterMs === null
        ? ['ok']
        : [{ type: 'throttled', retryAfterMs: arrival.retryAfterMs }, 'ok'];
    fake.setTimeout(() => {
      log.submitOrder = submitted++;
      submit(log.id, {
        priority: arrival.priority,
        durationMs: arrival.durationMs,
        outcomes,
        signal: controller?.signal,
        maxWaitMs: arrival.maxWaitMs ?? undefined,
      }).then(
        (value) => {
          log.outcome = { type: 'resolved', value, at: fake.now, seq: events++ };
        },
        (error: unknown) => {
          log.outcome = { type: 'rejected', error, at: fake.now, seq: events++ };
        },
      );
    }, arrival.at);
    if (controller && arrival.cancelAfterMs !== null) {
      fake.setTimeout(() => {
        log.abort = { at: fake.now, startsBefore: starts.length, seq: events++ };
        controller.abort();
      }, arrival.at + arrival.cancelAfterMs);
    }
    return log;
  });

  // Generous: every request tried twice, each waiting a window (plus its duration) and a 429 pause.
  const { windowMs } = limits;
  const boundMs = 4 * windowMs + 2 * arrivals.length * (windowMs + windowMs / 100 + 10_000);
  const pending = () => requests.some((request) => request.outcome.type === 'pending');
  await fake.tickAsync(0);
  while (pending() && fake.now < boundMs) await fake.tickAsync(windowMs);
  const endedAt = fake.now;
  queue.dispose();
  return { limits, requests, starts, maxStartsInWindow, endedAt };
}

/* ------------------------------------------------------------------------------------------ */
/* Helpers for the checks                                                                      */
/* ------------------------------------------------------------------------------------------ */

/** The starts of the densest window, for failure messages. */
function densestWindow(records: readonly StartRecord[], windowMs: number): StartRecord[] {
  const sorted = [...records].sort((a, b) => a.at - b.at);
  let best: StartRecord[] = [];
  let first = 0;
  for (let last = 0; last < sorted.length; last++) {
    while (sorted[last]!.at - sorted[first]!.at >= windowMs) first++;
    if (last - first + 1 > best.length) best = sorted.slice(first, last + 1);
  }
  return best;
}

const showStarts = (records: readonly StartRecord[]) =>
  records.map((start) => `#${start.id}@${start.at}(${start.priority}, try ${start.attempt})`);

/** How long one attempt of the request ran. */
function durationOf(run: Run, start: StartRecord): number {
  return run.requests[Number(start.id)]!.arrival.durationMs;
}

/** Index in the start log of each request's first attempt. */
function firstStartIndex(run: Run): Map<string, number> {
  const first = new Map<string, number>();
  run.starts.forEach((start, index) => {
    if (start.attempt === 1 && !first.has(start.id)) first.set(start.id, index);
  });
  return first;
}

function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

const describeOutcome = (outcome: Outcome) =>
  outcome.type === 'pending'
    ? 'still pending'
    : outcome.type === 'resolved'
      ? `resolved with ${JSON.stringify(outcome.value)} at ${outcome.at}`
      : `rejected at ${outcome.at} with ${String(outcome.error)}`;

/** The request was aborted before its promise settled (an abort after settling changes nothing). */
const cancelledBeforeSettling = (request: RequestLog) =>
  request.abort !== null &&
  (request.outcome.type === 'pending' || request.abort.seq < request.outcome.seq);

/* ------------------------------------------------------------------------------------------ */
/* Properties over random traffic                                                               */
/* ------------------------------------------------------------------------------------------ */

function checkBudget(run: Run): void {
  const { requests, windowMs } = run.limits;
  const max = run.maxStartsInWindow();
  expect(
    max,
    `${max} starts (all attempts) within one window of ${windowMs} ms, budget ${requests}: ` +
      showStarts(densestWindow(run.starts, windowMs)).join(', '),
  ).toBeLessThanOrEqual(requests);
  // The rule behind it, anchored on settling: a slot is held from its start until one window
  // after its attempt ended, so at no start may more than `requests` slots be held.
  const held = run.starts.map((start) => ({
    start,
    releasedAt: start.at + durationOf(run, start) + windowMs,
  }));
  for (const { start } of held) {
    const holding = held.filter((slot) => slot.start.at <= start.at && slot.releasedAt > start.at);
    expect(
      holding.length,
      `at ${start.at}, ${holding.length} slots were held (started, and not yet a window past ` +
        `their end), budget ${requests}: ${showStarts(holding.map((slot) => slot.start)).join(', ')}`,
    ).toBeLessThanOrEqual(requests);
  }
}

function checkBackgroundShare(run: Run): void {
  const cap = backgroundCap(run.limits);
  const background = run.starts.filter((start) => start.priority === 'background');
  const max = run.maxStartsInWindow(background);
  expect(
    max,
    `${max} background starts within one window of ${run.limits.windowMs} ms, background cap ${cap}: ` +
      showStarts(densestWindow(background, run.limits.windowMs)).join(', '),
  ).toBeLessThanOrEqual(cap);
}

/**
 * Stronger than comparing times: a first start earlier in the start log than the first start of a
 * request that arrived before it (and started later, so was then waiting, eligible, not cancelled)
 * means it was passed over, even when both started at the same fake instant.
 */
function checkOrder(
  run: Run,
  mustPrecede: (earlier: RequestLog, later: RequestLog) => boolean,
  label: string,
): void {
  const first = firstStartIndex(run);
  for (const a of run.requests) {
    const aIndex = first.get(a.id);
    if (aIndex === undefined) continue;
    for (const b of run.requests) {
      const bIndex = first.get(b.id);
      if (bIndex === undefined || !mustPrecede(a, b) || aIndex < bIndex) continue;
      const aStart: StartRecord = run.starts[aIndex]!;
      const bStart: StartRecord = run.starts[bIndex]!;
      expect.fail(
        `${label}: #${a.id} (${a.arrival.priority}, arrived ${a.arrival.at}, submitted ` +
          `${a.submitOrder}) first started at ${aStart.at} (start #${aIndex}), after ` +
          `#${b.id} (${b.arrival.priority}, arrived ${b.arrival.at}, submitted ${b.submitOrder}) ` +
          `first started at ${bStart.at} (start #${bIndex})`,
      );
    }
  }
}

function checkInteractiveBeforeLaterBackground(run: Run): void {
  checkOrder(
    run,
    (a, b) =>
      a.arrival.priority === 'interactive' &&
      b.arrival.priority === 'background' &&
      b.arrival.at > a.arrival.at,
    'interactive work waited for background work that arrived later',
  );
}

function checkFifoWithinPriority(run: Run): void {
  checkOrder(
    run,
    (a, b) => a.arrival.priority === b.arrival.priority && a.submitOrder < b.submitOrder,
    'a request passed an earlier one of its priority',
  );
}

/**
 * A start at the very instant of the abort is allowed only when it came first in the event log:
 * e.g. another request's arrival timer, created before the cancel timer, fired first at that
 * instant and its pump started this request. After the abort nothing of this request may start.
 */
function checkCancellation(run: Run): void {
  for (const request of run.requests) {
    const { abort } = request;
    if (!abort) continue;
    const starts = run.starts.map((start, index) => ({ start, index }));
    const own = starts.filter(({ start }) => start.id === request.id);
    const late = own.filter(({ index }) => index >= abort.startsBefore);
    expect(
      late.map(({ start }) => start),
      `#${request.id} was cancelled at ${abort.at} (after ${abort.startsBefore} starts) yet started after that`,
    ).toEqual([]);
    for (const { start } of own) {
      expect(
        start.at,
        `#${request.id} started at ${start.at} after its cancellation at ${abort.at}`,
      ).toBeLessThanOrEqual(abort.at);
    }
    if (!cancelledBeforeSettling(request)) continue;
    // The harness's tasks ignore the signal (a real fetch would fail with it), so a request whose
    // successful attempt was already running when it was cancelled still resolves.
    const okAttempt = request.arrival.retryAfterMs === null ? 1 : 2;
    const okAttemptStarted = own.some(({ start }) => start.attempt === okAttempt);
    const { outcome } = request;
    if (okAttemptStarted) {
      expect(
        outcome,
        `#${request.id}, cancelled at ${abort.at} while its last attempt ran: ${describeOutcome(outcome)}`,
      ).toMatchObject({ type: 'resolved', value: request.id });
    } else {
      expect(
        outcome.type === 'rejected' && isAbortError(outcome.error),
        `#${request.id}, cancelled at ${abort.at} before its last attempt started, should reject ` +
          `with an AbortError but is ${describeOutcome(outcome)}`,
      ).toBe(true);
    }
  }
}

/**
 * After a 429 that ended at t with Retry-After r, nothing of the key starts in (t, t + r). The
 * attempt ends at start + duration; a request cancelled at or before that instant does not pause
 * the key (its failure is the cancellation, and the same instant is ambiguous), so it is skipped.
 */
function checkThrottlePause(run: Run): void {
  for (const request of run.requests) {
    const { retryAfterMs, durationMs } = request.arrival;
    if (retryAfterMs === null) continue;
    const throttled = run.starts.find((start) => start.id === request.id && start.attempt === 1);
    if (!throttled) continue;
    const endedAt = throttled.at + durationMs;
    if (request.abort && request.abort.at <= endedAt) continue;
    const pausedUntil = endedAt + retryAfterMs;
    const inPause = run.starts.filter((start) => start.at > endedAt && start.at < pausedUntil);
    expect(
      showStarts(inPause),
      `#${request.id} met a 429 ending at ${endedAt} with Retry-After ${retryAfterMs} ms, so the ` +
        `key is paused until ${pausedUntil}`,
    ).toEqual([]);
  }
}

function checkEverySettles(run: Run): void {
  const first = firstStartIndex(run);
  for (const request of run.requests) {
    const { outcome, arrival } = request;
    expect(
      outcome.type,
      `#${request.id} (arrived ${arrival.at}) never settled; the clock stopped at ${run.endedAt}`,
    ).not.toBe('pending');
    if (cancelledBeforeSettling(request)) continue; // checked by the cancellation property
    const firstIndex = first.get(request.id);
    const firstStart = firstIndex === undefined ? undefined : run.starts[firstIndex];
    if (arrival.maxWaitMs !== null) {
      const deadline = arrival.at + arrival.maxWaitMs;
      if (outcome.type === 'rejected' && outcome.error instanceof QueueShedError) {
        expect(outcome.error.reason, `#${request.id} shed`).toBe('max-wait');
        expect(firstStart, `#${request.id} was shed for waiting too long, yet it had started`).toBe(
          undefined,
        );
        expect(
          outcome.at,
          `#${request.id} (max wait until ${deadline}) shed at ${outcome.at}`,
        ).toBe(deadline);
        continue;
      }
      if (firstStart) {
        expect(
          firstStart.at,
          `#${request.id} started at ${firstStart.at}, after its maximum wait ended at ${deadline}`,
        ).toBeLessThanOrEqual(deadline);
      }
    }
    expect(
      outcome,
      `#${request.id} (${arrival.priority}, arrived ${arrival.at}) was neither cancelled nor shed ` +
        `but is ${describeOutcome(outcome)}`,
    ).toMatchObject({ type: 'resolved', value: request.id });
  }
}

describe('request queue properties over random traffic', () => {
  const property = (check: (run: Run) => void, weights?: TrafficWeights) =>
    fc.asyncProperty(scenarioArbitrary(weights), async (scenario) => {
      check(await simulate(scenario));
    });

  it('never starts more than the budget within any window, retries included', async () => {
    await fc.assert(property(checkBudget), { numRuns: 150 });
  });

  it('never lets background work hold more than its share of a window', async () => {
    await fc.assert(property(checkBackgroundShare), { numRuns: 150 });
  });

  it('never starts background work ahead of interactive work that arrived earlier', async () => {
    await fc.assert(property(checkInteractiveBeforeLaterBackground), { numRuns: 150 });
  });

  it('starts the requests of one priority in the order they arrived', async () => {
    await fc.assert(property(checkFifoWithinPriority), { numRuns: 150 });
  });

  it('never starts cancelled work, and rejects it with an AbortError', async () => {
    await fc.assert(property(checkCancellation, { cancel: 40, throttle: 20, maxWait: 5 }), {
      numRuns: 150,
    });
  });

  it('starts nothing of the key while a 429 pause lasts', async () => {
    await fc.assert(property(checkThrottlePause, { cancel: 10, throttle: 40, maxWait: 5 }), {
      numRuns: 150,
    });
  });

  it('settles every request, and resolves every one not cancelled or shed', async () => {
    await fc.assert(property(checkEverySettles, { cancel: 20, throttle: 20, maxWait: 15 }), {
      numRuns: 150,
    });
  });
});

/* ------------------------------------------------------------------------------------------ */
/* Budget use with a backlog                                                                   */
/* ------------------------------------------------------------------------------------------ */

type BacklogMode = 'interactive' | 'background' | 'mixed';

interface Backlog {
  mode: BacklogMode;
  limits: BudgetLimits;
  /** Requests in the backlog: k times the cap. */
  k: number;
  /** Durations (and, when mixed, priorities) cycle through these for request i. */
  durationsMs: number[];
  background: boolean[];
}

function backlogArbitrary(mode: BacklogMode): fc.Arbitrary<Backlog> {
  return fc
    .record({
      requests: fc.integer({ min: 50, max: 500 }),
      windowMs: fc.integer({ min: 1_000, max: 60_000 }),
      // Mixed work can only fill the whole budget when background work may use all of it.
      backgroundShare: mode === 'mixed' ? fc.constant(1) : fc.constantFrom(0.5, 0.9, 1),
      k: fc.integer({ min: 2, max: 10 }),
      durations: fc.array(fc.integer({ min: 0, max: WINDOW / 200 }), {
        minLength: 1,
        maxLength: 16,
      }),
      background: fc.array(fc.boolean(), { minLength: 1, maxLength: 16 }),
    })
    .map(({ requests, windowMs, backgroundShare, k, durations, background }) => ({
      mode,
      limits: { requests, windowMs, backgroundShare },
      k,
      durationsMs: durations.map((fraction) => Math.floor((fraction * windowMs) / WINDOW)),
      background: mode === 'mixed' ? background : [mode === 'background'],
    }));
}

async function checkBacklogUsesBudget({
  mode,
  limits,
  k,
  durationsMs,
  background,
}: Backlog): Promise<void> {
  const { fake, submit, starts, queue } = createQueueHarness(limits, {
    maxWaitMs: { interactive: Infinity, background: Infinity },
    maxDepth: Infinity,
  });
  const cap = mode === 'background' ? backgroundCap(limits) : limits.requests;
  const total = k * cap;
  let resolved = 0;
  for (let i = 0; i < total; i++) {
    void submit(String(i), {
      priority: background[i % background.length] ? 'background' : 'interactive',
      durationMs: durationsMs[i % durationsMs.length],
    }).then(() => resolved++);
  }
  for (let step = 0; resolved < total && step < 2 * k + 4; step++) {
    await fake.tickAsync(limits.windowMs);
  }
  queue.dispose();
  expect(resolved, `only ${resolved} of ${total} requests resolved by ${fake.now}`).toBe(total);
  expect(starts, 'each request starts exactly once').toHaveLength(total);
  // Nothing else happens after time 0, so every later start must be the moment a slot freed:
  // one window after some earlier attempt ended. A start later than that left budget idle.
  const releases = new Set(
    starts.map(
      (start) => start.at + durationsMs[Number(start.id) % durationsMs.length]! + limits.windowMs,
    ),
  );
  const idle = starts.find((start) => start.at > 0 && !releases.has(start.at));
  expect(
    idle,
    `#${idle?.id} started at ${idle?.at}, which is not the moment any slot freed`,
  ).toBeUndefined();
  const last = Math.max(...starts.map((start) => start.at));
  const windows = Math.floor(last / limits.windowMs) + 1;
  const use = total / (cap * windows);
  expect(
    use,
    `${total} requests (cap ${cap} a window) took until ${last} ms, ${windows} windows of ` +
      `${limits.windowMs} ms: ${(use * 100).toFixed(1)}% of the budget used`,
  ).toBeGreaterThanOrEqual(0.98);
}

describe('budget use with a backlog', () => {
  for (const mode of ['interactive', 'background', 'mixed'] as const) {
    it(`uses at least 98% of the budget for a backlog of ${mode} work`, async () => {
      await fc.assert(fc.asyncProperty(backlogArbitrary(mode), checkBacklogUsesBudget), {
        numRuns: 10,
      });
    });
  }
});
