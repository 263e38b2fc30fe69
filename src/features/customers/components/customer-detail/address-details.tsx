import type { Address } from '@/api/partner-center/resources';
import { countryName, toCountryCode } from '@/countries/countries';
import {
  DetailList,
  DetailRow,
  NotSet,
  Secondary,
  Untrusted,
} from '@/features/customers/components/customer-detail/detail-list';

function Country({ country }: { country: string }) {
  const code = toCountryCode(country);
  if (!country.trim()) return <NotSet />;
  // Unreadable codes are shown as they came: Partner Center is the authority, not our list.
  if (!code) return <Untrusted value={country} />;
  return (
    <>
      {countryName(code)} <Secondary>({code})</Secondary>
    </>
  );
}

/** Every field of a Partner Center address, in the order a postal form asks for them. */
export function AddressDetails({ address, label }: { address: Address; label: string }) {
  return (
    <DetailList label={label}>
      <DetailRow term="Address line 1">
        <Untrusted value={address.addressLine1} />
      </DetailRow>
      <DetailRow term="Address line 2">
        <Untrusted value={address.addressLine2} />
      </DetailRow>
      <DetailRow term="Address line 3">
        <Untrusted value={address.addressLine3} />
      </DetailRow>
      <DetailRow term="City">
        <Untrusted value={address.city} />
      </DetailRow>
      <DetailRow term="District">
        <Untrusted value={address.district} />
      </DetailRow>
      <DetailRow term="State or province">
        <Untrusted value={address.state} />
      </DetailRow>
      <DetailRow term="Postal code">
        <Untrusted value={address.postalCode} />
      </DetailRow>
      <DetailRow term="Region">
        <Untrusted value={address.region} />
      </DetailRow>
      <DetailRow term="Country">
        <Country country={address.country} />
      </DetailRow>
      <DetailRow term="First name">
        <Untrusted value={address.firstName} />
      </DetailRow>
      <DetailRow term="Middle name">
        <Untrusted value={address.middleName} />
      </DetailRow>
      <DetailRow term="Last name">
        <Untrusted value={address.lastName} />
      </DetailRow>
      <DetailRow term="Phone number">
        <Untrusted value={address.phoneNumber} />
      </DetailRow>
    </DetailList>
  );
}
