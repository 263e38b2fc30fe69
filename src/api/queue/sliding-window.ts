/**
 * The budget arithmetic, pure: which start slots are still occupied and whether one more request
 * may start now. Shared by the in-memory ledger and the cross-tab ledger so both decide alike.
 */

export type Priority = 'interactive' | 'background';

export interface BudgetLimits {
  /** Requests allowed to start in any window (Partner Center: 500). */
  requests: number;
  windowMs: number;
  /** Share of `requests` background work may hold in a window, so a click never waits behind a crawl. */
  backgroundShare: number;
}

export interface SlotEntry {
  id: string;
  start: number;
  /** When the response (or failure) came back; null while in flight. */
  settledAt: number | null;
  background: boolean;
}

/**
 * A slot is occupied until the window has passed since the request *settled*, not since it
 * started. Partner Center counts a request when it arrives, which is some time after we start it
 * and before we hear back; counting from the settle time is the only anchor that can never
 * undercount, whatever the network's latency. An unsettled slot (a tab that closed mid-request)
 * is released after `staleAfterMs`.
 */
export function releaseTime(entry: SlotEntry, windowMs: number, staleAfterMs: number): number {
  const settled = entry.settledAt ?? entry.start + staleAfterMs;
  return settled + windowMs;
}

export function backgroundCap(limits: BudgetLimits): number {
  return Math.max(1, Math.floor(limits.requests * limits.backgroundShare + 1e-9));
}

export function occupiedSlots(
  entries: readonly SlotEntry[],
  now: number,
  limits: BudgetLimits,
  staleAfterMs: number,
): SlotEntry[] {
  return entries.filter((entry) => releaseTime(entry, limits.windowMs, staleAfterMs) > now);
}

export type SlotDecision =
  | { granted: true }
  /** retryAt undefined: nothing frees by itself, wait until an in-flight request settles. */
  | { granted: false; retryAt: number | undefined };

function earliestRelease(entries: readonly SlotEntry[], windowMs: number, staleAfterMs: number) {
  let earliest = Infinity;
  for (const entry of entries) {
    earliest = Math.min(earliest, releaseTime(entry, windowMs, staleAfterMs));
  }
  return Number.isFinite(earliest) ? earliest : undefined;
}

export function decideSlot(input: {
  occupied: readonly SlotEntry[];
  now: number;
  limits: BudgetLimits;
  priority: Priority;
  pausedUntil: number;
  staleAfterMs: number;
}): SlotDecision {
  const { occupied, now, limits, priority, pausedUntil, staleAfterMs } = input;
  if (pausedUntil > now) return { granted: false, retryAt: pausedUntil };
  const full = occupied.length >= limits.requests;
  const background = occupied.filter((entry) => entry.background);
  const backgroundFull = priority === 'background' && background.length >= backgroundCap(limits);
  if (!full && !backgroundFull) return { granted: true };
  // Both conditions only ease with time, so the earliest moment both hold is the later of the two.
  const allFree = full ? earliestRelease(occupied, limits.windowMs, staleAfterMs) : now;
  const backgroundFree = backgroundFull
    ? earliestRelease(background, limits.windowMs, staleAfterMs)
    : now;
  if (allFree === undefined || backgroundFree === undefined) {
    return { granted: false, retryAt: undefined };
  }
  return { granted: false, retryAt: Math.max(allFree, backgroundFree) };
}

export interface ClaimRequest {
  key: string;
  /** The slot's id, to settle or cancel it later. */
  id: string;
  priority: Priority;
  limits: BudgetLimits;
  now: number;
}

export interface SlotLog {
  entries: SlotEntry[];
  pausedUntil: number;
}

/** Forgets released slots, decides, and on a grant writes the new slot into the log. */
export function claimSlot(log: SlotLog, request: ClaimRequest, staleAfterMs: number): SlotDecision {
  log.entries = occupiedSlots(log.entries, request.now, request.limits, staleAfterMs);
  const decision = decideSlot({
    occupied: log.entries,
    now: request.now,
    limits: request.limits,
    priority: request.priority,
    pausedUntil: log.pausedUntil,
    staleAfterMs,
  });
  if (decision.granted) {
    log.entries.push({
      id: request.id,
      start: request.now,
      settledAt: null,
      background: request.priority === 'background',
    });
  }
  return decision;
}
