/**
 * Exponential backoff with "equal jitter": half the delay is fixed, half random, so retries from
 * many tabs spread out yet never come back sooner than half the exponential step.
 */
export function backoffDelay(
  retry: number,
  options: { baseMs: number; capMs: number },
  random: () => number,
): number {
  const step = Math.min(options.capMs, options.baseMs * 2 ** Math.max(0, retry - 1));
  return step / 2 + random() * (step / 2);
}
