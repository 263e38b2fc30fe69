import { z } from 'zod';

/**
 * Faults the emulator injects on purpose (local mode only), so that tests and demos exercise
 * what the real Partner Center does on a bad day. Set at start by EMULATOR_FAULTS (JSON) or at
 * run time by POST /_emulator/faults; scoped to one partner tenant when `tenantId` is given,
 * so parallel tests of different tenants do not disturb each other.
 */
export const faultsSchema = z.strictObject({
  /** Added to every /v1 request before it is handled. */
  latencyMs: z.number().int().min(0).max(30_000).optional(),
  /** Share of /v1 requests answered 503 (before any work is done). */
  serviceUnavailableRate: z.number().min(0).max(1).optional(),
  /** Share of writes whose connection is dropped after the write has committed. */
  dropAfterCommitRate: z.number().min(0).max(1).optional(),
  /** The next N writes are committed and then their connection is dropped. */
  dropNextWrites: z.number().int().min(0).max(10_000).optional(),
  /** Every /v1/customers* request is answered 429 for this many seconds from now. */
  throttleStormSeconds: z.number().min(0).max(3600).optional(),
  /**
   * Every /v1/customers* request is answered 429 until the faults are cleared: a storm that no
   * machine speed can outlast before the code under test meets it.
   */
  throttleUntilCleared: z.boolean().optional(),
  /** The next N /v1/customers* requests are answered 429, then the budget applies again. */
  throttleNextRequests: z.number().int().min(0).max(10_000).optional(),
  /** Retry-After of the two faults above (a timed storm says how long it has left). */
  throttleRetryAfterSeconds: z.number().int().min(1).max(3600).optional(),
  /**
   * Limits the throttling faults and the 503s to these methods (`["PUT"]`: only saves are
   * refused), so a test of one operation does not disturb the tenant's other requests.
   */
  onlyMethods: z.array(z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'])).optional(),
  /** Every access token is refused with 401, as after a revoked session. */
  rejectTokens: z.boolean().optional(),
  tenantId: z.guid().optional(),
});

export type Faults = z.infer<typeof faultsSchema>;

export function parseFaults(
  value: unknown,
): { ok: true; faults: Faults } | { ok: false; message: string } {
  const parsed = faultsSchema.safeParse(value);
  if (parsed.success) return { ok: true, faults: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
  return { ok: false, message: `${where}${issue?.message ?? 'invalid faults'}` };
}

interface ActiveFaults {
  latencyMs: number;
  serviceUnavailableRate: number;
  dropAfterCommitRate: number;
  dropNextWrites: number;
  stormUntil: number;
  throttleUntilCleared: boolean;
  throttleNextRequests: number;
  throttleRetryAfterSeconds: number;
  /** Empty: every method. */
  onlyMethods: readonly string[];
  rejectTokens: boolean;
}

const GLOBAL = '*';
const DEFAULT_RETRY_AFTER_SECONDS = 5;

export class FaultInjector {
  readonly #scopes = new Map<string, ActiveFaults>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly random: () => number = Math.random,
    initial: Faults = {},
  ) {
    this.set(initial);
  }

  /** Replaces the faults of one scope (a tenant, or everyone). */
  set(faults: Faults): void {
    const active: ActiveFaults = {
      latencyMs: faults.latencyMs ?? 0,
      serviceUnavailableRate: faults.serviceUnavailableRate ?? 0,
      dropAfterCommitRate: faults.dropAfterCommitRate ?? 0,
      dropNextWrites: faults.dropNextWrites ?? 0,
      stormUntil: faults.throttleStormSeconds ? this.now() + faults.throttleStormSeconds * 1000 : 0,
      throttleUntilCleared: faults.throttleUntilCleared ?? false,
      throttleNextRequests: faults.throttleNextRequests ?? 0,
      throttleRetryAfterSeconds: faults.throttleRetryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS,
      onlyMethods: faults.onlyMethods ?? [],
      rejectTokens: faults.rejectTokens ?? false,
    };
    this.#scopes.set(faults.tenantId?.toLowerCase() ?? GLOBAL, active);
  }

  clear(tenantId?: string): void {
    if (tenantId) this.#scopes.delete(tenantId.toLowerCase());
    else this.#scopes.clear();
  }

  /** What is in force, for GET /_emulator/faults. */
  describe(): Record<string, Omit<ActiveFaults, 'stormUntil'> & { throttleStormSeconds: number }> {
    const now = this.now();
    return Object.fromEntries(
      [...this.#scopes].map(([scope, { stormUntil, ...rest }]) => [
        scope,
        { ...rest, throttleStormSeconds: Math.max(0, Math.ceil((stormUntil - now) / 1000)) },
      ]),
    );
  }

  #applicable(tenantId: string | undefined, method?: string): ActiveFaults[] {
    const scopes = [this.#scopes.get(GLOBAL)];
    if (tenantId) scopes.push(this.#scopes.get(tenantId.toLowerCase()));
    return scopes.filter(
      (scope): scope is ActiveFaults =>
        scope !== undefined &&
        (method === undefined ||
          scope.onlyMethods.length === 0 ||
          scope.onlyMethods.includes(method)),
    );
  }

  latencyMs(tenantId: string | undefined): number {
    return Math.max(0, ...this.#applicable(tenantId).map((scope) => scope.latencyMs));
  }

  rejectsTokens(tenantId: string | undefined): boolean {
    return this.#applicable(tenantId).some((scope) => scope.rejectTokens);
  }

  serviceUnavailable(tenantId: string, method: string): boolean {
    return this.#applicable(tenantId, method).some(
      (scope) => scope.serviceUnavailableRate > 0 && this.random() < scope.serviceUnavailableRate,
    );
  }

  /**
   * The Retry-After seconds of a forced 429 for this Customer request, or 0 when no fault
   * refuses it; spends one of `throttleNextRequests`.
   */
  takeForcedThrottle(tenantId: string, method: string): number {
    const now = this.now();
    const scopes = this.#applicable(tenantId, method);
    const until = Math.max(0, ...scopes.map((scope) => scope.stormUntil));
    if (until > now) return Math.ceil((until - now) / 1000);
    const endless = scopes.find((scope) => scope.throttleUntilCleared);
    if (endless) return endless.throttleRetryAfterSeconds;
    const counted = scopes.find((scope) => scope.throttleNextRequests > 0);
    if (!counted) return 0;
    counted.throttleNextRequests -= 1;
    return counted.throttleRetryAfterSeconds;
  }

  /** Whether this committed write loses its connection; spends one of `dropNextWrites`. */
  takeDropAfterCommit(tenantId: string): boolean {
    for (const scope of this.#applicable(tenantId)) {
      if (scope.dropNextWrites > 0) {
        scope.dropNextWrites -= 1;
        return true;
      }
      if (scope.dropAfterCommitRate > 0 && this.random() < scope.dropAfterCommitRate) return true;
    }
    return false;
  }
}
