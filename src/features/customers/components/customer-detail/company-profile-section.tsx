import { Body1 } from '@fluentui/react-components';
import type { CompanyProfile } from '@/api/partner-center/resources';
import { AddressDetails } from '@/features/customers/components/customer-detail/address-details';
import {
  DetailList,
  DetailRow,
  NotSet,
  NotShown,
  SubHeading,
  Untrusted,
} from '@/features/customers/components/customer-detail/detail-list';
import { ResourceMetadata } from '@/features/customers/components/customer-detail/resource-metadata';
import { withheldNotes } from '@/features/customers/components/customer-detail/withheld-notes';

export function CompanyProfileDetails({
  profile,
  allowDelegatedAccess,
}: {
  profile: CompanyProfile;
  /** False when Partner Center withholds the address and email (no delegated admin rights). */
  allowDelegatedAccess: boolean | undefined;
}) {
  const withheld = allowDelegatedAccess === false;
  return (
    <>
      <DetailList label="Company profile">
        <DetailRow term="Tenant ID">
          <Untrusted value={profile.tenantId} code />
        </DetailRow>
        <DetailRow term="Domain">
          <Untrusted value={profile.domain} />
        </DetailRow>
        <DetailRow term="Company name">
          <Untrusted value={profile.companyName} />
        </DetailRow>
        <DetailRow term="Email">
          {profile.email === undefined && withheld ? (
            <NotShown>{withheldNotes.email}</NotShown>
          ) : (
            <Untrusted value={profile.email} />
          )}
        </DetailRow>
        <DetailRow term="Organization registration number">
          <Untrusted value={profile.organizationRegistrationNumber} />
        </DetailRow>
      </DetailList>
      <SubHeading>Address</SubHeading>
      {profile.address ? (
        <AddressDetails address={profile.address} label="Company address" />
      ) : (
        <Body1 as="p" data-testid="company-address-missing">
          {withheld ? <NotShown>{withheldNotes.address}</NotShown> : <NotSet />}
        </Body1>
      )}
      <SubHeading>Links and attributes</SubHeading>
      <ResourceMetadata
        links={profile.links}
        attributes={profile.attributes}
        label="Company profile links and attributes"
      />
    </>
  );
}
