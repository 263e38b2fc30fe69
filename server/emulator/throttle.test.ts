import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TenantThrottle } from './throttle.ts';

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('TenantThrottle', () => {
  it('admits the budget, refuses the next with the time until the oldest start leaves the window', () => {
    const time = clock();
    const throttle = new TenantThrottle(3, 10_000, time.now);
    expect(throttle.admit('a')).toEqual({ admitted: true });
    time.advance(2_500);
    expect(throttle.admit('a')).toEqual({ admitted: true });
    expect(throttle.admit('a')).toEqual({ admitted: true });
    expect(throttle.admit('a')).toEqual({ admitted: false, retryAfterSeconds: 8 });
    time.advance(7_499);
    expect(throttle.admit('a')).toEqual({ admitted: false, retryAfterSeconds: 1 });
    time.advance(1);
    expect(throttle.admit('a')).toEqual({ admitted: true });
  });

  it('keeps tenants apart', () => {
    const time = clock();
    const throttle = new TenantThrottle(1, 60_000, time.now);
    expect(throttle.admit('a').admitted).toBe(true);
    expect(throttle.admit('b').admitted).toBe(true);
    expect(throttle.admit('a').admitted).toBe(false);
  });

  it('counts refused requests in maxInWindow, so a client that overshoots is caught', () => {
    const time = clock();
    const throttle = new TenantThrottle(2, 1_000, time.now);
    for (let i = 0; i < 5; i += 1) throttle.admit('a');
    expect(throttle.metrics().a).toEqual({
      requests: 5,
      throttled: 3,
      maxInWindow: 5,
      writes: 0,
      inWindow: 2,
    });
    time.advance(1_000);
    throttle.admit('a');
    expect(throttle.metrics().a?.maxInWindow).toBe(5);
    throttle.resetMetrics();
    // The window still holds the request admitted after the advance.
    expect(throttle.metrics().a).toEqual({
      requests: 0,
      throttled: 0,
      maxInWindow: 0,
      writes: 0,
      inWindow: 1,
    });
    // The budget spent before the reset stays spent.
    expect(throttle.admit('a').admitted).toBe(true);
    expect(throttle.admit('a').admitted).toBe(false);
  });

  it('says how many admitted requests the window holds now, which empties as time passes', () => {
    const time = clock();
    const throttle = new TenantThrottle(5, 1_000, time.now);
    throttle.admit('a');
    time.advance(400);
    throttle.admit('a');
    expect(throttle.metrics().a?.inWindow).toBe(2);
    time.advance(600);
    expect(throttle.metrics().a?.inWindow).toBe(1);
    time.advance(400);
    expect(throttle.metrics().a?.inWindow).toBe(0);
  });

  it('answers a forced storm with its own Retry-After and admits nothing', () => {
    const throttle = new TenantThrottle(10, 1_000, clock().now);
    expect(throttle.admit('a', 7)).toEqual({ admitted: false, retryAfterSeconds: 7 });
    expect(throttle.metrics().a?.throttled).toBe(1);
  });

  it('never admits more than the limit in any window, and Retry-After is never early', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 5_000 }),
        fc.array(fc.integer({ min: 0, max: 3_000 }), { minLength: 1, maxLength: 300 }),
        (limit, windowMs, gaps) => {
          const time = clock();
          const throttle = new TenantThrottle(limit, windowMs, time.now);
          const admitted: number[] = [];
          for (const gap of gaps) {
            time.advance(gap);
            const result = throttle.admit('t');
            if (result.admitted) {
              admitted.push(time.now());
            } else {
              const inWindow = admitted.filter((start) => start > time.now() - windowMs);
              expect(inWindow.length).toBe(limit);
              // Waiting exactly Retry-After frees a slot.
              const oldest = Math.min(...inWindow);
              expect(time.now() + result.retryAfterSeconds * 1000).toBeGreaterThanOrEqual(
                oldest + windowMs,
              );
            }
          }
          for (const start of admitted) {
            const inWindow = admitted.filter((other) => other >= start && other < start + windowMs);
            expect(inWindow.length).toBeLessThanOrEqual(limit);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
