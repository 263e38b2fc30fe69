import { createClock, type Clock as FakeClock } from '@sinonjs/fake-timers';
import { MemoryLedger, type BudgetLedger } from './budget-ledger';
import type { Clock } from './clock';
import { RequestQueue, type FailureVerdict, type RequestQueueOptions } from './request-queue';
import type { BudgetLimits, Priority } from './sliding-window';

/** What a fake task throws to play a Partner Center answer the queue must react to. */
export class FakeFailure extends Error {
  constructor(readonly verdict: FailureVerdict) {
    super(verdict.type);
  }
}

export function classifyFake(error: unknown): FailureVerdict {
  return error instanceof FakeFailure ? error.verdict : { type: 'final' };
}

export interface StartRecord {
  id: string;
  priority: Priority;
  at: number;
  attempt: number;
}

/** A queue on a fake clock, and a log of every start, for tests that reason about time. */
export function createQueueHarness(
  limits: BudgetLimits,
  options: Partial<RequestQueueOptions> & { ledger?: BudgetLedger; fake?: FakeClock } = {},
) {
  // Queues of several tabs share one fake clock.
  const fake = options.fake ?? createClock(0, 1_000_000);
  const clock: Clock = {
    now: () => fake.now,
    setTimeout: (callback, delayMs) => fake.setTimeout(callback, delayMs),
    clearTimeout: (handle) => fake.clearTimeout(handle as number),
  };
  const ledger = options.ledger ?? new MemoryLedger();
  let seed = 1;
  const queue = new RequestQueue({
    ledger,
    limits: () => limits,
    classify: classifyFake,
    clock,
    random: () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    },
    ...options,
  });
  const starts: StartRecord[] = [];

  /**
   * Schedules a request whose work takes `durationMs` of fake time; `outcomes` says how each
   * attempt ends (default: success).
   */
  function submit(
    id: string,
    request: {
      key?: string;
      priority?: Priority;
      idempotent?: boolean;
      durationMs?: number;
      outcomes?: (FailureVerdict | 'ok')[];
      signal?: AbortSignal;
      maxWaitMs?: number;
      onHeld?: () => void;
    } = {},
  ): Promise<string> {
    const priority = request.priority ?? 'interactive';
    return queue.schedule(
      ({ attempt }) => {
        starts.push({ id, priority, at: fake.now, attempt });
        const outcome = request.outcomes?.[attempt - 1] ?? 'ok';
        const finish = () =>
          outcome === 'ok' ? Promise.resolve(id) : Promise.reject(new FakeFailure(outcome));
        const durationMs = request.durationMs ?? 0;
        // The fake clock runs a 0 ms timer set during a tick 1 ms later; an instant answer is a
        // microtask instead.
        if (durationMs === 0) return finish();
        return new Promise<void>((resolve) => fake.setTimeout(() => resolve(), durationMs)).then(
          finish,
        );
      },
      {
        key: request.key ?? 'tenant',
        priority,
        idempotent: request.idempotent ?? true,
        signal: request.signal,
        maxWaitMs: request.maxWaitMs,
        onHeld: request.onHeld,
      },
    );
  }

  /** Starts per sliding window: the largest number of starts inside any window of `windowMs`. */
  function maxStartsInWindow(records: StartRecord[] = starts, windowMs = limits.windowMs): number {
    const times = records.map((record) => record.at).sort((a, b) => a - b);
    let max = 0;
    let first = 0;
    for (let last = 0; last < times.length; last++) {
      while ((times[last] as number) - (times[first] as number) >= windowMs) first++;
      max = Math.max(max, last - first + 1);
    }
    return max;
  }

  return { fake, clock, ledger, queue, starts, submit, maxStartsInWindow };
}
