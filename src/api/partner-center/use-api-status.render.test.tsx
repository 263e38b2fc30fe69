// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MemoryLedger } from '@/api/queue/budget-ledger';
import { RequestQueue } from '@/api/queue/request-queue';
import { PartnerCenterProvider } from './partner-center-context';
import { classifyFailure, PartnerCenterClient } from './partner-center-client';
import { API_STATUS_EVERY_MS, describeApiStatus, useApiStatus } from './use-api-status';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'performance'] });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function setUp() {
  const queue = new RequestQueue({
    ledger: new MemoryLedger(),
    limits: () => ({ requests: 500, windowMs: 60_000, backgroundShare: 0.9 }),
    classify: classifyFailure,
  });
  const client = new PartnerCenterClient({
    baseUrl: 'https://api.partnercenter.microsoft.com',
    getAccessToken: () => Promise.resolve('token'),
    budgetKey: () => 'tenant',
    queue,
  });
  let renders = 0;
  function Status() {
    renders += 1;
    const { status, now } = useApiStatus();
    return <p data-testid="status">{describeApiStatus(status, now)}</p>;
  }
  render(
    <PartnerCenterProvider client={client} queue={queue}>
      <Status />
    </PartnerCenterProvider>,
  );
  /**
   * Requests one after another, each answering 10 ms after it started, as a crawl's do; each in
   * its own act(), which renders what it changed when it ends, as the browser's tasks do.
   */
  const oneAfterAnother = async (count: number) => {
    for (let at = 0; at < count; at += 1) {
      await act(async () => {
        const answered = queue.schedule(
          () => new Promise<void>((resolve) => setTimeout(resolve, 10)),
          { key: 'tenant', priority: 'background', idempotent: true },
        );
        await vi.advanceTimersByTimeAsync(10);
        await answered;
      });
    }
  };
  return { oneAfterAnother, renders: () => renders };
}

describe('the API status', () => {
  it('re-renders at most every API_STATUS_EVERY_MS while changes keep coming, and shows the last', async () => {
    const { oneAfterAnother, renders } = setUp();
    const before = renders();
    // 40 requests over 400 ms: three queue changes each (queued, started, settled).
    await oneAfterAnother(40);
    await act(() => vi.advanceTimersByTimeAsync(API_STATUS_EVERY_MS));
    expect(screen.getByTestId('status').textContent).toBe('API: 40/500 per min');
    // 650 ms of fake time at 250 ms: one render at the first change, then one per interval at
    // most (120 changes would be 120 renders).
    expect(API_STATUS_EVERY_MS).toBe(250);
    expect(renders() - before).toBeLessThanOrEqual(4);
  });

  it('shows the first change after a quiet moment without waiting', async () => {
    const { oneAfterAnother } = setUp();
    await act(() => vi.advanceTimersByTimeAsync(API_STATUS_EVERY_MS));
    await oneAfterAnother(1);
    expect(screen.getByTestId('status').textContent).not.toBe('API: 0/500 per min');
  });
});
