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
  rejectTokens: boolean;
}

const GLOBAL = '*';

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

  #applicable(tenantId: string | undefined): ActiveFaults[] {
    const scopes = [this.#scopes.get(GLOBAL)];
    if (tenantId) scopes.push(this.#scopes.get(tenantId.toLowerCase()));
    return scopes.filter((scope): scope is ActiveFaults => scope !== undefined);
  }

  latencyMs(tenantId: string | undefined): number {
    return Math.max(0, ...this.#applicable(tenantId).map((scope) => scope.latencyMs));
  }

  rejectsTokens(tenantId: string | undefined): boolean {
    return this.#applicable(tenantId).some((scope) => scope.rejectTokens);
  }

  serviceUnavailable(tenantId: string): boolean {
    return this.#applicable(tenantId).some(
      (scope) => scope.serviceUnavailableRate > 0 && this.random() < scope.serviceUnavailableRate,
    );
  }

  /** Seconds left in a forced 429 storm, or 0. */
  stormSecondsLeft(tenantId: string): number {
    const now = this.now();
    const until = Math.max(0, ...this.#applicable(tenantId).map((scope) => scope.stormUntil));
    return until > now ? Math.ceil((until - now) / 1000) : 0;
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
