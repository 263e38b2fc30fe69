import { describe, expect, it, vi } from 'vitest';
import { MemoryLedger } from '@/api/queue/budget-ledger';
import { RequestQueue } from '@/api/queue/request-queue';
import { ApiError } from './api-error';
import { crawlCustomers } from './crawl-customers';
import { listCustomers } from './list-customers';
import { classifyFailure, PartnerCenterClient, type RequestAddress } from './partner-center-client';
import { updateBillingProfile } from './update-billing-profile';

/**
 * The client's own decisions, against a scripted fetch: what it sends, what it retries, where
 * links lead. Its behaviour against the real emulator is in the integration test beside this.
 */

interface Sent {
  url: string;
  method: string;
  headers: Headers;
}

function scriptedClient(
  answers: ((request: Sent) => Response)[],
  options: {
    maxDepth?: number;
    isOnline?: () => boolean;
    requestsPerMinute?: number;
    now?: () => number;
  } = {},
) {
  let tokens = 0;
  const sent: Sent[] = [];
  const queue = new RequestQueue({
    ledger: new MemoryLedger(),
    limits: () => ({
      requests: options.requestsPerMinute ?? 100,
      windowMs: 60_000,
      backgroundShare: 0.9,
    }),
    classify: classifyFailure,
    retryBaseMs: 1,
    retryCapMs: 2,
    maxDepth: options.maxDepth,
  });
  const client = new PartnerCenterClient({
    baseUrl: 'https://api.partnercenter.microsoft.com',
    getAccessToken: () => {
      tokens += 1;
      return Promise.resolve('token-value');
    },
    budgetKey: () => 'partner-tenant',
    queue,
    isOnline: options.isOnline,
    now: options.now,
    fetch: (input, init) => {
      const request = {
        url: String(input),
        method: init?.method ?? 'GET',
        headers: new Headers(init?.headers),
      };
      sent.push(request);
      const answer = answers[Math.min(sent.length - 1, answers.length - 1)]!;
      return Promise.resolve(answer(request));
    },
  });
  return { client, sent, queue, tokensAsked: () => tokens };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });

const page = (ids: string[], next?: { uri: string; token: string }) =>
  json({
    totalCount: 10,
    items: ids.map((id) => ({
      id,
      companyProfile: { tenantId: id, domain: `${id}.onmicrosoft.com`, companyName: id },
      relationshipToPartner: 'reseller',
    })),
    links: next
      ? {
          next: {
            uri: next.uri,
            method: 'GET',
            headers: [{ key: 'MS-ContinuationToken', value: next.token }],
          },
        }
      : {},
  });

const billing = {
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: 'ada@example.com',
  culture: 'en-GB',
  language: 'en',
  companyName: 'Analytical Engines',
  defaultAddress: {
    country: 'GB',
    city: 'London',
    addressLine1: '1 Street',
    postalCode: 'SW1A 1AA',
  },
  attributes: { etag: 'abc123', objectType: 'CustomerBillingProfile' },
};

describe('the Partner Center client', () => {
  it('offline, fails as a network error without asking for a token or calling', async () => {
    let online = false;
    const { client, sent, tokensAsked } = scriptedClient([() => page(['a'])], {
      isOnline: () => online,
    });
    const failed = listCustomers(client, {}).catch((error: unknown) => error);
    await expect(failed).resolves.toBeInstanceOf(ApiError);
    expect(await failed).toMatchObject({ kind: 'network' });
    expect(sent).toHaveLength(0);
    expect(tokensAsked()).toBe(0);

    online = true;
    await expect(listCustomers(client, {})).resolves.toMatchObject({ items: [{ id: 'a' }] });
    expect(sent).toHaveLength(1);
  });

  it('follows next links as given, with or without /v1, and never to another host', async () => {
    const { client, sent } = scriptedClient([
      () => page(['a'], { uri: '/customers?size=1&seekOperation=Next', token: 't1' }),
      () =>
        page(['b'], {
          uri: 'https://elsewhere.example/v1/customers?size=1&seekOperation=Next',
          token: 't2',
        }),
      () => page(['c']),
    ]);
    const ids: string[] = [];
    for await (const { page: current } of crawlCustomers(client)) {
      ids.push(...current.items.map((customer) => customer.id));
    }
    expect(ids).toEqual(['a', 'b', 'c']);
    expect(sent.map((request) => request.url)).toEqual([
      'https://api.partnercenter.microsoft.com/v1/customers?size=500',
      'https://api.partnercenter.microsoft.com/v1/customers?size=1&seekOperation=Next',
      'https://api.partnercenter.microsoft.com/v1/customers?size=1&seekOperation=Next',
    ]);
    expect(sent.map((request) => request.headers.get('MS-ContinuationToken'))).toEqual([
      null,
      't1',
      't2',
    ]);
  });

  it('puts the next page’s request on the wire before handing over the page before it', async () => {
    const next = (token: string) => ({ uri: '/v1/customers?seekOperation=Next', token });
    const { client, sent } = scriptedClient([
      () => page(['a'], next('t1')),
      () => page(['b'], next('t2')),
      () => page(['c']),
    ]);
    const sentWhenHandedOver: number[] = [];
    for await (const _crawled of crawlCustomers(client)) sentWhenHandedOver.push(sent.length);
    expect(sentWhenHandedOver).toEqual([2, 3, 3]);
  });

  it('claims the next page’s slot while the page before is in flight, and none after the last', async () => {
    const next = (token: string) => ({ uri: '/v1/customers?seekOperation=Next', token });
    let inFlightDuringFirst = 0;
    const { client, sent, queue, tokensAsked } = scriptedClient([
      () => {
        inFlightDuringFirst = queue.status('partner-tenant').inFlight;
        return page(['a'], next('t1'));
      },
      () => page(['b'], next('t2')),
      () => page(['c']),
    ]);
    const ids: string[] = [];
    for await (const { page: current } of crawlCustomers(client)) {
      ids.push(...current.items.map((customer) => customer.id));
    }
    expect(ids).toEqual(['a', 'b', 'c']);
    expect(inFlightDuringFirst).toBe(2);
    expect(sent).toHaveLength(3);
    // The claim made ahead of a next page that never came is handed back unspent.
    expect(queue.status('partner-tenant')).toMatchObject({ used: 3, inFlight: 0 });
    expect(tokensAsked()).toBe(4);
  });

  it('claims afresh a request whose address came too late for the slot it claimed', async () => {
    let clock = 0;
    const { client, sent, queue, tokensAsked } = scriptedClient([() => page(['a'])], {
      now: () => clock,
    });
    let address: (to: RequestAddress) => void = () => {};
    const response = client.sendAhead(new Promise((resolve) => (address = resolve)), {
      method: 'GET',
      priority: 'background',
    });
    await vi.waitFor(() => expect(tokensAsked()).toBe(1));
    clock = 30_001;
    address({ path: '/v1/customers' });
    await expect(response).resolves.toMatchObject({ status: 200 });
    expect(sent).toHaveLength(1);
    expect(tokensAsked()).toBe(2);
    expect(queue.status('partner-tenant')).toMatchObject({ used: 1, inFlight: 0 });
  });

  it('hands over a page at once when the next one must wait for the budget', async () => {
    const next = { uri: '/v1/customers?seekOperation=Next', token: 't1' };
    // One request a minute: the second page waits a minute, its first page does not.
    const { client, sent } = scriptedClient([() => page(['a'], next)], { requestsPerMinute: 1 });
    const controller = new AbortController();
    const pages = crawlCustomers(client, { signal: controller.signal });
    const first = await pages.next();
    expect(first.value).toMatchObject({ page: { items: [{ id: 'a' }] } });
    expect(sent).toHaveLength(1);
    controller.abort();
    await pages.return(undefined);
  });

  it('stops a crawl whose server hands back the same next link again', async () => {
    const next = { uri: '/v1/customers?seekOperation=Next', token: 'same' };
    const { client, sent } = scriptedClient([() => page(['a'], next)]);
    const pages = [];
    for await (const crawled of crawlCustomers(client)) pages.push(crawled);
    expect(pages).toHaveLength(2);
    expect(sent).toHaveLength(2);
  });

  it('sends the etag as If-Match and retries the PUT with the same MS-RequestId', async () => {
    const { client, sent } = scriptedClient([
      () => json({ code: 1503, description: 'Busy' }, 503),
      () => json({ ...billing, attributes: { etag: 'def456' } }),
    ]);
    const updated = await updateBillingProfile(client, 'customer-1', billing);
    expect(updated.attributes.etag).toBe('def456');
    expect(sent.map((request) => request.headers.get('If-Match'))).toEqual([
      '"abc123"',
      '"abc123"',
    ]);
    const [first, second] = sent;
    expect(second!.headers.get('MS-RequestId')).toBe(first!.headers.get('MS-RequestId'));
    expect(second!.headers.get('MS-CorrelationId')).not.toBe(
      first!.headers.get('MS-CorrelationId'),
    );
  });

  it('never retries a PUT without an etag', async () => {
    const { client, sent } = scriptedClient([() => json({ code: 1503 }, 503)]);
    const error = await client
      .send({ method: 'PUT', path: '/v1/customers/x/profiles/billing', body: {} })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'server', status: 503 });
    expect(sent).toHaveLength(1);
  });

  it('reports a network failure after the last try, with the ids to quote', async () => {
    const { client, sent } = scriptedClient([
      () => {
        throw new TypeError('fetch failed');
      },
    ]);
    const error = await listCustomers(client, {}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ kind: 'network', retryable: true });
    expect(sent).toHaveLength(4);
    expect((error as ApiError).requestId).toBe(sent[0]!.headers.get('MS-RequestId'));
  });

  it('turns work the queue sheds into an ApiError that says it was never sent', async () => {
    const { client } = scriptedClient([() => page([])], { maxDepth: 0 });
    const error = await listCustomers(client, {}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ kind: 'shed' });
    expect((error as ApiError).message).toMatch(/was not sent/);
  });
});
