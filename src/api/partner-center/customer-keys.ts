import type { CustomerListFilter } from './customer-list-filter';

/** Query keys for customers, broad to narrow, so one invalidation reaches everything below it. */
export const customerKeys = {
  all: ['customers'] as const,
  lists: () => [...customerKeys.all, 'list'] as const,
  list: (filter: CustomerListFilter) => [...customerKeys.lists(), filter] as const,
  details: () => [...customerKeys.all, 'detail'] as const,
  detail: (customerId: string) => [...customerKeys.details(), customerId] as const,
  companyProfile: (customerId: string) =>
    [...customerKeys.detail(customerId), 'company-profile'] as const,
  billingProfile: (customerId: string) =>
    [...customerKeys.detail(customerId), 'billing-profile'] as const,
  agreements: (customerId: string) => [...customerKeys.detail(customerId), 'agreements'] as const,
};

/** Reference data that does not belong to one customer. */
export const referenceKeys = {
  all: ['reference'] as const,
  countryRules: (country: string) =>
    [...referenceKeys.all, 'country-rules', country.toUpperCase()] as const,
  domain: (domain: string) => [...referenceKeys.all, 'domain', domain.toLowerCase()] as const,
  addressValidation: (address: object) =>
    [...referenceKeys.all, 'address-validation', address] as const,
  relationshipRequest: (indirectResellerId: string | undefined) =>
    [...referenceKeys.all, 'relationship-request', indirectResellerId ?? 'direct'] as const,
  indirectResellers: () => [...referenceKeys.all, 'indirect-resellers'] as const,
  agreementTemplate: () => [...referenceKeys.all, 'agreement-template'] as const,
  organizationProfile: () => [...referenceKeys.all, 'organization-profile'] as const,
};
