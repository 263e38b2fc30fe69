import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registrationNumberCountries } from './countries/registration-numbers.ts';
import { seedCountries } from './countries/seed-countries.ts';
import { startEmulator, type EmulatorUnderTest } from './testing.ts';

let pc: EmulatorUnderTest;

beforeAll(async () => {
  pc = await startEmulator({ customers: 30 });
});
afterAll(() => pc.close());

describe('HEAD /v1/domains/{domain}', () => {
  it('answers 200 with an empty body for a taken domain, a custom one or the partner’s own', async () => {
    const taken = (await pc.call('GET', '/v1/customers?size=1')).body.items[0].companyProfile
      .domain;
    for (const domain of [taken, taken.toUpperCase(), 'contosopartners.onmicrosoft.com']) {
      const response = await pc.call('HEAD', `/v1/domains/${domain}`);
      expect(response.status, domain).toBe(200);
      expect(response.text).toBe('');
    }
  });

  it('answers 404 with an empty body for a free domain, and 400 for one that is no domain', async () => {
    const free = await pc.call('HEAD', '/v1/domains/surelynobodyhasthis42.onmicrosoft.com');
    expect(free.status).toBe(404);
    expect(free.text).toBe('');
    expect((await pc.call('HEAD', '/v1/domains/not a domain')).status).toBe(400);
  });
});

describe('POST /v1/validations/address', () => {
  const redmond = {
    addressLine1: 'One Microsoft Way',
    city: 'Redmond',
    state: 'WA',
    postalCode: '98052',
    country: 'US',
  };

  it('verifies a known address', async () => {
    const response = await pc.call('POST', '/v1/validations/address', { body: redmond });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ originalAddress: redmond, status: 'VerifiedShippable' });
  });

  it('suggests the corrected postal code and the normalised city', async () => {
    const wrongCode = await pc.call('POST', '/v1/validations/address', {
      body: { ...redmond, postalCode: '98004' },
    });
    expect(wrongCode.body.status).toBe('InteractionRequired');
    expect(wrongCode.body.suggestedAddresses[0]).toMatchObject({ postalCode: '98052' });
    const sloppyCity = await pc.call('POST', '/v1/validations/address', {
      body: { ...redmond, city: '  REDMOND ' },
    });
    expect(sloppyCity.body.status).toBe('InteractionRequired');
    expect(sloppyCity.body.suggestedAddresses[0]).toMatchObject({ city: 'Redmond' });
  });

  it('says in words what is wrong with an impossible address', async () => {
    const response = await pc.call('POST', '/v1/validations/address', {
      body: { ...redmond, postalCode: 'ABCDE' },
    });
    expect(response.body.status).toBe('None');
    expect(response.body.validationMessage).toMatch(/postal code/i);
  });

  it('refuses a request without a country', async () => {
    const { country: _country, ...rest } = redmond;
    const response = await pc.call('POST', '/v1/validations/address', { body: rest });
    expect(response.status).toBe(400);
    expect(response.body.description).toMatch(/country is required/);
  });
});

describe('GET /v1/countryvalidationrules/{iso2}', () => {
  it('answers for every seeded country and all 24 registration-number countries', async () => {
    const countries = new Set([
      ...seedCountries.map((country) => country.code),
      ...registrationNumberCountries,
    ]);
    for (const country of countries) {
      const response = await pc.call('GET', `/v1/countryvalidationrules/${country.toLowerCase()}`);
      expect(response.status, country).toBe(200);
      expect(response.body).toMatchObject({
        iso2Code: country,
        defaultCulture: expect.any(String),
        isStateRequired: expect.any(Boolean),
        supportedStatesList: expect.any(Array),
        supportedLanguagesList: expect.any(Array),
        supportedCulturesList: expect.any(Array),
        isPostalCodeRequired: expect.any(Boolean),
        postalCodeRegex: expect.any(String),
        isCityRequired: expect.any(Boolean),
      });
    }
  });

  it('says which rules need a registration number and a phone', async () => {
    const russia = (await pc.call('GET', '/v1/countryvalidationrules/RU')).body;
    expect(russia).toMatchObject({
      isRegistrationNumberRequired: true,
      isPhoneNumberRequired: true,
    });
    const us = (await pc.call('GET', '/v1/countryvalidationrules/US')).body;
    expect(us).toMatchObject({ isRegistrationNumberRequired: false, isStateRequired: true });
    expect(us.supportedStatesList).toContain('WA');
  });

  it('answers 404 for a country it has no rules for and 400 for a code that is none', async () => {
    const unknown = await pc.call('GET', '/v1/countryvalidationrules/XX');
    expect(unknown.status).toBe(404);
    expect(unknown.body.source).toBe('PartnerFD');
    expect((await pc.call('GET', '/v1/countryvalidationrules/USA')).status).toBe(400);
  });
});
