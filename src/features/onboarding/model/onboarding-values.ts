import { z } from 'zod';
import { addressFieldNames, type AddressFieldName } from '@/forms/address-labels';
import { flatten, type FlatValues } from '@/forms/flat-values';

/**
 * The onboarding form's values as the user holds them: text (where '' means "not given") and
 * two ticks. The same schema reads a draft back, so a draft of another shape or a damaged one
 * restores what it can and leaves the rest empty instead of failing.
 */
const text = z
  .string()
  .optional()
  .catch(undefined)
  .transform((value) => value ?? '');

function tick(fallback: boolean) {
  return z
    .boolean()
    .optional()
    .catch(undefined)
    .transform((value) => value ?? fallback);
}

const addressValues = z
  .object(
    Object.fromEntries(addressFieldNames.map((name) => [name, text])) as Record<
      AddressFieldName,
      typeof text
    >,
  )
  .prefault({});

export const onboardingValuesSchema = z.object({
  /** '' until chosen, 'direct' for the partner's own customer, else an indirect reseller's id. */
  associatedPartner: text,
  companyProfile: z
    .object({
      /** The prefix only: `.onmicrosoft.com` is fixed. */
      domain: text,
      organizationRegistrationNumber: text,
    })
    .prefault({}),
  billingProfile: z
    .object({
      firstName: text,
      lastName: text,
      email: text,
      companyName: text,
      culture: text,
      defaultAddress: addressValues,
    })
    .prefault({}),
  enableGDAPByDefault: tick(true),
  agreement: z
    .object({
      accepted: tick(false),
      /** yyyy-mm-dd, as a date input gives it. */
      dateAgreed: text,
      /** The primary contact is the billing contact unless unticked. */
      contactIsBilling: tick(true),
      firstName: text,
      lastName: text,
      email: text,
      phoneNumber: text,
    })
    .prefault({}),
});
export type OnboardingValues = z.infer<typeof onboardingValuesSchema>;

export const DIRECT_CUSTOMER = 'direct';

export function emptyOnboardingValues(country: string, culture: string): OnboardingValues {
  const values = onboardingValuesSchema.parse({});
  values.billingProfile.defaultAddress.country = country;
  values.billingProfile.culture = culture;
  return values;
}

/** The ticks as 'true'/'false', so the values fit the draft store's flat text records. */
export function flatOnboardingValues(values: OnboardingValues): FlatValues {
  return flatten({
    ...values,
    enableGDAPByDefault: String(values.enableGDAPByDefault),
    agreement: {
      ...values.agreement,
      accepted: String(values.agreement.accepted),
      contactIsBilling: String(values.agreement.contactIsBilling),
    },
  });
}

let knownPaths: ReadonlySet<string> | undefined;

export function onboardingValuesFromFlat(flat: Readonly<FlatValues>): OnboardingValues {
  // Only the form's own fields: a damaged draft's other keys (a group named as a value,
  // "__proto__.x") are dropped rather than let into the values.
  knownPaths ??= new Set(Object.keys(flatOnboardingValues(onboardingValuesSchema.parse({}))));
  const known = knownPaths;
  const nested = unflattenPaths(
    Object.fromEntries(Object.entries(flat).filter(([path]) => known.has(path))),
  );
  const asTick = (value: unknown, fallback: boolean) =>
    value === 'true' ? true : value === 'false' ? false : fallback;
  const agreement = (nested.agreement ?? {}) as Record<string, unknown>;
  return onboardingValuesSchema.parse({
    ...nested,
    enableGDAPByDefault: asTick(nested.enableGDAPByDefault, true),
    agreement: {
      ...agreement,
      accepted: asTick(agreement.accepted, false),
      contactIsBilling: asTick(agreement.contactIsBilling, true),
    },
  });
}

/** Keys that would reach Object.prototype from a draft's paths: never followed. */
const unsafeKeys = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * `{ 'a.b': 'x' }` → `{ a: { b: 'x' } }`. A damaged draft may name a group as a value
 * (`billingProfile: 'x'`) before or after its fields: the fields win, so nothing is lost.
 */
function unflattenPaths(flat: Readonly<Record<string, string>>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(flat)) {
    const parts = path.split('.');
    if (parts.some((part) => unsafeKeys.has(part))) continue;
    let node = root;
    for (const part of parts.slice(0, -1)) {
      const next = node[part];
      if (typeof next !== 'object' || next === null) node[part] = {};
      node = node[part] as Record<string, unknown>;
    }
    const last = parts.at(-1) ?? path;
    if (typeof node[last] !== 'object' || node[last] === null) node[last] = value;
  }
  return root;
}
