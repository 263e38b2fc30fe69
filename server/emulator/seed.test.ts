import { describe, expect, it } from 'vitest';
import { checkAddress, checkCulture } from './address-rules.ts';
import { countryValidationRules } from './countries/country-rules.ts';
import { checkPhoneNumber } from './countries/phones.ts';
import {
  checkRegistrationNumber,
  registrationNumberCountries,
} from './countries/registration-numbers.ts';
import { hostileCompanyNames, seedIfNeeded } from './seed.ts';
import { EmulatorStore, relationships, type CustomerRecord } from './store.ts';
import { addressSchema } from './wire.ts';

function seeded(customers: number) {
  const store = new EmulatorStore(':memory:');
  seedIfNeeded(store, { customers, reset: false });
  const ids = (
    store.db.prepare('SELECT id FROM customers ORDER BY seq').all() as { id: string }[]
  ).map((row) => row.id);
  const records = ids.map((id) => store.getCustomer(id)) as CustomerRecord[];
  return { store, records };
}

describe('seed data', () => {
  const { store, records } = seeded(6_000);
  const contoso = records.filter(
    (record) => record.partnerId === '4b5e8d2a-1c3f-4a6e-9b7d-2f8c0e1a3d5b',
  );

  it('is deterministic: the same seed gives the same customers, ids included', () => {
    const again = seeded(6_000).records;
    expect(again.map((record) => record.id)).toEqual(records.map((record) => record.id));
    expect(again[42]).toEqual(records[42]);
  });

  it('gives Contoso the asked number of customers and Fabrikam 300', () => {
    expect(contoso).toHaveLength(6_000);
    expect(records).toHaveLength(6_300);
  });

  it('spreads customers over at least 40 countries, all 24 registration-number countries among them', () => {
    const countries = new Set(records.map((record) => record.billing.defaultAddress.country));
    expect(countries.size).toBeGreaterThanOrEqual(40);
    for (const country of registrationNumberCountries) expect(countries).toContain(country);
  });

  it('gives valid registration and phone numbers where Partner Center requires them', () => {
    const required = new Set(registrationNumberCountries);
    for (const record of records) {
      const country = record.billing.defaultAddress.country;
      if (required.has(country)) {
        expect(
          checkRegistrationNumber(country, record.registrationNumber),
          record.companyName,
        ).toMatchObject({ ok: true });
        expect(checkPhoneNumber(country, record.billing.defaultAddress.phoneNumber)).toEqual({
          ok: true,
        });
      } else {
        expect(record.registrationNumber).toBeNull();
      }
    }
  });

  it('gives addresses that satisfy the country’s own rules', () => {
    for (const record of records.slice(0, 2_000)) {
      const address = record.billing.defaultAddress;
      const rules = countryValidationRules(address.country);
      expect(rules, address.country).toBeDefined();
      if (rules?.isStateRequired) expect(rules.supportedStatesList).toContain(address.state);
      if (rules?.postalCodeRegex && address.postalCode) {
        expect(address.postalCode).toMatch(new RegExp(rules.postalCodeRegex));
      }
    }
  });

  it('gives billing profiles the emulator itself accepts back unchanged in an update', () => {
    // Otherwise a user saving a seeded profile without edits would be refused.
    for (const record of records) {
      const address = record.billing.defaultAddress;
      const field = `${record.companyName} (${address.country})`;
      expect(
        () => checkAddress(addressSchema.parse(address), 'defaultAddress'),
        field,
      ).not.toThrow();
      expect(checkCulture(address.country, record.billing.culture, 'culture'), field).toBe(
        record.billing.culture,
      );
    }
  });

  it('covers every relationship, indirect resellers, missing delegated rights, sandboxes, custom domains and tags', () => {
    expect(new Set(contoso.map((record) => record.relationship))).toEqual(new Set(relationships));
    expect(contoso.some((record) => record.associatedPartnerId)).toBe(true);
    expect(contoso.some((record) => !record.allowDelegatedAccess)).toBe(true);
    expect(contoso.some((record) => record.isSandbox)).toBe(true);
    expect(contoso.some((record) => record.customDomains.length > 0)).toBe(true);
    expect(contoso.some((record) => record.tags.length > 0)).toBe(true);
  });

  it('includes the hostile names, early in the list, and unique onmicrosoft domains for all', () => {
    const names = contoso.slice(0, 200).map((record) => record.companyName);
    for (const name of hostileCompanyNames) expect(names).toContain(name);
    expect(hostileCompanyNames.some((name) => name.length === 200)).toBe(true);
    const domains = records.map((record) => record.domain);
    expect(new Set(domains).size).toBe(domains.length);
    for (const domain of domains) expect(domain).toMatch(/^[a-z0-9]{1,27}\.onmicrosoft\.com$/);
  });

  it('reserves the partners’ own domains', () => {
    expect(store.isDomainTaken('contosopartners.onmicrosoft.com')).toBe(true);
  });

  it('leaves a seeded database alone unless asked to reset', () => {
    const first = records[0]!;
    store.updateBilling(first.id, first.billing.etag, {
      ...first.billing,
      email: 'edited@example.com',
      etag: 'e2',
    });
    expect(seedIfNeeded(store, { customers: 6_000, reset: false })).toBeUndefined();
    expect(store.getCustomer(first.id)?.billing.email).toBe('edited@example.com');
    expect(seedIfNeeded(store, { customers: 100, reset: true })?.customers).toBe(400);
    expect(store.getCustomer(first.id)?.billing.email).toBe(first.billing.email);
  });
});
