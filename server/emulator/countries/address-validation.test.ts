import { describe, expect, it } from 'vitest';
import { validateAddress, type AddressInput } from './address-validation.ts';
import { seedCountries } from './seed-countries.ts';

describe('validateAddress', () => {
  it('verifies every seed place as shippable, written exactly as the seed writes it', () => {
    for (const country of seedCountries) {
      for (const place of country.places) {
        const input: AddressInput = { country: country.code, ...place };
        const result = validateAddress(input);
        expect(result.status, `${country.code} ${place.city}`).toBe('VerifiedShippable');
        expect(result.suggestedAddresses).toEqual([]);
        expect(result.originalAddress).toBe(input);
      }
    }
  });

  it('echoes the original address untouched', () => {
    const input = { country: 'de', city: ' München ', postalCode: '80331', addressLine1: 'x 1' };
    expect(validateAddress(input).originalAddress).toEqual({
      country: 'de',
      city: ' München ',
      postalCode: '80331',
      addressLine1: 'x 1',
    });
  });

  it('answers NotValidated for a country it has no rules for', () => {
    const result = validateAddress({
      country: 'BT',
      city: 'Thimphu',
      addressLine1: '1 Norzin Lam',
    });
    expect(result).toEqual({
      originalAddress: { country: 'BT', city: 'Thimphu', addressLine1: '1 Norzin Lam' },
      suggestedAddresses: [],
      status: 'NotValidated',
      validationMessage: 'Addresses in Bhutan cannot be validated.',
    });
  });

  describe('None: the rules are broken, and the message says how', () => {
    const cases: [string, AddressInput, RegExp][] = [
      ['no city', { country: 'DE', postalCode: '10117', addressLine1: 'A 1' }, /city is missing/],
      [
        'no state where one is required',
        { country: 'US', city: 'Redmond', postalCode: '98052', addressLine1: '1 Microsoft Way' },
        /state or province is missing/,
      ],
      [
        'a state outside the list',
        {
          country: 'US',
          city: 'Redmond',
          state: 'Washington State',
          postalCode: '98052',
          addressLine1: '1 Microsoft Way',
        },
        /"Washington State" is not a state or province of United States/,
      ],
      [
        'no postal code where one is required',
        { country: 'GB', city: 'London', addressLine1: '10 Downing Street' },
        /postal code is missing/,
      ],
      [
        'a postal code of the wrong format',
        { country: 'DE', city: 'Berlin', postalCode: '1011', addressLine1: 'Unter den Linden 77' },
        /"1011" is not a postal code of Germany; expected the format \^\\d\{5\}\$/,
      ],
    ];

    it.each(cases)('%s', (_name, input, message) => {
      const result = validateAddress(input);
      expect(result.status).toBe('None');
      expect(result.suggestedAddresses).toEqual([]);
      expect(result.validationMessage).toMatch(message);
    });
  });

  describe('InteractionRequired: one suggestion with the corrections', () => {
    it('respells a city written without accents, in another case, with extra spaces', () => {
      const result = validateAddress({
        country: 'DE',
        city: '  MUNCHEN ',
        postalCode: '80331',
        addressLine1: '  Marienplatz   8 ',
      });
      expect(result.status).toBe('InteractionRequired');
      expect(result.suggestedAddresses).toEqual([
        { country: 'DE', city: 'München', postalCode: '80331', addressLine1: 'Marienplatz 8' },
      ]);
      expect(result.validationMessage).toBe(
        'The city is spelled "München"; use the suggested address.',
      );
    });

    it('carries the state and postal code of the place it recognises', () => {
      const result = validateAddress({
        country: 'CA',
        city: 'montreal',
        state: 'qc',
        postalCode: 'h2y 1c6',
        addressLine1: '275 Rue Notre-Dame Est',
      });
      expect(result.status).toBe('InteractionRequired');
      expect(result.suggestedAddresses).toEqual([
        {
          country: 'CA',
          city: 'Montréal',
          state: 'QC',
          postalCode: 'H2Y 1C6',
          addressLine1: '275 Rue Notre-Dame Est',
        },
      ]);
    });

    it('corrects the postal code of a known city', () => {
      const result = validateAddress({
        country: 'DE',
        city: 'Berlin',
        postalCode: '10115',
        addressLine1: 'Invalidenstraße 1',
        addressLine2: ' 3. OG ',
      });
      expect(result.status).toBe('InteractionRequired');
      expect(result.suggestedAddresses).toEqual([
        {
          country: 'DE',
          city: 'Berlin',
          postalCode: '10117',
          addressLine1: 'Invalidenstraße 1',
          addressLine2: '3. OG',
        },
      ]);
      expect(result.validationMessage).toBe(
        'The postal code of Berlin is 10117; use the suggested address.',
      );
    });

    it('corrects the state of a known city', () => {
      const result = validateAddress({
        country: 'US',
        city: 'Redmond',
        state: 'CA',
        postalCode: '98052',
        addressLine1: '1 Microsoft Way',
      });
      expect(result.status).toBe('InteractionRequired');
      expect(result.suggestedAddresses[0]).toMatchObject({ state: 'WA', postalCode: '98052' });
      expect(result.validationMessage).toBe('Redmond is in WA; use the suggested address.');
    });

    it('picks the one of two places of that name the state points to', () => {
      const result = validateAddress({
        country: 'US',
        city: 'Portland',
        state: 'ME',
        postalCode: '04102',
        addressLine1: '1 Congress Street',
      });
      expect(result.status).toBe('InteractionRequired');
      expect(result.suggestedAddresses).toEqual([
        expect.objectContaining({ city: 'Portland', state: 'ME', postalCode: '04101' }),
      ]);
    });

    it('drops a postal code where the country has none', () => {
      const result = validateAddress({
        country: 'AE',
        city: 'Dubai',
        state: 'Dubai',
        postalCode: '00000',
        addressLine1: 'Building 2, Dubai Internet City',
      });
      expect(result.status).toBe('InteractionRequired');
      expect(result.suggestedAddresses).toEqual([
        {
          country: 'AE',
          city: 'Dubai',
          state: 'Dubai',
          addressLine1: 'Building 2, Dubai Internet City',
        },
      ]);
      expect(result.validationMessage).toBe(
        'Addresses in United Arab Emirates have no postal code; use the suggested address.',
      );
    });

    it('respells the state of an unknown city', () => {
      const result = validateAddress({
        country: 'MX',
        city: 'Saltillo',
        state: 'coahuila',
        postalCode: '25000',
        addressLine1: 'Calle Allende 1',
      });
      expect(result.status).toBe('InteractionRequired');
      expect(result.suggestedAddresses).toEqual([
        {
          country: 'MX',
          city: 'Saltillo',
          state: 'Coahuila',
          postalCode: '25000',
          addressLine1: 'Calle Allende 1',
        },
      ]);
    });
  });

  describe('Multiple: one suggestion per matching place', () => {
    it('when a state matches neither place of the name', () => {
      const result = validateAddress({
        country: 'US',
        city: 'Portland',
        state: 'CA',
        postalCode: '90001',
        addressLine1: '1 Main Street',
      });
      expect(result.status).toBe('Multiple');
      expect(result.suggestedAddresses.map((address) => address.state)).toEqual(['OR', 'ME']);
      expect(result.validationMessage).toMatch(/Several places/);
    });

    it('when a city-state’s postal code matches none of its known places', () => {
      const result = validateAddress({
        country: 'SG',
        city: 'Singapore',
        postalCode: '123456',
        addressLine1: '1 Somewhere Road',
      });
      expect(result.status).toBe('Multiple');
      expect(result.suggestedAddresses.length).toBeGreaterThan(1);
      for (const suggestion of result.suggestedAddresses) {
        expect(suggestion).toMatchObject({ city: 'Singapore', addressLine1: '1 Somewhere Road' });
      }
    });
  });

  it('answers Verified for a well-formed address in a city it does not know', () => {
    const result = validateAddress({
      country: 'DE',
      city: 'Heidelberg',
      postalCode: '69117',
      addressLine1: 'Marktplatz 10',
    });
    expect(result.status).toBe('Verified');
    expect(result.suggestedAddresses).toEqual([]);
    expect(result.validationMessage).toMatch(/city is not one the emulator knows/);
  });

  it('answers StreetPartial when the street is missing', () => {
    const result = validateAddress({ country: 'DE', city: 'Berlin', postalCode: '10117' });
    expect(result.status).toBe('StreetPartial');
    expect(result.validationMessage).toMatch(/street address is missing/);
  });

  it('answers PremisesPartial when the street has no house number', () => {
    const result = validateAddress({
      country: 'DE',
      city: 'Berlin',
      postalCode: '10117',
      addressLine1: 'Unter den Linden',
    });
    expect(result.status).toBe('PremisesPartial');
    expect(result.validationMessage).toMatch(/no house or building number/);
  });

  it('accepts any well-formed postal code where the known place has none', () => {
    expect(
      validateAddress({
        country: 'IE',
        city: 'Dublin',
        postalCode: 'D02 X285',
        addressLine1: '1 A',
      }).status,
    ).toBe('VerifiedShippable');
  });

  it('treats null fields as absent', () => {
    const result = validateAddress({
      country: 'AE',
      city: 'Dubai',
      state: 'Dubai',
      postalCode: null,
      addressLine1: 'Building 2, Dubai Internet City',
      addressLine2: null,
    });
    expect(result.status).toBe('VerifiedShippable');
  });
});
