import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenants } from '../identity/users.ts';
import { validateAddress } from './countries/address-validation.ts';
import { countryValidationRules } from './countries/country-rules.ts';
import { checkPhoneNumber } from './countries/phones.ts';
import { organizationProfiles } from './organization-profiles.ts';
import { startEmulator, type EmulatorUnderTest } from './testing.ts';

let pc: EmulatorUnderTest;

beforeAll(async () => {
  pc = await startEmulator({ customers: 20 });
});
afterAll(() => pc.close());

const contoso = tenants.contoso.id;
const fabrikam = tenants.fabrikam.id;
const path = '/v1/profiles/organization';
const etag = expect.stringMatching(/^[0-9a-f]{16}$/);
const self = { uri: '/profiles/organization', method: 'GET', headers: [] };

describe('GET /v1/profiles/organization', () => {
  it('answers Contoso’s own profile', async () => {
    const response = await pc.call('GET', path);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      id: contoso,
      companyName: 'Contoso Partners',
      tenantId: contoso,
      domain: 'contosopartners.onmicrosoft.com',
      email: 'partners@contoso.example',
      language: 'en',
      culture: 'en-US',
      defaultAddress: {
        country: 'US',
        city: 'Redmond',
        state: 'WA',
        addressLine1: '1 Contoso Way',
        postalCode: '98052',
        firstName: 'Adele',
        lastName: 'Vance',
        phoneNumber: '+14255550100',
      },
      links: { self },
      attributes: { objectType: 'OrganizationProfile', etag },
    });
    expect(response.headers.get('etag')).toBe(`"${response.body.attributes.etag}"`);
  });

  it('answers Fabrikam’s own profile to Fabrikam’s user', async () => {
    const response = await pc.call('GET', path, { user: 'isaiah' });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      id: fabrikam,
      companyName: 'Fabrikam Reseller',
      tenantId: fabrikam,
      domain: 'fabrikamreseller.onmicrosoft.com',
      email: 'partners@fabrikam.example',
      language: 'en',
      culture: 'en-GB',
      defaultAddress: {
        country: 'GB',
        city: 'London',
        addressLine1: '1 Fabrikam Street',
        postalCode: 'SW1A 2AA',
        firstName: 'Isaiah',
        lastName: 'Langer',
        phoneNumber: '+442079460000',
      },
      links: { self },
      attributes: { objectType: 'OrganizationProfile', etag },
    });
  });

  it('keeps each etag stable across calls and restarts, and distinct per partner', async () => {
    const first = (await pc.call('GET', path)).body.attributes.etag;
    expect((await pc.call('GET', path, { user: 'alex' })).body.attributes.etag).toBe(first);
    await pc.restart();
    expect((await pc.call('GET', path)).body.attributes.etag).toBe(first);
    expect((await pc.call('GET', path, { user: 'isaiah' })).body.attributes.etag).not.toBe(first);
  });

  it.each([
    ['adele', 'an Admin agent', 200],
    ['alex', 'a Sales agent', 200],
    ['megan', 'a Helpdesk agent', 200],
    ['diego', 'a user without a partner role', 403],
  ] as const)('answers %s (%s) with %i', async (user, _role, status) => {
    const response = await pc.call('GET', path, { user });
    expect(response.status).toBe(status);
    if (status === 200) expect(response.body.id).toBe(contoso);
    else {
      expect(response.body).toMatchObject({ code: 900150, source: 'PartnerFD' });
      expect(response.body.description).toMatch(/has no Partner Center role/);
    }
  });

  it('wants a token', async () => {
    const response = await pc.call('GET', path, { user: null });
    expect(response.status).toBe(401);
    expect(response.body.code).toBe(800001);
  });

  it('answers HEAD and refuses writes with 405', async () => {
    expect((await pc.call('HEAD', path)).status).toBe(200);
    for (const method of ['PUT', 'PATCH', 'POST', 'DELETE']) {
      const response = await pc.call(method, path, { body: {} });
      expect(response.status, method).toBe(405);
      expect(response.headers.get('allow')).toBe('GET, HEAD');
    }
  });
});

describe('the organization profile and the Customer budget', () => {
  const requestsOf = (emulator: EmulatorUnderTest) =>
    emulator.emulator.throttle.metrics()[contoso]?.requests ?? 0;

  it('does not count against the customer throttle', async () => {
    const before = requestsOf(pc);
    for (let i = 0; i < 3; i += 1) expect((await pc.call('GET', path)).status).toBe(200);
    expect(requestsOf(pc)).toBe(before);
    await pc.call('GET', '/v1/customers?size=1');
    expect(requestsOf(pc)).toBe(before + 1);
  });

  it('is answered while the customer budget is spent, or a throttle storm rages', async () => {
    const small = await startEmulator({
      customers: 5,
      rateLimit: { requests: 2, windowSeconds: 60 },
    });
    try {
      expect((await small.call('GET', '/v1/customers?size=1')).status).toBe(200);
      expect((await small.call('GET', path)).status).toBe(200);
      expect((await small.call('GET', '/v1/customers?size=1')).status).toBe(200);
      expect((await small.call('GET', '/v1/customers?size=1')).status).toBe(429);
      const profile = await small.call('GET', path);
      expect(profile.status).toBe(200);
      expect(profile.body.id).toBe(contoso);
      expect(small.emulator.throttle.metrics()[contoso]).toMatchObject({
        requests: 3,
        throttled: 1,
      });

      small.emulator.faults.set({ tenantId: fabrikam, throttleUntilCleared: true });
      expect((await small.call('GET', '/v1/customers?size=1', { user: 'isaiah' })).status).toBe(
        429,
      );
      expect((await small.call('GET', path, { user: 'isaiah' })).status).toBe(200);
    } finally {
      await small.close();
    }
  });
});

describe('the static profiles', () => {
  it.each(organizationProfiles.map((profile) => [profile.companyName, profile] as const))(
    '%s: its address verifies, its phone number and culture fit its country',
    (_name, profile) => {
      const { firstName, lastName, phoneNumber, ...address } = profile.defaultAddress;
      expect(firstName && lastName).toBeTruthy();
      expect(validateAddress(address).status).toBe('VerifiedShippable');
      expect(checkPhoneNumber(address.country, phoneNumber)).toEqual({ ok: true });
      const rules = countryValidationRules(address.country);
      expect(rules?.supportedCulturesList).toContain(profile.culture);
      expect(rules?.supportedLanguagesList).toContain(profile.language);
    },
  );

  it('has one profile for every local partner tenant', () => {
    expect(organizationProfiles.map((profile) => profile.id).sort()).toEqual(
      Object.values(tenants)
        .map((tenant) => tenant.id)
        .sort(),
    );
  });
});
