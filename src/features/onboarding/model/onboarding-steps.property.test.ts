import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  mulberry32,
  registrationNumberGenerators,
} from '@/countries/registration-number-generators';
import { addressFieldNames } from '@/forms/address-labels';
import {
  createNewCustomerSchema,
  type NewCustomerContext,
} from '@/features/onboarding/model/new-customer-schema';
import {
  formFieldOf,
  stepFields,
  stepOfField,
  stepsFor,
} from '@/features/onboarding/model/onboarding-steps';
import { stepIds, type StepId } from '@/features/onboarding/model/step-ids';
import {
  DIRECT_CUSTOMER,
  emptyOnboardingValues,
  flatOnboardingValues,
  onboardingValuesFromFlat,
  onboardingValuesSchema,
  type OnboardingValues,
} from '@/features/onboarding/model/onboarding-values';

const NUM_RUNS = 200;

/** The steps whose Next checks a field: exactly one for every field a refusal can be on. */
function stepsListing(field: string): StepId[] {
  return stepIds.filter((step) => (stepFields[step] as readonly string[]).includes(field));
}

// ---------------------------------------------------------------------------------------------
// Arbitrary onboardings: plausible values, near misses and junk, so that every rule gets its turn.

function registrationNumber(country: string, kind: string): fc.Arbitrary<string> {
  const generate = registrationNumberGenerators[country]?.[kind];
  if (!generate) throw new Error(`no generator for ${country} ${kind}`);
  return fc.integer().map((seed) => generate(mulberry32(seed)));
}

/** One of the samples, '' or anything at all. */
function textOf(...samples: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...samples) },
    { weight: 2, arbitrary: fc.constant('') },
    { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  );
}

const countries = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('PL', 'BR', 'IN', 'US', 'RU', 'DE', 'GB', 'JP') },
  { weight: 1, arbitrary: fc.constantFrom('', 'pl', 'XX', 'Poland', 'ZZZ') },
  { weight: 1, arbitrary: fc.string({ maxLength: 4 }) },
);

const longText = fc.string({ minLength: 201, maxLength: 260 });

const onboardingValues: fc.Arbitrary<OnboardingValues> = fc
  .record({
    associatedPartner: textOf(DIRECT_CUSTOMER, 'reseller-1', 'reseller-2', 'reseller-9'),
    domain: textOf('fabrikam', 'Fabrikam', 'fabri-kam', 'fabrikam.onmicrosoft.com', 'a'.repeat(28)),
    registration: fc.oneof(
      registrationNumber('PL', 'NIP'),
      registrationNumber('BR', 'CNPJ'),
      registrationNumber('IN', 'GSTIN'),
      registrationNumber('RU', 'INN'),
      textOf('1234567890', 'NIP 123'),
    ),
    firstName: fc.oneof(textOf('Anna', ' ', 'João'), longText),
    lastName: textOf('Nowak', 'Silva'),
    email: textOf(
      'anna@fabrikam.pl',
      'ann@microsoft.com',
      'ann@contosopartners.onmicrosoft.com',
      'ann@fabrikam.invalidtld',
      'not an email',
    ),
    companyName: fc.oneof(textOf('Fabrikam sp. z o.o.', 'Ltd', 'GmbH', 'x', '***'), longText),
    culture: textOf('pl-PL', 'en-US', 'pt-BR', 'en-IN', 'de-DE', 'ru-RU', 'xx-YY'),
    country: countries,
    addressLine1: fc.oneof(textOf('ul. Marszałkowska 1', 'One Microsoft Way'), longText),
    addressLine2: fc.oneof(textOf('Suite 100'), longText),
    addressLine3: textOf('Building 7'),
    city: textOf('Warszawa', 'Redmond', 'São Paulo'),
    district: fc.oneof(textOf('Mokotów'), longText),
    state: textOf('WA', 'SP', 'Karnataka', 'Москва', 'Nowhere'),
    postalCode: textOf('00-950', '98052', '01310-100', '560001', '1234567890123456789012'),
    region: textOf('Mazowieckie'),
    middleName: textOf('Maria'),
    phoneNumber: textOf('+48 512 345 678', '+1 425 555 0100', '12', '+48 512 345 678 ext. 5'),
    enableGDAPByDefault: fc.boolean(),
    accepted: fc.boolean(),
    dateAgreed: textOf('2026-11-30', '2026-12-01', '2026-12-02', '2026-13-01', '30/11/2026'),
    contactIsBilling: fc.boolean(),
    agreementFirstName: textOf('Jan'),
    agreementLastName: textOf('Kowalski'),
    agreementEmail: textOf('jan@fabrikam.pl', 'jan@microsoft.com', 'jan'),
    agreementPhone: textOf('+48 512 345 679', '12'),
  })
  .map((v) =>
    onboardingValuesSchema.parse({
      associatedPartner: v.associatedPartner,
      companyProfile: { domain: v.domain, organizationRegistrationNumber: v.registration },
      billingProfile: {
        firstName: v.firstName,
        lastName: v.lastName,
        email: v.email,
        companyName: v.companyName,
        culture: v.culture,
        defaultAddress: {
          country: v.country,
          addressLine1: v.addressLine1,
          addressLine2: v.addressLine2,
          addressLine3: v.addressLine3,
          city: v.city,
          district: v.district,
          state: v.state,
          postalCode: v.postalCode,
          region: v.region,
          // The form never shows these (the contact's names are the address's), but a draft
          // may still hold them.
          firstName: v.firstName,
          middleName: v.middleName,
          lastName: v.lastName,
          phoneNumber: v.phoneNumber,
        },
      },
      enableGDAPByDefault: v.enableGDAPByDefault,
      agreement: {
        accepted: v.accepted,
        dateAgreed: v.dateAgreed,
        contactIsBilling: v.contactIsBilling,
        firstName: v.agreementFirstName,
        lastName: v.agreementLastName,
        email: v.agreementEmail,
        phoneNumber: v.agreementPhone,
      },
    }),
  );

/** A complete American onboarding (the partner's direct customer), which every context accepts. */
function completeOnboarding(): OnboardingValues {
  const values = emptyOnboardingValues('US', 'en-US');
  values.associatedPartner = DIRECT_CUSTOMER;
  values.companyProfile.domain = 'tailspintoys';
  Object.assign(values.billingProfile, {
    firstName: 'Ann',
    lastName: 'Lee',
    email: 'ann.lee@tailspintoys.com',
    companyName: 'Tailspin Toys Inc.',
  });
  Object.assign(values.billingProfile.defaultAddress, {
    addressLine1: 'One Microsoft Way',
    city: 'Redmond',
    state: 'WA',
    postalCode: '98052',
  });
  Object.assign(values.agreement, { accepted: true, dateAgreed: '2026-11-30' });
  return values;
}

/** A complete onboarding with one or two fields changed: single refusals, and acceptances too. */
const nearlyComplete: fc.Arbitrary<OnboardingValues> = fc
  .array(
    fc.tuple(
      fc.constantFrom(...Object.keys(flatOnboardingValues(completeOnboarding()))),
      fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('', 'true', 'false', 'PL', 'Ltd')),
    ),
    { minLength: 1, maxLength: 2 },
  )
  .map((changes) =>
    onboardingValuesFromFlat({
      ...flatOnboardingValues(completeOnboarding()),
      ...Object.fromEntries(changes),
    }),
  );

const contexts: fc.Arbitrary<NewCustomerContext> = fc
  .record({
    resellerIds: fc.constantFrom([], ['reseller-1'], ['reseller-1', 'reseller-2']),
    agreementRequired: fc.boolean(),
  })
  .map(({ resellerIds, agreementRequired }) => ({
    rulesFor: () => undefined,
    partnerDomains: ['contosopartners.onmicrosoft.com'],
    resellerIds,
    agreementRequired,
    today: () => '2026-12-01',
  }));

// ---------------------------------------------------------------------------------------------

describe('stepFields', () => {
  it('lists every field once, on one step only', () => {
    const all = stepIds.flatMap((step) => [...stepFields[step]]);
    expect(new Set(all).size).toBe(all.length);
  });

  it('lists only fields the form holds, and every one the user fills in', () => {
    const held = Object.keys(flatOnboardingValues(emptyOnboardingValues('PL', 'pl-PL')));
    const listed = stepIds.flatMap((step) => [...stepFields[step]] as string[]);
    expect(held).toEqual(expect.arrayContaining(listed));
    // Not asked for: the address's names are the contact's, and the tick chooses between
    // two sets of fields that are listed.
    expect(held.filter((field) => !listed.includes(field)).sort()).toEqual([
      'agreement.contactIsBilling',
      'billingProfile.defaultAddress.firstName',
      'billingProfile.defaultAddress.lastName',
      'billingProfile.defaultAddress.middleName',
    ]);
  });

  it('has every address field but the names on the contact step', () => {
    const contact = stepFields.contact as readonly string[];
    for (const name of addressFieldNames) {
      const field = `billingProfile.defaultAddress.${name}`;
      if (name === 'country') expect(stepOfField(field)).toBe('company');
      else if (/^(first|middle|last)Name$/.test(name)) expect(stepOfField(field)).toBeUndefined();
      else expect(contact).toContain(field);
    }
  });
});

describe('every refusal is on a field that exactly one step checks', () => {
  it('for arbitrary onboardings and partners', () => {
    const seen = new Set<string>();
    let accepted = 0;
    fc.assert(
      fc.property(fc.oneof(onboardingValues, nearlyComplete), contexts, (values, context) => {
        const parsed = createNewCustomerSchema(context).safeParse(values);
        if (parsed.success) {
          accepted += 1;
          return;
        }
        for (const issue of parsed.error.issues) {
          const field = issue.path.join('.');
          seen.add(field);
          expect(stepsListing(field), `${field}: ${issue.message}`).toHaveLength(1);
          expect(stepOfField(field)).not.toBe('review');
        }
      }),
      { numRuns: NUM_RUNS },
    );
    // The property is not vacuous: the refusals met span the steps.
    for (const step of stepIds.filter((id) => id !== 'review')) {
      expect(
        [...seen].some((field) => stepOfField(field) === step),
        step,
      ).toBe(true);
    }
    expect(seen.size).toBeGreaterThan(10);
    expect(accepted).toBeGreaterThan(0);
  });

  it('for the empty onboarding of every country, with resellers and the agreement', () => {
    const context: NewCustomerContext = {
      rulesFor: () => undefined,
      partnerDomains: [],
      resellerIds: ['reseller-1'],
      agreementRequired: true,
      today: () => '2026-12-01',
    };
    for (const country of ['PL', 'BR', 'IN', 'US', 'RU', 'JP', '', 'XX']) {
      const values = emptyOnboardingValues(country, '');
      values.agreement.contactIsBilling = false;
      const parsed = createNewCustomerSchema(context).safeParse(values);
      const fields = parsed.error?.issues.map((issue) => issue.path.join('.')) ?? [];
      expect(fields.length, country).toBeGreaterThan(0);
      for (const field of fields)
        expect(stepsListing(field), `${country} ${field}`).toHaveLength(1);
    }
  });
});

describe('stepsFor', () => {
  it('leaves out the reseller and agreement steps exactly when told, in the order of stepIds', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.boolean(), (hasResellers, agreementOffered) => {
        const steps = stepsFor({ hasResellers, agreementOffered });
        expect(steps.includes('reseller')).toBe(hasResellers);
        expect(steps.includes('agreement')).toBe(agreementOffered);
        expect(steps).toEqual(
          stepIds.filter(
            (step) =>
              (step !== 'reseller' || hasResellers) && (step !== 'agreement' || agreementOffered),
          ),
        );
        const positions = steps.map((step) => stepIds.indexOf(step));
        expect(positions).toEqual([...positions].sort((a, b) => a - b));
        expect(steps.at(-1)).toBe('review');
      }),
    );
  });

  it('always keeps the five steps every partner goes through', () => {
    expect(stepsFor({ hasResellers: false, agreementOffered: false })).toEqual([
      'company',
      'domain',
      'contact',
      'preferences',
      'review',
    ]);
    expect(stepsFor({ hasResellers: true, agreementOffered: true })).toEqual([...stepIds]);
  });
});

describe('formFieldOf', () => {
  it.each([
    ['billingProfile.language', 'billingProfile.culture'],
    ['associatedPartnerId', 'associatedPartner'],
    ['billingProfile.defaultAddress.firstName', 'billingProfile.firstName'],
    ['billingProfile.defaultAddress.lastName', 'billingProfile.lastName'],
    ['billingProfile.defaultAddress.phoneNumber', 'billingProfile.defaultAddress.phoneNumber'],
    ['billingProfile.defaultAddress.country', 'billingProfile.defaultAddress.country'],
    ['companyProfile.companyName', 'billingProfile.companyName'],
    ['companyProfile.email', 'billingProfile.email'],
    ['companyProfile.domain', 'companyProfile.domain'],
    [
      'companyProfile.organizationRegistrationNumber',
      'companyProfile.organizationRegistrationNumber',
    ],
  ])('maps Partner Center’s %s to the form’s %s', (path, field) => {
    expect(formFieldOf(path)).toBe(field);
  });

  it.each(['', 'billingProfile', 'billingProfile.defaultAddress.middleName', 'tenantId', 'x.y'])(
    'has no field for %j',
    (path) => {
      expect(formFieldOf(path)).toBeUndefined();
    },
  );

  it('maps every listed field to itself', () => {
    for (const step of stepIds) {
      for (const field of stepFields[step]) expect(formFieldOf(field)).toBe(field);
    }
  });

  it('gives a field that a step checks, or nothing, for any path', () => {
    const paths = fc.oneof(
      fc.string(),
      fc
        .array(
          fc.constantFrom(
            'billingProfile',
            'defaultAddress',
            'companyProfile',
            'firstName',
            'email',
            'language',
          ),
          {
            minLength: 1,
            maxLength: 4,
          },
        )
        .map((parts) => parts.join('.')),
    );
    fc.assert(
      fc.property(paths, (path) => {
        const field = formFieldOf(path);
        if (field !== undefined) expect(stepsListing(field)).toHaveLength(1);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
