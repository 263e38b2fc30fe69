import { z } from 'zod';
import { badRequest, errorCodes } from './errors.ts';

/**
 * What the emulator accepts on the wire. Partner Center binds JSON keys case-insensitively
 * (Microsoft's own examples send PascalCase, its SDK camelCase), so keys are first bound to
 * their canonical camelCase names, then the shapes below validate them.
 */

const optionalText = (max: number) => z.string().max(max).nullish();
const requiredText = (max: number) => z.string().trim().min(1).max(max);

export const addressSchema = z.object({
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166 two-letter country code')
    .transform((code) => code.toUpperCase()),
  region: optionalText(100),
  city: optionalText(100),
  state: optionalText(100),
  addressLine1: requiredText(200),
  addressLine2: optionalText(200),
  addressLine3: optionalText(200),
  postalCode: optionalText(20),
  firstName: requiredText(50),
  lastName: requiredText(50),
  middleName: optionalText(50),
  phoneNumber: optionalText(25),
  district: optionalText(100),
});
export type WireAddress = z.infer<typeof addressSchema>;

const email = z.string().trim().max(254).pipe(z.email('must be an email address'));
const culture = z
  .string()
  .trim()
  .regex(/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i, 'must be a culture such as en-US');
const language = z
  .string()
  .trim()
  .regex(/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i, 'must be a language code such as en');

const attributesSchema = z
  .object({ objectType: z.string().nullish(), etag: z.string().nullish() })
  .nullish();

export const billingProfileSchema = z.object({
  id: z.string().nullish(),
  firstName: optionalText(50),
  lastName: optionalText(50),
  email,
  culture,
  language,
  companyName: requiredText(256),
  defaultAddress: addressSchema,
  attributes: attributesSchema,
});
export type WireBillingProfile = z.infer<typeof billingProfileSchema>;

export const createCustomerSchema = z.object({
  companyProfile: z.object({
    domain: z.string().trim().min(1).max(253),
    organizationRegistrationNumber: z.string().max(64).nullish(),
    companyName: optionalText(256),
    email: email.nullish(),
  }),
  billingProfile: billingProfileSchema,
  enableGDAPByDefault: z.boolean().nullish(),
  associatedPartnerId: z.guid('must be a partner tenant id (a GUID)').nullish(),
});
export type WireCreateCustomer = z.infer<typeof createCustomerSchema>;

export const removeRelationshipSchema = z.object({
  relationshipToPartner: z.string().refine((value) => value.toLowerCase() === 'none', {
    message: 'can only be set to "none" (removing the reseller relationship)',
  }),
  attributes: attributesSchema,
});

export const filterSchema = z.object({
  field: z.string(),
  value: z.string().max(256),
  operator: z.string(),
});

/** A date, or a date and time; without a zone it is taken as UTC, as Partner Center records it. */
const isoDateTime =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

function zoneOffsetMinutes(zone: string): number {
  if (zone.toUpperCase() === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
}

/** The moment an ISO 8601 date or date-time names, or undefined for anything else (2026-02-30). */
export function instantOf(text: string): Date | undefined {
  const match = isoDateTime.exec(text.trim());
  if (!match) return undefined;
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = match
    .slice(1, 7)
    .map((part) => Number(part ?? 0));
  const milliseconds = Math.floor(Number(`0.${match[7] ?? '0'}`) * 1000);
  const local = Date.UTC(year, month - 1, day, hour, minute, second, milliseconds);
  const date = new Date(local);
  // Date.UTC rolls 30 February over into March: a date that does not round-trip does not exist.
  const exists =
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    hour < 24 &&
    minute < 60 &&
    second < 60;
  const offset = zoneOffsetMinutes(match[8] ?? 'Z');
  // Real zones lie within UTC-12 and UTC+14.
  if (!exists || Math.abs(offset) > 14 * 60) return undefined;
  return new Date(local - offset * 60_000);
}

const agreementContactSchema = z.object({
  firstName: requiredText(50),
  lastName: requiredText(50),
  email,
  phoneNumber: optionalText(25),
});

export const agreementSchema = z.object({
  primaryContact: agreementContactSchema,
  dateAgreed: z
    .string()
    .trim()
    .transform((text, context) => {
      const instant = instantOf(text);
      if (!instant) {
        context.addIssue({
          code: 'custom',
          message: 'must be a UTC date and time such as 2026-11-24T09:30:00Z (or a date)',
        });
        return z.NEVER;
      }
      return instant;
    }),
  templateId: z.string().trim().min(1).max(64),
  type: z.string().trim().min(1).max(64),
  agreementLink: z.url('must be a URL').max(2048).nullish(),
  attributes: attributesSchema,
});
export type WireAgreement = z.infer<typeof agreementSchema>;

export const addressValidationSchema = z.object({
  addressLine1: optionalText(200),
  addressLine2: optionalText(200),
  addressLine3: optionalText(200),
  city: optionalText(100),
  state: optionalText(100),
  postalCode: optionalText(20),
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166 two-letter country code')
    .transform((code) => code.toUpperCase()),
});

/** Every key any request body may carry, by its lower-case spelling. */
const canonicalKeys = new Map<string, string>(
  [
    ...Object.keys(addressSchema.shape),
    ...Object.keys(billingProfileSchema.shape),
    ...Object.keys(createCustomerSchema.shape),
    ...Object.keys(createCustomerSchema.shape.companyProfile.shape),
    ...Object.keys(removeRelationshipSchema.shape),
    ...Object.keys(filterSchema.shape),
    ...Object.keys(addressValidationSchema.shape),
    ...Object.keys(agreementSchema.shape),
    ...Object.keys(agreementContactSchema.shape),
    'objectType',
    'etag',
    'links',
  ].map((key) => [key.toLowerCase(), key]),
);

/** Rewrites keys to their canonical spelling; two spellings of one key are refused. */
export function bindKeys(value: unknown, path = ''): unknown {
  if (Array.isArray(value)) return value.map((item, index) => bindKeys(item, `${path}[${index}]`));
  if (value === null || typeof value !== 'object') return value;
  const bound: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const canonical = canonicalKeys.get(key.toLowerCase()) ?? key;
    const where = path ? `${path}.${canonical}` : canonical;
    if (Object.hasOwn(bound, canonical)) {
      throw badRequest(
        `The property ${where} appears twice (keys are case-insensitive).`,
        errorCodes.invalidProperty,
        [where],
      );
    }
    bound[canonical] = bindKeys(item, where);
  }
  return bound;
}

/** Binds and validates a body, turning the first problem into Partner Center's 400. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  if (body === undefined || body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw badRequest(`The request body must be a JSON object (${what}).`);
  }
  const parsed = schema.safeParse(bindKeys(body), { reportInput: true });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.join('.') || what;
  const missing = issue?.code === 'invalid_type' && issue.input === undefined;
  throw badRequest(
    missing
      ? `The property ${where} is required.`
      : `The property ${where} ${describeIssue(issue)}.`,
    errorCodes.invalidProperty,
    [where],
  );
}

function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'is not valid';
  switch (issue.code) {
    case 'invalid_type':
      return `must be ${issue.expected === 'string' ? 'text' : `a ${issue.expected}`}`;
    case 'too_small':
      return issue.origin === 'string' ? 'must not be empty' : `is too small`;
    case 'too_big':
      return issue.origin === 'string'
        ? `must be at most ${String(issue.maximum)} characters`
        : 'is too large';
    default:
      return issue.message.startsWith('must') ? issue.message : `is not valid (${issue.message})`;
  }
}
