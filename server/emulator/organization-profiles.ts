import { createHash } from 'node:crypto';
import { tenants, type LocalTenant } from '../identity/users.ts';

/**
 * The signed-in partner's own organization profile (`GET /v1/profiles/organization`). Static,
 * like the partner network in partner-relationships.ts: the portal only reads it. Each address
 * passes the emulator's own address validation and each phone number its phone rules, so a
 * client may reuse them as they are (the tests hold them to that).
 */

export interface OrganizationAddress {
  country: string;
  city: string;
  /** Only where the country has states (not in GB). */
  state?: string;
  addressLine1: string;
  postalCode: string;
  firstName: string;
  lastName: string;
  phoneNumber: string;
}

export interface OrganizationProfile {
  /** The partner tenant's id; Partner Center repeats it as `tenantId`. */
  id: string;
  companyName: string;
  tenantId: string;
  domain: string;
  email: string;
  language: string;
  culture: string;
  defaultAddress: OrganizationAddress;
  /** Stable: it changes only when the data below does. */
  etag: string;
}

type ProfileData = Omit<OrganizationProfile, 'id' | 'tenantId' | 'companyName' | 'domain' | 'etag'>;

function profileOf(tenant: LocalTenant, data: ProfileData): OrganizationProfile {
  const profile = {
    id: tenant.id,
    companyName: tenant.displayName,
    tenantId: tenant.id,
    domain: tenant.domain,
    ...data,
  };
  const etag = createHash('sha256').update(JSON.stringify(profile)).digest('hex').slice(0, 16);
  return { ...profile, etag };
}

const profiles: readonly OrganizationProfile[] = [
  profileOf(tenants.contoso, {
    email: 'partners@contoso.example',
    language: 'en',
    culture: 'en-US',
    defaultAddress: {
      country: 'US',
      city: 'Redmond',
      state: 'WA',
      addressLine1: '1 Contoso Way',
      postalCode: '98052',
      firstName: 'Adele',
      lastName: 'Vance',
      phoneNumber: '+14255550100',
    },
  }),
  profileOf(tenants.fabrikam, {
    email: 'partners@fabrikam.example',
    language: 'en',
    culture: 'en-GB',
    defaultAddress: {
      country: 'GB',
      city: 'London',
      addressLine1: '1 Fabrikam Street',
      // London's code in the emulator's gazetteer (seed-countries.ts): any other is answered
      // with a suggestion by POST /v1/validations/address.
      postalCode: 'SW1A 2AA',
      firstName: 'Isaiah',
      lastName: 'Langer',
      // Ofcom's range for drama (020 7946 0000–0999): valid, and nobody's.
      phoneNumber: '+442079460000',
    },
  }),
  profileOf(tenants.tailspin, {
    email: 'partners@tailspin.example',
    language: 'de',
    culture: 'de-DE',
    defaultAddress: {
      country: 'DE',
      city: 'Berlin',
      addressLine1: 'Unter den Linden 77',
      postalCode: '10117',
      firstName: 'Lidia',
      lastName: 'Holloway',
      phoneNumber: '+493012345678',
    },
  }),
];

/** The partner tenant's profile; undefined for a tenant the emulator has no profile for. */
export function organizationProfileOf(tenantId: string): OrganizationProfile | undefined {
  const wanted = tenantId.toLowerCase();
  return profiles.find((profile) => profile.id === wanted);
}

/** Every profile, for tests. */
export const organizationProfiles: readonly OrganizationProfile[] = profiles;
