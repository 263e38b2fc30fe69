import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorUnderTest } from './testing.ts';

let pc: EmulatorUnderTest;

beforeAll(async () => {
  pc = await startEmulator({ customers: 300 });
});
afterAll(() => pc.close());

let domainCounter = 0;
const freshDomain = () => `testco${Date.now() % 1_000_000}${(domainCounter += 1)}.onmicrosoft.com`;

/** Microsoft's documented create-a-customer request body, PascalCase and nulls included. */
function documentedCreateBody(domain = freshDomain()) {
  return {
    Id: null,
    CommerceId: null,
    CompanyProfile: {
      TenantId: null,
      Domain: domain,
      CompanyName: null,
      Address: null,
      Email: null,
      Links: null,
      Attributes: { ObjectType: 'CustomerCompanyProfile' },
    },
    BillingProfile: {
      Id: null,
      FirstName: null,
      LastName: null,
      Email: 'SomeEmail@Outlook.com',
      Culture: 'EN-US',
      Language: 'En',
      CompanyName: 'Fabrikam',
      DefaultAddress: {
        Country: 'US',
        Region: null,
        City: 'Redmond',
        State: 'WA',
        AddressLine1: 'One Microsoft Way',
        AddressLine2: null,
        PostalCode: '98052',
        FirstName: 'Tame',
        LastName: 'Customer',
        PhoneNumber: '4255550101',
      },
      Links: null,
      Attributes: { ObjectType: 'CustomerBillingProfile' },
    },
    RelationshipToPartner: 'none',
    AllowDelegatedAccess: null,
    UserCredentials: null,
    CustomDomains: null,
    Links: null,
    Attributes: { ObjectType: 'Customer' },
  };
}

function camelCreateBody(
  overrides: {
    country?: string;
    address?: Record<string, unknown>;
    companyProfile?: Record<string, unknown>;
    culture?: string;
  } = {},
) {
  return {
    companyProfile: { domain: freshDomain(), ...overrides.companyProfile },
    billingProfile: {
      email: 'billing@example.com',
      culture: overrides.culture ?? 'en-US',
      language: 'en',
      companyName: 'Camel Case Ltd',
      defaultAddress: {
        country: 'US',
        city: 'Redmond',
        state: 'WA',
        addressLine1: 'One Microsoft Way',
        postalCode: '98052',
        firstName: 'Ada',
        lastName: 'Lovelace',
        phoneNumber: '4255550101',
        ...overrides.address,
      },
    },
  };
}

const russianAddress = {
  country: 'RU',
  city: 'Moscow',
  state: undefined,
  postalCode: '101000',
  addressLine1: 'Tverskaya 1',
  phoneNumber: '9123456789',
};

/** A copy of a body with one field set (or removed, for undefined) by its dotted path. */
function withField(body: object, field: string, value: unknown): object {
  const copy = structuredClone(body) as Record<string, unknown>;
  const keys = field.split('.');
  const last = keys.pop()!;
  let target = copy;
  for (const key of keys) target = target[key] as Record<string, unknown>;
  if (value === undefined) Reflect.deleteProperty(target, last);
  else target[last] = value;
  return copy;
}

async function totalCustomers() {
  return (await pc.call('GET', '/v1/customers?size=1')).body.totalCount as number;
}

describe('POST /v1/customers', () => {
  it('creates a customer from the documented PascalCase body and returns credentials once', async () => {
    const before = await totalCustomers();
    const body = documentedCreateBody();
    const response = await pc.call('POST', '/v1/customers', { body });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      companyProfile: { domain: body.CompanyProfile.Domain.toLowerCase(), companyName: 'Fabrikam' },
      billingProfile: {
        email: 'SomeEmail@Outlook.com',
        culture: 'en-US',
        firstName: 'Tame',
        lastName: 'Customer',
        defaultAddress: { country: 'US', state: 'WA', city: 'Redmond', postalCode: '98052' },
      },
      relationshipToPartner: 'reseller',
      allowDelegatedAccess: true,
      userCredentials: {
        userName: `admin@${body.CompanyProfile.Domain.toLowerCase()}`,
        password: expect.any(String),
      },
    });
    expect(response.body.userCredentials.password.length).toBeGreaterThanOrEqual(12);
    expect(response.headers.get('location')).toBe(`/v1/customers/${response.body.id}`);
    expect(await totalCustomers()).toBe(before + 1);
    // The password is returned once and never again.
    const fetched = await pc.call('GET', `/v1/customers/${response.body.id}`);
    expect(fetched.text).not.toContain(response.body.userCredentials.password);
    expect(fetched.body).not.toHaveProperty('userCredentials');
    // And it is kept only as a hash.
    const row = pc.emulator.store.db
      .prepare('SELECT password_hash FROM customers WHERE id = ?')
      .get(response.body.id) as { password_hash: string };
    expect(row.password_hash).toMatch(/^scrypt\$/);
    expect(row.password_hash).not.toContain(response.body.userCredentials.password);
  });

  it('accepts camelCase too, and the new customer is found by its domain at once', async () => {
    const body = camelCreateBody();
    const response = await pc.call('POST', '/v1/customers', { body });
    expect(response.status).toBe(201);
    expect((await pc.call('HEAD', `/v1/domains/${body.companyProfile.domain}`)).status).toBe(200);
    const filter = encodeURIComponent(
      JSON.stringify({
        Field: 'Domain',
        Value: body.companyProfile.domain,
        Operator: 'starts_with',
      }),
    );
    const found = await pc.call('GET', `/v1/customers?filter=${filter}`);
    expect(found.body.items.map((item: { id: string }) => item.id)).toEqual([response.body.id]);
  });

  it.each([
    ['the billing email', 'billingProfile.email', undefined, 'billingProfile.email is required'],
    [
      'an email',
      'billingProfile.email',
      'not-an-email',
      'billingProfile.email must be an email address',
    ],
    ['the culture', 'billingProfile.culture', undefined, 'billingProfile.culture is required'],
    ['the language', 'billingProfile.language', undefined, 'billingProfile.language is required'],
    [
      'the company name',
      'billingProfile.companyName',
      '  ',
      'billingProfile.companyName must not be empty',
    ],
    [
      'the default address',
      'billingProfile.defaultAddress',
      undefined,
      'billingProfile.defaultAddress is required',
    ],
    [
      'the first address line',
      'billingProfile.defaultAddress.addressLine1',
      undefined,
      'addressLine1 is required',
    ],
    [
      'a two-letter country',
      'billingProfile.defaultAddress.country',
      'USA',
      'two-letter country code',
    ],
    [
      'a company name of the right type',
      'billingProfile.companyName',
      42,
      'companyName must be text',
    ],
    [
      'a US state from the list',
      'billingProfile.defaultAddress.state',
      'Atlantis',
      '"Atlantis" is not a state',
    ],
    [
      'a US postal code',
      'billingProfile.defaultAddress.postalCode',
      '9805',
      'is not a postal code of',
    ],
    [
      'a culture of the country',
      'billingProfile.culture',
      'xx-YY',
      'culture "xx-YY" is not supported',
    ],
    ['the domain', 'companyProfile.domain', undefined, 'companyProfile.domain is required'],
    [
      'a domain of letters and digits',
      'companyProfile.domain',
      'bad_name.onmicrosoft.com',
      'followed by .onmicrosoft.com',
    ],
  ])(
    'refuses a body without %s (400, the field named, nothing created)',
    async (_case, field, value, message) => {
      const before = await totalCustomers();
      const body = withField(camelCreateBody(), field, value);
      const response = await pc.call('POST', '/v1/customers', { body });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: 3000, source: 'PartnerFD' });
      expect(response.body.description).toContain(message);
      expect(await totalCustomers()).toBe(before);
    },
  );

  it('refuses a domain that is taken with 409 and a clear description', async () => {
    const taken = (await pc.call('GET', '/v1/customers?size=1', { user: 'isaiah' })).body.items[0]
      .companyProfile.domain;
    const response = await pc.call('POST', '/v1/customers', {
      body: camelCreateBody({ companyProfile: { domain: taken.toUpperCase() } }),
    });
    expect(response.status).toBe(409);
    expect(response.body.description).toContain(`${taken} is already in use`);
  });

  describe('registration numbers and phones (the 24 countries)', () => {
    const russian = (
      companyProfile: Record<string, unknown>,
      address: Record<string, unknown> = {},
    ) =>
      camelCreateBody({
        culture: 'ru-RU',
        address: { ...russianAddress, ...address },
        companyProfile,
      });

    it('requires the number in Russia (600049)', async () => {
      const response = await pc.call('POST', '/v1/customers', { body: russian({}) });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe(600049);
    });

    it('refuses a malformed number with the format in the message (600050)', async () => {
      const response = await pc.call('POST', '/v1/customers', {
        body: russian({ organizationRegistrationNumber: '12345' }),
      });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe(600050);
      expect(response.body.description).toMatch(/should be of the format \S+/);
    });

    it('requires the phone number there (600051)', async () => {
      const response = await pc.call('POST', '/v1/customers', {
        body: russian({ organizationRegistrationNumber: '7707083893' }, { phoneNumber: undefined }),
      });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe(600051);
    });

    it('creates the customer with a well-formed number, typed with separators', async () => {
      const response = await pc.call('POST', '/v1/customers', {
        body: russian({ organizationRegistrationNumber: ' 7707 083-893 ' }),
      });
      expect(response.status).toBe(201);
      expect(response.body.companyProfile.organizationRegistrationNumber).toBe('7707083893');
    });

    it('refuses a number where the country takes none (600002)', async () => {
      const response = await pc.call('POST', '/v1/customers', {
        body: camelCreateBody({ companyProfile: { organizationRegistrationNumber: '123456789' } }),
      });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe(600002);
    });
  });
});

describe('idempotency (MS-RequestId)', () => {
  it('answers a repeated create with the first response and creates nothing new', async () => {
    const before = await totalCustomers();
    const requestId = randomUUID();
    const body = camelCreateBody();
    const first = await pc.call('POST', '/v1/customers', {
      body,
      headers: { 'MS-RequestId': requestId },
    });
    const second = await pc.call('POST', '/v1/customers', {
      body,
      headers: { 'MS-RequestId': requestId },
    });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(await totalCustomers()).toBe(before + 1);
  });

  it('creates exactly one customer when copies arrive concurrently', async () => {
    const before = await totalCustomers();
    const requestId = randomUUID();
    const body = camelCreateBody();
    const responses = await Promise.all(
      Array.from({ length: 8 }, () =>
        pc.call('POST', '/v1/customers', { body, headers: { 'MS-RequestId': requestId } }),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(8).fill(201));
    expect(new Set(responses.map((response) => response.body.id)).size).toBe(1);
    expect(await totalCustomers()).toBe(before + 1);
  });

  it('keeps another partner’s identical request id apart', async () => {
    const requestId = randomUUID();
    const a = await pc.call('POST', '/v1/customers', {
      body: camelCreateBody(),
      headers: { 'MS-RequestId': requestId },
    });
    const b = await pc.call('POST', '/v1/customers', {
      user: 'isaiah',
      body: camelCreateBody(),
      headers: { 'MS-RequestId': requestId },
    });
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.body.id).not.toBe(a.body.id);
  });

  it('never shows a saved reply to a user whose role could not have caused it', async () => {
    const requestId = randomUUID();
    const body = camelCreateBody();
    const first = await pc.call('POST', '/v1/customers', {
      body,
      headers: { 'MS-RequestId': requestId },
    });
    expect(first.status).toBe(201);
    const helpdesk = await pc.call('POST', '/v1/customers', {
      user: 'megan',
      body,
      headers: { 'MS-RequestId': requestId },
    });
    expect(helpdesk.status).toBe(403);
    expect(helpdesk.text).not.toContain(first.body.userCredentials.password);
  });

  it('survives a connection dropped after the commit: the retry gets the customer, not a second one', async () => {
    const before = await totalCustomers();
    const requestId = randomUUID();
    const body = camelCreateBody();
    pc.emulator.faults.set({ dropNextWrites: 1 });
    try {
      await expect(
        pc.call('POST', '/v1/customers', { body, headers: { 'MS-RequestId': requestId } }),
      ).rejects.toThrow();
    } finally {
      pc.emulator.faults.clear();
    }
    expect(await totalCustomers()).toBe(before + 1);
    const retry = await pc.call('POST', '/v1/customers', {
      body,
      headers: { 'MS-RequestId': requestId },
    });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('ms-idempotent-replay')).toBe('true');
    expect(await totalCustomers()).toBe(before + 1);
    // Without the request id the same retry would have been refused: the domain is taken now.
    const naive = await pc.call('POST', '/v1/customers', { body });
    expect(naive.status).toBe(409);
  });
});

describe('billing profile updates (etag)', () => {
  async function someCustomer() {
    return (await pc.call('GET', '/v1/customers?size=1')).body.items[0].id as string;
  }

  it('updates with If-Match, answers a new etag, and refuses the old one (400 code 2055)', async () => {
    const id = await someCustomer();
    const current = (await pc.call('GET', `/v1/customers/${id}/profiles/billing`)).body;
    const etag = current.attributes.etag;
    const updated = await pc.call('PUT', `/v1/customers/${id}/profiles/billing`, {
      body: { ...current, email: 'new.contact@example.com' },
      headers: { 'If-Match': `"${etag}"` },
    });
    expect(updated.status).toBe(200);
    expect(updated.body.email).toBe('new.contact@example.com');
    expect(updated.body.attributes.etag).not.toBe(etag);
    const stale = await pc.call('PUT', `/v1/customers/${id}/profiles/billing`, {
      body: { ...current, email: 'lost.update@example.com' },
      headers: { 'If-Match': `"${etag}"` },
    });
    expect(stale.status).toBe(400);
    expect(stale.body.code).toBe(2055);
    expect(stale.body.description).toMatch(/^Etag is no longer valid/);
    const after = (await pc.call('GET', `/v1/customers/${id}/profiles/billing`)).body;
    expect(after.email).toBe('new.contact@example.com');
  });

  it('takes the etag from attributes.etag as the SDK sends it', async () => {
    const id = await someCustomer();
    const current = (await pc.call('GET', `/v1/customers/${id}/profiles/billing`)).body;
    const updated = await pc.call('PUT', `/v1/customers/${id}/profiles/billing`, {
      body: { ...current, firstName: 'Sdk' },
    });
    expect(updated.status).toBe(200);
    const stale = await pc.call('PUT', `/v1/customers/${id}/profiles/billing`, { body: current });
    expect(stale.body.code).toBe(2055);
  });

  it('refuses an update without any etag', async () => {
    const id = await someCustomer();
    const { attributes: _attributes, ...current } = (
      await pc.call('GET', `/v1/customers/${id}/profiles/billing`)
    ).body;
    const response = await pc.call('PUT', `/v1/customers/${id}/profiles/billing`, {
      body: current,
    });
    expect(response.status).toBe(400);
    expect(response.body.description).toMatch(/etag/);
  });

  it('refuses to move the billing address to another country', async () => {
    const id = await someCustomer();
    const current = (await pc.call('GET', `/v1/customers/${id}/profiles/billing`)).body;
    const other = current.defaultAddress.country === 'US' ? 'CA' : 'US';
    const response = await pc.call('PUT', `/v1/customers/${id}/profiles/billing`, {
      body: { ...current, defaultAddress: { ...current.defaultAddress, country: other } },
    });
    expect(response.status).toBe(400);
    expect(response.body.description).toMatch(/country/);
  });

  it('renames the customer in the list and the search when the billing company name changes, not the tenant', async () => {
    const id = await someCustomer();
    const tenantName = (await pc.call('GET', `/v1/customers/${id}/profiles/company`)).body
      .companyName;
    const current = (await pc.call('GET', `/v1/customers/${id}/profiles/billing`)).body;
    const renamed = `Renamed ${randomUUID().slice(0, 8)} GmbH`;
    const updated = await pc.call('PUT', `/v1/customers/${id}/profiles/billing`, {
      body: { ...current, companyName: renamed },
    });
    expect(updated.status).toBe(200);
    expect((await pc.call('GET', `/v1/customers/${id}`)).body.companyProfile.companyName).toBe(
      renamed,
    );
    const filter = encodeURIComponent(
      JSON.stringify({
        Field: 'CompanyName',
        Value: renamed.toLowerCase(),
        Operator: 'starts_with',
      }),
    );
    const found = (await pc.call('GET', `/v1/customers?size=10&filter=${filter}`)).body.items;
    expect(found.map((item: { id: string }) => item.id)).toEqual([id]);
    expect((await pc.call('GET', `/v1/customers/${id}/profiles/company`)).body.companyName).toBe(
      tenantName,
    );
  });

  it('replays a retried update instead of calling it stale', async () => {
    const id = await someCustomer();
    const current = (await pc.call('GET', `/v1/customers/${id}/profiles/billing`)).body;
    const requestId = randomUUID();
    const send = () =>
      pc.call('PUT', `/v1/customers/${id}/profiles/billing`, {
        body: { ...current, lastName: 'Retried' },
        headers: { 'MS-RequestId': requestId },
      });
    const first = await send();
    const retry = await send();
    expect(first.status).toBe(200);
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
  });
});

describe('relationship removal and deletion', () => {
  it('removes the relationship with the documented PATCH', async () => {
    const created = await pc.call('POST', '/v1/customers', { body: camelCreateBody() });
    const response = await pc.call('PATCH', `/v1/customers/${created.body.id}`, {
      body: { relationshipToPartner: 'none', attributes: { objectType: 'Customer' } },
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      relationshipToPartner: 'none',
      allowDelegatedAccess: false,
    });
    const refused = await pc.call('PATCH', `/v1/customers/${created.body.id}`, {
      body: { relationshipToPartner: 'reseller' },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.description).toMatch(/"none"/);
  });

  it('deletes only sandbox customers', async () => {
    const created = await pc.call('POST', '/v1/customers', { body: camelCreateBody() });
    const refused = await pc.call('DELETE', `/v1/customers/${created.body.id}`);
    expect(refused.status).toBe(403);
    const sandbox = pc.emulator.store.db
      .prepare('SELECT id FROM customers WHERE is_sandbox = 1 AND partner_id = ? LIMIT 1')
      .get('4b5e8d2a-1c3f-4a6e-9b7d-2f8c0e1a3d5b') as { id: string } | undefined;
    expect(sandbox).toBeDefined();
    const deleted = await pc.call('DELETE', `/v1/customers/${sandbox!.id}`);
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    expect((await pc.call('GET', `/v1/customers/${sandbox!.id}`)).status).toBe(403);
  });
});

describe('persistence', () => {
  it('keeps every write across a restart', async () => {
    const created = await pc.call('POST', '/v1/customers', { body: camelCreateBody() });
    const billing = (await pc.call('GET', `/v1/customers/${created.body.id}/profiles/billing`))
      .body;
    await pc.call('PUT', `/v1/customers/${created.body.id}/profiles/billing`, {
      body: { ...billing, email: 'kept@example.com' },
    });
    await pc.restart();
    const after = await pc.call('GET', `/v1/customers/${created.body.id}`);
    expect(after.status).toBe(200);
    expect(after.body.billingProfile.email).toBe('kept@example.com');
  });
});
