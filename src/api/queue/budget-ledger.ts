import {
  claimSlot,
  occupiedSlots,
  type BudgetLimits,
  type ClaimRequest,
  type Priority,
  type SlotDecision,
  type SlotLog,
} from './sliding-window';

export interface KeyUsage {
  /** Slots occupied in the current window, by every tab sharing the ledger. */
  used: number;
  pausedUntil: number;
}

/**
 * Where spent budget is written down. The in-memory ledger answers synchronously (tests, Node,
 * a single tab); the cross-tab ledger answers after taking a Web Lock, hence `MaybePromise`.
 */
export interface BudgetLedger {
  claim(request: ClaimRequest): SlotDecision | Promise<SlotDecision>;
  /** The request came back (or failed): its slot frees one window later. */
  settle(key: string, id: string, now: number): void;
  /** A granted slot that was never used (the request was cancelled meanwhile). */
  cancel(key: string, id: string): void;
  /** A 429: nobody sharing this ledger starts a request for the key before `until`. */
  pause(key: string, until: number): void;
  usage(key: string, limits: BudgetLimits, now: number): KeyUsage;
  /** Another tab changed the ledger: waiting work may be able to start. */
  onChange(listener: () => void): () => void;
}

interface KeyLog extends SlotLog {
  /**
   * The last refusal per priority, valid until its retryAt or the next change of the log:
   * with a backlog most claims are refusals, and this answers them without recounting.
   */
  refused: Partial<Record<Priority, { granted: false; retryAt: number | undefined }>>;
  windowMs: number;
}

/** One tab's ledger, or a Node process's. Settled requests always settle, so nothing goes stale. */
export class MemoryLedger implements BudgetLedger {
  private readonly logs = new Map<string, KeyLog>();

  private log(key: string): KeyLog {
    let log = this.logs.get(key);
    if (!log) {
      log = { entries: [], pausedUntil: 0, refused: {}, windowMs: 0 };
      this.logs.set(key, log);
    }
    return log;
  }

  claim(request: ClaimRequest): SlotDecision {
    const log = this.log(request.key);
    const refused = log.refused[request.priority];
    if (refused && (refused.retryAt === undefined || request.now < refused.retryAt)) return refused;
    log.windowMs = request.limits.windowMs;
    const decision = claimSlot(log, request, Infinity);
    if (decision.granted) log.refused = {};
    else log.refused[request.priority] = decision;
    return decision;
  }

  settle(key: string, id: string, now: number): void {
    const log = this.log(key);
    const entry = log.entries.find((candidate) => candidate.id === id);
    if (entry) entry.settledAt = now;
    // The settled slot frees one window from now, usually after every other slot: a refusal
    // stays valid unless it was waiting for this settle or for a later release.
    const release = now + log.windowMs;
    for (const priority of ['interactive', 'background'] as const) {
      const refused = log.refused[priority];
      if (refused && (refused.retryAt === undefined || refused.retryAt > release)) {
        log.refused[priority] = undefined;
      }
    }
  }

  cancel(key: string, id: string): void {
    const log = this.log(key);
    log.refused = {};
    log.entries = log.entries.filter((entry) => entry.id !== id);
  }

  pause(key: string, until: number): void {
    const log = this.log(key);
    log.pausedUntil = Math.max(log.pausedUntil, until);
    log.refused = {};
  }

  usage(key: string, limits: BudgetLimits, now: number): KeyUsage {
    const log = this.log(key);
    return {
      used: occupiedSlots(log.entries, now, limits, Infinity).length,
      pausedUntil: log.pausedUntil > now ? log.pausedUntil : 0,
    };
  }

  onChange(): () => void {
    return () => {};
  }
}
