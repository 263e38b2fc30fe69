import type { Priority } from '@/api/queue/sliding-window';
import type { CustomerListFilter } from './customer-list-filter';
import {
  MAX_PAGE_SIZE,
  nextPageOfResponse,
  parseCustomerPage,
  sendListCustomers,
  type PageRequest,
} from './list-customers';
import type { PartnerCenterClient, RawResponse } from './partner-center-client';
import type { CustomerCollection } from './resources';

export interface CrawledPage {
  page: CustomerCollection;
  /** Where to resume after this page; undefined on the last page. */
  next: PageRequest | undefined;
}

/**
 * Every page of the customer list, in order, each request waiting its turn in the queue at
 * background priority so the user's clicks go first. Resumes from `from` (a paused crawl) and
 * stops when the signal aborts.
 *
 * The next page is asked for as soon as this page's links are read, and is on the wire (or
 * waiting for budget) before its 500 items are checked and the caller has taken them in: each
 * page needs the one before it (continuation tokens), and otherwise the network would wait for
 * the main thread and the main thread for the network, page after page.
 */
export async function* crawlCustomers(
  client: PartnerCenterClient,
  options: {
    filter?: CustomerListFilter;
    from?: PageRequest;
    priority?: Priority;
    /** The first rows are what the user is looking at: they may go ahead of other work. */
    firstPagePriority?: Priority;
    signal?: AbortSignal;
  } = {},
): AsyncGenerator<CrawledPage> {
  const request = { priority: options.priority ?? 'background', signal: options.signal };
  const filter = { size: MAX_PAGE_SIZE, ...options.filter };
  let pending: Promise<RawResponse> | undefined = sendListCustomers(
    client,
    options.from ? { page: options.from } : { filter },
    { ...request, priority: options.firstPagePriority ?? request.priority },
  );
  const seen = new Set<string>();
  while (pending) {
    const response = await pending;
    let next = nextPageOfResponse(response);
    // A server that hands back a link it already gave would otherwise loop forever.
    const marker = next && `${next.uri} ${next.continuationToken ?? ''}`;
    if (marker && seen.has(marker)) next = undefined;
    if (marker) seen.add(marker);
    // An empty page ends the list whatever its links say.
    if (!hasItems(response.body)) next = undefined;
    // Its own signal too: a page that turns out unreadable abandons the request after it.
    const ahead = new AbortController();
    const signal = options.signal ? AbortSignal.any([options.signal, ahead.signal]) : ahead.signal;
    let underway = () => {};
    const onItsWay = new Promise<void>((resolve) => (underway = resolve));
    pending = next
      ? sendListCustomers(client, { page: next }, { ...request, signal, onUnderway: underway })
      : undefined;
    // Never an unhandled rejection when the caller stops early (a pause aborts the request).
    const settled = pending?.then(
      () => undefined,
      () => undefined,
    );
    // Checking this page's items holds the main thread ~10 ms, and the next request's slot claim
    // (a round trip to the tabs' shared ledger), token and fetch would wait behind them: the
    // request goes on its way first.
    if (settled) await Promise.race([onItsWay, settled]);
    let page: CustomerCollection;
    try {
      page = parseCustomerPage(response);
    } catch (error) {
      ahead.abort();
      throw error;
    }
    yield { page, next };
  }
}

function hasItems(body: unknown): boolean {
  const items = (body as { items?: unknown } | null)?.items;
  return Array.isArray(items) && items.length > 0;
}
