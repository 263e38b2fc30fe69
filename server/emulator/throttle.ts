/**
 * Partner Center's throttling as the emulator plays it: a sliding window of request start times
 * per partner tenant. A request is admitted when fewer than `limit` admitted requests started in
 * the last `windowMs` (the half-open window (now - windowMs, now]); otherwise it is refused and
 * told when the oldest of them leaves the window. Refused requests take no slot, as Retry-After
 * would otherwise lie.
 */

/** A queue of timestamps that only grows at the tail and shrinks at the head. */
class TimeQueue {
  #items: number[] = [];
  #head = 0;

  get size(): number {
    return this.#items.length - this.#head;
  }

  get oldest(): number | undefined {
    return this.#items[this.#head];
  }

  push(time: number): void {
    this.#items.push(time);
  }

  /** Drops every time at or before `cutoff`. */
  dropUntil(cutoff: number): void {
    while (this.#head < this.#items.length && (this.#items[this.#head] ?? Infinity) <= cutoff) {
      this.#head += 1;
    }
    if (this.#head > 1024 && this.#head * 2 > this.#items.length) {
      this.#items = this.#items.slice(this.#head);
      this.#head = 0;
    }
  }
}

export interface TenantMetrics {
  /** Requests that reached the limiter (admitted or refused). */
  requests: number;
  /** Requests refused with 429. */
  throttled: number;
  /** The largest number of requests that started within any one window, refused ones included. */
  maxInWindow: number;
  /** Writes committed. */
  writes: number;
}

interface TenantState {
  admitted: TimeQueue;
  arrivals: TimeQueue;
  metrics: TenantMetrics;
}

export type Admission = { admitted: true } | { admitted: false; retryAfterSeconds: number };

export class TenantThrottle {
  readonly #tenants = new Map<string, TenantState>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  #state(tenantId: string): TenantState {
    let state = this.#tenants.get(tenantId);
    if (!state) {
      state = {
        admitted: new TimeQueue(),
        arrivals: new TimeQueue(),
        metrics: { requests: 0, throttled: 0, maxInWindow: 0, writes: 0 },
      };
      this.#tenants.set(tenantId, state);
    }
    return state;
  }

  /** Counts a request's start; a forced refusal (a fault) is counted but never admitted. */
  admit(tenantId: string, forcedRetryAfterSeconds = 0): Admission {
    const now = this.now();
    const state = this.#state(tenantId);
    const cutoff = now - this.windowMs;
    state.metrics.requests += 1;
    state.arrivals.dropUntil(cutoff);
    state.arrivals.push(now);
    state.metrics.maxInWindow = Math.max(state.metrics.maxInWindow, state.arrivals.size);

    state.admitted.dropUntil(cutoff);
    if (forcedRetryAfterSeconds > 0) {
      state.metrics.throttled += 1;
      return { admitted: false, retryAfterSeconds: forcedRetryAfterSeconds };
    }
    if (state.admitted.size >= this.limit) {
      state.metrics.throttled += 1;
      const frees = (state.admitted.oldest ?? now) + this.windowMs;
      return { admitted: false, retryAfterSeconds: Math.max(1, Math.ceil((frees - now) / 1000)) };
    }
    state.admitted.push(now);
    return { admitted: true };
  }

  countWrite(tenantId: string): void {
    this.#state(tenantId).metrics.writes += 1;
  }

  /**
   * The counters, and how many admitted requests the window holds right now: a test that needs
   * an empty window waits for `inWindow` to reach 0 instead of sleeping a window's length.
   */
  metrics(): Record<string, TenantMetrics & { inWindow: number }> {
    const cutoff = this.now() - this.windowMs;
    return Object.fromEntries(
      [...this.#tenants].map(([tenantId, state]) => {
        state.admitted.dropUntil(cutoff);
        return [tenantId, { ...state.metrics, inWindow: state.admitted.size }];
      }),
    );
  }

  /** Forgets the counters (not the window: the budget already spent stays spent). */
  resetMetrics(): void {
    for (const state of this.#tenants.values()) {
      state.metrics = { requests: 0, throttled: 0, maxInWindow: 0, writes: 0 };
      state.arrivals = new TimeQueue();
    }
  }
}
