import { tenants, type LocalTenant } from '../identity/users.ts';
import { indirectResellers } from './seed.ts';

/**
 * Who sells through whom. Contoso is an indirect provider (a two-tier CSP distributor); its
 * resellers are the partners a customer can be created for (`associatedPartnerId`) and named in a
 * relationship request. Static: Partner Center's partner network is not something the portal
 * edits, and the seed's customers already point at these ids.
 */

export interface PartnerOrganization {
  id: string;
  name: string;
  /** The partner's Microsoft AI Cloud Partner Program (formerly MPN) id. */
  msPartnerNetworkId: string;
}

const [fabrikamId, northwindId, tailspinId] = indirectResellers;

const contosoResellers: readonly PartnerOrganization[] = [
  { id: fabrikamId, name: tenants.fabrikam.displayName, msPartnerNetworkId: '4812273' },
  { id: northwindId, name: 'Northwind Traders CSP', msPartnerNetworkId: '5127904' },
  { id: tailspinId, name: 'Tailspin Toys Solutions', msPartnerNetworkId: '6039418' },
  // A reseller no seeded customer came through, so that its customer list starts empty.
  {
    id: '3e9b6c2d-8f41-4a7e-b5d0-c1a2f7e8d936',
    name: 'Wide World Importers Cloud',
    msPartnerNetworkId: '6384251',
  },
];

const contoso: PartnerOrganization = {
  id: tenants.contoso.id,
  name: tenants.contoso.displayName,
  msPartnerNetworkId: '3651190',
};

const providers: readonly {
  provider: PartnerOrganization;
  resellers: readonly PartnerOrganization[];
}[] = [{ provider: contoso, resellers: contosoResellers }];

/** The caller's indirect resellers (`IsIndirectCloudSolutionProviderOf`); none for most partners. */
export function indirectResellersOf(providerId: string): readonly PartnerOrganization[] {
  const wanted = providerId.toLowerCase();
  return providers.find(({ provider }) => provider.id === wanted)?.resellers ?? [];
}

export function isIndirectResellerOf(providerId: string, resellerId: string): boolean {
  const wanted = resellerId.toLowerCase();
  return indirectResellersOf(providerId).some((reseller) => reseller.id === wanted);
}

/** The providers a reseller sells for (`IsIndirectResellerOf`): the reverse of the table above. */
export function indirectProvidersOf(resellerId: string): readonly PartnerOrganization[] {
  return providers
    .filter(({ provider }) => isIndirectResellerOf(provider.id, resellerId))
    .map(({ provider }) => provider);
}

/** The partner's own tenant, whose domain its customers' addresses must never use. */
export function partnerTenantOf(tenantId: string): LocalTenant | undefined {
  return Object.values(tenants).find((tenant) => tenant.id === tenantId.toLowerCase());
}
