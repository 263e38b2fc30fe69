import type { z } from 'zod';
import type { AgreementRequest, CreateCustomerRequest } from '@/api/partner-center/resources';
import { checkCompanyName } from '@/countries/company-name-rules';
import { checkContactEmail } from '@/countries/contact-email-rules';
import {
  createCustomerProfileSchema,
  type CountryRulesLookup,
} from '@/countries/customer-profile-schemas';
import { domainPrefixProblem, initialDomainOf } from '@/countries/domain-prefix';
import { validatePhoneNumber } from '@/countries/phones';
import {
  DIRECT_CUSTOMER,
  onboardingValuesSchema,
  type OnboardingValues,
} from '@/features/onboarding/model/onboarding-values';

/** What the form knows besides the values: the rules, who the partner is, what its cloud offers. */
export interface NewCustomerContext {
  rulesFor: CountryRulesLookup;
  /** The partner's own domains: a billing contact there is the partner, not the customer. */
  partnerDomains: readonly string[];
  /** The indirect resellers' ids; empty for a partner that has none (direct customers only). */
  resellerIds: readonly string[];
  /** The Microsoft Customer Agreement is attested in the global cloud only. */
  agreementRequired: boolean;
  /** Today as yyyy-mm-dd in the user's own calendar: an agreement cannot be accepted later. */
  today: () => string;
}

/** What Create sends: the customer, then (where the cloud has it) the attestation. */
export interface NewCustomerOutput {
  customer: CreateCustomerRequest;
  agreement: Omit<AgreementRequest, 'templateId' | 'agreementLink'> | undefined;
}

type Issue = { path: (string | number)[]; message: string };

const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Noon UTC of a yyyy-mm-dd date, or undefined when no such day exists (2026-02-30). */
function noonOf(date: string): number | undefined {
  const [, year, month, day] = ISO_DATE.exec(date) ?? [];
  if (!year || !month || !day) return undefined;
  // setUTCFullYear, not Date.UTC: that reads the years 0 to 99 as 1900 to 1999.
  const noon = new Date(0);
  noon.setUTCFullYear(Number(year), Number(month) - 1, Number(day));
  noon.setUTCHours(12);
  const roundTrip = noon.toISOString().slice(0, 10);
  return roundTrip === date ? noon.getTime() : undefined;
}

/** The agreement has existed since 2019: an earlier date is a typo (a year typed as "26"). */
const EARLIEST_AGREEMENT = '2019-01-01';

/** A date the user picked, sent as a UTC time that is never later than now. */
export function agreementTimeOf(date: string, now = Date.now()): string {
  return new Date(Math.min(noonOf(date) ?? now, now)).toISOString();
}

function checkAgreement(values: OnboardingValues, context: NewCustomerContext): Issue[] {
  const { agreement } = values;
  const issues: Issue[] = [];
  const at = (field: string, message: string) =>
    issues.push({ path: ['agreement', field], message });
  if (!agreement.accepted) {
    at('accepted', 'Confirm that the customer has accepted the Microsoft Customer Agreement.');
  }
  if (!agreement.dateAgreed) at('dateAgreed', 'Enter the date the customer accepted it.');
  else if (noonOf(agreement.dateAgreed) === undefined) {
    at('dateAgreed', 'Enter a real date as year, month and day, such as 2026-11-30.');
  } else if (agreement.dateAgreed > context.today()) {
    at('dateAgreed', 'The acceptance date cannot be in the future.');
  } else if (agreement.dateAgreed < EARLIEST_AGREEMENT) {
    at(
      'dateAgreed',
      'The Microsoft Customer Agreement dates from 2019: check the year of the acceptance date.',
    );
  }
  if (!agreement.contactIsBilling) {
    if (!agreement.firstName.trim()) at('firstName', 'Enter the first name of the contact.');
    if (!agreement.lastName.trim()) at('lastName', 'Enter the last name of the contact.');
    const email = agreement.email.trim();
    if (!email) at('email', 'Enter the email address of the contact.');
    else if (!EMAIL_SHAPE.test(email)) {
      at('email', 'Enter an email address such as someone@contoso.com.');
    } else {
      const problem = checkContactEmail(email, context.partnerDomains);
      if (problem) at('email', problem);
    }
    const phone = agreement.phoneNumber.trim();
    if (phone) {
      const checked = validatePhoneNumber(values.billingProfile.defaultAddress.country, phone);
      if (!checked.valid) at('phoneNumber', checked.message);
    }
  }
  return issues;
}

/** Every rule over the values, and what to send when none objects. */
export function checkNewCustomer(
  values: OnboardingValues,
  context: NewCustomerContext,
): { issues: Issue[]; output: NewCustomerOutput | undefined } {
  const billing = values.billingProfile;
  const issues: Issue[] = [];
  const taken = new Set<string>();
  const add = (issue: Issue) => {
    const key = issue.path.join('.');
    if (taken.has(key)) return;
    taken.add(key);
    issues.push(issue);
  };

  if (context.resellerIds.length > 0) {
    const choice = values.associatedPartner;
    if (choice !== DIRECT_CUSTOMER && !context.resellerIds.includes(choice)) {
      add({
        path: ['associatedPartner'],
        message:
          'Choose the reseller this customer buys through, or that it is your own direct customer.',
      });
    }
  }

  // The portal's own rules first, so their clearer sentences win over the generic ones.
  const name = checkCompanyName(billing.companyName);
  if (name.refusal) add({ path: ['billingProfile', 'companyName'], message: name.refusal });
  const domainProblem = domainPrefixProblem(values.companyProfile.domain.trim().toLowerCase());
  if (domainProblem) add({ path: ['companyProfile', 'domain'], message: domainProblem });

  // The contact's names are asked once and are the address's names too.
  const profiles = createCustomerProfileSchema(context.rulesFor).safeParse({
    companyProfile: values.companyProfile,
    billingProfile: {
      ...billing,
      defaultAddress: {
        ...billing.defaultAddress,
        firstName: billing.firstName,
        middleName: '',
        lastName: billing.lastName,
      },
    },
  });
  if (!profiles.success) {
    for (const issue of profiles.error.issues) {
      const path = issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part));
      const field = path.join('.');
      if (/^billingProfile\.defaultAddress\.(first|middle|last)Name$/.test(field)) continue;
      add({ path, message: issue.message });
    }
  }
  if (!taken.has('billingProfile.email')) {
    const problem = checkContactEmail(billing.email.trim(), context.partnerDomains);
    if (problem) add({ path: ['billingProfile', 'email'], message: problem });
  }
  if (context.agreementRequired) checkAgreement(values, context).forEach(add);

  if (issues.length > 0 || !profiles.success) return { issues, output: undefined };

  const { companyProfile, billingProfile } = profiles.data;
  const associatedPartnerId =
    context.resellerIds.length > 0 && values.associatedPartner !== DIRECT_CUSTOMER
      ? values.associatedPartner
      : undefined;
  const customer: CreateCustomerRequest = {
    companyProfile: {
      domain: initialDomainOf(values.companyProfile.domain.trim().toLowerCase()),
      ...(companyProfile.organizationRegistrationNumber
        ? { organizationRegistrationNumber: companyProfile.organizationRegistrationNumber }
        : {}),
    },
    billingProfile: {
      firstName: billingProfile.firstName,
      lastName: billingProfile.lastName,
      email: billingProfile.email,
      culture: billingProfile.culture,
      language: billingProfile.language,
      companyName: billingProfile.companyName,
      defaultAddress: billingProfile.defaultAddress,
    },
    enableGDAPByDefault: values.enableGDAPByDefault,
    ...(associatedPartnerId ? { associatedPartnerId } : {}),
  };
  const contact = values.agreement.contactIsBilling
    ? {
        firstName: billingProfile.firstName,
        lastName: billingProfile.lastName,
        email: billingProfile.email,
        phoneNumber: billingProfile.defaultAddress.phoneNumber,
      }
    : {
        firstName: values.agreement.firstName.trim(),
        lastName: values.agreement.lastName.trim(),
        email: values.agreement.email.trim(),
        phoneNumber: values.agreement.phoneNumber.trim() || undefined,
      };
  const agreement = context.agreementRequired
    ? {
        primaryContact: {
          firstName: contact.firstName,
          lastName: contact.lastName,
          email: contact.email,
          ...(contact.phoneNumber ? { phoneNumber: contact.phoneNumber } : {}),
        },
        dateAgreed: agreementTimeOf(values.agreement.dateAgreed),
        type: 'MicrosoftCustomerAgreement' as const,
      }
    : undefined;
  return { issues, output: { customer, agreement } };
}

/**
 * The onboarding form's schema: the values' shape, then every rule at once (the refinement
 * reports on every field, so a step's Next and the review see the same problems), then the
 * create request and the attestation as the output.
 */
export function createNewCustomerSchema(context: NewCustomerContext) {
  return onboardingValuesSchema
    .superRefine((values, ctx) => {
      for (const issue of checkNewCustomer(values, context).issues) {
        ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
      }
    })
    .transform((values) => {
      const { output } = checkNewCustomer(values, context);
      // Unreachable: the refinement above already failed the parse when there is no output.
      if (!output) throw new Error('The new customer has problems left.');
      return output;
    });
}
export type NewCustomerSchema = ReturnType<typeof createNewCustomerSchema>;
export type NewCustomerFormOutput = z.output<NewCustomerSchema>;
