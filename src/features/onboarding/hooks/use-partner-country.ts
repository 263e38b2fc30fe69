import { useOrganizationProfile } from '@/api/partner-center/get-organization-profile';
import { isPartnerCenterCountry, toCountryCode } from '@/countries/countries';

function browserRegion(): string | undefined {
  try {
    return new Intl.Locale(navigator.language).maximize().region;
  } catch {
    return undefined;
  }
}

/**
 * The country a new customer starts in: the partner's own, from its organization profile;
 * the browser's region while that is unknown or when Partner Center cannot say.
 */
export function usePartnerCountry(): { country: string; settled: boolean } {
  const profile = useOrganizationProfile();
  const own = toCountryCode(profile.data?.defaultAddress?.country ?? '');
  if (isPartnerCenterCountry(own)) return { country: own, settled: true };
  const region = toCountryCode(browserRegion() ?? '');
  return {
    country: isPartnerCenterCountry(region) ? region : 'US',
    settled: !profile.isPending,
  };
}
