import { z } from 'zod';
import type { CountryValidationRules } from '@/api/partner-center/resources';
import { addressRules, matchState, validatePostalCode } from '@/countries/addresses';
import { countryName, isPartnerCenterCountry, toCountryCode } from '@/countries/countries';
import { canonicalCulture, cultureProblem, languageOfCulture } from '@/countries/cultures';
import { validatePhoneNumber } from '@/countries/phones';
import {
  requiresRegistrationNumber,
  validateRegistrationNumber,
} from '@/countries/registration-numbers';

/**
 * Partner Center's own rules for a country when the client already has them (its
 * `countryvalidationrules`, cached by TanStack Query), else undefined: the static data stands in.
 * A function rather than a value because the country is only known while parsing.
 */
export type CountryRulesLookup = (country: string) => CountryValidationRules | undefined;

const noRules: CountryRulesLookup = () => undefined;

// The lengths are the emulator's wire limits (Partner Center's documented ones where it has any),
// so that the form, not the server, is where a too-long value is caught.
function optionalText(what: string, max: number) {
  return z
    .string()
    .trim()
    .max(max, `The ${what} can have at most ${max} characters.`)
    .optional()
    .transform((value) => value || undefined);
}

function requiredText(what: string, max: number, enter = `Enter the ${what}.`) {
  return z
    .string()
    .trim()
    .min(1, enter)
    .max(max, `The ${what} can have at most ${max} characters.`);
}

const emailSchema = z
  .string()
  .trim()
  .min(1, 'Enter an email address.')
  .max(254, 'An email address can have at most 254 characters.')
  .pipe(z.email('Enter an email address such as billing@contoso.com.'));

const countrySchema = z
  .string()
  .trim()
  .min(1, 'Choose a country.')
  .transform(toCountryCode)
  .refine(isPartnerCenterCountry, 'Choose a country from the list.');

const addressFields = z.object({
  country: countrySchema,
  addressLine1: requiredText('street address', 200),
  addressLine2: optionalText('second address line', 200),
  addressLine3: optionalText('third address line', 200),
  city: optionalText('city', 100),
  district: optionalText('district', 100),
  region: optionalText('region', 100),
  state: optionalText('state or region', 100),
  postalCode: optionalText('postal code', 20),
  firstName: requiredText('first name', 50, 'Enter the first name of the contact.'),
  middleName: optionalText('middle name', 50),
  lastName: requiredText('last name', 50, 'Enter the last name of the contact.'),
  phoneNumber: optionalText('phone number', 40),
});
type AddressFields = z.output<typeof addressFields>;

type Issue = { path: (string | number)[]; message: string };

/**
 * Everything about an address that depends on its country, as issues and as the values to send
 * (canonical state, normalised postal code and phone). One function serves both the refinement,
 * which reports, and the transform, which normalises, so that they can never disagree.
 */
function checkAddress(address: AddressFields, rulesFor: CountryRulesLookup) {
  const issues: Issue[] = [];
  const normalized = { ...address };
  const { country } = address;
  // An unknown country has its own issue already; rules for it would only add noise.
  if (!isPartnerCenterCountry(country)) return { issues, normalized };
  const pcRules = rulesFor(country);
  const rules = addressRules(country, pcRules);
  const where = countryName(country);

  if (rules.cityRequired && !address.city) {
    issues.push({
      path: ['city'],
      message: `Enter the city: it is required for addresses in ${where}.`,
    });
  }

  if (address.state) {
    const state = matchState(country, address.state, pcRules);
    if (state.valid) normalized.state = state.normalized;
    else issues.push({ path: ['state'], message: state.message });
  } else if (rules.stateRequired) {
    issues.push({
      path: ['state'],
      message: `Choose the ${rules.stateLabel.toLowerCase()}: it is required for addresses in ${where}.`,
    });
  }

  if (address.postalCode || rules.postalCodeRequired) {
    const postal = validatePostalCode(country, address.postalCode ?? '', pcRules);
    if (postal.valid) normalized.postalCode = postal.normalized || undefined;
    else issues.push({ path: ['postalCode'], message: postal.message });
  }

  if (address.phoneNumber) {
    const phone = validatePhoneNumber(country, address.phoneNumber, {
      phoneNumberRegex: rules.phoneNumberRegex,
    });
    if (phone.valid) normalized.phoneNumber = phone.normalized;
    else issues.push({ path: ['phoneNumber'], message: phone.message });
  } else if (rules.phoneRequired) {
    issues.push({
      path: ['phoneNumber'],
      message: `Enter a phone number: Partner Center requires one for customers in ${where}.`,
    });
  }
  return { issues, normalized };
}

/**
 * The fields' own schema, then the country's rules: the refinement reports (it runs even when
 * a field failed, so a form shows every problem at once), the transform returns what to send.
 */
function refinedBy<Fields extends z.ZodType, Output>(
  fields: Fields,
  check: (value: z.output<Fields>) => { issues: readonly Issue[]; normalized: Output },
) {
  return fields
    .superRefine((value, ctx) => {
      for (const issue of check(value).issues) {
        ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
      }
    })
    .transform((value) => check(value).normalized);
}

/**
 * A postal address as Partner Center takes it (`defaultAddress` of a billing profile), checked
 * against the rules of its own country; the output is what to send.
 */
export function createAddressSchema(rulesFor: CountryRulesLookup = noRules) {
  return refinedBy(addressFields, (address) => checkAddress(address, rulesFor));
}
export type AddressFormInput = z.input<ReturnType<typeof createAddressSchema>>;
export type AddressFormOutput = z.output<ReturnType<typeof createAddressSchema>>;

const billingFields = z.object({
  firstName: requiredText('first name', 50, 'Enter the first name of the billing contact.'),
  lastName: requiredText('last name', 50, 'Enter the last name of the billing contact.'),
  email: emailSchema,
  companyName: requiredText('company name', 256, 'Enter the company name.'),
  culture: z.string().trim().min(1, 'Choose a culture.'),
  defaultAddress: addressFields,
});
type BillingFields = z.output<typeof billingFields>;

function checkBilling(billing: BillingFields, rulesFor: CountryRulesLookup) {
  const { country } = billing.defaultAddress;
  const pcRules = rulesFor(country);
  const address = checkAddress(billing.defaultAddress, rulesFor);
  const issues: Issue[] = address.issues.map((issue) => ({
    ...issue,
    path: ['defaultAddress', ...issue.path],
  }));
  const cultureMessage = isPartnerCenterCountry(country)
    ? cultureProblem(country, billing.culture, pcRules)
    : undefined;
  if (cultureMessage) issues.push({ path: ['culture'], message: cultureMessage });
  const culture = canonicalCulture(country, billing.culture, pcRules) ?? billing.culture;
  return {
    issues,
    normalized: {
      ...billing,
      culture,
      // Partner Center wants the two-letter language of the culture (`az-Latn-AZ` → `az`).
      language: languageOfCulture(culture),
      defaultAddress: address.normalized,
    },
  };
}

/**
 * The billing profile a billing-contact edit sends: contact, culture (one the billing country
 * supports) with the language derived from it, and the default address.
 */
export function createBillingProfileSchema(rulesFor: CountryRulesLookup = noRules) {
  return refinedBy(billingFields, (billing) => checkBilling(billing, rulesFor));
}
export type BillingProfileFormInput = z.input<ReturnType<typeof createBillingProfileSchema>>;
export type BillingProfileFormOutput = z.output<ReturnType<typeof createBillingProfileSchema>>;

const ON_MICROSOFT = '.onmicrosoft.com';

/**
 * The initial domain of a new tenant: `contoso` or `contoso.onmicrosoft.com`, the prefix being 1
 * to 27 letters and digits (the emulator's rule, and the length Microsoft's sign-up allows).
 */
export const initialDomainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'Enter the domain prefix for the new tenant, such as contoso.')
  .transform((value) =>
    value.endsWith(ON_MICROSOFT) ? value.slice(0, -ON_MICROSOFT.length) : value,
  )
  .refine((prefix) => /^[a-z0-9]{1,27}$/.test(prefix), {
    message: 'A domain prefix is 1 to 27 letters and digits, without spaces, dots or dashes.',
  })
  .transform((prefix) => `${prefix}${ON_MICROSOFT}`);

/** What a company profile carries on create, before its billing country is known. */
export const companyProfileSchema = z.object({
  domain: initialDomainSchema,
  organizationRegistrationNumber: z
    .string()
    .trim()
    .optional()
    .transform((value) => value || undefined),
});

const customerFields = z.object({
  companyProfile: companyProfileSchema,
  billingProfile: billingFields,
});
type CustomerFields = z.output<typeof customerFields>;

function checkRegistrationNumber(country: string, value: string | undefined) {
  if (!requiresRegistrationNumber(country)) {
    // Partner Center refuses the number elsewhere (600002); a value left over from another
    // country is dropped, not sent, since the field is hidden there.
    return { issues: [], normalized: undefined };
  }
  const result = validateRegistrationNumber(country, value ?? '');
  if (result.valid) return { issues: [], normalized: result.normalized };
  return {
    issues: [{ path: ['organizationRegistrationNumber'], message: result.message }],
    normalized: undefined,
  };
}

function checkCustomer(customer: CustomerFields, rulesFor: CountryRulesLookup) {
  const { country } = customer.billingProfile.defaultAddress;
  const billing = checkBilling(customer.billingProfile, rulesFor);
  const registration = checkRegistrationNumber(
    country,
    customer.companyProfile.organizationRegistrationNumber,
  );
  return {
    issues: [
      ...registration.issues.map((issue) => ({
        ...issue,
        path: ['companyProfile', ...issue.path],
      })),
      ...billing.issues.map((issue) => ({ ...issue, path: ['billingProfile', ...issue.path] })),
    ],
    normalized: {
      companyProfile: {
        domain: customer.companyProfile.domain,
        ...(registration.normalized
          ? { organizationRegistrationNumber: registration.normalized }
          : {}),
      },
      billingProfile: billing.normalized,
    },
  };
}

/**
 * A new customer's company and billing profiles, refined on the billing address country: the
 * registration number (required with its check digits in the 24 countries, dropped elsewhere),
 * the phone, postal code, state and culture. The output is the create request's profiles.
 */
export function createCustomerProfileSchema(rulesFor: CountryRulesLookup = noRules) {
  return refinedBy(customerFields, (customer) => checkCustomer(customer, rulesFor));
}
export type CustomerProfileFormInput = z.input<ReturnType<typeof createCustomerProfileSchema>>;
export type CustomerProfileFormOutput = z.output<ReturnType<typeof createCustomerProfileSchema>>;
