import { useEffect, useState, useSyncExternalStore } from 'react';
import type { QueueKeyStatus } from '@/api/queue/request-queue';
import { usePartnerCenterClient, useRequestQueue } from './partner-center-context';

/**
 * The signed-in tenant's budget as the queue sees it: used slots, waiting and in-flight work, a
 * pause after a 429. Re-read on every queue change, and each second while the window drains.
 */
export function useApiStatus(): { status: QueueKeyStatus; now: number } {
  const queue = useRequestQueue();
  const key = usePartnerCenterClient().currentBudgetKey();
  // Subscribing is what re-renders on a change; the status itself is cheap to read each render.
  useSyncExternalStore(
    (onChange) => queue.subscribe(onChange),
    () => queue.changeCount,
  );
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
