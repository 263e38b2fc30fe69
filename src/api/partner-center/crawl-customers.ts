import type { Priority } from '@/api/queue/sliding-window';
import type { CustomerListFilter } from './customer-list-filter';
import { listCustomers, MAX_PAGE_SIZE, type PageRequest } from './list-customers';
import type { PartnerCenterClient } from './partner-center-client';
import { nextPageOf, type CustomerCollection } from './resources';

export interface CrawledPage {
  page: CustomerCollection;
  /** Where to resume after this page; undefined on the last page. */
  next: PageRequest | undefined;
}

/**
 * Every page of the customer list, in order, each request waiting its turn in the queue at
 * background priority so the user's clicks go first. Resumes from `from` (a paused crawl) and
 * stops when the signal aborts.
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
  let page = await listCustomers(client, options.from ? { page: options.from } : { filter }, {
    ...request,
    priority: options.firstPagePriority ?? request.priority,
  });
  const seen = new Set<string>();
  for (;;) {
    let next = page.items.length ? nextPageOf(page) : undefined;
    // A server that hands back a link it already gave would otherwise loop forever.
    const marker = next && `${next.uri} ${next.continuationToken ?? ''}`;
    if (marker && seen.has(marker)) next = undefined;
    if (marker) seen.add(marker);
    yield { page, next };
    if (!next) return;
    page = await listCustomers(client, { page: next }, request);
  }
}
