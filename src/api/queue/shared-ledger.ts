import * as z from 'zod/mini';
import { MemoryLedger, type BudgetLedger, type KeyUsage } from './budget-ledger';
import {
  claimSlot,
  occupiedSlots,
  type BudgetLimits,
  type ClaimRequest,
  type SlotDecision,
  type SlotLog,
} from './sliding-window';

/**
 * Where the shared log lives: a read-modify-write of one key that is atomic with respect to
 * every other tab of the origin. IndexedDB in the browser; an in-memory stand-in in Node tests.
 */
export interface SlotLogStore {
  update<T>(
    key: string,
    change: (stored: string | undefined) => { next: string; result: T },
  ): Promise<T>;
  read(key: string): Promise<string | undefined>;
}

export interface SharedLedgerOptions {
  store: SlotLogStore;
  /** Hears other tabs' writes and tells them of ours (a BroadcastChannel in the browser). */
  channel?: {
    post(key: string): void;
    listen(onExternalWrite: (key: string) => void): () => void;
  };
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
    z.tuple([
      z.string(),
      z.number(),
      z.nullable(z.number()),
      z.union([z.literal(0), z.literal(1)]),
    ]),
  ),
});

type KeyLog = SlotLog;

function decode(text: string | null | undefined): KeyLog {
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
 * slots is read and written in one atomic step (an IndexedDB read-write transaction, which
 * serialises tabs like a lock), so two tabs never take the same slot. No tab leads; every tab
 * takes its slots from the one log.
 *
 * localStorage under a Web Lock is not enough: Chromium gives each renderer its own cached copy
 * of localStorage, so a tab may read the log before another tab's write has reached it.
 */
export class SharedLedger implements BudgetLedger {
  private readonly staleAfterMs: number;
  private readonly now: () => number;
  /** The last state seen of each key, for the status line between round trips to the store. */
  private readonly mirror = new Map<string, KeyLog>();
  private readonly listeners = new Set<() => void>();
  private readonly unwatch: () => void;
  /** Set when the shared log fails: this tab then paces alone, on a conservative share. */
  private degraded: MemoryLedger | undefined;

  constructor(private readonly options: SharedLedgerOptions) {
    this.staleAfterMs = options.staleAfterMs ?? 180_000;
    this.now = options.now ?? Date.now;
    this.unwatch =
      options.channel?.listen((key) => {
        void options.store
          .read(key)
          .then((text) => {
            this.mirror.set(key, decode(text));
            for (const listener of this.listeners) listener();
          })
          .catch(() => {});
      }) ?? (() => {});
  }

  claim(request: ClaimRequest): Promise<SlotDecision> {
    if (this.degraded) return Promise.resolve(this.claimAlone(this.degraded, request));
    const shared = this.update(request.key, (log) =>
      // The transaction may have run a while after it was asked for.
      claimSlot(log, { ...request, now: Math.max(request.now, this.now()) }, this.staleAfterMs),
    );
    return shared.catch(() => {
      this.degraded ??= new MemoryLedger();
      return this.claimAlone(this.degraded, request);
    });
  }

  private claimAlone(ledger: MemoryLedger, request: ClaimRequest): SlotDecision {
    const requests = Math.floor(request.limits.requests * UNCOORDINATED_BUDGET_SHARE);
    return ledger.claim({
      ...request,
      limits: { ...request.limits, requests: Math.max(1, requests) },
    });
  }

  settle(key: string, id: string, now: number): void {
    this.degraded?.settle(key, id, now);
    void this.update(key, (log) => {
      const entry = log.entries.find((candidate) => candidate.id === id);
      if (entry) entry.settledAt = Math.max(now, entry.start);
    }).catch(() => {
      // Left unsettled, the slot frees after staleAfterMs: late, never early.
    });
  }

  cancel(key: string, id: string): void {
    this.degraded?.cancel(key, id);
    void this.update(key, (log) => {
      log.entries = log.entries.filter((entry) => entry.id !== id);
    }).catch(() => {});
  }

  pause(key: string, until: number): void {
    this.degraded?.pause(key, until);
    const local = this.mirrorOf(key);
    local.pausedUntil = Math.max(local.pausedUntil, until);
    void this.update(key, (log) => {
      log.pausedUntil = Math.max(log.pausedUntil, until);
    }).catch(() => {});
  }

  usage(key: string, limits: BudgetLimits, now: number): KeyUsage {
    if (this.degraded) return this.degraded.usage(key, limits, now);
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
      log = { entries: [], pausedUntil: 0 };
      this.mirror.set(key, log);
      // Filled in from the shared log, so a fresh tab shows what other tabs already spent.
      void this.options.store
        .read(key)
        .then((text) => {
          if (this.mirror.get(key) !== log) return;
          this.mirror.set(key, decode(text));
          for (const listener of this.listeners) listener();
        })
        .catch(() => {});
    }
    return log;
  }

  /**
   * Changes of one key asked for before its pending transaction has read the log: applied in
   * that same transaction, in order. A request's settling and the next request's claim come
   * within microseconds of each other, and a crawl waited for two transactions in a row
   * between every page and the next.
   */
  private readonly batches = new Map<string, PendingChange[]>();

  private update<T>(key: string, change: (log: KeyLog) => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const pending: PendingChange = {
        change,
        resolve: resolve as (value: unknown) => void,
        reject,
      };
      const batch = this.batches.get(key);
      if (batch) {
        batch.push(pending);
        return;
      }
      const changes = [pending];
      this.batches.set(key, changes);
      let changed = false;
      this.options.store
        .update(key, (stored) => {
          // From here on, changes go in the next transaction.
          if (this.batches.get(key) === changes) this.batches.delete(key);
          const log = decode(stored);
          const outcomes = changes.map(({ change: apply }) => {
            try {
              return { ok: true as const, value: apply(log) };
            } catch (error) {
              return { ok: false as const, error };
            }
          });
          const next = encode(log);
          // Only real changes are announced, so tabs do not wake each other over a refused claim.
          changed = next !== stored;
          this.mirror.set(key, log);
          return { next, result: outcomes };
        })
        .then(
          (outcomes) => {
            if (changed) this.options.channel?.post(key);
            outcomes.forEach((outcome, at) => {
              const { resolve: done, reject: fail } = changes[at] as PendingChange;
              if (outcome.ok) done(outcome.value);
              else fail(outcome.error);
            });
          },
          (error: unknown) => {
            if (this.batches.get(key) === changes) this.batches.delete(key);
            for (const { reject: fail } of changes) fail(error);
          },
        );
    });
  }
}

interface PendingChange {
  change: (log: KeyLog) => unknown;
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
}

export interface BrowserLedger {
  ledger: BudgetLedger;
  /** 1 when the budget is coordinated across tabs; a conservative share when it cannot be. */
  budgetShare: number;
}

/** A tab on its own may not know of other tabs' spending, so it takes a quarter of the budget. */
export const UNCOORDINATED_BUDGET_SHARE = 0.25;

const DATABASE = 'partner-center-budget';
const LOGS = 'logs';

function openDatabase(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(LOGS);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened.'));
    request.onblocked = () => reject(new Error('IndexedDB is blocked by another tab.'));
  });
}

/** The log in IndexedDB: a read-write transaction is atomic across every tab of the origin. */
export function indexedDbLogStore(database: Promise<IDBDatabase>): SlotLogStore {
  function run<T>(mode: IDBTransactionMode, body: (logs: IDBObjectStore) => () => T): Promise<T> {
    return database.then(
      (db) =>
        new Promise<T>((resolve, reject) => {
          const transaction = db.transaction(LOGS, mode, { durability: 'relaxed' });
          const outcome = body(transaction.objectStore(LOGS));
          transaction.oncomplete = () => resolve(outcome());
          transaction.onerror = () => reject(transaction.error);
          transaction.onabort = () => reject(transaction.error);
        }),
    );
  }
  return {
    update: (key, change) =>
      run('readwrite', (logs) => {
        let result: ReturnType<typeof change>['result'];
        const read = logs.get(key);
        read.onsuccess = () => {
          const stored = typeof read.result === 'string' ? read.result : undefined;
          const changed = change(stored);
          result = changed.result;
          if (changed.next !== stored) logs.put(changed.next, key);
        };
        return () => result;
      }),
    read: (key) =>
      run('readonly', (logs) => {
        const read = logs.get(key);
        return () => (typeof read.result === 'string' ? read.result : undefined);
      }),
  };
}

export function createBrowserLedger(): BrowserLedger {
  if (typeof indexedDB === 'undefined' || typeof BroadcastChannel === 'undefined') {
    return { ledger: new MemoryLedger(), budgetShare: UNCOORDINATED_BUDGET_SHARE };
  }
  const database = openDatabase();
  const channel = new BroadcastChannel(DATABASE);
  const ledger = new SharedLedger({
    store: indexedDbLogStore(database),
    channel: {
      post: (key) => channel.postMessage(key),
      listen: (onExternalWrite) => {
        const listener = (event: MessageEvent<unknown>) => {
          if (typeof event.data === 'string') onExternalWrite(event.data);
        };
        channel.addEventListener('message', listener);
        return () => channel.removeEventListener('message', listener);
      },
    },
  });
  return { ledger, budgetShare: 1 };
}
