import type { FastifyReply, FastifyRequest } from 'fastify';
import { requirePermission, type Permission } from './auth.ts';
import type { FaultInjector } from './faults.ts';
import { callerOf, requestIdOf } from './http.ts';
import type { EmulatorStore, StoredReply } from './store.ts';
import type { TenantThrottle } from './throttle.ts';

export interface WriteResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Commits a write; the reply is saved in the same transaction, keyed by MS-RequestId. */
export type Commit = (write: () => WriteResult) => WriteResult;

const REPLAY_WINDOW_MS = 24 * 3600_000;

/**
 * Writes keyed by MS-RequestId happen once: a repeat by the same partner (a retry after a
 * dropped connection, or a second copy arriving concurrently) gets the first reply and changes
 * nothing. Concurrent copies wait for the one in flight; the saved reply survives a restart.
 */
export class IdempotentWrites {
  readonly #inFlight = new Map<string, Promise<unknown>>();
  #lastPrune = 0;

  constructor(
    private readonly store: EmulatorStore,
    private readonly throttle: TenantThrottle,
    private readonly faults: FaultInjector,
    private readonly now: () => number = Date.now,
  ) {}

  async run(
    request: FastifyRequest,
    reply: FastifyReply,
    permission: Permission,
    perform: (commit: Commit) => WriteResult | Promise<WriteResult>,
  ): Promise<FastifyReply | undefined> {
    const caller = callerOf(request);
    // Before any replay: a saved reply is only ever shown to someone allowed to cause it.
    requirePermission(caller, permission);
    const requestId = requestIdOf(request);
    const path = request.url.split('?')[0] ?? request.url;
    const key = requestId && JSON.stringify([caller.tenantId, requestId, request.method, path]);

    if (key && requestId) {
      for (let pending = this.#inFlight.get(key); pending; pending = this.#inFlight.get(key)) {
        await pending.catch(() => undefined);
      }
      const saved = this.store.findReplay(caller.tenantId, requestId, request.method, path);
      if (saved) return send(reply.header('ms-idempotent-replay', 'true'), saved);
    }

    const commit: Commit = (write) =>
      this.store.transaction(() => {
        const result = write();
        if (requestId) {
          this.store.saveReplay(
            caller.tenantId,
            requestId,
            request.method,
            path,
            toStored(result),
            this.now(),
          );
        }
        return result;
      });
    const work = Promise.resolve().then(() => perform(commit));
    if (key) this.#inFlight.set(key, work);
    let result: WriteResult;
    try {
      result = await work;
    } finally {
      if (key) this.#inFlight.delete(key);
    }
    this.throttle.countWrite(caller.tenantId);
    this.#pruneNow();

    if (this.faults.takeDropAfterCommit(caller.tenantId)) {
      // The write is committed; the client only never hears of it (a retry must not redo it).
      reply.hijack();
      request.raw.socket.destroy();
      return undefined;
    }
    return send(reply, toStored(result));
  }

  #pruneNow(): void {
    const now = this.now();
    if (now - this.#lastPrune < 3600_000) return;
    this.#lastPrune = now;
    this.store.pruneReplays(now - REPLAY_WINDOW_MS);
  }
}

function toStored(result: WriteResult): StoredReply {
  return {
    status: result.status,
    body: result.body === undefined ? '' : JSON.stringify(result.body),
    headers: result.headers ?? {},
  };
}

function send(reply: FastifyReply, saved: StoredReply): FastifyReply {
  reply.code(saved.status).headers(saved.headers);
  if (!saved.body) return reply.send();
  return reply.type('application/json; charset=utf-8').send(saved.body);
}
