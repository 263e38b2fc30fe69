import type { Priority } from '@/api/queue/sliding-window';
import type { CustomerListFilter } from './customer-list-filter';
import {
  MAX_PAGE_SIZE,
  nextPageOfResponse,
  parseCustomerPage,
  sendListCustomers,
  sendListCustomersAhead,
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
 * The next page's request is claimed (its slot in the tabs' shared ledger, its token) while this
 * page is still in flight, goes out as soon as this page's links are read, and is on the wire
 * (or waiting for budget) before this page's 500 items are checked and the caller has taken them
 * in: each page needs the one before it (continuation tokens), and otherwise the network would
 * wait for the main thread and the main thread for the network, page after page.
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
    const following = claimAhead(client, request);
    let response: RawResponse;
    try {
      response = await pending;
    } catch (error) {
      following.drop();
      throw error;
    }
    let next = nextPageOfResponse(response);
    // A server that hands back a link it already gave would otherwise loop forever.
    const marker = next && `${next.uri} ${next.continuationToken ?? ''}`;
    if (marker && seen.has(marker)) next = undefined;
    if (marker) seen.add(marker);
    // An empty page ends the list whatever its links say.
    if (!hasItems(response.body)) next = undefined;
    pending = next ? following.send(next) : following.drop();
    // Checking this page's items holds the main thread ~10 ms, and the next request's fetch
    // would wait behind them: the request goes on its way first.
    if (pending) await following.underway;
    let page: CustomerCollection;
    try {
      page = parseCustomerPage(response);
    } catch (error) {
      following.drop();
      throw error;
    }
    yield { page, next };
  }
}

interface ClaimedAhead {
  /** Sends the claimed request to `next`. */
  send(next: PageRequest): Promise<RawResponse>;
  /** Gives up the request, and its slot unspent if it was not sent; undefined, to end a crawl. */
  drop(): undefined;
  /** Settles once the sent request is on the wire, waiting for budget, or done. */
  underway: Promise<void>;
}

/** The next page's request, in the queue before its link is known. */
function claimAhead(
  client: PartnerCenterClient,
  request: { priority: Priority; signal: AbortSignal | undefined },
): ClaimedAhead {
  const ahead = new AbortController();
  const signal = request.signal ? AbortSignal.any([request.signal, ahead.signal]) : ahead.signal;
  let address: (next: PageRequest) => void = () => {};
  let unneeded: (reason: unknown) => void = () => {};
  const link = new Promise<PageRequest>((resolve, reject) => {
    address = resolve;
    unneeded = reject;
  });
  let onItsWay = () => {};
  const underway = new Promise<void>((resolve) => (onItsWay = resolve));
  const sent = sendListCustomersAhead(client, link, {
    ...request,
    signal,
    onUnderway: onItsWay,
  });
  // Never an unhandled rejection when the caller stops early (a pause aborts the request).
  void sent.then(onItsWay, onItsWay);
  return {
    send(next) {
      address(next);
      return sent;
    },
    drop() {
      ahead.abort();
      unneeded(ahead.signal.reason);
      return undefined;
    },
    underway,
  };
}

function hasItems(body: unknown): boolean {
  const items = (body as { items?: unknown } | null)?.items;
  return Array.isArray(items) && items.length > 0;
}
