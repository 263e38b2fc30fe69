import { describe, expect, it } from 'vitest';
import type { QueueKeyStatus } from '@/api/queue/request-queue';
import { describeApiStatus } from './use-api-status';

const idle: QueueKeyStatus = {
  key: 'tenant',
  limit: 500,
  windowMs: 60_000,
  used: 0,
  inFlight: 0,
  waitingInteractive: 0,
  waitingBackground: 0,
  pausedUntil: 0,
  nextStartAt: 0,
};

describe('the status line', () => {
  it('reads like the shell shows it', () => {
    const status = { ...idle, used: 412, waitingInteractive: 1, waitingBackground: 2 };
    expect(describeApiStatus({ ...status, pausedUntil: 12_000 }, 400)).toBe(
      'API: 412/500 per min · 3 waiting · paused 12 s',
    );
  });

  it('leaves out what is not happening', () => {
    expect(describeApiStatus(idle, 0)).toBe('API: 0/500 per min');
    expect(describeApiStatus({ ...idle, pausedUntil: 1_000 }, 1_000)).toBe('API: 0/500 per min');
  });

  it('names other windows in seconds or minutes', () => {
    expect(describeApiStatus({ ...idle, limit: 30, windowMs: 10_000 }, 0)).toBe(
      'API: 0/30 per 10 s',
    );
    expect(describeApiStatus({ ...idle, windowMs: 300_000 }, 0)).toBe('API: 0/500 per 5 min');
  });
});
