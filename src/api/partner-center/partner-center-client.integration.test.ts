import { afterEach, describe, expect, inject, it } from 'vitest';
import { MemoryLedger } from '@/api/queue/budget-ledger';
import { RequestQueue } from '@/api/queue/request-queue';
import { ApiError } from './api-error';
import { crawlCustomers } from './crawl-customers';
import { createCustomer } from './create-customer';
import { checkDomainAvailability } from './check-domain-availability';
import { getBillingProfile } from './get-billing-profile';
import { getCompanyProfile } from './get-company-profile';
import { getCountryRules } from './get-country-rules';
import { getCustomer } from './get-customer';
import { listCustomers } from './list-customers';
import { classifyFailure, PartnerCenterClient } from './partner-center-client';
import { removeRelationship } from './remove-relationship';
import type { CreateCustomerRequest } from './resources';
import { searchCustomers } from './search-customers';
import { updateBillingProfile } from './update-billing-profile';
import { validateAddress } from './validate-address';

/**
 * The client against the real emulator over HTTP (started by vitest.global-setup.ts): real
 * paging, real idempotency, real 429s. Only the budget ledger is in memory, as in one tab.
 */

const { emulator, throttled } = inject('partnerCenter');
type Emulator = typeof emulator;
type UserName = keyof Emulator['tokens'];

interface SentRequest {
  method: string;
  url: string;
  headers: Headers;
  status: number | 'dropped';
  sentAt: number;
  answeredAt: number;
  retryAfter: string | null;
}

function createClient(
  target: Emulator,
  options: {
    user?: UserName;
    budget?: { requests: number; windowMs: number };
    fetch?: typeof fetch;
    retryBaseMs?: number;
  } = {},
) {
  const user = options.user ?? 'adele';
  const budget = options.budget ?? {
    requests: target.rateLimit.requests,
    windowMs: target.rateLimit.windowSeconds * 1000,
  };
  const queue = new RequestQueue({
    ledger: new MemoryLedger(),
    limits: () => ({ ...budget, backgroundShare: 0.9 }),
    classify: classifyFailure,
    retryBaseMs: options.retryBaseMs ?? 20,
    retryCapMs: 200,
  });
  const sent: SentRequest[] = [];
  const baseFetch = options.fetch ?? fetch;
  const client = new PartnerCenterClient({
    baseUrl: target.baseUrl,
    getAccessToken: () => Promise.resolve(target.tokens[user]),
    budgetKey: () => (user === 'isaiah' ? target.tenants.fabrikam : target.tenants.contoso),
    queue,
    locale: 'en-GB',
    fetch: async (input, init) => {
      const record: SentRequest = {
        method: init?.method ?? 'GET',
        url: String(input),
        headers: new Headers(init?.headers),
        status: 'dropped',
        sentAt: Date.now(),
        answeredAt: Infinity,
        retryAfter: null,
      };
      sent.push(record);
      const response = await baseFetch(input, init);
      record.status = response.status;
      record.answeredAt = Date.now();
      record.retryAfter = response.headers.get('retry-after');
      return response;
    },
  });
  return { client, queue, sent };
}

async function emulatorControl(target: Emulator, method: string, path: string, body?: unknown) {
  const response = await fetch(`${target.baseUrl}/_emulator/${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return response.status === 204 ? undefined : ((await response.json()) as unknown);
}

async function metricsOf(target: Emulator, tenantId: string) {
  const metrics = (await emulatorControl(target, 'GET', 'metrics')) as {
    tenants: Record<
      string,
      { requests: number; throttled: number; maxInWindow: number; inWindow: number }
    >;
  };
  return metrics.tenants[tenantId] ?? { requests: 0, throttled: 0, maxInWindow: 0, inWindow: 0 };
}

/** Until the emulator's window holds none of the tenant's requests, however long that takes. */
async function waitForEmptyWindow(target: Emulator, tenantId: string) {
  while ((await metricsOf(target, tenantId)).inWindow > 0) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

afterEach(async () => {
  await emulatorControl(emulator, 'DELETE', 'faults');
});

let domainCounter = 0;
function newCustomer(overrides: Partial<CreateCustomerRequest['companyProfile']> = {}) {
  domainCounter += 1;
  const domain = `clienttest${Date.now().toString(36)}${domainCounter}.onmicrosoft.com`;
  return {
    companyProfile: { domain, ...overrides },
    billingProfile: {
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@example.com',
      culture: 'en-US',
      language: 'en',
      companyName: 'Client Test Ltd',
      defaultAddress: {
        country: 'US',
        city: 'Redmond',
        state: 'WA',
        addressLine1: 'One Microsoft Way',
        postalCode: '98052',
        firstName: 'Ada',
        lastName: 'Lovelace',
        phoneNumber: '4255550101',
      },
    },
  } satisfies CreateCustomerRequest;
}

describe('reading customers', () => {
  it('pages through every customer by the next links, each once', async () => {
    const { client, sent } = createClient(emulator);
    const ids: string[] = [];
    let total: number | undefined;
    for await (const { page } of crawlCustomers(client)) {
      ids.push(...page.items.map((customer) => customer.id));
      total ??= page.totalCount;
    }
    expect(total).toBeGreaterThan(1_000);
    expect(ids).toHaveLength(total!);
    expect(new Set(ids).size).toBe(ids.length);
    // The next links carry /v1 already: followed as given, never /v1/v1.
    expect(sent.some((request) => request.url.includes('/v1/v1'))).toBe(false);
    expect(sent.slice(1).every((request) => request.headers.has('MS-ContinuationToken'))).toBe(
      true,
    );
  });

  it('searches by company-name prefix through Partner Center’s own filter', async () => {
    const { client } = createClient(emulator);
    const first = await listCustomers(client, { filter: { size: 50 } });
    const name = first.items.find((customer) =>
      /^[a-z]{3}/i.test(customer.companyProfile.companyName),
    )!.companyProfile.companyName;
    const prefix = name.slice(0, 3);
    const found = await searchCustomers(client, { field: 'CompanyName', prefix });
    expect(found.items.length).toBeGreaterThan(0);
    for (const customer of found.items) {
      expect(customer.companyProfile.companyName.toLowerCase()).toMatch(
        new RegExp(`^${prefix.toLowerCase()}`),
      );
    }
  });

  it('reads a customer, its company profile and its billing profile', async () => {
    const { client } = createClient(emulator);
    const [listed] = (await listCustomers(client, { filter: { size: 1 } })).items;
    const customer = await getCustomer(client, listed!.id);
    expect(customer.id).toBe(listed!.id);
    const company = await getCompanyProfile(client, customer.id);
    expect(company.tenantId).toBe(customer.id);
    const billing = await getBillingProfile(client, customer.id);
    expect(billing.attributes.etag).toEqual(expect.any(String));
  });

  it('sends the tracing headers: a new correlation id per call, a request id per operation', async () => {
    const { client, sent } = createClient(emulator);
    await listCustomers(client, { filter: { size: 1 } });
    await listCustomers(client, { filter: { size: 1 } });
    const [first, second] = sent;
    for (const request of [first!, second!]) {
      expect(request.headers.get('Authorization')).toMatch(/^Bearer ey/);
      expect(request.headers.get('Accept')).toBe('application/json');
      expect(request.headers.get('X-Locale')).toBe('en-GB');
    }
    expect(first!.headers.get('MS-CorrelationId')).not.toBe(
      second!.headers.get('MS-CorrelationId'),
    );
    expect(first!.headers.get('MS-RequestId')).not.toBe(second!.headers.get('MS-RequestId'));
  });

  it('refuses another partner’s customer with a forbidden error naming the correlation id', async () => {
    const { client: contoso } = createClient(emulator);
    const [customer] = (await listCustomers(contoso, { filter: { size: 1 } })).items;
    const { client: fabrikam } = createClient(emulator, { user: 'isaiah' });
    const error = await getCustomer(fabrikam, customer!.id).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ kind: 'forbidden', status: 403, code: '20002' });
    expect((error as ApiError).correlationId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('reads reference data: domain availability, address validation, country rules', async () => {
    const { client } = createClient(emulator);
    const [customer] = (await listCustomers(client, { filter: { size: 1 } })).items;
    const taken = await checkDomainAvailability(client, customer!.companyProfile.domain);
    expect(taken.available).toBe(false);
    const free = await checkDomainAvailability(client, 'nobodyhasthisname42.onmicrosoft.com');
    expect(free.available).toBe(true);
    const rules = await getCountryRules(client, 'ru');
    expect(rules.iso2Code).toBe('RU');
    const verdict = await validateAddress(client, {
      addressLine1: 'One Microsoft Way',
      city: 'Redmond',
      state: 'WA',
      postalCode: '98052',
      country: 'US',
    });
    expect(verdict.status).toEqual(expect.any(String));
  });
});

describe('writing', () => {
  it('updates a billing profile with its etag and detects a stale one', async () => {
    const { client } = createClient(emulator);
    const [listed] = (await listCustomers(client, { filter: { size: 3 } })).items;
    const original = await getBillingProfile(client, listed!.id);
    const updated = await updateBillingProfile(client, listed!.id, {
      ...original,
      firstName: 'Grace',
    });
    expect(updated.firstName).toBe('Grace');
    expect(updated.attributes.etag).not.toBe(original.attributes.etag);

    const stale = await updateBillingProfile(client, listed!.id, {
      ...original,
      firstName: 'Overwriter',
    }).catch((error: unknown) => error);
    expect(stale).toBeInstanceOf(ApiError);
    expect((stale as ApiError).isConflict).toBe(true);
    expect((await getBillingProfile(client, listed!.id)).firstName).toBe('Grace');
  });

  it('creates a customer exactly once when the connection drops after the commit', async () => {
    await emulatorControl(emulator, 'POST', 'faults', {
      dropNextWrites: 1,
      tenantId: emulator.tenants.contoso,
    });
    const { client, sent } = createClient(emulator);
    const body = newCustomer();
    const created = await createCustomer(client, body);
    expect(created.credentials?.userName).toBe(`admin@${body.companyProfile.domain}`);

    const posts = sent.filter((request) => request.method === 'POST');
    expect(posts.map((request) => request.status)).toEqual(['dropped', 201]);
    expect(posts[1]!.headers.get('MS-RequestId')).toBe(posts[0]!.headers.get('MS-RequestId'));
    expect(posts[1]!.headers.get('MS-CorrelationId')).not.toBe(
      posts[0]!.headers.get('MS-CorrelationId'),
    );
    const found = await searchCustomers(client, {
      field: 'Domain',
      prefix: body.companyProfile.domain,
    });
    expect(found.items.map((customer) => customer.id)).toEqual([created.customerId]);
  });

  it('maps a refused registration number to its form field', async () => {
    const { client } = createClient(emulator);
    const body = newCustomer({ organizationRegistrationNumber: '12345' });
    const error = await createCustomer(client, body).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ kind: 'validation', status: 400 });
    expect((error as ApiError).fieldErrors.map((fieldError) => fieldError.field)).toEqual([
      'companyProfile.organizationRegistrationNumber',
    ]);
  });

  it('removes the relationship to a customer', async () => {
    const { client } = createClient(emulator);
    const created = await createCustomer(client, newCustomer());
    const removed = await removeRelationship(client, created.customerId!);
    expect(removed.relationshipToPartner).toBe('none');
  });
});

describe('failures', () => {
  it('retries a read through 503s, then gives a clear error after the last try', async () => {
    await emulatorControl(emulator, 'POST', 'faults', {
      serviceUnavailableRate: 1,
      tenantId: emulator.tenants.contoso,
    });
    const { client, sent } = createClient(emulator);
    const error = await listCustomers(client, { filter: { size: 1 } }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ kind: 'server', status: 503, retryable: true });
    expect(sent).toHaveLength(4);
    expect(new Set(sent.map((request) => request.headers.get('MS-RequestId'))).size).toBe(1);
  });

  it('does not retry a refused token', async () => {
    await emulatorControl(emulator, 'POST', 'faults', {
      rejectTokens: true,
      tenantId: emulator.tenants.contoso,
    });
    const { client, sent } = createClient(emulator);
    const error = await listCustomers(client, { filter: { size: 1 } }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ kind: 'auth', status: 401 });
    expect(sent).toHaveLength(1);
  });

  it('turns a body that fails its schema into an error, never into data', async () => {
    const { client, sent } = createClient(emulator, {
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        const body = (await response.json()) as { items: { companyProfile: unknown }[] };
        for (const item of body.items) item.companyProfile = 42;
        return new Response(JSON.stringify(body), {
          status: response.status,
          headers: response.headers,
        });
      },
    });
    const error = await listCustomers(client, { filter: { size: 2 } }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ kind: 'invalid-response', status: 200 });
    expect((error as ApiError).message).toMatch(/companyProfile/);
    expect((error as ApiError).correlationId).toBe(sent[0]!.headers.get('MS-CorrelationId'));
    expect(sent).toHaveLength(1);
  });

  it('does not send a request cancelled while it waits for the budget', async () => {
    const { client, sent } = createClient(emulator, { budget: { requests: 1, windowMs: 60_000 } });
    await listCustomers(client, { filter: { size: 1 } });
    const controller = new AbortController();
    const waiting = listCustomers(
      client,
      { filter: { size: 1 } },
      { signal: controller.signal },
    ).catch((caught: unknown) => caught);
    controller.abort();
    expect(await waiting).toMatchObject({ name: 'AbortError' });
    expect(sent).toHaveLength(1);
  });
});

describe('the budget against a small emulator window', () => {
  const windowMs = throttled.rateLimit.windowSeconds * 1000;

  it('paces a burst within the window: every request succeeds, not one 429', async () => {
    await emulatorControl(throttled, 'DELETE', 'metrics');
    const { client } = createClient(throttled);
    const burst = Array.from({ length: 3 * throttled.rateLimit.requests }, () =>
      listCustomers(client, { filter: { size: 1 } }),
    );
    await expect(Promise.all(burst)).resolves.toHaveLength(burst.length);
    const metrics = await metricsOf(throttled, throttled.tenants.contoso);
    expect(metrics.throttled).toBe(0);
    expect(metrics.maxInWindow).toBeLessThanOrEqual(throttled.rateLimit.requests);
  });

  it('obeys Retry-After when its budget is wrong, and still completes everything', async () => {
    await waitForEmptyWindow(throttled, throttled.tenants.fabrikam);
    await emulatorControl(throttled, 'DELETE', 'metrics');
    // This client believes in four times the real budget, as a second uncoordinated app would.
    const { client, queue, sent } = createClient(throttled, {
      user: 'isaiah',
      budget: { requests: 4 * throttled.rateLimit.requests, windowMs },
    });
    let sawPause = false;
    const unsubscribe = queue.subscribe(() => {
      if (queue.status(throttled.tenants.fabrikam).pausedUntil > 0) sawPause = true;
    });
    const burst = Array.from({ length: 2 * throttled.rateLimit.requests }, () =>
      listCustomers(client, { filter: { size: 1 } }),
    );
    await expect(Promise.all(burst)).resolves.toHaveLength(burst.length);
    unsubscribe();
    const refused = sent.filter((request) => request.status === 429).length;
    expect(refused).toBeGreaterThan(0);
    expect(sawPause).toBe(true);
    // Paused as a whole: once the first 429 came back, nothing was sent until its Retry-After
    // had passed, so the refusals are only those already on their way.
    const first429 = sent
      .filter((request) => request.status === 429)
      .sort((a, b) => a.answeredAt - b.answeredAt)[0]!;
    const resumeAt = first429.answeredAt + Number(first429.retryAfter) * 1000;
    const sentDuringPause = sent.filter(
      (request) => request.sentAt > first429.answeredAt && request.sentAt < resumeAt,
    );
    expect(sentDuringPause).toEqual([]);
    const metrics = await metricsOf(throttled, throttled.tenants.fabrikam);
    expect(metrics.throttled).toBe(refused);
  });
});
