import type { OrganizationProfile } from './organization-profiles.ts';
import type {
  AgreementRecord,
  CustomerListRow,
  CustomerRecord,
  StoredBillingProfile,
} from './store.ts';

/**
 * The wire shapes of PARTNER-CENTER.md's resources, camelCase as Partner Center answers.
 * Resource links are relative and without `/v1`, as Microsoft's documented examples show them;
 * collection links carry `/v1` (clients must resolve both forms as given).
 */

function link(uri: string, method = 'GET', headers: { key: string; value: string }[] = []) {
  return { uri, method, headers };
}

export function companyProfileOf(
  customer: Pick<
    CustomerRecord,
    | 'id'
    | 'domain'
    | 'companyName'
    | 'companyAddress'
    | 'email'
    | 'registrationNumber'
    | 'allowDelegatedAccess'
  >,
) {
  return {
    tenantId: customer.id,
    domain: customer.domain,
    companyName: customer.companyName,
    // Without delegated admin rights Partner Center leaves the address and email out.
    ...(customer.allowDelegatedAccess
      ? { address: customer.companyAddress, ...(customer.email ? { email: customer.email } : {}) }
      : {}),
    ...(customer.registrationNumber
      ? { organizationRegistrationNumber: customer.registrationNumber }
      : {}),
    links: { self: link(`/customers/${customer.id}/profiles/company`) },
    attributes: { objectType: 'CustomerCompanyProfile' },
  };
}

export function billingProfileOf(customerId: string, billing: StoredBillingProfile) {
  const { etag, defaultAddress, ...rest } = billing;
  return {
    ...rest,
    defaultAddress,
    links: { self: link(`/customers/${customerId}/profiles/billing`) },
    attributes: { etag, objectType: 'CustomerBillingProfile' },
  };
}

export function customerOf(customer: CustomerRecord, extras: Record<string, unknown> = {}) {
  return {
    id: customer.id,
    commerceId: customer.commerceId,
    companyProfile: companyProfileOf(customer),
    billingProfile: billingProfileOf(customer.id, customer.billing),
    relationshipToPartner: customer.relationship,
    allowDelegatedAccess: customer.allowDelegatedAccess,
    enableGDAPByDefault: customer.enableGdapByDefault,
    ...(customer.allowDelegatedAccess ? { customDomains: customer.customDomains } : {}),
    tags: customer.tags,
    ...(customer.associatedPartnerId ? { associatedPartnerId: customer.associatedPartnerId } : {}),
    ...extras,
    links: { self: link(`/customers/${customer.id}`) },
    attributes: { objectType: 'Customer' },
  };
}

/** A list item: what the list carries, never `allowDelegatedAccess` (get-by-id only). */
export function customerListItemOf(row: CustomerListRow) {
  return {
    id: row.id,
    commerceId: row.commerceId,
    companyProfile: {
      tenantId: row.id,
      domain: row.domain,
      companyName: row.companyName,
      links: { self: link(`/customers/${row.id}/profiles/company`) },
      attributes: { objectType: 'CustomerCompanyProfile' },
    },
    relationshipToPartner: row.relationship,
    ...(row.tags.length ? { tags: row.tags } : {}),
    ...(row.associatedPartnerId ? { associatedPartnerId: row.associatedPartnerId } : {}),
    links: { self: link(`/customers/${row.id}`) },
    attributes: { objectType: 'Customer' },
  };
}

export function collectionOf(
  items: unknown[],
  totalCount: number,
  selfUri: string,
  next: { uri: string; continuationToken: string } | undefined,
) {
  return {
    totalCount,
    items,
    links: {
      self: link(selfUri),
      ...(next
        ? {
            next: link(next.uri, 'GET', [
              { key: 'MS-ContinuationToken', value: next.continuationToken },
            ]),
          }
        : {}),
    },
    ...(next ? { continuationToken: next.continuationToken } : {}),
    attributes: { objectType: 'Collection' },
  };
}

/** `GET /v1/customers/relationshiprequests`: the invitation link a customer's admin accepts. */
export function relationshipRequestOf(url: string) {
  return { url, attributes: { objectType: 'CustomerRelationshipRequest' } };
}

export function partnerRelationshipOf(
  partner: { id: string; name: string; msPartnerNetworkId: string },
  relationshipType: string,
) {
  return {
    id: partner.id,
    name: partner.name,
    relationshipType,
    state: 'Active',
    msPartnerNetworkId: partner.msPartnerNetworkId,
    attributes: { objectType: 'PartnerRelationship' },
  };
}

export function agreementMetadataOf(template: {
  templateId: string;
  agreementType: string;
  agreementLink: string;
  displayName: string;
  versionRank: number;
}) {
  return { ...template, attributes: { objectType: 'AgreementMetaData' } };
}

export function agreementOf(agreement: AgreementRecord) {
  return {
    primaryContact: agreement.primaryContact,
    dateAgreed: agreement.dateAgreed,
    templateId: agreement.templateId,
    type: agreement.type,
    agreementLink: agreement.agreementLink,
    userId: agreement.userId,
    attributes: { objectType: 'Agreement' },
  };
}

/** `GET /v1/profiles/organization`: the signed-in partner's own profile. */
export function organizationProfileWireOf(profile: OrganizationProfile) {
  const { etag, ...rest } = profile;
  return {
    ...rest,
    links: { self: link('/profiles/organization') },
    attributes: { objectType: 'OrganizationProfile', etag },
  };
}
