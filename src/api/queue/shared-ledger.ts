import { z } from 'zod';
import { MemoryLedger, type BudgetLedger, type KeyUsage } from './budget-ledger';
import {
  decideSlot,
  occupiedSlots,
  type BudgetLimits,
  type Priority,
  type SlotDecision,
  type SlotEntry,
} from './sliding-window';

/** The part of `navigator.locks` the ledger needs; injectable so Node tests can play two tabs. */
export interface LockManagerLike {
  request<T>(name: string, callback: () => T | Promise<T>): Promise<T>;
}

export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface SharedLedgerOptions {
  locks: LockManagerLike;
  storage: StorageLike;
  /** Tells the ledger another tab wrote a key (the `storage` event). */
  watch?: (onExternalWrite: (storageKey: string) => void) => () => void;
  prefix?: string;
  /**
   * An entry still in flight after this long belongs to a tab that closed mid-request; it is
   * then treated as settled. Longer than any request's timeout, so a live request is never freed.
   */
  staleAfterMs?: number;
  now?: () => number;
}

// Compact on purpose: the log is read and written under a lock for every request.
const storedLogSchema = z.object({
  v: z.literal(1),
  pausedUntil: z.number(),
  entries: z.array(
    z.tuple([z.string(), z.number(), z.number().nullable(), z.union([z.literal(0), z.literal(1)])]),
  ),
});

interface KeyLog {
  entries: SlotEntry[];
  pausedUntil: number;
}

function decode(text: string | null): KeyLog {
  if (!text) return { entries: [], pausedUntil: 0 };
  try {
    const stored = storedLogSchema.parse(JSON.parse(text));
    return {
      pausedUntil: stored.pausedUntil,
      entries: stored.entries.map(([id, start, settledAt, background]) => ({
        id,
        start,
        settledAt,
        background: background === 1,
      })),
    };
  } catch {
    // A log another version wrote, or garbage: start afresh rather than stop every request.
    return { entries: [], pausedUntil: 0 };
  }
}

function encode(log: KeyLog): string {
  return JSON.stringify({
    v: 1,
    pausedUntil: log.pausedUntil,
    entries: log.entries.map((entry) => [
      entry.id,
      entry.start,
      entry.settledAt,
      entry.background ? 1 : 0,
    ]),
  });
}

/**
 * The budget shared by every tab of the origin and kept across reloads: each key's log of start
 * slots lives in localStorage and is only read and written under a Web Lock, so two tabs never
 * take the same slot. No tab leads; every tab takes its slots from the one log.
 */
export class SharedLedger implements BudgetLedger {
  private readonly prefix: string;
  private readonly staleAfterMs: number;
  private readonly now: () => number;
  /** The last state seen of each key, for the status line between lock round trips. */
  private readonly mirror = new Map<string, KeyLog>();
  private readonly listeners = new Set<() => void>();
  private readonly unwatch: () => void;

  constructor(private readonly options: SharedLedgerOptions) {
    this.prefix = options.prefix ?? 'partner-center-budget:';
    this.staleAfterMs = options.staleAfterMs ?? 180_000;
    this.now = options.now ?? Date.now;
    this.unwatch =
      options.watch?.((storageKey) => {
        if (!storageKey.startsWith(this.prefix)) return;
        const key = storageKey.slice(this.prefix.length);
        this.mirror.set(key, decode(this.options.storage.getItem(storageKey)));
        for (const listener of this.listeners) listener();
      }) ?? (() => {});
  }

  claim(request: {
    key: string;
    id: string;
    priority: Priority;
    limits: BudgetLimits;
    now: number;
  }): Promise<SlotDecision> {
    return this.update(request.key, (log) => {
      // The lock may have been granted a while after it was asked for.
      const now = Math.max(request.now, this.now());
      log.entries = occupiedSlots(log.entries, now, request.limits, this.staleAfterMs);
      const decision = decideSlot({
        occupied: log.entries,
        now,
        limits: request.limits,
        priority: request.priority,
        pausedUntil: log.pausedUntil,
        staleAfterMs: this.staleAfterMs,
      });
      if (decision.granted) {
        log.entries.push({
          id: request.id,
          start: now,
          settledAt: null,
          background: request.priority === 'background',
        });
      }
      return decision;
    });
  }

  settle(key: string, id: string, now: number): void {
    void this.update(key, (log) => {
      const entry = log.entries.find((candidate) => candidate.id === id);
      if (entry) entry.settledAt = Math.max(now, entry.start);
    }).catch(() => {
      // Left unsettled, the slot frees after staleAfterMs: late, never early.
    });
  }

  cancel(key: string, id: string): void {
    void this.update(key, (log) => {
      log.entries = log.entries.filter((entry) => entry.id !== id);
    }).catch(() => {});
  }

  pause(key: string, until: number): void {
    const local = this.mirrorOf(key);
    local.pausedUntil = Math.max(local.pausedUntil, until);
    void this.update(key, (log) => {
      log.pausedUntil = Math.max(log.pausedUntil, until);
    }).catch(() => {});
  }

  usage(key: string, limits: BudgetLimits, now: number): KeyUsage {
    const log = this.mirrorOf(key);
    return {
      used: occupiedSlots(log.entries, now, limits, this.staleAfterMs).length,
      pausedUntil: log.pausedUntil > now ? log.pausedUntil : 0,
    };
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  dispose(): void {
    this.unwatch();
    this.listeners.clear();
  }

  private mirrorOf(key: string): KeyLog {
    let log = this.mirror.get(key);
    if (!log) {
      log = decode(this.options.storage.getItem(this.prefix + key));
      this.mirror.set(key, log);
    }
    return log;
  }

  private update<T>(key: string, change: (log: KeyLog) => T): Promise<T> {
    const storageKey = this.prefix + key;
    return this.options.locks.request(storageKey, () => {
      const before = this.options.storage.getItem(storageKey);
      const log = decode(before);
      const result = change(log);
      const after = encode(log);
      // Writing only real changes keeps tabs from waking each other over a refused claim.
      if (after !== before) this.options.storage.setItem(storageKey, after);
      this.mirror.set(key, log);
      return result;
    });
  }
}

export interface BrowserLedger {
  ledger: BudgetLedger;
  /** 1 when the budget is coordinated across tabs; a conservative share when it cannot be. */
  budgetShare: number;
}

/** A tab on its own may not know of other tabs' spending, so it takes a quarter of the budget. */
export const UNCOORDINATED_BUDGET_SHARE = 0.25;

function usableStorage(): Storage | undefined {
  try {
    const probe = 'partner-center-budget-probe';
    window.localStorage.setItem(probe, '1');
    window.localStorage.removeItem(probe);
    return window.localStorage;
  } catch {
    return undefined;
  }
}

export function createBrowserLedger(): BrowserLedger {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  const storage = typeof window === 'undefined' ? undefined : usableStorage();
  if (!locks || !storage) {
    return { ledger: new MemoryLedger(), budgetShare: UNCOORDINATED_BUDGET_SHARE };
  }
  const ledger = new SharedLedger({
    locks: {
      request: (name, callback) => locks.request(name, { mode: 'exclusive' }, callback),
    },
    storage,
    watch: (onExternalWrite) => {
      const listener = (event: StorageEvent) => {
        if (event.key) onExternalWrite(event.key);
      };
      window.addEventListener('storage', listener);
      return () => window.removeEventListener('storage', listener);
    },
  });
  return { ledger, budgetShare: 1 };
}
