import type { Address } from '@/api/partner-center/resources';
import { addressRules } from '@/countries/addresses';
import { countryName, toCountryCode } from '@/countries/countries';
import {
  addressFieldLabel,
  addressFieldNames,
  type AddressFieldName,
} from '@/forms/address-labels';
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

/**
 * Every field of a Partner Center address, each named as the address's country names it (and as
 * the billing form labels it).
 */
export function AddressDetails({ address, label }: { address: Address; label: string }) {
  const rules = addressRules(address.country);
  const term = (field: AddressFieldName) => addressFieldLabel(field, rules);
  const text = (field: Exclude<AddressFieldName, 'country'>) => (
    <DetailRow key={field} term={term(field)}>
      <Untrusted value={address[field]} />
    </DetailRow>
  );
  return (
    <DetailList label={label}>
      {/* Country first, as the form asks for it. */}
      {addressFieldNames.map((field) =>
        field === 'country' ? (
          <DetailRow key={field} term={term(field)}>
            <Country country={address.country} />
          </DetailRow>
        ) : (
          text(field)
        ),
      )}
    </DetailList>
  );
}
