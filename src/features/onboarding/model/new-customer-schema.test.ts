import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';
import {
  agreementContactSchema,
  agreementRequestSchema,
  createCustomerRequestSchema,
} from '@/api/partner-center/resources';
import {
  mulberry32,
  registrationNumberGenerators,
} from '@/countries/registration-number-generators';
import {
  agreementTimeOf,
  createNewCustomerSchema,
  type NewCustomerContext,
  type NewCustomerOutput,
} from '@/features/onboarding/model/new-customer-schema';
import { stepOfField } from '@/features/onboarding/model/onboarding-steps';
import {
  DIRECT_CUSTOMER,
  emptyOnboardingValues,
  type OnboardingValues,
} from '@/features/onboarding/model/onboarding-values';

const PARTNER_DOMAIN = 'contosopartners.onmicrosoft.com';

function contextWith(overrides: Partial<NewCustomerContext> = {}): NewCustomerContext {
  return {
    rulesFor: () => undefined,
    partnerDomains: [PARTNER_DOMAIN],
    resellerIds: [],
    agreementRequired: true,
    today: () => '2026-12-01',
    ...overrides,
  };
}

/** The create request exactly as Partner Center's schema has it: nothing more, nothing less. */
const strictAgreementSchema = agreementRequestSchema
  .omit({ templateId: true, agreementLink: true })
  .extend({ primaryContact: agreementContactSchema.strict() })
  .strict();

function generated(country: string, kind: string, seed: number): string {
  const generate = registrationNumberGenerators[country]?.[kind];
  if (!generate) throw new Error(`no generator for ${country} ${kind}`);
  return generate(mulberry32(seed));
}

const NIP = generated('PL', 'NIP', 1);
const CNPJ = generated('BR', 'CNPJ', 1);
const GSTIN = generated('IN', 'GSTIN', 1);

/** "6059926744" → "605-992-67-44", the way a NIP is usually printed. */
function printedNip(nip: string): string {
  return `${nip.slice(0, 3)}-${nip.slice(3, 6)}-${nip.slice(6, 8)}-${nip.slice(8)}`;
}

/** "05992674003078" → "05.992.674/0030-78". */
function printedCnpj(cnpj: string): string {
  return `${cnpj.slice(0, 2)}.${cnpj.slice(2, 5)}.${cnpj.slice(5, 8)}/${cnpj.slice(8, 12)}-${cnpj.slice(12)}`;
}

type Country = 'PL' | 'BR' | 'IN' | 'US';

/** A complete onboarding as a user fills it in, in the customer's country. */
function onboarding(
  country: Country,
  change: (values: OnboardingValues) => void = () => undefined,
): OnboardingValues {
  const cultures: Record<Country, string> = {
    PL: 'pl-PL',
    BR: 'pt-BR',
    IN: 'en-IN',
    US: 'en-US',
  };
  const values = emptyOnboardingValues(country, cultures[country]);
  const billing = values.billingProfile;
  const address = billing.defaultAddress;
  values.agreement.accepted = true;
  values.agreement.dateAgreed = '2026-11-30';
  switch (country) {
    case 'PL':
      values.companyProfile.domain = 'Fabrikam';
      values.companyProfile.organizationRegistrationNumber = `NIP ${printedNip(NIP)}`;
      billing.companyName = 'Fabrikam sp. z o.o.';
      billing.firstName = 'Anna';
      billing.lastName = 'Nowak';
      billing.email = ' anna.nowak@fabrikam.pl ';
      address.addressLine1 = 'ul. Marszałkowska 1';
      address.city = 'Warszawa';
      address.postalCode = '00-950';
      address.phoneNumber = '+48 512 345 678';
      break;
    case 'BR':
      values.companyProfile.domain = 'woodgrovebr';
      values.companyProfile.organizationRegistrationNumber = printedCnpj(CNPJ);
      billing.companyName = 'Woodgrove Comércio Ltda.';
      billing.firstName = 'João';
      billing.lastName = 'Silva';
      billing.email = 'joao.silva@woodgrove.com.br';
      address.addressLine1 = 'Avenida Paulista, 1000';
      address.city = 'São Paulo';
      address.state = 'SP';
      address.postalCode = '01310-100';
      address.phoneNumber = '+55 11 91234-5678';
      break;
    case 'IN':
      values.companyProfile.domain = 'northwindin';
      values.companyProfile.organizationRegistrationNumber = GSTIN.toLowerCase();
      billing.companyName = 'Northwind Traders Private Limited';
      billing.firstName = 'Priya';
      billing.lastName = 'Sharma';
      billing.email = 'priya@northwind.in';
      address.addressLine1 = '12 MG Road';
      address.city = 'Bengaluru';
      address.state = 'Karnataka';
      address.postalCode = '560001';
      address.phoneNumber = '+91 98765 43210';
      break;
    case 'US':
      values.companyProfile.domain = 'tailspintoys';
      // Left over from another country: the US has no registration number, so it is dropped.
      values.companyProfile.organizationRegistrationNumber = '123456789';
      billing.companyName = 'Tailspin Toys Inc.';
      billing.firstName = 'Ann';
      billing.lastName = 'Lee';
      billing.email = 'ann.lee@tailspintoys.com';
      address.addressLine1 = 'One Microsoft Way';
      address.city = 'Redmond';
      address.state = 'WA';
      address.postalCode = '98052';
      break;
  }
  change(values);
  return values;
}

function issuesByPath(error: z.ZodError | undefined): Record<string, string[]> {
  const byPath: Record<string, string[]> = {};
  for (const issue of error?.issues ?? []) {
    (byPath[issue.path.join('.')] ??= []).push(issue.message);
  }
  return byPath;
}

function parseOk(values: OnboardingValues, context = contextWith()): NewCustomerOutput {
  const parsed = createNewCustomerSchema(context).safeParse(values);
  expect(issuesByPath(parsed.error)).toEqual({});
  if (!parsed.success) throw new Error('unreachable');
  return parsed.data;
}

/** The fields refused, each with its messages. */
function refusals(values: OnboardingValues, context = contextWith()): Record<string, string[]> {
  const parsed = createNewCustomerSchema(context).safeParse(values);
  expect(parsed.success).toBe(false);
  return issuesByPath(parsed.error);
}

/** Exactly one field is refused, with one message, which is returned. */
function onlyRefusal(values: OnboardingValues, field: string, context = contextWith()): string {
  const byPath = refusals(values, context);
  expect(Object.keys(byPath)).toEqual([field]);
  const messages = byPath[field] ?? [];
  expect(messages).toHaveLength(1);
  return messages[0] ?? '';
}

function expectPartnerCenterShapes(output: NewCustomerOutput) {
  expect(createCustomerRequestSchema.strict().parse(output.customer)).toEqual(output.customer);
  if (output.agreement) {
    expect(strictAgreementSchema.parse(output.agreement)).toEqual(output.agreement);
  }
}

// The attestation's time is "noon UTC of the date, never later than now": pin now.
const NOW = '2026-12-01T15:30:00.000Z';
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(NOW));
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createNewCustomerSchema: complete onboardings', () => {
  it('a Polish company with a NIP becomes the create request and the attestation', () => {
    const output = parseOk(onboarding('PL'));
    expect(output).toEqual({
      customer: {
        companyProfile: {
          domain: 'fabrikam.onmicrosoft.com',
          organizationRegistrationNumber: NIP,
        },
        billingProfile: {
          firstName: 'Anna',
          lastName: 'Nowak',
          email: 'anna.nowak@fabrikam.pl',
          culture: 'pl-PL',
          language: 'pl',
          companyName: 'Fabrikam sp. z o.o.',
          defaultAddress: {
            country: 'PL',
            addressLine1: 'ul. Marszałkowska 1',
            city: 'Warszawa',
            postalCode: '00-950',
            firstName: 'Anna',
            lastName: 'Nowak',
            phoneNumber: '512345678',
          },
        },
        enableGDAPByDefault: true,
      },
      agreement: {
        primaryContact: {
          firstName: 'Anna',
          lastName: 'Nowak',
          email: 'anna.nowak@fabrikam.pl',
          phoneNumber: '512345678',
        },
        dateAgreed: '2026-11-30T12:00:00.000Z',
        type: 'MicrosoftCustomerAgreement',
      },
    } satisfies NewCustomerOutput);
    expectPartnerCenterShapes(output);
    expect(output.customer).not.toHaveProperty('associatedPartnerId');
  });

  it('a Brazilian company with a printed CNPJ sends the bare 14 characters', () => {
    const output = parseOk(onboarding('BR'));
    expect(output.customer).toEqual({
      companyProfile: {
        domain: 'woodgrovebr.onmicrosoft.com',
        organizationRegistrationNumber: CNPJ,
      },
      billingProfile: {
        firstName: 'João',
        lastName: 'Silva',
        email: 'joao.silva@woodgrove.com.br',
        culture: 'pt-BR',
        language: 'pt',
        companyName: 'Woodgrove Comércio Ltda.',
        defaultAddress: {
          country: 'BR',
          addressLine1: 'Avenida Paulista, 1000',
          city: 'São Paulo',
          state: 'SP',
          postalCode: '01310-100',
          firstName: 'João',
          lastName: 'Silva',
          phoneNumber: '11912345678',
        },
      },
      enableGDAPByDefault: true,
    });
    expect(output.agreement?.primaryContact).toEqual({
      firstName: 'João',
      lastName: 'Silva',
      email: 'joao.silva@woodgrove.com.br',
      phoneNumber: '11912345678',
    });
    expectPartnerCenterShapes(output);
  });

  it('an Indian company with a GSTIN typed in lower case sends it in upper case', () => {
    const output = parseOk(onboarding('IN'));
    expect(output.customer.companyProfile).toEqual({
      domain: 'northwindin.onmicrosoft.com',
      organizationRegistrationNumber: GSTIN,
    });
    expect(output.customer.billingProfile).toMatchObject({
      culture: 'en-IN',
      language: 'en',
      companyName: 'Northwind Traders Private Limited',
    });
    expect(output.customer.billingProfile.defaultAddress).toMatchObject({
      country: 'IN',
      firstName: 'Priya',
      lastName: 'Sharma',
      postalCode: '560001',
      phoneNumber: '9876543210',
    });
    expectPartnerCenterShapes(output);
  });

  it('an American company sends no registration number, even one left in the field', () => {
    const output = parseOk(
      onboarding('US', (values) => {
        values.enableGDAPByDefault = false;
      }),
    );
    expect(output.customer).toEqual({
      companyProfile: { domain: 'tailspintoys.onmicrosoft.com' },
      billingProfile: {
        firstName: 'Ann',
        lastName: 'Lee',
        email: 'ann.lee@tailspintoys.com',
        culture: 'en-US',
        language: 'en',
        companyName: 'Tailspin Toys Inc.',
        defaultAddress: {
          country: 'US',
          addressLine1: 'One Microsoft Way',
          city: 'Redmond',
          state: 'WA',
          postalCode: '98052',
          firstName: 'Ann',
          lastName: 'Lee',
        },
      },
      enableGDAPByDefault: false,
    });
    expect(output.customer.companyProfile).not.toHaveProperty('organizationRegistrationNumber');
    // No phone given: the primary contact has none either (not an empty one).
    expect(output.agreement).toEqual({
      primaryContact: { firstName: 'Ann', lastName: 'Lee', email: 'ann.lee@tailspintoys.com' },
      dateAgreed: '2026-11-30T12:00:00.000Z',
      type: 'MicrosoftCustomerAgreement',
    });
    expectPartnerCenterShapes(output);
  });

  it.each(['PL', 'BR', 'IN', 'US'] as const)(
    '%s: without the agreement (another cloud) nothing about it is asked or sent',
    (country) => {
      const output = parseOk(
        onboarding(country, (values) => {
          values.agreement.accepted = false;
          values.agreement.dateAgreed = '';
          values.agreement.contactIsBilling = false;
        }),
        contextWith({ agreementRequired: false }),
      );
      expect(output.agreement).toBeUndefined();
      expectPartnerCenterShapes(output);
    },
  );

  it('the primary contact is the separate one when the billing contact is unticked', () => {
    const output = parseOk(
      onboarding('PL', (values) => {
        values.agreement.contactIsBilling = false;
        values.agreement.firstName = ' Jan ';
        values.agreement.lastName = 'Kowalski';
        values.agreement.email = ' jan.kowalski@fabrikam.pl ';
        values.agreement.phoneNumber = ' 512 345 679 ';
      }),
    );
    expect(output.agreement?.primaryContact).toEqual({
      firstName: 'Jan',
      lastName: 'Kowalski',
      email: 'jan.kowalski@fabrikam.pl',
      phoneNumber: '512 345 679',
    });
    // The billing contact (and the address names copied from it) are unchanged.
    expect(output.customer.billingProfile.defaultAddress).toMatchObject({
      firstName: 'Anna',
      lastName: 'Nowak',
    });
    expectPartnerCenterShapes(output);
  });

  it('a separate contact without a phone sends none', () => {
    const output = parseOk(
      onboarding('US', (values) => {
        values.agreement.contactIsBilling = false;
        values.agreement.firstName = 'Ben';
        values.agreement.lastName = 'Ray';
        values.agreement.email = 'ben.ray@tailspintoys.com';
      }),
    );
    expect(output.agreement?.primaryContact).toEqual({
      firstName: 'Ben',
      lastName: 'Ray',
      email: 'ben.ray@tailspintoys.com',
    });
    expectPartnerCenterShapes(output);
  });

  it('the separate contact left filled in is ignored while the billing contact is ticked', () => {
    const output = parseOk(
      onboarding('PL', (values) => {
        values.agreement.firstName = 'Jan';
        values.agreement.email = 'not an email';
      }),
    );
    expect(output.agreement?.primaryContact.email).toBe('anna.nowak@fabrikam.pl');
  });

  it('the acceptance date may be today, and is then sent as now when noon is still ahead', () => {
    vi.setSystemTime(new Date('2026-12-01T08:00:00.000Z'));
    const output = parseOk(
      onboarding('PL', (values) => {
        values.agreement.dateAgreed = '2026-12-01';
      }),
    );
    expect(output.agreement?.dateAgreed).toBe('2026-12-01T08:00:00.000Z');
    expect(agreementTimeOf('2026-12-01', Date.parse(NOW))).toBe('2026-12-01T12:00:00.000Z');
  });
});

describe('createNewCustomerSchema: resellers', () => {
  const context = contextWith({ resellerIds: ['reseller-1', 'reseller-2'] });

  it('refuses an onboarding where the reseller is not chosen', () => {
    const message = onlyRefusal(onboarding('US'), 'associatedPartner', context);
    expect(message).toMatch(/reseller/i);
  });

  it('accepts "direct", and then sends no associated partner', () => {
    const output = parseOk(
      onboarding('US', (values) => {
        values.associatedPartner = DIRECT_CUSTOMER;
      }),
      context,
    );
    expect(output.customer).not.toHaveProperty('associatedPartnerId');
    expectPartnerCenterShapes(output);
  });

  it('accepts one of the resellers, and sends it as the associated partner', () => {
    const output = parseOk(
      onboarding('US', (values) => {
        values.associatedPartner = 'reseller-2';
      }),
      context,
    );
    expect(output.customer.associatedPartnerId).toBe('reseller-2');
    expectPartnerCenterShapes(output);
  });

  it('refuses an id that is not one of the resellers', () => {
    onlyRefusal(
      onboarding('US', (values) => {
        values.associatedPartner = 'reseller-3';
      }),
      'associatedPartner',
      context,
    );
  });

  it('ignores a reseller left over when the partner has none', () => {
    const output = parseOk(
      onboarding('US', (values) => {
        values.associatedPartner = 'reseller-1';
      }),
    );
    expect(output.customer).not.toHaveProperty('associatedPartnerId');
  });
});

describe('createNewCustomerSchema: refusals, each on its own field', () => {
  it('refuses a NIP with a wrong check digit', () => {
    const last = Number(NIP.at(-1));
    const wrong = `${NIP.slice(0, -1)}${(last + 1) % 10}`;
    const message = onlyRefusal(
      onboarding('PL', (values) => {
        values.companyProfile.organizationRegistrationNumber = wrong;
      }),
      'companyProfile.organizationRegistrationNumber',
    );
    expect(message).toMatch(/check digit/);
  });

  it('refuses a Polish company without a registration number', () => {
    const message = onlyRefusal(
      onboarding('PL', (values) => {
        values.companyProfile.organizationRegistrationNumber = '  ';
      }),
      'companyProfile.organizationRegistrationNumber',
    );
    expect(message).toMatch(/NIP/);
  });

  it('refuses a Polish company without a phone number', () => {
    const message = onlyRefusal(
      onboarding('PL', (values) => {
        values.billingProfile.defaultAddress.phoneNumber = '';
      }),
      'billingProfile.defaultAddress.phoneNumber',
    );
    expect(message).toMatch(/phone number/);
  });

  it('refuses a company name that is only a legal form', () => {
    const message = onlyRefusal(
      onboarding('US', (values) => {
        values.billingProfile.companyName = 'Ltd';
      }),
      'billingProfile.companyName',
    );
    expect(message).toMatch(/legal form/);
  });

  it.each([
    ['a Microsoft address', 'ann@microsoft.com', /Microsoft/],
    ['an address at a Microsoft subdomain', 'ann@support.microsoft.com', /Microsoft/],
    ['an address at the partner', `ann@${PARTNER_DOMAIN}`, /your own organization/],
    ['an address at the partner in capitals', 'Ann@ContosoPartners.OnMicrosoft.com', /own/],
    ['an address that is not one', 'ann at tailspintoys.com', /email address/],
  ])('refuses %s as the billing email', (_what, email, pattern) => {
    const message = onlyRefusal(
      onboarding('US', (values) => {
        values.billingProfile.email = email;
      }),
      'billingProfile.email',
    );
    expect(message).toMatch(pattern);
  });

  it.each(['fabri-kam', 'fabri kam', 'fabrikam.com', 'fabrikam.onmicrosoft.com', 'a'.repeat(28)])(
    'refuses the domain prefix %j',
    (domain) => {
      onlyRefusal(
        onboarding('PL', (values) => {
          values.companyProfile.domain = domain;
        }),
        'companyProfile.domain',
      );
    },
  );

  it('takes a domain prefix in capitals and with spaces around it', () => {
    const output = parseOk(
      onboarding('PL', (values) => {
        values.companyProfile.domain = '  FabriKam2 ';
      }),
    );
    expect(output.customer.companyProfile.domain).toBe('fabrikam2.onmicrosoft.com');
  });

  it('refuses an agreement that is not accepted', () => {
    onlyRefusal(
      onboarding('PL', (values) => {
        values.agreement.accepted = false;
      }),
      'agreement.accepted',
    );
  });

  it('refuses an acceptance date after today', () => {
    const message = onlyRefusal(
      onboarding('PL', (values) => {
        values.agreement.dateAgreed = '2026-12-02';
      }),
      'agreement.dateAgreed',
    );
    expect(message).toMatch(/future/);
  });

  it.each([
    '',
    '2026-13-01',
    '2026-02-30',
    '0026-11-30',
    '2018-12-31',
    '30/11/2026',
    '2026-11-30T10:00',
    'yesterday',
    '2026-1-30',
  ])('refuses the acceptance date %j', (date) => {
    onlyRefusal(
      onboarding('PL', (values) => {
        values.agreement.dateAgreed = date;
      }),
      'agreement.dateAgreed',
    );
  });

  it('refuses a separate contact without an email', () => {
    const message = onlyRefusal(
      onboarding('PL', (values) => {
        values.agreement.contactIsBilling = false;
        values.agreement.firstName = 'Jan';
        values.agreement.lastName = 'Kowalski';
      }),
      'agreement.email',
    );
    expect(message).toMatch(/email/);
  });

  it('refuses a separate contact at the partner, or without names, or with a bad phone', () => {
    const byPath = refusals(
      onboarding('PL', (values) => {
        values.agreement.contactIsBilling = false;
        values.agreement.email = `jan@${PARTNER_DOMAIN}`;
        values.agreement.phoneNumber = '12';
      }),
    );
    expect(Object.keys(byPath).sort()).toEqual([
      'agreement.email',
      'agreement.firstName',
      'agreement.lastName',
      'agreement.phoneNumber',
    ]);
  });

  it('reports every problem at once, whatever step it belongs to', () => {
    const values = onboarding('PL', (v) => {
      v.associatedPartner = '';
      v.companyProfile.organizationRegistrationNumber = '1234567890';
      v.companyProfile.domain = 'fabri-kam';
      v.billingProfile.email = 'anna@microsoft.com';
      v.billingProfile.defaultAddress.phoneNumber = '';
      v.billingProfile.culture = '';
      v.agreement.accepted = false;
      v.agreement.dateAgreed = '2026-12-02';
    });
    const byPath = refusals(values, contextWith({ resellerIds: ['reseller-1'] }));
    const fields = Object.keys(byPath);
    expect([...fields].sort()).toEqual([
      'agreement.accepted',
      'agreement.dateAgreed',
      'associatedPartner',
      'billingProfile.culture',
      'billingProfile.defaultAddress.phoneNumber',
      'billingProfile.email',
      'companyProfile.domain',
      'companyProfile.organizationRegistrationNumber',
    ]);
    expect(new Set(fields.map(stepOfField))).toEqual(
      new Set(['reseller', 'company', 'domain', 'contact', 'preferences', 'agreement']),
    );
    // One message a field: the clearer rule wins, the generic one does not repeat it.
    for (const messages of Object.values(byPath)) expect(messages).toHaveLength(1);
  });

  it('reports every field of an empty onboarding, not only the first step', () => {
    const byPath = refusals(emptyOnboardingValues('PL', 'pl-PL'));
    expect(Object.keys(byPath).sort()).toEqual([
      'agreement.accepted',
      'agreement.dateAgreed',
      'billingProfile.companyName',
      'billingProfile.defaultAddress.addressLine1',
      'billingProfile.defaultAddress.city',
      'billingProfile.defaultAddress.phoneNumber',
      'billingProfile.defaultAddress.postalCode',
      'billingProfile.email',
      'billingProfile.firstName',
      'billingProfile.lastName',
      'companyProfile.domain',
      'companyProfile.organizationRegistrationNumber',
    ]);
  });
});
