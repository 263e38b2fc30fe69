import { useEffect, useState } from 'react';
import type { QueueKeyStatus } from '@/api/queue/request-queue';
import { usePartnerCenterClient, useRequestQueue } from './partner-center-context';

/**
 * At most this often a status re-renders. The queue changes several times per request: a crawl
 * re-rendering and repainting the header and the crawl's status on each change spent ~15 % of
 * the main thread its pages were waiting for, to show counts nobody reads at 20 Hz.
 */
export const API_STATUS_EVERY_MS = 250;

/**
 * The signed-in tenant's budget as the queue sees it: used slots, waiting and in-flight work, a
 * pause after a 429. Re-read on a queue change (at once after a quiet moment, then at most
 * every API_STATUS_EVERY_MS), and each second while the window drains.
 */
export function useApiStatus(): { status: QueueKeyStatus; now: number } {
  const queue = useRequestQueue();
  const key = usePartnerCenterClient().currentBudgetKey();
  // Not useSyncExternalStore: its snapshot would be the queue's change count, which moves on
  // every change, and React re-renders whenever the snapshot moved, throttled or not. The status
  // itself is cheap to read each render.
  const [, setChanges] = useState(0);
  useEffect(() => {
    let shownAt = -Infinity;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const show = () => {
      timer = undefined;
      shownAt = performance.now();
      setChanges((changes) => changes + 1);
    };
    const unsubscribe = queue.subscribe(() => {
      if (timer !== undefined) return;
      const wait = shownAt + API_STATUS_EVERY_MS - performance.now();
      if (wait <= 0) show();
      else timer = setTimeout(show, wait);
    });
    // A change between the first render and this subscription is shown too.
    show();
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, [queue]);
  const [now, setNow] = useState(Date.now);
  const status = queue.status(key);
  const busy = status.used > 0 || status.pausedUntil > 0 || status.inFlight > 0;
  useEffect(() => {
    if (!busy) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [busy]);
  return { status, now };
}

export function describeWindow(windowMs: number): string {
  if (windowMs === 60_000) return 'per min';
  if (windowMs % 60_000 === 0) return `per ${windowMs / 60_000} min`;
  return `per ${Math.round(windowMs / 1000)} s`;
}

/** "API: 412/500 per min · 3 waiting · paused 12 s" */
export function describeApiStatus(status: QueueKeyStatus, now: number): string {
  const parts = [`API: ${status.used}/${status.limit} ${describeWindow(status.windowMs)}`];
  const waiting = status.waitingInteractive + status.waitingBackground;
  if (waiting > 0) parts.push(`${waiting} waiting`);
  if (status.pausedUntil > now) {
    parts.push(`paused ${Math.ceil((status.pausedUntil - now) / 1000)} s`);
  }
  return parts.join(' · ');
}
