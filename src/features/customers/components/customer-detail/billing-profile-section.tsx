import type { EmbeddedBillingProfile } from '@/api/partner-center/resources';
import { AddressDetails } from '@/features/customers/components/customer-detail/address-details';
import { languageName } from '@/features/customers/components/customer-detail/detail-labels';
import {
  DetailList,
  DetailRow,
  NotSet,
  Secondary,
  SubHeading,
  Untrusted,
} from '@/features/customers/components/customer-detail/detail-list';
import { ResourceMetadata } from '@/features/customers/components/customer-detail/resource-metadata';

function LanguageTag({ tag }: { tag: string }) {
  if (!tag.trim()) return <NotSet />;
  const name = languageName(tag);
  return (
    <>
      <Untrusted value={tag} code />
      {name && <Secondary> ({name})</Secondary>}
    </>
  );
}

/** The billing profile as the dedicated request or the customer's embedded copy gives it. */
export function BillingProfileDetails({ profile }: { profile: EmbeddedBillingProfile }) {
  return (
    <>
      <DetailList label="Billing profile">
        <DetailRow term="Billing profile ID">
          <Untrusted value={profile.id} code />
        </DetailRow>
        <DetailRow term="First name">
          <Untrusted value={profile.firstName} />
        </DetailRow>
        <DetailRow term="Last name">
          <Untrusted value={profile.lastName} />
        </DetailRow>
        <DetailRow term="Email">
          <Untrusted value={profile.email} />
        </DetailRow>
        <DetailRow term="Culture">
          <LanguageTag tag={profile.culture} />
        </DetailRow>
        <DetailRow term="Language">
          <LanguageTag tag={profile.language} />
        </DetailRow>
        <DetailRow term="Company name">
          <Untrusted value={profile.companyName} />
        </DetailRow>
      </DetailList>
      <SubHeading>Default address</SubHeading>
      <AddressDetails address={profile.defaultAddress} label="Billing default address" />
      <SubHeading>Links and attributes</SubHeading>
      <ResourceMetadata
        links={profile.links}
        attributes={profile.attributes}
        label="Billing profile links and attributes"
      />
    </>
  );
}
