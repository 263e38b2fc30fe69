import { describe, expect, it } from 'vitest';
import { describeIssues } from './describe-issues';
import { isKnownRelationship, knownRelationships } from './known-relationships';
import { partnerCenterErrorBodySchema, throttledBodySchema } from './error-bodies';
import {
  addressValidationRequestSchema,
  addressValidationResponseSchema,
  billingProfileSchema,
  companyProfileSchema,
  countryValidationRulesSchema,
  createCustomerRequestSchema,
  createdCustomerSchema,
  customerCollectionSchema,
  customerSchema,
  knownAddressValidationStatuses,
  linkSchema,
  nextPageOf,
  resolveApiPath,
} from '@/api/partner-center/resources';

const tenantId = '0c39d6d5-c70d-4c55-bc02-f620844f3fd1';

/** As the emulator's representation.ts serves a billing profile. */
const billingProfile = {
  id: 'a3eb1b0f-6a69-4fc3-9f0f-7cbbd0a0b0cf',
  firstName: 'Tania',
  lastName: 'Carr',
  email: 'someone@fabrikam.example',
  culture: 'EN-US',
  language: 'En',
  companyName: 'Fabrikam',
  defaultAddress: {
    country: 'US',
    city: 'Redmond',
    state: 'WA',
    addressLine1: 'One Microsoft Way',
    postalCode: '98052',
    firstName: 'Tania',
    lastName: 'Carr',
    phoneNumber: '4255550101',
  },
  links: {
    self: { uri: `/customers/${tenantId}/profiles/billing`, method: 'GET', headers: [] },
  },
  attributes: { etag: 'eyJpZCI6IjEifQ', objectType: 'CustomerBillingProfile' },
};

const companyProfile = {
  tenantId,
  domain: 'fabrikam.onmicrosoft.com',
  companyName: 'Fabrikam',
  address: billingProfile.defaultAddress,
  email: 'someone@fabrikam.example',
  links: { self: { uri: `/customers/${tenantId}/profiles/company`, method: 'GET', headers: [] } },
  attributes: { objectType: 'CustomerCompanyProfile' },
};

/** Get-by-id, as the emulator's customerOf serves it. */
const customer = {
  id: tenantId,
  commerceId: '6b1f4e8a-4b8e-4a4e-9f0c-2f4e2a5c1d11',
  companyProfile,
  billingProfile,
  relationshipToPartner: 'reseller',
  allowDelegatedAccess: true,
  enableGDAPByDefault: false,
  customDomains: [],
  tags: [],
  links: { self: { uri: `/customers/${tenantId}`, method: 'GET', headers: [] } },
  attributes: { objectType: 'Customer' },
};

/** A list item, as customerListItemOf serves it: no billing profile, no allowDelegatedAccess. */
function listItem(id: string, companyName: string) {
  return {
    id,
    commerceId: '00000000-0000-4000-8000-000000000001',
    companyProfile: {
      tenantId: id,
      domain: `${companyName.toLowerCase()}.onmicrosoft.com`,
      companyName,
      links: { self: { uri: `/customers/${id}/profiles/company`, method: 'GET', headers: [] } },
      attributes: { objectType: 'CustomerCompanyProfile' },
    },
    relationshipToPartner: 'reseller',
    links: { self: { uri: `/customers/${id}`, method: 'GET', headers: [] } },
    attributes: { objectType: 'Customer' },
  };
}

const firstPage = {
  totalCount: 1234,
  items: [
    listItem(tenantId, 'Fabrikam'),
    listItem('2d0f5e8c-1111-4111-8111-111111111111', 'Contoso'),
  ],
  links: {
    self: { uri: '/v1/customers?size=2', method: 'GET', headers: [] },
    next: {
      uri: '/v1/customers?size=2&seekOperation=Next',
      method: 'GET',
      headers: [{ key: 'MS-ContinuationToken', value: 'token-1' }],
    },
  },
  continuationToken: 'token-1',
  attributes: { objectType: 'Collection' },
};

describe('customerSchema', () => {
  it('reads a customer as get-by-id serves it', () => {
    const parsed = customerSchema.parse(customer);
    expect(parsed.id).toBe(tenantId);
    expect(parsed.companyProfile.address?.city).toBe('Redmond');
    expect(parsed.billingProfile?.attributes?.etag).toBe('eyJpZCI6IjEifQ');
    expect(parsed.allowDelegatedAccess).toBe(true);
    expect(parsed.relationshipToPartner).toBe('reseller');
  });

  it('keeps fields it does not model', () => {
    const parsed = customerSchema.parse({
      ...customer,
      newFlag: { nested: 1 },
      companyProfile: { ...companyProfile, futureField: 'x' },
    });
    expect(parsed.newFlag).toEqual({ nested: 1 });
    expect(parsed.companyProfile.futureField).toBe('x');
  });

  it('reads null optional fields as absent', () => {
    const parsed = customerSchema.parse({
      ...customer,
      commerceId: null,
      customDomains: null,
      associatedPartnerId: null,
      companyProfile: {
        ...companyProfile,
        email: null,
        organizationRegistrationNumber: null,
        address: { ...billingProfile.defaultAddress, region: null, addressLine2: null, city: null },
      },
    });
    expect(parsed.commerceId).toBeUndefined();
    expect(parsed.customDomains).toBeUndefined();
    expect(parsed.companyProfile.email).toBeUndefined();
    expect(parsed.companyProfile.address?.addressLine2).toBeUndefined();
    expect(parsed.companyProfile.address?.city).toBeUndefined();
  });

  it('reads a customer without delegated access (no address, email or domains)', () => {
    const { address: _address, email: _email, ...bare } = companyProfile;
    const { customDomains: _domains, ...rest } = customer;
    const parsed = customerSchema.parse({
      ...rest,
      allowDelegatedAccess: false,
      companyProfile: bare,
    });
    expect(parsed.companyProfile.address).toBeUndefined();
    expect(parsed.customDomains).toBeUndefined();
  });

  it('accepts relationships it does not know, and a missing one as unknown', () => {
    expect(
      customerSchema.parse({ ...customer, relationshipToPartner: 'partnerOfTheYear' }),
    ).toMatchObject({ relationshipToPartner: 'partnerOfTheYear' });
    const { relationshipToPartner: _relationship, ...withoutRelationship } = customer;
    expect(customerSchema.parse(withoutRelationship).relationshipToPartner).toBe('unknown');
    expect(isKnownRelationship('microsoft_support')).toBe(true);
    expect(isKnownRelationship('partnerOfTheYear')).toBe(false);
    expect(knownRelationships).toEqual(
      expect.arrayContaining(['none', 'reseller', 'advisor', 'indirectReseller', 'unknown']),
    );
  });

  it('reads a null company name as empty rather than refusing the customer', () => {
    const parsed = customerSchema.parse({
      ...customer,
      companyProfile: { ...companyProfile, companyName: null },
    });
    expect(parsed.companyProfile.companyName).toBe('');
  });

  it('names the path of what is wrong', () => {
    const result = customerSchema.safeParse({ ...customer, companyProfile: { tenantId } });
    expect(result.success).toBe(false);
    if (result.success) return;
    const described = describeIssues(result.error);
    expect(described).toContain('companyProfile.domain');
    expect(described).toMatch(/expected string/);
  });
});

describe('companyProfileSchema and billingProfileSchema', () => {
  it('reads the company profile', () => {
    expect(companyProfileSchema.parse(companyProfile).domain).toBe('fabrikam.onmicrosoft.com');
  });

  it('reads the billing profile and keeps unknown fields for the PUT round trip', () => {
    const parsed = billingProfileSchema.parse({
      ...billingProfile,
      defaultAddress: { ...billingProfile.defaultAddress, district: null, extra: 'kept' },
      somethingNew: [1, 2],
    });
    expect(parsed.attributes.etag).toBe('eyJpZCI6IjEifQ');
    expect(parsed.attributes.objectType).toBe('CustomerBillingProfile');
    expect(parsed.somethingNew).toEqual([1, 2]);
    expect(parsed.defaultAddress.extra).toBe('kept');
    const roundTrip = JSON.parse(JSON.stringify(parsed)) as Record<string, unknown>;
    expect(roundTrip).toMatchObject({ somethingNew: [1, 2], id: billingProfile.id });
    expect(roundTrip.defaultAddress).not.toHaveProperty('district');
  });

  it('refuses a billing profile without an etag (it could not be updated safely)', () => {
    const result = billingProfileSchema.safeParse({
      ...billingProfile,
      attributes: { objectType: 'CustomerBillingProfile' },
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(describeIssues(result.error)).toContain('attributes.etag');
  });
});

describe('createdCustomerSchema', () => {
  const credentials = { userName: 'admin@fabrikam.onmicrosoft.com', password: 'Xy7!abcdEFGH2345' };

  it('reads the id, the domain and the credentials that are returned only once', () => {
    expect(createdCustomerSchema.parse({ ...customer, userCredentials: credentials })).toEqual({
      customerId: tenantId,
      domain: 'fabrikam.onmicrosoft.com',
      companyName: 'Fabrikam',
      associatedPartnerId: undefined,
      credentials,
    });
  });

  it("accepts Microsoft's documented create response (no company name, names in the address)", () => {
    // From "Create a customer" in Microsoft's Partner Center REST documentation, shortened.
    const documented = {
      id: '3a8b7c9d-0000-4000-8000-1234567890ab',
      commerceId: '4b9c8d0e-0000-4000-8000-1234567890ab',
      companyProfile: {
        tenantId: '3a8b7c9d-0000-4000-8000-1234567890ab',
        domain: 'thecompany.onmicrosoft.com',
        links: {
          self: { uri: '/customers/3a8b7c9d/profiles/company', method: 'GET', headers: [] },
        },
        attributes: { objectType: 'CustomerCompanyProfile' },
      },
      billingProfile: {
        id: '5c0d9e1f-0000-4000-8000-1234567890ab',
        email: 'SomeEmail@Outlook.com',
        culture: 'EN-US',
        language: 'En',
        companyName: 'TheCompany',
        defaultAddress: {
          country: 'US',
          city: 'Redmond',
          state: 'WA',
          addressLine1: 'One Microsoft Way',
          postalCode: '98052',
          firstName: 'FirstName',
          lastName: 'LastName',
          phoneNumber: '4255550101',
        },
        attributes: { etag: 'eyJpZCI6IjUifQ', objectType: 'CustomerBillingProfile' },
      },
      relationshipToPartner: 'none',
      userCredentials: { userName: 'admin', password: 'Example1!', attributes: {} },
      attributes: { objectType: 'Customer' },
    };
    const parsed = createdCustomerSchema.parse(documented);
    expect(parsed.customerId).toBe(documented.id);
    expect(parsed.credentials).toMatchObject({ userName: 'admin', password: 'Example1!' });
  });

  it('keeps the id and the credentials when everything else is odd or missing', () => {
    const odd = {
      companyProfile: { tenantId, domain: 42, companyName: null },
      billingProfile: 'not a profile',
      relationshipToPartner: { unexpected: true },
      userCredentials: credentials,
    };
    expect(createdCustomerSchema.parse(odd)).toMatchObject({ customerId: tenantId, credentials });
  });

  it('is still a success without a body to read', () => {
    for (const body of [undefined, '', '<html>', null, []]) {
      expect(createdCustomerSchema.safeParse(body).success).toBe(true);
    }
    expect(createdCustomerSchema.parse({ ...customer })).toMatchObject({ credentials: undefined });
  });
});

describe('createCustomerRequestSchema', () => {
  it('accepts the body the portal sends', () => {
    const body = {
      companyProfile: {
        domain: 'fabrikam.onmicrosoft.com',
        organizationRegistrationNumber: '7707083893',
      },
      billingProfile: {
        firstName: 'Tania',
        lastName: 'Carr',
        email: 'someone@fabrikam.example',
        culture: 'ru-RU',
        language: 'ru',
        companyName: 'Fabrikam',
        defaultAddress: {
          country: 'RU',
          city: 'Moscow',
          addressLine1: 'Tverskaya 1',
          postalCode: '125009',
          firstName: 'Tania',
          lastName: 'Carr',
          phoneNumber: '+7 495 123 45 67',
        },
      },
      enableGDAPByDefault: true,
    };
    expect(createCustomerRequestSchema.parse(body)).toEqual(body);
  });

  it('names what is missing', () => {
    const result = createCustomerRequestSchema.safeParse({
      companyProfile: { domain: 'x.onmicrosoft.com' },
      billingProfile: { firstName: 'A' },
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(describeIssues(result.error, 2)).toMatch(
      /^billingProfile\.lastName: .*\(and \d+ more\)$/,
    );
  });
});

describe('customerCollectionSchema', () => {
  it('reads a page with its next link and token', () => {
    const page = customerCollectionSchema.parse(firstPage);
    expect(page.totalCount).toBe(1234);
    expect(page.items).toHaveLength(2);
    // Only what the list's rows are made of is kept of each item.
    expect(page.items[0]).toEqual({
      id: tenantId,
      commerceId: '00000000-0000-4000-8000-000000000001',
      companyProfile: { tenantId, domain: 'fabrikam.onmicrosoft.com', companyName: 'Fabrikam' },
      relationshipToPartner: 'reseller',
    });
    expect(nextPageOf(page)).toEqual({
      uri: '/v1/customers?size=2&seekOperation=Next',
      continuationToken: 'token-1',
    });
  });

  it('tolerates a missing totalCount and null items', () => {
    const { totalCount: _count, ...rest } = firstPage;
    expect(customerCollectionSchema.parse(rest).totalCount).toBeUndefined();
    expect(customerCollectionSchema.parse({ ...rest, items: null }).items).toEqual([]);
  });

  it('takes the next link as given, without /v1 too', () => {
    const page = customerCollectionSchema.parse({
      ...firstPage,
      links: {
        next: {
          uri: '/customers?size=2&seekOperation=Next',
          headers: [{ key: 'ms-continuationtoken', value: 'from-header' }],
        },
      },
      continuationToken: 'from-body',
    });
    expect(nextPageOf(page)).toEqual({
      uri: '/customers?size=2&seekOperation=Next',
      continuationToken: 'from-header',
    });
  });

  it('falls back to the body token when the link carries none', () => {
    const page = customerCollectionSchema.parse({
      ...firstPage,
      links: { next: { uri: '/v1/customers?size=2&seekOperation=Next', headers: null } },
      continuationToken: 'from-body',
    });
    expect(nextPageOf(page)?.continuationToken).toBe('from-body');
  });

  it('builds the seek request from the self link when only the body has a token', () => {
    const page = customerCollectionSchema.parse({
      ...firstPage,
      links: { self: { uri: '/v1/customers?size=2' } },
      continuationToken: 'from-body',
    });
    expect(nextPageOf(page)).toEqual({
      uri: '/v1/customers?size=2&seekOperation=Next',
      continuationToken: 'from-body',
    });
  });

  it('has no next page on the last page', () => {
    const { continuationToken: _token, ...rest } = firstPage;
    const last = customerCollectionSchema.parse({
      ...rest,
      links: { self: firstPage.links.self },
    });
    expect(nextPageOf(last)).toBeUndefined();
  });

  it('says which item is broken', () => {
    const result = customerCollectionSchema.safeParse({
      ...firstPage,
      items: [firstPage.items[0], { id: 42 }],
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(describeIssues(result.error)).toMatch(/^items\.1\.id: /);
  });
});

describe('linkSchema', () => {
  it('reads a link with null method and headers', () => {
    expect(linkSchema.parse({ uri: '/customers/1', method: null, headers: null })).toEqual({
      uri: '/customers/1',
      method: undefined,
      headers: undefined,
    });
  });
});

describe('resolveApiPath', () => {
  it.each([
    ['/v1/customers?size=500&seekOperation=Next', '/v1/customers?size=500&seekOperation=Next'],
    ['/customers?size=500&seekOperation=Next', '/v1/customers?size=500&seekOperation=Next'],
    ['v1/customers?size=500&seekOperation=Next', '/v1/customers?size=500&seekOperation=Next'],
    ['customers/abc/profiles/billing', '/v1/customers/abc/profiles/billing'],
    ['https://api.partnercenter.microsoft.com/v1/customers?size=5', '/v1/customers?size=5'],
    ['https://api.partnercenter.microsoft.com/customers/abc', '/v1/customers/abc'],
    ['https://evil.example/v1/customers#fragment', '/v1/customers'],
    ['/v1/v1/customers?size=5', '/v1/customers?size=5'],
    ['/V1/customers', '/v1/customers'],
    ['/v1', '/v1'],
    ['/v1?x=1', '/v1?x=1'],
    ['/v10/things', '/v1/v10/things'],
    ['/v1customers', '/v1/v1customers'],
  ])('%s -> %s', (uri, path) => {
    expect(resolveApiPath(uri)).toBe(path);
  });
});

describe('addressValidation schemas', () => {
  it('reads an answer with suggestions, as the emulator serves it', () => {
    const original = {
      addressLine1: '1 Main St',
      city: 'munchen',
      postalCode: '80331',
      country: 'DE',
    };
    const parsed = addressValidationResponseSchema.parse({
      originalAddress: original,
      suggestedAddresses: [{ ...original, city: 'München' }],
      status: 'InteractionRequired',
      validationMessage: 'The city is spelled "München"; use the suggested address.',
    });
    expect(parsed.suggestedAddresses[0]?.city).toBe('München');
    expect(knownAddressValidationStatuses).toContain(parsed.status);
  });

  it('accepts a status it does not know and a missing suggestion list', () => {
    const parsed = addressValidationResponseSchema.parse({
      originalAddress: { country: 'ZZ' },
      status: 'SomethingNew',
      suggestedAddresses: null,
    });
    expect(parsed.status).toBe('SomethingNew');
    expect(parsed.suggestedAddresses).toEqual([]);
    expect(parsed.validationMessage).toBeUndefined();
  });

  it('checks the request country', () => {
    expect(
      addressValidationRequestSchema.safeParse({ country: 'US', city: 'Redmond' }).success,
    ).toBe(true);
    expect(addressValidationRequestSchema.safeParse({ country: 'usa' }).success).toBe(false);
  });
});

describe('countryValidationRulesSchema', () => {
  it('reads the emulator rules', () => {
    const rules = countryValidationRulesSchema.parse({
      iso2Code: 'US',
      defaultCulture: 'en-US',
      isStateRequired: true,
      supportedStatesList: ['WA', 'NY'],
      supportedLanguagesList: ['en'],
      supportedCulturesList: ['en-US'],
      isPostalCodeRequired: true,
      postalCodeRegex: '^\\d{5}([ -]\\d{4})?$',
      isCityRequired: true,
      isVatIdSupported: false,
      phoneNumberRegex: '^\\d{10}$',
      isPhoneNumberRequired: false,
      isRegistrationNumberRequired: false,
      registrationNumberRegex: '',
      someFutureRule: 'kept',
    });
    expect(rules.supportedStatesList).toContain('WA');
    expect(rules.registrationNumberRegex).toBeUndefined();
    expect(rules.someFutureRule).toBe('kept');
  });

  it('tolerates nulls and missing lists', () => {
    const rules = countryValidationRulesSchema.parse({
      iso2Code: 'SG',
      defaultCulture: null,
      isStateRequired: null,
      supportedStatesList: null,
      supportedCulturesList: ['en-SG'],
      postalCodeRegex: null,
    });
    expect(rules).toMatchObject({
      iso2Code: 'SG',
      isStateRequired: false,
      isCityRequired: false,
      supportedStatesList: [],
      supportedLanguagesList: [],
      supportedCulturesList: ['en-SG'],
    });
    expect(rules.postalCodeRegex).toBeUndefined();
    expect(rules.defaultCulture).toBeUndefined();
  });
});

describe('error bodies', () => {
  it('reads the code as a string whether it came as a number or a string', () => {
    const body = {
      code: 2055,
      description: 'Etag is no longer valid.',
      data: [],
      source: 'PartnerFD',
    };
    expect(partnerCenterErrorBodySchema.parse(body).code).toBe('2055');
    expect(partnerCenterErrorBodySchema.parse({ ...body, code: '600050' }).code).toBe('600050');
    expect(partnerCenterErrorBodySchema.parse({ code: 1000, data: null }).data).toBeUndefined();
    expect(partnerCenterErrorBodySchema.safeParse({ description: 'no code' }).success).toBe(false);
  });

  it('reads the throttling body with a numeric or string status', () => {
    const message = 'Rate limit is exceeded. Try again in 12 seconds.';
    expect(throttledBodySchema.parse({ statusCode: 429, message }).statusCode).toBe(429);
    expect(throttledBodySchema.parse({ statusCode: '429', message }).statusCode).toBe(429);
    expect(throttledBodySchema.safeParse({ statusCode: 500, message }).success).toBe(false);
  });
});
