import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indirectResellers } from './seed.ts';
import { startEmulator, type EmulatorUnderTest } from './testing.ts';

let pc: EmulatorUnderTest;

beforeAll(async () => {
  pc = await startEmulator({ customers: 1_200 });
});
afterAll(() => pc.close());

const filterParam = (field: string, value: string, operator = 'starts_with') =>
  encodeURIComponent(JSON.stringify({ Field: field, Value: value, Operator: operator }));

interface Page {
  items: { id: string; companyProfile: { companyName: string; domain: string } }[];
  continuationToken?: string;
  links: { next?: { uri: string; method: string; headers: { key: string; value: string }[] } };
  totalCount: number;
}

/** Follows links.next exactly as given, as a client must. */
async function walk(firstPath: string, user: 'adele' | 'isaiah' = 'adele') {
  const pages: Page[] = [];
  let response = await pc.call('GET', firstPath, { user });
  for (;;) {
    expect(response.status).toBe(200);
    const page = response.body as Page;
    pages.push(page);
    const next = page.links.next;
    if (!next) break;
    const headers = Object.fromEntries(next.headers.map((header) => [header.key, header.value]));
    response = await pc.call(next.method, next.uri, { user, headers });
  }
  return pages;
}

describe('GET /v1/customers', () => {
  it('answers a collection shaped as Partner Center documents it', async () => {
    const response = await pc.call('GET', '/v1/customers?size=2');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    const body = response.body;
    expect(body.attributes).toEqual({ objectType: 'Collection' });
    expect(body.totalCount).toBe(1_200);
    expect(body.items).toHaveLength(2);
    expect(body.items[0]).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      commerceId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      companyProfile: {
        tenantId: body.items[0].id,
        domain: expect.stringMatching(/\.onmicrosoft\.com$/),
        companyName: expect.any(String),
        attributes: { objectType: 'CustomerCompanyProfile' },
      },
      relationshipToPartner: expect.stringMatching(
        /^(none|reseller|advisor|syndication|microsoft_support|unknown)$/,
      ),
      links: { self: { uri: `/customers/${body.items[0].id}`, method: 'GET', headers: [] } },
      attributes: { objectType: 'Customer' },
    });
    // The list never carries allowDelegatedAccess: only get-by-id does.
    expect(body.items[0]).not.toHaveProperty('allowDelegatedAccess');
    expect(body.continuationToken).toEqual(expect.any(String));
    expect(body.links.next).toEqual({
      uri: '/v1/customers?size=2&seekOperation=Next',
      method: 'GET',
      headers: [{ key: 'MS-ContinuationToken', value: body.continuationToken }],
    });
  });

  it('pages through every customer exactly once, keyset by keyset', async () => {
    const pages = await walk('/v1/customers?size=500');
    expect(pages.map((page) => page.items.length)).toEqual([500, 500, 200]);
    const ids = pages.flatMap((page) => page.items.map((item) => item.id));
    expect(new Set(ids).size).toBe(1_200);
    const last = pages.at(-1)!;
    expect(last.continuationToken).toBeUndefined();
    expect(last.links.next).toBeUndefined();
  });

  it.each([
    ['absent', '', 100],
    ['0', '?size=0', 100],
    ['1', '?size=1', 1],
    ['500', '?size=500', 500],
  ])('uses the page size when it is %s', async (_case, query, expected) => {
    const response = await pc.call('GET', `/v1/customers${query}`);
    expect(response.status).toBe(200);
    expect(response.body.items).toHaveLength(expected);
  });

  it.each(['501', '-1', 'abc', '2.5', '1e3'])('refuses size=%s with 400', async (size) => {
    const response = await pc.call('GET', `/v1/customers?size=${size}`);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 800002, source: 'PartnerFD' });
    expect(response.body.description).toMatch(/1 to 500/);
  });

  it('reads seekOperation in any case and the query names too', async () => {
    const first = await pc.call('GET', '/v1/customers?size=3');
    const token = first.body.continuationToken as string;
    for (const query of ['size=3&seekOperation=next', 'SIZE=3&SeekOperation=NEXT']) {
      const next = await pc.call('GET', `/v1/customers?${query}`, {
        headers: { 'MS-ContinuationToken': token },
      });
      expect(next.status).toBe(200);
      expect(next.body.items[0].id).not.toBe(first.body.items[0].id);
    }
  });

  it('refuses an altered, foreign or missing continuation token', async () => {
    const first = await pc.call('GET', '/v1/customers?size=3');
    const token = first.body.continuationToken as string;
    const [payload, mac] = token.split('.');
    const decoded = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    decoded.c.seq = 0;
    const altered = `${Buffer.from(JSON.stringify(decoded)).toString('base64url')}.${mac}`;
    for (const [user, header] of [
      ['adele', altered],
      ['adele', 'garbage'],
      ['isaiah', token],
    ] as const) {
      const response = await pc.call('GET', '/v1/customers?size=3&seekOperation=Next', {
        user,
        headers: { 'MS-ContinuationToken': header },
      });
      expect(response.status).toBe(400);
      expect(response.body.description).toMatch(/continuation token/);
    }
    const missing = await pc.call('GET', '/v1/customers?seekOperation=Next');
    expect(missing.status).toBe(400);
    expect(missing.body.description).toMatch(/MS-ContinuationToken/);
  });
});

describe('search (filter)', () => {
  it('finds customers by company name prefix, case-insensitively, in name order, across pages', async () => {
    const all = (await walk('/v1/customers?size=500')).flatMap((page) => page.items);
    const someone = all.find((item) => /^[A-Za-z]{3}/.test(item.companyProfile.companyName))!;
    const prefix = someone.companyProfile.companyName.slice(0, 2);
    const expected = all.filter((item) =>
      item.companyProfile.companyName.toLowerCase().startsWith(prefix.toLowerCase()),
    );
    const pages = await walk(
      `/v1/customers?size=3&filter=${filterParam('CompanyName', prefix.toUpperCase())}`,
    );
    const found = pages.flatMap((page) => page.items);
    expect(found.map((item) => item.id).sort()).toEqual(expected.map((item) => item.id).sort());
    expect(pages[0]!.totalCount).toBe(expected.length);
    const names = found.map((item) => item.companyProfile.companyName.toLowerCase());
    expect(names).toEqual([...names].sort());
  });

  it('finds customers by domain prefix', async () => {
    const first = (await pc.call('GET', '/v1/customers?size=1')).body.items[0];
    const domain = first.companyProfile.domain as string;
    const response = await pc.call(
      'GET',
      `/v1/customers?filter=${filterParam('Domain', domain.toUpperCase())}`,
    );
    expect(response.status).toBe(200);
    expect(response.body.items.map((item: { id: string }) => item.id)).toEqual([first.id]);
  });

  it('finds the customers of an indirect reseller', async () => {
    const response = await pc.call(
      'GET',
      `/v1/customers?size=500&filter=${filterParam('IndirectReseller', indirectResellers[0])}`,
    );
    expect(response.status).toBe(200);
    expect(response.body.items.length).toBeGreaterThan(0);
    for (const item of response.body.items)
      expect(item.associatedPartnerId).toBe(indirectResellers[0]);
  });

  it('finds, for an indirect reseller, the customers of one indirect provider', async () => {
    const contoso = '4b5e8d2a-1c3f-4a6e-9b7d-2f8c0e1a3d5b';
    const response = await pc.call(
      'GET',
      `/v1/customers?size=500&filter=${filterParam('IndirectCloudSolutionProvider', contoso)}`,
      { user: 'isaiah' },
    );
    expect(response.body.totalCount).toBe(150);
  });

  it.each([
    ['malformed JSON', encodeURIComponent('{"Field":"CompanyName",'), /not valid JSON/],
    ['an unknown field', filterParam('Country', 'DE'), /field "Country" is not supported/],
    [
      'a field named after an Object property',
      filterParam('constructor', indirectResellers[0]),
      /field "constructor" is not supported/,
    ],
    ['an unknown operator', filterParam('CompanyName', 'a', 'equals'), /operator "equals"/],
    ['an empty value', filterParam('CompanyName', ''), /must not be empty/],
    ['a reseller that is not a GUID', filterParam('IndirectReseller', 'fabrikam'), /GUID/],
    [
      'a missing Value',
      encodeURIComponent('{"Field":"Domain","Operator":"starts_with"}'),
      /value is required/,
    ],
  ])('refuses %s with a clear 400', async (_case, filter, message) => {
    const response = await pc.call('GET', `/v1/customers?filter=${filter}`);
    expect(response.status).toBe(400);
    expect(response.body.source).toBe('PartnerFD');
    expect(response.body.description).toMatch(message);
  });
});

describe('GET /v1/customers/{id} and the profiles', () => {
  async function customersWhere(
    predicate: (customer: { allowDelegatedAccess?: boolean }) => boolean,
  ) {
    const items = (await walk('/v1/customers?size=500')).flatMap((page) => page.items);
    for (const item of items) {
      const customer = (await pc.call('GET', `/v1/customers/${item.id}`)).body;
      if (predicate(customer)) return customer;
    }
    throw new Error('no such customer in the seed');
  }

  it('answers the whole customer with delegated access, company and billing profiles', async () => {
    const customer = await customersWhere((candidate) => candidate.allowDelegatedAccess === true);
    expect(customer).toMatchObject({
      allowDelegatedAccess: true,
      enableGDAPByDefault: expect.any(Boolean),
      customDomains: expect.any(Array),
      tags: expect.any(Array),
      companyProfile: {
        address: { country: expect.stringMatching(/^[A-Z]{2}$/), addressLine1: expect.any(String) },
        email: expect.stringContaining('@'),
      },
      billingProfile: {
        email: expect.stringContaining('@'),
        culture: expect.any(String),
        language: expect.any(String),
        defaultAddress: { country: expect.any(String) },
        attributes: { etag: expect.any(String), objectType: 'CustomerBillingProfile' },
      },
    });
    const company = await pc.call('GET', `/v1/customers/${customer.id}/profiles/company`);
    expect(company.body).toEqual(customer.companyProfile);
    const billing = await pc.call('GET', `/v1/customers/${customer.id}/profiles/billing`);
    expect(billing.body).toEqual(customer.billingProfile);
    expect(billing.headers.get('etag')).toBe(`"${customer.billingProfile.attributes.etag}"`);
  });

  it('leaves out the address, email and custom domains without delegated admin rights', async () => {
    const customer = await customersWhere((candidate) => candidate.allowDelegatedAccess === false);
    expect(customer.companyProfile).not.toHaveProperty('address');
    expect(customer.companyProfile).not.toHaveProperty('email');
    expect(customer).not.toHaveProperty('customDomains');
    const company = await pc.call('GET', `/v1/customers/${customer.id}/profiles/company`);
    expect(company.body).not.toHaveProperty('address');
  });

  it('refuses an id that is not a GUID with 400 code 900118', async () => {
    const response = await pc.call('GET', '/v1/customers/not-a-guid');
    expect(response.status).toBe(400);
    expect(response.body.code).toBe(900118);
  });
});
