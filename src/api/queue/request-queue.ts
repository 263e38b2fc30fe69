import { backoffDelay } from './backoff';
import type { BudgetLedger } from './budget-ledger';
import { systemClock, type Clock } from './clock';
import { NotSentError, QueueShedError } from './queue-errors';
import type { BudgetLimits, Priority, SlotDecision } from './sliding-window';

/** How the queue should treat a failed attempt; the client knows HTTP, the queue does not. */
export type FailureVerdict =
  | { type: 'throttled'; retryAfterMs: number | undefined }
  | { type: 'transient' }
  | { type: 'final' };

export interface TaskContext {
  /** 1 for the first try; retries count up. */
  attempt: number;
}

export interface ScheduleOptions {
  key: string;
  priority: Priority;
  /** Only idempotent work is retried after a network error, 408 or 5xx. A 429 is always retried. */
  idempotent: boolean;
  signal?: AbortSignal;
  /** Longest wait for a first start before the work is shed; defaults per priority. */
  maxWaitMs?: number;
  /**
   * Told once if the work has to wait for budget (a full window, a pause) rather than start as
   * soon as the slot is claimed: a caller holding back its own work until this request is on its
   * way then goes on.
   */
  onHeld?: () => void;
}

export interface QueueKeyStatus {
  key: string;
  limit: number;
  windowMs: number;
  /** Slots occupied in the current window, across every tab sharing the budget. */
  used: number;
  inFlight: number;
  waitingInteractive: number;
  waitingBackground: number;
  /** 0 when not paused. */
  pausedUntil: number;
  /** When waiting work can next start, because a slot frees or a pause ends; 0 when none waits. */
  nextStartAt: number;
}

export interface RequestQueueOptions {
  ledger: BudgetLedger;
  limits: (key: string) => BudgetLimits;
  classify: (error: unknown) => FailureVerdict;
  clock?: Clock;
  random?: () => number;
  /** Tries in all for transient failures (network, 408, 5xx). */
  maxAttempts?: number;
  /** 429s one request may meet before its error is final. */
  maxThrottleRetries?: number;
  retryBaseMs?: number;
  retryCapMs?: number;
  /** Retry-After is obeyed up to this long; a server asking for more is not waited on blindly. */
  maxPauseMs?: number;
  /** A 429 without a usable Retry-After pauses this long. */
  defaultPauseMs?: number;
  /** Waiting requests per key before new work is refused. */
  maxDepth?: number;
  maxWaitMs?: Partial<Record<Priority, number>>;
}

interface Job {
  seq: number;
  key: string;
  priority: Priority;
  idempotent: boolean;
  signal: AbortSignal | undefined;
  task: (context: TaskContext) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
  state: 'waiting' | 'running' | 'done';
  /** Retries wait out their backoff here; first tries start at once when budget allows. */
  notBefore: number;
  deadline: number;
  attempts: number;
  throttles: number;
  detachAbort: () => void;
  onHeld: (() => void) | undefined;
}

interface KeyState {
  key: string;
  waiting: Record<Priority, Job[]>;
  inFlight: number;
  claiming: boolean;
  pumpedWhileClaiming: boolean;
  /** Waiting jobs with a deadline or a retry delay; when none, pumping needs no scan of them. */
  timed: number;
  timer: unknown;
  wakeAt: number;
}

const PRIORITIES: readonly Priority[] = ['interactive', 'background'];

function isPromise<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as Promise<T> | undefined)?.then === 'function';
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The request was cancelled.', 'AbortError');
}

/**
 * The per-tenant request queue: every Partner Center call waits here for a start slot in its
 * key's sliding window, interactive work ahead of background work, 429s pausing the whole key.
 * It runs the tasks it is given and knows nothing of HTTP or React.
 */
export class RequestQueue {
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly settings: Required<
    Pick<
      RequestQueueOptions,
      | 'maxAttempts'
      | 'maxThrottleRetries'
      | 'retryBaseMs'
      | 'retryCapMs'
      | 'maxPauseMs'
      | 'defaultPauseMs'
      | 'maxDepth'
    >
  > & { maxWaitMs: Record<Priority, number> };
  private readonly keys = new Map<string, KeyState>();
  private readonly listeners = new Set<() => void>();
  private readonly instance = globalThis.crypto.randomUUID();
  private readonly detachLedger: () => void;
  private nextSeq = 0;

  constructor(private readonly options: RequestQueueOptions) {
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
    this.settings = {
      maxAttempts: options.maxAttempts ?? 4,
      maxThrottleRetries: options.maxThrottleRetries ?? 5,
      retryBaseMs: options.retryBaseMs ?? 500,
      retryCapMs: options.retryCapMs ?? 30_000,
      maxPauseMs: options.maxPauseMs ?? 120_000,
      defaultPauseMs: options.defaultPauseMs ?? 5_000,
      maxDepth: options.maxDepth ?? 1_000,
      maxWaitMs: {
        interactive: options.maxWaitMs?.interactive ?? 120_000,
        background: options.maxWaitMs?.background ?? Infinity,
      },
    };
    this.detachLedger = options.ledger.onChange(() => {
      for (const key of this.keys.keys()) this.pump(key);
      this.notify();
    });
  }

  schedule<T>(task: (context: TaskContext) => Promise<T>, options: ScheduleOptions): Promise<T> {
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    const state = this.keyState(options.key);
    if (this.depth(state) >= this.settings.maxDepth && !this.makeRoom(state, options.priority)) {
      return Promise.reject(new QueueShedError('queue-full'));
    }
    return new Promise<T>((resolve, reject) => {
      const now = this.clock.now();
      const job: Job = {
        seq: this.nextSeq++,
        key: options.key,
        priority: options.priority,
        idempotent: options.idempotent,
        signal,
        task,
        resolve: resolve as (value: unknown) => void,
        reject,
        state: 'waiting',
        notBefore: now,
        deadline: now + (options.maxWaitMs ?? this.settings.maxWaitMs[options.priority]),
        attempts: 0,
        throttles: 0,
        detachAbort: () => {},
        onHeld: options.onHeld,
      };
      if (signal) {
        const onAbort = () => this.abort(job, abortReason(signal));
        signal.addEventListener('abort', onAbort, { once: true });
        job.detachAbort = () => signal.removeEventListener('abort', onAbort);
      }
      this.add(state, job);
      this.notify();
      this.pump(job.key);
    });
  }

  status(key: string): QueueKeyStatus {
    const limits = this.options.limits(key);
    const now = this.clock.now();
    const usage = this.options.ledger.usage(key, limits, now);
    const state = this.keys.get(key);
    return {
      key,
      limit: limits.requests,
      windowMs: limits.windowMs,
      used: usage.used,
      inFlight: state?.inFlight ?? 0,
      waitingInteractive: state?.waiting.interactive.length ?? 0,
      waitingBackground: state?.waiting.background.length ?? 0,
      pausedUntil: usage.pausedUntil,
      nextStartAt: state && Number.isFinite(state.wakeAt) && state.wakeAt > now ? state.wakeAt : 0,
    };
  }

  /** Called on every change of waiting, in-flight or pause state (not on the window's decay). */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  dispose(): void {
    this.detachLedger();
    for (const state of this.keys.values()) {
      if (state.timer !== undefined) this.clock.clearTimeout(state.timer);
    }
    this.listeners.clear();
  }

  private keyState(key: string): KeyState {
    let state = this.keys.get(key);
    if (!state) {
      state = {
        key,
        waiting: { interactive: [], background: [] },
        inFlight: 0,
        claiming: false,
        pumpedWhileClaiming: false,
        timed: 0,
        timer: undefined,
        wakeAt: Infinity,
      };
      this.keys.set(key, state);
    }
    return state;
  }

  private depth(state: KeyState): number {
    return state.waiting.interactive.length + state.waiting.background.length;
  }

  /** A full queue still takes a click: the newest background request gives up its place. */
  private makeRoom(state: KeyState, priority: Priority): boolean {
    if (priority !== 'interactive') return false;
    const newest = state.waiting.background.findLast((job) => job.attempts === 0);
    if (!newest) return false;
    this.finish(newest, () => newest.reject(new QueueShedError('displaced')));
    return true;
  }

  private isTimed(job: Job): boolean {
    return job.attempts > 0 || Number.isFinite(job.deadline);
  }

  private add(state: KeyState, job: Job): void {
    const list = state.waiting[job.priority];
    // A retry keeps its place: ahead of everything of its priority that arrived after it.
    const index = job.attempts > 0 ? list.findIndex((other) => other.seq > job.seq) : -1;
    list.splice(index < 0 ? list.length : index, 0, job);
    if (this.isTimed(job)) state.timed += 1;
  }

  private remove(job: Job): void {
    const state = this.keyState(job.key);
    const list = state.waiting[job.priority];
    const index = list.indexOf(job);
    if (index < 0) return;
    list.splice(index, 1);
    if (this.isTimed(job)) state.timed -= 1;
  }

  private finish(job: Job, settle: () => void): void {
    if (job.state === 'waiting') this.remove(job);
    job.state = 'done';
    job.detachAbort();
    settle();
    this.notify();
  }

  private abort(job: Job, reason: unknown): void {
    // A running job hears the same signal through its own fetch and fails with it.
    if (job.state !== 'waiting') return;
    this.finish(job, () => job.reject(reason));
  }

  private pump(key: string): void {
    const state = this.keyState(key);
    if (state.claiming) {
      state.pumpedWhileClaiming = true;
      return;
    }
    let blockedUntil: number | undefined = Infinity;
    // One reading of the clock decides both who may start and when to wake: read twice, a
    // retry due in between would be neither started nor woken for.
    let now = this.clock.now();
    for (; ; now = this.clock.now()) {
      const job = this.nextEligible(state, now);
      if (!job) break;
      const id = `${this.instance}:${job.seq}:${job.attempts}`;
      const decision = this.options.ledger.claim({
        key,
        id,
        priority: job.priority,
        limits: this.options.limits(key),
        now,
      });
      if (isPromise(decision)) {
        state.claiming = true;
        state.pumpedWhileClaiming = false;
        decision.then(
          (settled) => {
            state.claiming = false;
            // New work (a click) or another tab's change may have come in meanwhile: look again.
            if (this.afterClaim(job, id, settled) || state.pumpedWhileClaiming) {
              this.pump(key);
              return;
            }
            const retryAt = settled.granted ? Infinity : settled.retryAt;
            if (!settled.granted) this.held(state);
            this.arm(state, this.nextWake(state, retryAt, this.clock.now()));
          },
          () => {
            // The shared ledger could not be reached this time: ask again shortly.
            state.claiming = false;
            this.arm(state, this.clock.now() + 250);
          },
        );
        return;
      }
      if (!this.afterClaim(job, id, decision)) {
        blockedUntil = decision.granted ? Infinity : decision.retryAt;
        this.held(state);
        break;
      }
    }
    // Shed only after trying to start: work whose deadline is now still gets a free slot.
    this.shedExpired(state, now);
    this.arm(state, this.nextWake(state, blockedUntil, now));
  }

  /** True when the queue may go on to the next job. */
  private afterClaim(job: Job, id: string, decision: SlotDecision): boolean {
    if (!decision.granted) return false;
    if (job.state !== 'waiting') {
      // Cancelled while its slot was being claimed: hand the slot back unspent.
      this.options.ledger.cancel(job.key, id);
      return true;
    }
    this.start(job, id);
    return true;
  }

  /** A claim was refused: every job still waiting waits for budget, and those asking are told. */
  private held(state: KeyState): void {
    for (const priority of PRIORITIES) {
      for (const job of state.waiting[priority]) {
        const onHeld = job.onHeld;
        job.onHeld = undefined;
        onHeld?.();
      }
    }
  }

  private nextEligible(state: KeyState, now: number): Job | undefined {
    for (const priority of PRIORITIES) {
      const job = state.waiting[priority].find((candidate) => candidate.notBefore <= now);
      if (job) return job;
    }
    return undefined;
  }

  private shedExpired(state: KeyState, now: number): void {
    if (state.timed === 0) return;
    for (const priority of PRIORITIES) {
      for (const job of [...state.waiting[priority]]) {
        if (job.attempts === 0 && job.deadline <= now) {
          this.finish(job, () => job.reject(new QueueShedError('max-wait')));
        }
      }
    }
  }

  private nextWake(state: KeyState, blockedUntil: number | undefined, now: number): number {
    // undefined: the window is full of requests still in flight; their settling pumps again.
    let wake = blockedUntil ?? Infinity;
    if (state.timed === 0) return this.depth(state) ? wake : Infinity;
    for (const priority of PRIORITIES) {
      for (const job of state.waiting[priority]) {
        if (job.notBefore > now) wake = Math.min(wake, job.notBefore);
        if (job.attempts === 0) wake = Math.min(wake, job.deadline);
      }
    }
    return this.depth(state) ? wake : Infinity;
  }

  private arm(state: KeyState, wakeAt: number): void {
    if (wakeAt === state.wakeAt) return;
    if (state.timer !== undefined) this.clock.clearTimeout(state.timer);
    state.timer = undefined;
    state.wakeAt = wakeAt;
    if (!Number.isFinite(wakeAt)) return;
    state.timer = this.clock.setTimeout(
      () => {
        state.timer = undefined;
        state.wakeAt = Infinity;
        this.pump(state.key);
        this.notify();
      },
      Math.max(0, wakeAt - this.clock.now()),
    );
  }

  private start(job: Job, id: string): void {
    const state = this.keyState(job.key);
    this.remove(job);
    job.state = 'running';
    job.attempts += 1;
    state.inFlight += 1;
    this.notify();
    const settle = () => {
      this.options.ledger.settle(job.key, id, this.clock.now());
      state.inFlight -= 1;
    };
    let running: Promise<unknown>;
    try {
      running = Promise.resolve(job.task({ attempt: job.attempts }));
    } catch (error) {
      running = Promise.reject(error);
    }
    running.then(
      (value) => {
        settle();
        this.finish(job, () => job.resolve(value));
        this.pump(job.key);
      },
      (error: unknown) => {
        if (error instanceof NotSentError) {
          this.options.ledger.cancel(job.key, id);
          state.inFlight -= 1;
          if (error.again && !job.signal?.aborted) this.requeue(job, this.clock.now());
          else this.finish(job, () => job.reject(error.reason));
        } else {
          settle();
          this.handleFailure(job, error);
        }
        this.pump(job.key);
      },
    );
  }

  private handleFailure(job: Job, error: unknown): void {
    const verdict = this.options.classify(error);
    const now = this.clock.now();
    if (job.signal?.aborted) {
      // The user moved on, but a 429 still tells every request of the key to wait.
      if (verdict.type === 'throttled') {
        this.options.ledger.pause(job.key, now + this.pauseFor(verdict.retryAfterMs, 1));
      }
      this.finish(job, () => job.reject(abortReason(job.signal as AbortSignal)));
      return;
    }
    if (verdict.type === 'throttled' && job.throttles < this.settings.maxThrottleRetries) {
      job.throttles += 1;
      this.options.ledger.pause(job.key, now + this.pauseFor(verdict.retryAfterMs, job.throttles));
      this.requeue(job, now);
      return;
    }
    const transientTries = job.attempts - job.throttles;
    if (
      verdict.type === 'transient' &&
      job.idempotent &&
      transientTries < this.settings.maxAttempts
    ) {
      const delay = backoffDelay(
        transientTries,
        { baseMs: this.settings.retryBaseMs, capMs: this.settings.retryCapMs },
        this.random,
      );
      this.requeue(job, now + delay);
      return;
    }
    this.finish(job, () => job.reject(error));
  }

  /** Retry-After as given (capped); from a request's second 429 on, exponential with jitter. */
  private pauseFor(retryAfterMs: number | undefined, throttles: number): number {
    let pause = retryAfterMs ?? this.settings.defaultPauseMs;
    if (throttles > 1) {
      const backoff = backoffDelay(
        throttles - 1,
        { baseMs: this.settings.defaultPauseMs, capMs: this.settings.maxPauseMs },
        this.random,
      );
      pause = Math.max(pause, backoff);
    }
    return Math.min(pause, this.settings.maxPauseMs);
  }

  private requeue(job: Job, notBefore: number): void {
    job.state = 'waiting';
    job.notBefore = notBefore;
    this.add(this.keyState(job.key), job);
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
