import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorUnderTest } from './testing.ts';

let pc: EmulatorUnderTest;
let customerId: string;

beforeAll(async () => {
  pc = await startEmulator({ customers: 20 });
  customerId = (await pc.call('GET', '/v1/customers?size=1')).body.items[0].id;
});
afterAll(() => pc.close());

describe('bad input gets Partner Center’s error shape, never a 500', () => {
  it('malformed JSON → 400', async () => {
    const response = await pc.call('POST', '/v1/customers', { body: '{"companyProfile": ' });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 800002, source: 'PartnerFD', data: [] });
    expect(response.body.description).toMatch(/not valid JSON/);
  });

  it('a body that is not an object → 400', async () => {
    for (const body of ['[]', '"text"', '42', 'null']) {
      const response = await pc.call('POST', '/v1/customers', { body });
      expect(response.status, body).toBe(400);
      expect(response.body.source).toBe('PartnerFD');
    }
  });

  it('an oversized body → 413', async () => {
    const response = await pc.call('POST', '/v1/customers', {
      body: { companyProfile: { domain: 'x'.repeat(200_000) } },
    });
    expect(response.status).toBe(413);
    expect(response.body.source).toBe('PartnerFD');
  });

  it('a body that is not JSON → 415', async () => {
    const response = await pc.call('POST', '/v1/customers', {
      body: 'domain=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(response.status).toBe(415);
    expect(response.body.source).toBe('PartnerFD');
  });

  it('text/json is JSON too', async () => {
    const response = await pc.call('POST', '/v1/validations/address', {
      body: {
        country: 'US',
        city: 'Redmond',
        state: 'WA',
        postalCode: '98052',
        addressLine1: 'One Microsoft Way',
      },
      headers: { 'content-type': 'text/json' },
    });
    expect(response.status).toBe(200);
  });

  it('keys that differ only in case are refused, not guessed', async () => {
    const response = await pc.call('POST', '/v1/validations/address', {
      body: '{"country":"US","Country":"DE","addressLine1":"x"}',
    });
    expect(response.status).toBe(400);
    expect(response.body.description).toMatch(/appears twice/);
  });

  it('an unknown route → 404 and a known route with the wrong method → 405', async () => {
    const unknown = await pc.call('GET', '/v1/subscriptions');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 1000, source: 'PartnerFD' });
    const wrong = await pc.call('PUT', `/v1/customers/${customerId}`, { body: {} });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET, HEAD, PATCH, DELETE');
    expect(wrong.body.source).toBe('PartnerFD');
  });

  it('prototype pollution attempts are refused', async () => {
    const response = await pc.call('POST', '/v1/validations/address', {
      body: '{"country":"US","addressLine1":"x","__proto__":{"polluted":true}}',
    });
    expect(response.status).toBe(400);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a fuzzed corpus of bodies, queries and ids never yields a 5xx', async () => {
    const json = fc.jsonValue({ maxDepth: 4 });
    const addressLike = fc.record(
      {
        country: fc.oneof(fc.constantFrom('US', 'RU', 'br', 'XX', 'DEU'), fc.string()),
        city: fc.oneof(fc.string(), json),
        state: fc.oneof(fc.string(), json),
        postalCode: fc.oneof(fc.string(), json),
        addressLine1: fc.oneof(fc.string(), json),
        firstName: fc.string(),
        lastName: fc.string(),
        phoneNumber: fc.oneof(fc.string(), json),
      },
      { requiredKeys: [] },
    );
    const createLike = fc.record(
      {
        companyProfile: fc.oneof(
          json,
          fc.record(
            {
              domain: fc.oneof(fc.string(), json),
              organizationRegistrationNumber: fc.oneof(fc.string(), json),
            },
            { requiredKeys: [] },
          ),
        ),
        billingProfile: fc.oneof(
          json,
          fc.record(
            {
              email: fc.oneof(fc.emailAddress(), fc.string(), json),
              culture: fc.oneof(fc.constantFrom('en-US', 'ru-RU', 'EN-us'), fc.string()),
              language: fc.string(),
              companyName: fc.oneof(fc.string(), json),
              defaultAddress: fc.oneof(addressLike, json),
            },
            { requiredKeys: [] },
          ),
        ),
        enableGDAPByDefault: json,
        associatedPartnerId: json,
      },
      { requiredKeys: [] },
    );
    const agreementLike = fc.record(
      {
        primaryContact: fc.oneof(
          json,
          fc.record(
            {
              firstName: fc.oneof(fc.string(), json),
              lastName: fc.oneof(fc.string(), json),
              email: fc.oneof(fc.emailAddress(), fc.string(), json),
              phoneNumber: fc.oneof(fc.string(), json),
            },
            { requiredKeys: [] },
          ),
        ),
        dateAgreed: fc.oneof(
          fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
          fc.string(),
          json,
        ),
        templateId: fc.oneof(fc.constant('117a1e1b-5f2c-4b8d-9e36-0a4c7d2f18b5'), fc.string()),
        type: fc.oneof(fc.constant('MicrosoftCustomerAgreement'), fc.string(), json),
        agreementLink: fc.oneof(fc.webUrl(), fc.string(), json),
      },
      { requiredKeys: [] },
    );
    const query = (path: string, name: string) =>
      fc.string().map((value) => `${path}?${name}=${encodeURIComponent(value)}`);
    const request = fc.oneof(
      fc.record({
        method: fc.constant('POST'),
        path: fc.constant('/v1/customers'),
        body: fc.oneof(createLike, json),
      }),
      fc.record({
        method: fc.constant('POST'),
        path: fc.constant('/v1/customers/{id}/agreements'),
        body: fc.oneof(agreementLike, json),
      }),
      fc.record({
        method: fc.constantFrom('GET', 'HEAD'),
        path: fc.oneof(
          query('/v1/customers/relationshiprequests', 'indirectResellerId'),
          query('/v1/customers/relationshiprequests', 'indirectCloudSolutionProviderId'),
          query('/v1/relationships', 'relationship_type'),
          query('/v1/agreements', 'agreementType'),
          query('/v1/customers/{id}/agreements', 'agreementType'),
        ),
        body: fc.constant(undefined),
      }),
      fc.record({
        method: fc.constant('PUT'),
        path: fc.constant('/v1/customers/{id}/profiles/billing'),
        body: fc.oneof(
          createLike.map((value) => value.billingProfile ?? {}),
          json,
        ),
      }),
      fc.record({
        method: fc.constant('POST'),
        path: fc.constant('/v1/validations/address'),
        body: fc.oneof(addressLike, json),
      }),
      fc.record({
        method: fc.constant('PATCH'),
        path: fc.constant('/v1/customers/{id}'),
        body: json,
      }),
      fc.record({
        method: fc.constant('GET'),
        path: fc
          .tuple(fc.string(), fc.string(), fc.string())
          .map(
            ([size, filter, seek]) =>
              `/v1/customers?size=${encodeURIComponent(size)}&filter=${encodeURIComponent(filter)}&seekOperation=${encodeURIComponent(seek)}`,
          ),
        body: fc.constant(undefined),
      }),
      fc.record({
        method: fc.constantFrom('GET', 'HEAD', 'DELETE'),
        path: fc.string().map((segment) => `/v1/customers/${encodeURIComponent(segment)}`),
        body: fc.constant(undefined),
      }),
      fc.record({
        method: fc.constantFrom('GET', 'HEAD'),
        path: fc
          .string()
          .map((segment) => `/v1/countryvalidationrules/${encodeURIComponent(segment)}`),
        body: fc.constant(undefined),
      }),
      fc.record({
        method: fc.constant('HEAD'),
        path: fc.string().map((segment) => `/v1/domains/${encodeURIComponent(segment)}`),
        body: fc.constant(undefined),
      }),
    );
    await fc.assert(
      fc.asyncProperty(request, fc.option(fc.string(), { nil: undefined }), async (input, etag) => {
        const response = await pc.call(input.method, input.path.replace('{id}', customerId), {
          body: input.body === undefined ? undefined : JSON.stringify(input.body),
          headers: etag === undefined ? {} : { 'if-match': etag.replace(/[^\x20-\x7e]/g, '') },
        });
        expect(
          response.status,
          `${input.method} ${input.path} ${JSON.stringify(input.body)}`,
        ).toBeLessThan(500);
        if (input.method !== 'HEAD' && response.status !== 204) {
          expect(
            response.body?.source ??
              response.body?.items ??
              response.body?.status ??
              response.body?.id ??
              response.body?.iso2Code ??
              response.body?.url ??
              response.body?.templateId,
          ).toBeDefined();
        }
      }),
      { numRuns: 400 },
    );
  });
});
