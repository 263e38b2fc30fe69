import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { CountryValidationRules, CreateCustomerRequest } from '@/api/partner-center/resources';
import {
  createAddressSchema,
  createBillingProfileSchema,
  createCustomerProfileSchema,
  initialDomainSchema,
  type CustomerProfileFormInput,
  type CustomerProfileFormOutput,
} from '@/countries/customer-profile-schemas';

function messagesByPath(error: z.ZodError | undefined): Record<string, string[]> {
  const byPath: Record<string, string[]> = {};
  for (const issue of error?.issues ?? []) {
    const key = issue.path.join('.');
    (byPath[key] ??= []).push(issue.message);
  }
  return byPath;
}

function russianCustomer(
  overrides: Partial<Record<string, string>> = {},
): CustomerProfileFormInput {
  return {
    companyProfile: {
      domain: overrides.domain ?? 'Romashka',
      organizationRegistrationNumber: overrides.registration ?? 'ИНН 7707083893',
    },
    billingProfile: {
      firstName: 'Ivan',
      lastName: 'Petrov',
      email: ' ivan@romashka.example ',
      companyName: 'OOO Romashka',
      culture: overrides.culture ?? 'RU-ru',
      defaultAddress: {
        country: overrides.country ?? 'ru',
        addressLine1: 'ul. Tverskaya, 7',
        city: 'Moscow',
        state: overrides.state ?? 'Москва',
        postalCode: overrides.postalCode ?? '125 009',
        firstName: 'Ivan',
        lastName: 'Petrov',
        phoneNumber: overrides.phone ?? '8 (912) 345-67-89',
      },
    },
  };
}

describe('createCustomerProfileSchema', () => {
  const schema = createCustomerProfileSchema();

  it('turns what a user typed for a Russian company into the create request to send', () => {
    const parsed = schema.safeParse(russianCustomer());
    expect(parsed.error?.issues).toBeUndefined();
    expect(parsed.data).toEqual({
      companyProfile: {
        domain: 'romashka.onmicrosoft.com',
        organizationRegistrationNumber: '7707083893',
      },
      billingProfile: {
        firstName: 'Ivan',
        lastName: 'Petrov',
        email: 'ivan@romashka.example',
        companyName: 'OOO Romashka',
        culture: 'ru-RU',
        language: 'ru',
        defaultAddress: {
          country: 'RU',
          addressLine1: 'ul. Tverskaya, 7',
          city: 'Moscow',
          // Google's list names the subdivision in Cyrillic; the value sent is its Latin name.
          state: 'Moskva',
          postalCode: '125009',
          firstName: 'Ivan',
          lastName: 'Petrov',
          phoneNumber: '9123456789',
        },
      },
    });
  });

  it('refuses a corrupted check digit on the registration number field, in words', () => {
    const parsed = schema.safeParse(russianCustomer({ registration: '7707083894' }));
    const messages = messagesByPath(parsed.error);
    expect(Object.keys(messages)).toEqual(['companyProfile.organizationRegistrationNumber']);
    const [message] = messages['companyProfile.organizationRegistrationNumber']!;
    expect(message).toMatch(/INN.*check digit does not match/);
    expect(message).not.toMatch(/[\\^$]/);
  });

  it('requires the registration number and the phone in the 24 countries', () => {
    const parsed = schema.safeParse(russianCustomer({ registration: '  ', phone: '' }));
    const messages = messagesByPath(parsed.error);
    expect(messages['companyProfile.organizationRegistrationNumber']?.[0]).toMatch(
      /Enter the company's INN.*Russia/,
    );
    expect(messages['billingProfile.defaultAddress.phoneNumber']?.[0]).toMatch(
      /Partner Center requires one for customers in Russia/,
    );
  });

  it('drops a number left over from another country rather than send it (600002)', () => {
    const parsed = schema.safeParse(
      russianCustomer({
        country: 'DE',
        state: '',
        postalCode: '10115',
        phone: '030 901820',
        culture: 'de-DE',
      }),
    );
    expect(parsed.error?.issues).toBeUndefined();
    expect(parsed.data?.companyProfile).toEqual({ domain: 'romashka.onmicrosoft.com' });
    expect(parsed.data?.billingProfile.defaultAddress.phoneNumber).toBe('30901820');
  });

  it('refines on the billing country: the same number is valid in one country only', () => {
    const brazil = russianCustomer({
      country: 'BR',
      registration: '16.727.230/0001-97',
      state: 'SP',
      postalCode: '01310100',
      phone: '(11) 96123-4567',
      culture: 'pt-BR',
    });
    const parsed = schema.safeParse(brazil);
    expect(parsed.error?.issues).toBeUndefined();
    expect(parsed.data?.companyProfile.organizationRegistrationNumber).toBe('16727230000197');
    expect(parsed.data?.billingProfile.defaultAddress.postalCode).toBe('01310-100');
    expect(parsed.data?.billingProfile.language).toBe('pt');

    const inPoland = schema.safeParse({
      ...brazil,
      billingProfile: {
        ...brazil.billingProfile,
        culture: 'pl-PL',
        defaultAddress: {
          ...brazil.billingProfile.defaultAddress,
          country: 'PL',
          state: '',
          postalCode: '00-950',
          phone: '',
          phoneNumber: '512 345 678',
        },
      },
    });
    expect(Object.keys(messagesByPath(inPoland.error))).toEqual([
      'companyProfile.organizationRegistrationNumber',
    ]);
  });

  it('reports every problem at once, country rules included, so a form can show them together', () => {
    const input = russianCustomer({ postalCode: '1250', phone: '12', culture: 'fr-FR' });
    input.billingProfile.firstName = '';
    input.billingProfile.email = 'not an email';
    const messages = messagesByPath(schema.safeParse(input).error);
    expect(Object.keys(messages).sort()).toEqual([
      'billingProfile.culture',
      'billingProfile.defaultAddress.phoneNumber',
      'billingProfile.defaultAddress.postalCode',
      'billingProfile.email',
      'billingProfile.firstName',
    ]);
    expect(messages['billingProfile.culture']?.[0]).toMatch(/Russian.*English/);
    expect(messages['billingProfile.defaultAddress.postalCode']?.[0]).toBe(
      'This postal code is not valid in Russia. A postal code in Russia looks like 247112.',
    );
    for (const list of Object.values(messages)) {
      for (const message of list) expect(message).not.toMatch(/[\\^$]|\[0-9\]|\\d/);
    }
  });

  it('asks for a country from the list and adds no country rules for an unknown one', () => {
    const messages = messagesByPath(
      schema.safeParse(russianCustomer({ country: 'ZZ', registration: '' })).error,
    );
    expect(messages).toEqual({
      'billingProfile.defaultAddress.country': ['Choose a country from the list.'],
    });
  });

  it('applies Partner Center’s own rules when the client has them', () => {
    const rules: CountryValidationRules = {
      iso2Code: 'RU',
      defaultCulture: 'ru-RU',
      isStateRequired: true,
      supportedStatesList: ['Moscow', 'Saint Petersburg'],
      supportedLanguagesList: ['ru', 'en'],
      supportedCulturesList: ['ru-RU', 'en-US'],
      isPostalCodeRequired: true,
      postalCodeRegex: '^\\d{6}$',
      isCityRequired: true,
      isVatIdSupported: false,
      // Only the national digits, with the trunk prefix 8.
      phoneNumberRegex: '^8\\s?\\(\\d{3}\\)',
      isPhoneNumberRequired: true,
      isRegistrationNumberRequired: true,
      registrationNumberRegex: '^(\\d{10}|\\d{12})$',
    };
    const withRules = createCustomerProfileSchema((country) =>
      country === 'RU' ? rules : undefined,
    );
    const refused = messagesByPath(withRules.safeParse(russianCustomer()).error);
    expect(Object.keys(refused)).toEqual(['billingProfile.defaultAddress.state']);

    const parsed = withRules.safeParse(russianCustomer({ state: 'saint petersburg' }));
    expect(parsed.error?.issues).toBeUndefined();
    expect(parsed.data?.billingProfile.defaultAddress.state).toBe('Saint Petersburg');
    expect(parsed.data?.billingProfile.defaultAddress.phoneNumber).toBe('8 (912) 345-67-89');
  });

  it('produces the profiles of Partner Center’s create request', () => {
    expectTypeOf<CustomerProfileFormOutput['companyProfile']>().toExtend<
      CreateCustomerRequest['companyProfile']
    >();
    expectTypeOf<CustomerProfileFormOutput['billingProfile']>().toExtend<
      CreateCustomerRequest['billingProfile']
    >();
  });
});

describe('createBillingProfileSchema', () => {
  it('derives the language from the culture the country supports', () => {
    const parsed = createBillingProfileSchema().safeParse({
      firstName: 'Aygün',
      lastName: 'Əliyeva',
      email: 'aygun@example.az',
      companyName: 'Baku Tech MMC',
      culture: 'az-latn-az',
      defaultAddress: {
        country: 'AZ',
        addressLine1: 'Nizami küçəsi 10',
        city: 'Bakı',
        postalCode: 'AZ 1000',
        firstName: 'Aygün',
        lastName: 'Əliyeva',
        phoneNumber: '+994 50 123 45 67',
      },
    });
    expect(parsed.error?.issues).toBeUndefined();
    expect(parsed.data).toMatchObject({
      culture: 'az-Latn-AZ',
      language: 'az',
      defaultAddress: { postalCode: '1000', phoneNumber: '501234567' },
    });
  });
});

describe('createAddressSchema', () => {
  const schema = createAddressSchema();
  const base = {
    addressLine1: '1 Microsoft Way',
    city: 'Redmond',
    firstName: 'Ada',
    lastName: 'Lovelace',
  };

  it('leaves the phone optional outside the 24 and checks it when given', () => {
    expect(
      schema.safeParse({ ...base, country: 'US', state: 'wa', postalCode: '98052' }).data,
    ).toMatchObject({ country: 'US', state: 'WA', postalCode: '98052' });
    const messages = messagesByPath(
      schema.safeParse({
        ...base,
        country: 'US',
        state: 'Washington',
        postalCode: '9805',
        phoneNumber: '555',
      }).error,
    );
    expect(Object.keys(messages).sort()).toEqual(['phoneNumber', 'postalCode']);
  });

  it('caps every field at the length Partner Center takes', () => {
    const messages = messagesByPath(
      schema.safeParse({ ...base, country: 'GB', addressLine1: 'x'.repeat(201) }).error,
    );
    expect(messages.addressLine1).toEqual(['The street address can have at most 200 characters.']);
  });

  it('requires the state where the country’s format requires one', () => {
    const messages = messagesByPath(
      schema.safeParse({ ...base, country: 'BR', postalCode: '01310-100' }).error,
    );
    expect(messages.state?.[0]).toMatch(/required for addresses in Brazil/);
  });
});

describe('initialDomainSchema', () => {
  it.each([
    ['contoso', 'contoso.onmicrosoft.com'],
    [' Contoso2 ', 'contoso2.onmicrosoft.com'],
    ['CONTOSO.onmicrosoft.com', 'contoso.onmicrosoft.com'],
  ])('reads %j as %s', (input, domain) => {
    expect(initialDomainSchema.parse(input)).toBe(domain);
  });

  it.each(['', 'con-toso', 'contoso.com', 'a'.repeat(28), 'contoso.onmicrosoft.com.evil'])(
    'refuses %j in words',
    (input) => {
      const parsed = initialDomainSchema.safeParse(input);
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.message).toMatch(/domain prefix/);
    },
  );
});
