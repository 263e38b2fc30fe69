import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '@/api/partner-center/api-error';
import { crawlCustomers } from '@/api/partner-center/crawl-customers';
import type { PageRequest } from '@/api/partner-center/list-customers';
import { usePartnerCenterClient } from '@/api/partner-center/partner-center-context';
import type { CustomerListItem } from '@/api/partner-center/resources';

export type CrawlState = 'loading' | 'paused' | 'done' | 'failed';

export interface CustomerCrawl {
  customers: readonly CustomerListItem[];
  loaded: number;
  /** Partner Center's count of all customers, once the first page has come. */
  total: number | undefined;
  state: CrawlState;
  error: ApiError | Error | undefined;
  pause(): void;
  resume(): void;
}

/**
 * Loads the whole customer list page by page at background priority, so opening or searching
 * a customer never waits behind it. Pausing cancels the page in the queue without spending
 * budget; resuming continues from the next link.
 */
export function useCustomerCrawl(): CustomerCrawl {
  const client = usePartnerCenterClient();
  const resumeFrom = useRef<PageRequest | undefined>(undefined);
  // A new object on each resume restarts the crawl, even after a failure.
  const [run, setRun] = useState({ active: true });
  const [progress, setProgress] = useState({
    customers: [] as readonly CustomerListItem[],
    total: undefined as number | undefined,
    state: 'loading' as CrawlState,
    error: undefined as ApiError | Error | undefined,
  });

  useEffect(() => {
    if (!run.active) return;
    const controller = new AbortController();
    void (async () => {
      try {
        const pages = crawlCustomers(client, {
          from: resumeFrom.current,
          firstPagePriority: resumeFrom.current ? 'background' : 'interactive',
          signal: controller.signal,
        });
        for await (const { page, next } of pages) {
          if (controller.signal.aborted) return;
          resumeFrom.current = next;
          setProgress((current) => ({
            customers: [...current.customers, ...page.items],
            total: page.totalCount ?? current.total,
            state: next ? 'loading' : 'done',
            error: undefined,
          }));
        }
      } catch (error) {
        if (controller.signal.aborted) return;
        setProgress((current) => ({
          ...current,
          state: 'failed',
          error: error instanceof Error ? error : new Error(String(error)),
        }));
      }
    })();
    return () => controller.abort();
  }, [client, run]);

  const pause = useCallback(() => {
    setRun({ active: false });
    setProgress((current) =>
      current.state === 'loading' ? { ...current, state: 'paused' } : current,
    );
  }, []);
  const resume = useCallback(() => {
    setRun({ active: true });
    setProgress((current) => ({ ...current, state: 'loading', error: undefined }));
  }, []);

  return { ...progress, loaded: progress.customers.length, pause, resume };
}
