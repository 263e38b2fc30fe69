import { z } from 'zod';
import { knownRelationships } from './known-relationships';

/**
 * The wire contract with Partner Center (PARTNER-CENTER.md), camelCase as it answers.
 *
 * Response schemas are deliberately tolerant: loose objects keep fields we do not model (the
 * billing PUT must send the whole resource back, and Microsoft adds fields without notice),
 * and `null` is read as "absent" because the real API serialises empty optional properties as
 * null where the emulator leaves them out. Request schemas are plain objects: we write them.
 */

/** Optional on the wire, and `null` means the same as absent. */
function absent<T extends z.ZodType>(schema: T) {
  return schema
    .nullish()
    .transform((value) => value ?? undefined)
    .optional();
}

/** A list Partner Center may leave out or send as null: read both as empty. */
function list<T extends z.ZodType>(item: T) {
  return z
    .array(item)
    .nullish()
    .transform((items) => items ?? []);
}

/** A flag Partner Center may leave out: the server checks again, so "not required" is safe. */
const flag = z
  .boolean()
  .nullish()
  .transform((value) => value ?? false);

// ---------------------------------------------------------------------------------------------
// Links and attributes

export const linkHeaderSchema = z.looseObject({ key: z.string(), value: z.string() });

export const linkSchema = z.looseObject({
  uri: z.string(),
  method: absent(z.string()),
  headers: absent(z.array(linkHeaderSchema)),
});
export type Link = z.infer<typeof linkSchema>;

export const linksSchema = z.looseObject({
  self: absent(linkSchema),
  next: absent(linkSchema),
  previous: absent(linkSchema),
});
export type Links = z.infer<typeof linksSchema>;

export const attributesSchema = z.looseObject({
  objectType: absent(z.string()),
  etag: absent(z.string()),
});
export type Attributes = z.infer<typeof attributesSchema>;

// ---------------------------------------------------------------------------------------------
// Addresses and profiles

export const addressSchema = z.looseObject({
  country: z.string(),
  region: absent(z.string()),
  // Optional although the docs call it required: countries without cities (Singapore) come
  // back without one, and one such customer must not break a whole page.
  city: absent(z.string()),
  state: absent(z.string()),
  addressLine1: z.string(),
  addressLine2: absent(z.string()),
  addressLine3: absent(z.string()),
  postalCode: absent(z.string()),
  firstName: absent(z.string()),
  middleName: absent(z.string()),
  lastName: absent(z.string()),
  phoneNumber: absent(z.string()),
  district: absent(z.string()),
});
export type Address = z.infer<typeof addressSchema>;

export const companyProfileSchema = z.looseObject({
  tenantId: z.string(),
  domain: z.string(),
  // Old tenants can lack a company name; an empty name still lists the customer by domain.
  companyName: z
    .string()
    .nullish()
    .transform((name) => name ?? ''),
  // Left out without delegated admin rights (PARTNER-CENTER.md, "get").
  address: absent(addressSchema),
  email: absent(z.string()),
  organizationRegistrationNumber: absent(z.string()),
  links: absent(linksSchema),
  attributes: absent(attributesSchema),
});
export type CompanyProfile = z.infer<typeof companyProfileSchema>;

const billingProfileFields = {
  id: absent(z.string()),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  culture: z.string(),
  language: z.string(),
  companyName: z.string(),
  defaultAddress: addressSchema,
  links: absent(linksSchema),
};

/**
 * The billing profile as `GET /profiles/billing` answers it. The etag is required here because
 * the update must carry it (If-Match and attributes.etag); a profile without one cannot be
 * edited safely, so it is better refused at parse time than overwritten blindly.
 */
export const billingProfileSchema = z.looseObject({
  ...billingProfileFields,
  attributes: attributesSchema.extend({ etag: z.string().min(1) }),
});
export type BillingProfile = z.infer<typeof billingProfileSchema>;

/** The copy embedded in a customer: shown, never sent back, so its etag is not insisted on. */
export const embeddedBillingProfileSchema = z.looseObject({
  ...billingProfileFields,
  attributes: absent(attributesSchema),
});
export type EmbeddedBillingProfile = z.infer<typeof embeddedBillingProfileSchema>;

// ---------------------------------------------------------------------------------------------
// Customers

/** Any string: a new relationship type must show as "unknown" in a row, not fail the page. */
export const relationshipSchema = z.union([z.enum(knownRelationships), z.string()]);
export type Relationship = z.infer<typeof relationshipSchema>;

export const userCredentialsSchema = z.looseObject({
  userName: z.string(),
  password: z.string(),
});
export type UserCredentials = z.infer<typeof userCredentialsSchema>;

export const customerSchema = z.looseObject({
  id: z.string(),
  commerceId: absent(z.string()),
  companyProfile: companyProfileSchema,
  billingProfile: absent(embeddedBillingProfileSchema),
  relationshipToPartner: relationshipSchema.nullish().transform((value) => value ?? 'unknown'),
  // Returned by get-by-id only; a list item without it says nothing about delegated access.
  allowDelegatedAccess: absent(z.boolean()),
  enableGDAPByDefault: absent(z.boolean()),
  customDomains: absent(z.array(z.string())),
  tags: absent(z.array(z.string())),
  associatedPartnerId: absent(z.string()),
  userCredentials: absent(userCredentialsSchema),
  links: absent(linksSchema),
  attributes: absent(attributesSchema),
});
export type Customer = z.infer<typeof customerSchema>;

/**
 * A list item as the list reads it: the fields its rows are made of, each checked by the
 * customer schema's own field schema, and nothing else kept. Checked and copied whole (address,
 * links, attributes and unknown fields), a page of 500 took the main thread ~10 ms that the
 * crawl's next page waited for, and its copies were most of the crawl's garbage.
 */
export const customerListItemSchema = z.object({
  ...customerSchema.pick({
    id: true,
    commerceId: true,
    relationshipToPartner: true,
    tags: true,
    associatedPartnerId: true,
  }).shape,
  companyProfile: z.object(
    companyProfileSchema.pick({ tenantId: true, domain: true, companyName: true }).shape,
  ),
});
export type CustomerListItem = z.infer<typeof customerListItemSchema>;

export const customerCollectionSchema = z.looseObject({
  // Some responses leave the count out; a pager must not depend on it.
  totalCount: absent(z.number()),
  items: list(customerListItemSchema),
  links: z
    .looseObject({ self: absent(linkSchema), next: absent(linkSchema) })
    .nullish()
    .transform((links) => links ?? {}),
  continuationToken: absent(z.string()),
  attributes: absent(attributesSchema),
});
export type CustomerCollection = z.infer<typeof customerCollectionSchema>;

const CONTINUATION_HEADER = 'ms-continuationtoken';

/**
 * The request for the next page, or undefined on the last page. The next link is used as
 * given: its query (size, seekOperation) is Partner Center's to choose.
 */
export function nextPageOf(
  collection: Pick<CustomerCollection, 'links' | 'continuationToken'>,
): { uri: string; continuationToken: string | undefined } | undefined {
  const fromHeader = collection.links.next?.headers
    ?.find((header) => header.key.toLowerCase() === CONTINUATION_HEADER)
    ?.value.trim();
  const continuationToken = fromHeader || collection.continuationToken?.trim() || undefined;
  const next = collection.links.next?.uri.trim();
  if (next) return { uri: next, continuationToken };
  // Unconfirmed: a page may carry the token in its body only. Without the seek request built
  // from the self link, the rest of the list would silently go missing.
  const self = collection.links.self?.uri.trim();
  if (!continuationToken || !self) return undefined;
  return { uri: withSeekNext(self), continuationToken };
}

function withSeekNext(uri: string): string {
  const queryAt = uri.indexOf('?');
  const path = queryAt < 0 ? uri : uri.slice(0, queryAt);
  const query = new URLSearchParams(queryAt < 0 ? '' : uri.slice(queryAt + 1));
  for (const key of [...query.keys()]) {
    if (key.toLowerCase() === 'seekoperation') query.delete(key);
  }
  query.set('seekOperation', 'Next');
  return `${path}?${query.toString()}`;
}

/**
 * A link's uri as a path under the API base (which has no `/v1` of its own).
 *
 * Partner Center gives resource links without `/v1` and collection links with it. Microsoft's
 * PowerShell module appends every link to a base that already ends in `/v1`, and so requests
 * `/v1/v1/customers?...` for the next page: the prefix is added exactly once here, and a
 * doubled one is collapsed. Absolute URLs keep only their path and query, so a link can never
 * send the user's token to another host.
 */
export function resolveApiPath(uri: string): string {
  let path = uri.trim();
  if (/^([a-z][a-z\d+.-]*:)?\/\//i.test(path)) {
    try {
      const url = new URL(path, 'https://api.invalid');
      path = `${url.pathname}${url.search}`;
    } catch {
      // A malformed absolute URL falls through and is treated as a path; the API will refuse it.
    }
  }
  if (!path.startsWith('/')) path = `/${path}`;
  while (/^\/v1\/v1(?=[/?#]|$)/i.test(path)) path = path.slice(3);
  if (/^\/v1(?=[/?#]|$)/i.test(path)) return `/v1${path.slice(3)}`;
  return `/v1${path}`;
}

// ---------------------------------------------------------------------------------------------
// Requests the portal sends

/** An address as the portal sends it; the server binds and checks it again. */
export const addressInputSchema = z.object({
  country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166 two-letter country code'),
  region: z.string().optional(),
  city: z.string().optional(),
  state: z.string().optional(),
  addressLine1: z.string().min(1),
  addressLine2: z.string().optional(),
  addressLine3: z.string().optional(),
  postalCode: z.string().optional(),
  firstName: z.string().min(1),
  middleName: z.string().optional(),
  lastName: z.string().min(1),
  phoneNumber: z.string().optional(),
  district: z.string().optional(),
});
export type AddressInput = z.infer<typeof addressInputSchema>;

export const createCustomerRequestSchema = z.object({
  companyProfile: z.object({
    domain: z.string().min(1),
    companyName: z.string().optional(),
    email: z.string().optional(),
    // Sent only where the country requires it: elsewhere Partner Center refuses it (600002).
    organizationRegistrationNumber: z.string().optional(),
  }),
  billingProfile: z.object({
    firstName: z.string().min(1),
    lastName: z.string().min(1),
    email: z.string().min(1),
    culture: z.string().min(1),
    language: z.string().min(1),
    companyName: z.string().min(1),
    defaultAddress: addressInputSchema,
  }),
  enableGDAPByDefault: z.boolean().optional(),
  associatedPartnerId: z.string().optional(),
});
export type CreateCustomerRequest = z.infer<typeof createCustomerRequestSchema>;

/** A part of a 201 that is shown, never relied on: odd or missing, it must not fail the create. */
function lenient<T extends z.ZodType>(schema: T) {
  return schema.optional().catch(undefined);
}

/**
 * The create answer: the only time Partner Center ever returns the first admin password. A 201
 * is a success whatever else its body holds: Microsoft's own documented response has no company
 * name in the company profile and the billing names only in `defaultAddress`, so everything but
 * the customer's id and the credentials is read leniently, and a body without them still says
 * "created" (with the id from the company profile's tenant, or none at all).
 */
export const createdCustomerSchema = z
  .looseObject({
    id: lenient(z.string().trim().min(1)),
    commerceId: lenient(z.string()),
    companyProfile: lenient(
      z.looseObject({
        tenantId: lenient(z.string().trim().min(1)),
        domain: lenient(z.string()),
        companyName: lenient(z.string()),
      }),
    ),
    billingProfile: lenient(
      z.looseObject({
        companyName: lenient(z.string()),
        email: lenient(z.string()),
      }),
    ),
    relationshipToPartner: lenient(z.string()),
    associatedPartnerId: lenient(z.string()),
    userCredentials: lenient(userCredentialsSchema),
  })
  // Not even an object (an empty or HTML body): still a 201, with nothing to read from it.
  .catch({})
  .transform((body) => ({
    customerId: body.id ?? body.companyProfile?.tenantId,
    domain: body.companyProfile?.domain,
    companyName: body.billingProfile?.companyName ?? body.companyProfile?.companyName,
    associatedPartnerId: body.associatedPartnerId,
    credentials: body.userCredentials,
  }));
export type CreatedCustomer = z.output<typeof createdCustomerSchema>;

/** The signed-in partner's own organization (`GET /v1/profiles/organization`). */
export const organizationProfileSchema = z.looseObject({
  id: absent(z.string()),
  companyName: absent(z.string()),
  tenantId: absent(z.string()),
  domain: absent(z.string()),
  culture: absent(z.string()),
  defaultAddress: absent(z.looseObject({ country: absent(z.string()) })),
});
export type OrganizationProfile = z.infer<typeof organizationProfileSchema>;

// ---------------------------------------------------------------------------------------------
// Onboarding: reseller relationship requests, indirect resellers, the customer agreement

/** `GET /v1/customers/relationshiprequests`: the link an existing customer accepts. */
export const relationshipRequestSchema = z.looseObject({
  url: z.string().trim().min(1),
  attributes: absent(attributesSchema),
});
export type RelationshipRequest = z.infer<typeof relationshipRequestSchema>;

/** One of an indirect provider's resellers (`IsIndirectCloudSolutionProviderOf`). */
export const partnerRelationshipSchema = z.looseObject({
  id: z.string().trim().min(1),
  name: z
    .string()
    .nullish()
    .transform((name) => name ?? ''),
  relationshipType: absent(z.string()),
  state: absent(z.string()),
  msPartnerNetworkId: absent(z.string()),
  attributes: absent(attributesSchema),
});
export type PartnerRelationship = z.infer<typeof partnerRelationshipSchema>;

export const partnerRelationshipCollectionSchema = z.looseObject({
  totalCount: absent(z.number()),
  items: list(partnerRelationshipSchema),
});

/** The agreement's current template (`GET /v1/agreements?agreementType=…`). */
export const agreementMetadataSchema = z.looseObject({
  templateId: z.string().trim().min(1),
  agreementType: absent(z.string()),
  agreementLink: absent(z.string()),
  displayName: absent(z.string()),
  versionRank: absent(z.number()),
});
export type AgreementMetadata = z.infer<typeof agreementMetadataSchema>;

export const agreementMetadataCollectionSchema = z.looseObject({
  items: list(agreementMetadataSchema),
});

export const agreementContactSchema = z.object({
  firstName: z.string().min(1),
  lastName: z.string().min(1),
  email: z.string().min(1),
  phoneNumber: z.string().optional(),
});

/** What the portal sends to attest that the customer accepted the agreement. */
export const agreementRequestSchema = z.object({
  primaryContact: agreementContactSchema,
  /** UTC, never in the future. */
  dateAgreed: z.string().min(1),
  templateId: z.string().min(1),
  type: z.literal('MicrosoftCustomerAgreement'),
  agreementLink: z.string().optional(),
});
export type AgreementRequest = z.infer<typeof agreementRequestSchema>;

export const agreementSchema = z.looseObject({
  primaryContact: absent(z.looseObject({ email: absent(z.string()) })),
  dateAgreed: absent(z.string()),
  templateId: absent(z.string()),
  type: absent(z.string()),
  userId: absent(z.string()),
});
export type Agreement = z.infer<typeof agreementSchema>;

export const agreementCollectionSchema = z.looseObject({ items: list(agreementSchema) });

// ---------------------------------------------------------------------------------------------
// Reference data

export const addressValidationRequestSchema = z.object({
  addressLine1: z.string().optional(),
  addressLine2: z.string().optional(),
  addressLine3: z.string().optional(),
  city: z.string().optional(),
  state: z.string().optional(),
  postalCode: z.string().optional(),
  country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166 two-letter country code'),
});
export type AddressValidationRequest = z.infer<typeof addressValidationRequestSchema>;

/** The statuses Microsoft documents; others may appear and are treated as "not verified". */
export const knownAddressValidationStatuses = [
  'VerifiedShippable',
  'Verified',
  'InteractionRequired',
  'StreetPartial',
  'PremisesPartial',
  'Multiple',
  'None',
  'NotValidated',
] as const;
export type KnownAddressValidationStatus = (typeof knownAddressValidationStatuses)[number];

/** The address echoed or suggested by validation: a street may be what is missing. */
export const validatedAddressSchema = z.looseObject({
  country: z.string(),
  addressLine1: absent(z.string()),
  addressLine2: absent(z.string()),
  addressLine3: absent(z.string()),
  city: absent(z.string()),
  state: absent(z.string()),
  postalCode: absent(z.string()),
});
export type ValidatedAddress = z.infer<typeof validatedAddressSchema>;

export const addressValidationResponseSchema = z.looseObject({
  originalAddress: absent(validatedAddressSchema),
  suggestedAddresses: list(validatedAddressSchema),
  status: z.union([z.enum(knownAddressValidationStatuses), z.string()]),
  validationMessage: absent(z.string()),
});
export type AddressValidationResponse = z.infer<typeof addressValidationResponseSchema>;

/** A pattern Partner Center sends empty or null when the country has no such format. */
const pattern = z
  .string()
  .nullish()
  .transform((source) => source || undefined)
  .optional();

export const countryValidationRulesSchema = z.looseObject({
  iso2Code: z.string(),
  defaultCulture: absent(z.string()),
  isStateRequired: flag,
  supportedStatesList: list(z.string()),
  supportedLanguagesList: list(z.string()),
  supportedCulturesList: list(z.string()),
  isPostalCodeRequired: flag,
  postalCodeRegex: pattern,
  isCityRequired: flag,
  isVatIdSupported: flag,
  phoneNumberRegex: pattern,
  // The emulator's documented extras; Partner Center states these rules only in its errors.
  isPhoneNumberRequired: flag,
  isRegistrationNumberRequired: flag,
  registrationNumberRegex: pattern,
});
export type CountryValidationRules = z.infer<typeof countryValidationRulesSchema>;
