import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenants } from '../identity/users.ts';
import { customerAgreementTemplate } from './routes/onboarding.ts';
import { indirectResellers } from './seed.ts';
import { localUser, startEmulator, type EmulatorUnderTest, type UserName } from './testing.ts';

let pc: EmulatorUnderTest;
let contosoCustomer: string;
let fabrikamCustomer: string;

beforeAll(async () => {
  pc = await startEmulator({ customers: 50 });
  contosoCustomer = (await pc.call('GET', '/v1/customers?size=1')).body.items[0].id;
  fabrikamCustomer = (await pc.call('GET', '/v1/customers?size=1', { user: 'isaiah' })).body
    .items[0].id;
});
afterAll(() => pc.close());

const contoso = tenants.contoso.id;
const fabrikam = tenants.fabrikam.id;
const [, northwind, tailspin] = indirectResellers;
const TEMPLATE_ID = '117a1e1b-5f2c-4b8d-9e36-0a4c7d2f18b5';
const INVITATION = 'https://admin.microsoft.com/Adminportal/Home';

describe('GET /v1/customers/relationshiprequests', () => {
  it('answers the partner’s own reseller invitation link', async () => {
    const response = await pc.call('GET', '/v1/customers/relationshiprequests');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      url: `${INVITATION}?invType=ResellerRelationship&partnerId=${contoso}&msppId=0&DAP=true#/BillingAccounts/partner-invitation`,
      attributes: { objectType: 'CustomerRelationshipRequest' },
    });
  });

  it('is not taken for a customer id by /customers/{customerId}, whatever the method', async () => {
    // Otherwise "relationshiprequests" would be refused as a malformed customer id (900118).
    expect((await pc.call('HEAD', '/v1/customers/relationshiprequests')).status).toBe(200);
    for (const method of ['PATCH', 'DELETE', 'POST']) {
      const response = await pc.call(method, '/v1/customers/relationshiprequests', {
        body: { relationshipToPartner: 'none' },
      });
      expect(response.status, method).toBe(405);
      expect(response.headers.get('allow')).toBe('GET, HEAD');
    }
  });

  it('names the reseller and the provider when an indirect provider asks for a reseller', async () => {
    const response = await pc.call(
      'GET',
      `/v1/customers/relationshiprequests?indirectResellerId=${northwind.toUpperCase()}`,
    );
    expect(response.status).toBe(200);
    expect(response.body.url).toBe(
      `${INVITATION}?invType=IndirectResellerRelationship&partnerId=${northwind}&msppId=0&indirectCSPId=${contoso}&DAP=true#/BillingAccounts/partner-invitation`,
    );
  });

  it('takes an empty indirectResellerId for none', async () => {
    const response = await pc.call('GET', '/v1/customers/relationshiprequests?indirectResellerId=');
    expect(response.status).toBe(200);
    expect(response.body.url).toContain('invType=ResellerRelationship');
  });

  it('refuses both ids at once', async () => {
    const response = await pc.call(
      'GET',
      `/v1/customers/relationshiprequests?indirectResellerId=${northwind}&indirectCloudSolutionProviderId=${contoso}`,
    );
    expect(response.status).toBe(400);
    expect(response.body.code).toBe(800002);
  });

  it('lets a reseller name the provider it buys through', async () => {
    const response = await pc.call(
      'GET',
      `/v1/customers/relationshiprequests?indirectCloudSolutionProviderId=${contoso}`,
      { user: 'isaiah' },
    );
    expect(response.status).toBe(200);
    expect(response.body.url).toContain(`partnerId=${fabrikam}&msppId=0&indirectCSPId=${contoso}`);
  });

  it.each([
    ['a reseller of no relationship', 'adele', randomUUID()],
    ['no GUID', 'adele', 'northwind'],
    ['another provider’s reseller, asked by a partner who has none', 'isaiah', northwind],
  ] as const)('refuses an indirectResellerId that is %s', async (_case, user, id) => {
    const response = await pc.call(
      'GET',
      `/v1/customers/relationshiprequests?indirectResellerId=${id}`,
      { user },
    );
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      code: 3000,
      data: ['indirectResellerId'],
      source: 'PartnerFD',
    });
  });

  it.each([
    ['adele', 200],
    ['alex', 200],
    ['megan', 403],
    ['diego', 403],
  ] as const)('takes the right to add customers: %s gets %i', async (user, status) => {
    const response = await pc.call('GET', '/v1/customers/relationshiprequests', { user });
    expect(response.status).toBe(status);
    if (status === 403) expect(response.body.code).toBe(900150);
  });
});

describe('GET /v1/relationships', () => {
  const path = '/v1/relationships?relationship_type=IsIndirectCloudSolutionProviderOf';

  it('lists an indirect provider’s resellers, Fabrikam first', async () => {
    const response = await pc.call('GET', path);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      totalCount: 4,
      attributes: { objectType: 'Collection' },
    });
    expect(response.body.items[0]).toEqual({
      id: fabrikam,
      name: 'Fabrikam Reseller',
      relationshipType: 'IsIndirectCloudSolutionProviderOf',
      state: 'Active',
      msPartnerNetworkId: '4812273',
      attributes: { objectType: 'PartnerRelationship' },
    });
    const names = Object.fromEntries(
      response.body.items.map((item: { id: string; name: string }) => [item.id, item.name]),
    );
    expect(names).toMatchObject({
      [northwind]: 'Northwind Traders CSP',
      [tailspin]: 'Tailspin Toys Solutions',
    });
  });

  it('gives every reseller the seed’s customers point at', async () => {
    const ids = (await pc.call('GET', path)).body.items.map((item: { id: string }) => item.id);
    for (const id of indirectResellers) expect(ids).toContain(id);
  });

  it('shows a reseller none of Contoso’s resellers, and Contoso as its provider', async () => {
    const resellers = await pc.call('GET', path, { user: 'isaiah' });
    expect(resellers.status).toBe(200);
    expect(resellers.body).toMatchObject({ totalCount: 0, items: [] });
    const providers = await pc.call(
      'GET',
      '/v1/relationships?relationship_type=isindirectresellerof',
      {
        user: 'isaiah',
      },
    );
    expect(providers.body.items).toEqual([
      expect.objectContaining({
        id: contoso,
        name: 'Contoso Partners',
        relationshipType: 'IsIndirectResellerOf',
      }),
    ]);
  });

  it('is open to every role that may view customers', async () => {
    expect((await pc.call('GET', path, { user: 'megan' })).status).toBe(200);
    expect((await pc.call('GET', path, { user: 'diego' })).status).toBe(403);
  });

  it.each([
    ['missing', '/v1/relationships', /is required/],
    ['unknown', '/v1/relationships?relationship_type=IsFriendOf', /"IsFriendOf" is not supported/],
    ['prototype-named', '/v1/relationships?relationship_type=constructor', /is not supported/],
    ['empty', '/v1/relationships?relationship_type=', /is required/],
  ])('refuses a %s relationship_type with 400', async (_case, request, message) => {
    const response = await pc.call('GET', request);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      code: 800002,
      data: ['relationship_type'],
      source: 'PartnerFD',
    });
    expect(response.body.description).toMatch(message);
  });
});

describe('GET /v1/agreements', () => {
  it('gives the Microsoft Customer Agreement’s template', async () => {
    const response = await pc.call(
      'GET',
      '/v1/agreements?agreementType=MicrosoftCustomerAgreement',
    );
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      totalCount: 1,
      items: [
        {
          templateId: TEMPLATE_ID,
          agreementType: 'MicrosoftCustomerAgreement',
          agreementLink: 'https://aka.ms/customeragreement',
          displayName: 'Microsoft Customer Agreement',
          versionRank: 0,
          attributes: { objectType: 'AgreementMetaData' },
        },
      ],
      attributes: { objectType: 'Collection' },
    });
    expect(customerAgreementTemplate.templateId).toBe(TEMPLATE_ID);
  });

  it('has no Cloud Agreement template, gives every template for *, and refuses unknown types', async () => {
    expect(
      (await pc.call('GET', '/v1/agreements?agreementType=MicrosoftCloudAgreement')).body.items,
    ).toEqual([]);
    expect((await pc.call('GET', '/v1/agreements?agreementType=*')).body.totalCount).toBe(1);
    expect((await pc.call('GET', '/v1/agreements')).body.totalCount).toBe(1);
    const unknown = await pc.call('GET', '/v1/agreements?agreementType=Nda');
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ code: 800002, data: ['agreementType'] });
  });
});

function attestation(overrides: Record<string, unknown> = {}) {
  return {
    primaryContact: {
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada.lovelace@example.com',
      phoneNumber: '4255550101',
    },
    dateAgreed: new Date(Date.now() - 60_000).toISOString(),
    templateId: TEMPLATE_ID,
    type: 'MicrosoftCustomerAgreement',
    agreementLink: 'https://aka.ms/customeragreement',
    ...overrides,
  };
}

function attest(customerId: string, body: unknown, user: UserName = 'adele', requestId?: string) {
  return pc.call('POST', `/v1/customers/${customerId}/agreements`, {
    user,
    body,
    headers: requestId ? { 'MS-RequestId': requestId } : {},
  });
}

async function agreementsOf(customerId: string, user: UserName = 'adele') {
  const response = await pc.call(
    'GET',
    `/v1/customers/${customerId}/agreements?agreementType=MicrosoftCustomerAgreement`,
    { user },
  );
  return response;
}

/** A customer of Contoso's no other test attests for. */
async function freshContosoCustomer(): Promise<string> {
  const created = await pc.call('POST', '/v1/customers', { body: newCustomer() });
  expect(created.status).toBe(201);
  return created.body.id;
}

describe('POST /v1/customers/{id}/agreements', () => {
  it('records the attestation with the signed-in user and answers it with 201', async () => {
    const customerId = await freshContosoCustomer();
    const body = attestation();
    const response = await attest(customerId, body);
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      primaryContact: body.primaryContact,
      dateAgreed: body.dateAgreed,
      templateId: TEMPLATE_ID,
      type: 'MicrosoftCustomerAgreement',
      agreementLink: 'https://aka.ms/customeragreement',
      userId: localUser('adele').oid,
      attributes: { objectType: 'Agreement' },
    });
    const listed = await agreementsOf(customerId);
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({
      totalCount: 1,
      items: [response.body],
      attributes: { objectType: 'Collection' },
    });
  });

  it('binds Microsoft’s PascalCase keys, and takes a bare date and a time with an offset', async () => {
    const customerId = await freshContosoCustomer();
    const pascal = await attest(customerId, {
      PrimaryContact: { FirstName: 'Tame', LastName: 'Customer', Email: 'tame@example.org' },
      DateAgreed: '2026-12-01',
      TemplateId: TEMPLATE_ID.toUpperCase(),
      Type: 'microsoftcustomeragreement',
    });
    expect(pascal.status).toBe(201);
    expect(pascal.body).toMatchObject({
      dateAgreed: '2026-12-01T00:00:00.000Z',
      templateId: TEMPLATE_ID,
      type: 'MicrosoftCustomerAgreement',
      primaryContact: { firstName: 'Tame', lastName: 'Customer', email: 'tame@example.org' },
    });
    expect(pascal.body.primaryContact).not.toHaveProperty('phoneNumber');
    const offset = await attest(
      customerId,
      attestation({ dateAgreed: '2026-11-30T10:00:00+02:00' }),
    );
    expect(offset.body.dateAgreed).toBe('2026-11-30T08:00:00.000Z');
    expect((await agreementsOf(customerId)).body.totalCount).toBe(2);
  });

  it('allows a client clock a minute fast', async () => {
    const customerId = await freshContosoCustomer();
    const response = await attest(
      customerId,
      attestation({ dateAgreed: new Date(Date.now() + 60_000).toISOString() }),
    );
    expect(response.status).toBe(201);
  });

  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  it.each([
    [
      'an unknown templateId',
      { templateId: randomUUID() },
      'templateId',
      /is not the Microsoft Customer Agreement's template/,
    ],
    [
      'the Cloud Agreement type',
      { type: 'MicrosoftCloudAgreement' },
      'type',
      /must be MicrosoftCustomerAgreement/,
    ],
    ['an unknown type', { type: 'Nda' }, 'type', /must be MicrosoftCustomerAgreement/],
    ['no type', { type: undefined }, 'type', /type is required/],
    ['no templateId', { templateId: undefined }, 'templateId', /templateId is required/],
    [
      'a dateAgreed in the future',
      { dateAgreed: new Date(Date.now() + 3_600_000).toISOString() },
      'dateAgreed',
      /lies in the future/,
    ],
    ['tomorrow’s date', { dateAgreed: tomorrow }, 'dateAgreed', /lies in the future/],
    [
      'a dateAgreed that is no date',
      { dateAgreed: 'yesterday' },
      'dateAgreed',
      /must be a UTC date/,
    ],
    [
      'a date that does not exist',
      { dateAgreed: '2026-02-30T10:00:00Z' },
      'dateAgreed',
      /must be a UTC date/,
    ],
    ['a dateAgreed that is a number', { dateAgreed: 1764633600000 }, 'dateAgreed', /must be text/],
    ['no dateAgreed', { dateAgreed: undefined }, 'dateAgreed', /dateAgreed is required/],
    [
      'no primary contact',
      { primaryContact: undefined },
      'primaryContact',
      /primaryContact is required/,
    ],
    [
      'a contact without a first name',
      { primaryContact: { lastName: 'L', email: 'a@example.com' } },
      'primaryContact.firstName',
      /firstName is required/,
    ],
    [
      'a contact with a blank last name',
      { primaryContact: { firstName: 'A', lastName: ' ', email: 'a@example.com' } },
      'primaryContact.lastName',
      /must not be empty/,
    ],
    [
      'a contact without an email',
      { primaryContact: { firstName: 'A', lastName: 'L' } },
      'primaryContact.email',
      /email is required/,
    ],
    [
      'a contact with an invalid email',
      { primaryContact: { firstName: 'A', lastName: 'L', email: 'ada@' } },
      'primaryContact.email',
      /must be an email address/,
    ],
    [
      'a contact email on no real top-level domain',
      { primaryContact: { firstName: 'A', lastName: 'L', email: 'ada@example.notatld' } },
      'primaryContact.email',
      /real top-level domain/,
    ],
    [
      'an agreementLink that is no URL',
      { agreementLink: 'customer agreement' },
      'agreementLink',
      /must be a URL/,
    ],
  ])(
    'refuses %s (400, the field named, nothing recorded)',
    async (_case, overrides, field, message) => {
      const customerId = await freshContosoCustomer();
      const response = await attest(customerId, attestation(overrides));
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: 3000, data: [field], source: 'PartnerFD' });
      expect(response.body.description).toMatch(message);
      expect((await agreementsOf(customerId)).body.totalCount).toBe(0);
    },
  );

  it('refuses a customer id that is no GUID (900118)', async () => {
    const response = await attest('not-a-customer', attestation());
    expect(response.status).toBe(400);
    expect(response.body.code).toBe(900118);
  });

  it('keeps tenants apart: Fabrikam can neither attest nor read for a Contoso customer', async () => {
    const foreign = await attest(contosoCustomer, attestation(), 'isaiah');
    expect(foreign.status).toBe(403);
    expect(foreign.body.code).toBe(20002);
    expect((await agreementsOf(contosoCustomer, 'isaiah')).status).toBe(403);
    const unknown = await attest(randomUUID(), attestation());
    expect(unknown.status).toBe(403);
    expect(unknown.body.description).toEqual(
      expect.stringContaining('There is no relationship between your partner tenant'),
    );
    const own = await attest(fabrikamCustomer, attestation(), 'isaiah');
    expect(own.status).toBe(201);
    expect(own.body.userId).toBe(localUser('isaiah').oid);
  });

  it.each([
    ['alex', 'a Sales agent', 201],
    ['megan', 'a Helpdesk agent', 403],
    ['diego', 'a user without a partner role', 403],
  ] as const)('lets %s (%s) attest: %i', async (user, _role, status) => {
    const customerId = await freshContosoCustomer();
    const response = await attest(customerId, attestation(), user);
    expect(response.status).toBe(status);
    if (status === 403) expect(response.body.code).toBe(900150);
    // Reading the attestations only takes the right to view customers.
    expect((await agreementsOf(customerId, 'megan')).status).toBe(200);
  });

  it('records a request once: the same MS-RequestId gets the first reply', async () => {
    const customerId = await freshContosoCustomer();
    const requestId = randomUUID();
    const first = await attest(customerId, attestation(), 'adele', requestId);
    const again = await attest(
      customerId,
      attestation({ dateAgreed: '2026-11-01T00:00:00Z' }),
      'adele',
      requestId,
    );
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get('ms-idempotent-replay')).toBe('true');
    expect(again.body).toEqual(first.body);
    expect((await agreementsOf(customerId)).body.totalCount).toBe(1);
    const another = await attest(customerId, attestation(), 'adele', randomUUID());
    expect(another.status).toBe(201);
    expect((await agreementsOf(customerId)).body.totalCount).toBe(2);
  });

  it('lists only the Customer Agreement’s attestations for its type, and none by default', async () => {
    const customerId = await freshContosoCustomer();
    await attest(customerId, attestation());
    const path = `/v1/customers/${customerId}/agreements`;
    // Partner Center's documented default is the Microsoft Cloud Agreement.
    expect((await pc.call('GET', path)).body.totalCount).toBe(0);
    expect(
      (await pc.call('GET', `${path}?agreementType=MicrosoftCloudAgreement`)).body.items,
    ).toEqual([]);
    expect((await pc.call('GET', `${path}?agreementType=*`)).body.totalCount).toBe(1);
    const unknown = await pc.call('GET', `${path}?agreementType=Nda`);
    expect(unknown.status).toBe(400);
    expect(unknown.body.data).toEqual(['agreementType']);
    const wrongMethod = await pc.call('PUT', path, { body: {} });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('GET, HEAD, POST');
  });

  it('keeps attestations across a restart', async () => {
    const customerId = await freshContosoCustomer();
    const recorded = (await attest(customerId, attestation())).body;
    await pc.restart();
    expect((await agreementsOf(customerId)).body.items).toEqual([recorded]);
  });
});

describe('throttling', () => {
  const requestsOf = () => pc.emulator.throttle.metrics()[contoso]?.requests ?? 0;

  it('counts the calls under /customers against the Customer budget, not the reference reads', async () => {
    const customerId = await freshContosoCustomer();
    let before = requestsOf();
    await attest(customerId, attestation());
    await agreementsOf(customerId);
    await pc.call('GET', '/v1/customers/relationshiprequests');
    expect(requestsOf() - before).toBe(3);
    before = requestsOf();
    await pc.call('GET', '/v1/agreements?agreementType=MicrosoftCustomerAgreement');
    await pc.call('GET', '/v1/relationships?relationship_type=IsIndirectCloudSolutionProviderOf');
    expect(requestsOf() - before).toBe(0);
  });
});

let domainCounter = 0;
function newCustomer(
  overrides: {
    billing?: Record<string, unknown>;
    companyProfile?: Record<string, unknown>;
    associatedPartnerId?: string;
  } = {},
) {
  domainCounter += 1;
  return {
    companyProfile: {
      domain: `onboard${Date.now() % 1_000_000}${domainCounter}.onmicrosoft.com`,
      ...overrides.companyProfile,
    },
    billingProfile: {
      email: 'billing@example.com',
      culture: 'en-US',
      language: 'en',
      companyName: 'Onboarding Test Ltd',
      defaultAddress: {
        country: 'US',
        city: 'Redmond',
        state: 'WA',
        addressLine1: 'One Microsoft Way',
        postalCode: '98052',
        firstName: 'Ada',
        lastName: 'Lovelace',
      },
      ...overrides.billing,
    },
    ...(overrides.associatedPartnerId
      ? { associatedPartnerId: overrides.associatedPartnerId }
      : {}),
  };
}

async function create(body: unknown, user: UserName = 'adele') {
  return pc.call('POST', '/v1/customers', { body, user });
}

async function totalCustomers() {
  return (await pc.call('GET', '/v1/customers?size=1')).body.totalCount as number;
}

describe('POST /v1/customers: Partner Center’s onboarding rules', () => {
  it.each([
    ['Ltd', /is only a legal form, without the name/],
    ['L.L.C.', /only a legal form/],
    ['Pty. Ltd.', /only a legal form/],
    ['gmbh', /only a legal form/],
    ['Sdn Bhd', /only a legal form/],
    ['A/S', /only a legal form/],
    ['ООО', /only a legal form/],
    ['a', /is a single character/],
    ['é', /is a single character/],
    ['!!!', /only special characters/],
    ['🚀 🌟', /only special characters/],
    ['   ', /must not be empty/],
    ['\t\t', /must not be empty/],
  ])('refuses the company name %j', async (name, message) => {
    const before = await totalCustomers();
    const response = await create(newCustomer({ billing: { companyName: name } }));
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      code: 3000,
      data: ['billingProfile.companyName'],
      source: 'PartnerFD',
    });
    expect(response.body.description).toMatch(message);
    expect(await totalCustomers()).toBe(before);
  });

  it.each(['999', 'contoso.com', '1 2 3', 'Café Ltd', '株式会社テスト', 'Ab Volvo', 'X5'])(
    'accepts the company name %j (at most a warning)',
    async (name) => {
      const response = await create(newCustomer({ billing: { companyName: name } }));
      expect(response.status).toBe(201);
      expect(response.body.billingProfile.companyName).toBe(name);
    },
  );

  it('applies the same rules to the company profile’s name, when one is given', async () => {
    const refused = await create(newCustomer({ companyProfile: { companyName: 'Inc.' } }));
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: 3000, data: ['companyProfile.companyName'] });
    const empty = await create(newCustomer({ companyProfile: { companyName: '' } }));
    expect(empty.status).toBe(201);
  });

  it.each([
    ['billingProfile.email', 'someone@microsoft.com', /Microsoft address/],
    ['billingProfile.email', 'Someone@EU.Microsoft.com', /Microsoft address/],
    ['billingProfile.email', 'adele@contosopartners.onmicrosoft.com', /your own partner domain/],
    ['billingProfile.email', 'x@mail.contosopartners.onmicrosoft.com', /your own partner domain/],
    ['billingProfile.email', 'x@y.notatld', /real top-level domain \("\.notatld"\)/],
    ['companyProfile.email', 'it@microsoft.com', /Microsoft address/],
    ['companyProfile.email', 'it@example.invalid', /real top-level domain/],
  ])('refuses %s %s', async (field, email, message) => {
    const body =
      field === 'billingProfile.email'
        ? newCustomer({ billing: { email } })
        : newCustomer({ companyProfile: { email } });
    const response = await create(body);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 3000, data: [field], source: 'PartnerFD' });
    expect(response.body.description).toMatch(message);
  });

  it.each(['billing@example.com', 'it@notmicrosoft.com', 'a@contoso.co.uk', 'b@fabrikam.museum'])(
    'accepts the email %s',
    async (email) => {
      const response = await create(newCustomer({ billing: { email }, companyProfile: { email } }));
      expect(response.status).toBe(201);
      expect(response.body.billingProfile.email).toBe(email);
    },
  );

  it('judges the partner domain by the caller’s tenant', async () => {
    const contosoAddress = newCustomer({
      billing: { email: 'someone@contosopartners.onmicrosoft.com' },
    });
    expect((await create(contosoAddress, 'isaiah')).status).toBe(201);
    const own = await create(
      newCustomer({ billing: { email: 'isaiah@fabrikamreseller.onmicrosoft.com' } }),
      'isaiah',
    );
    expect(own.status).toBe(400);
    expect(own.body.data).toEqual(['billingProfile.email']);
  });

  it('creates a customer for one of the provider’s resellers and keeps the reseller', async () => {
    const response = await create(newCustomer({ associatedPartnerId: northwind.toUpperCase() }));
    expect(response.status).toBe(201);
    expect(response.body.associatedPartnerId).toBe(northwind);
    const fetched = await pc.call('GET', `/v1/customers/${response.body.id}`);
    expect(fetched.body.associatedPartnerId).toBe(northwind);
  });

  it.each([
    ['a partner Contoso has no relationship with', 'adele', randomUUID()],
    ['a reseller, for a partner that is no indirect provider', 'isaiah', northwind],
    ['the caller itself', 'adele', contoso],
  ] as const)('refuses an associatedPartnerId that is %s', async (_case, user, id) => {
    const before = await totalCustomers();
    const response = await create(newCustomer({ associatedPartnerId: id }), user);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      code: 3000,
      data: ['associatedPartnerId'],
      source: 'PartnerFD',
    });
    expect(response.body.description).toMatch(/is not one of your indirect resellers/);
    expect(await totalCustomers()).toBe(before);
  });
});
