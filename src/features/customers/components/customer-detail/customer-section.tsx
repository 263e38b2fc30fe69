import type { Customer } from '@/api/partner-center/resources';
import { relationshipLabel } from '@/features/customers/relationship-label';
import {
  DetailList,
  DetailRow,
  NotSet,
  NotShown,
  SubHeading,
  Untrusted,
  ValueList,
  YesNo,
} from '@/features/customers/components/customer-detail/detail-list';
import { DetailSection } from '@/features/customers/components/customer-detail/detail-section';
import { RemoveRelationshipAction } from '@/features/customers/components/customer-detail/remove-relationship-action';
import { ResourceMetadata } from '@/features/customers/components/customer-detail/resource-metadata';
import { withheldNotes } from '@/features/customers/components/customer-detail/withheld-notes';

function CustomDomains({ customer }: { customer: Customer }) {
  if (customer.customDomains === undefined) {
    return customer.allowDelegatedAccess === false ? (
      <NotShown>{withheldNotes.customDomains}</NotShown>
    ) : (
      <NotSet />
    );
  }
  return <ValueList values={customer.customDomains} label="Custom domains" />;
}

export function CustomerSection({ customer }: { customer: Customer }) {
  return (
    <DetailSection title="Customer" actions={<RemoveRelationshipAction customer={customer} />}>
      <DetailList label="Customer">
        <DetailRow term="Customer ID">
          <Untrusted value={customer.id} code />
        </DetailRow>
        <DetailRow term="Commerce ID">
          <Untrusted value={customer.commerceId} code />
        </DetailRow>
        <DetailRow term="Relationship to partner">
          <bdi>{relationshipLabel(customer.relationshipToPartner)}</bdi>
        </DetailRow>
        <DetailRow term="Delegated admin access">
          <YesNo value={customer.allowDelegatedAccess} />
        </DetailRow>
        <DetailRow term="GDAP by default">
          <YesNo value={customer.enableGDAPByDefault} />
        </DetailRow>
        <DetailRow term="Custom domains">
          <CustomDomains customer={customer} />
        </DetailRow>
        <DetailRow term="Tags">
          {customer.tags === undefined ? (
            <NotSet />
          ) : (
            <ValueList values={customer.tags} label="Tags" />
          )}
        </DetailRow>
        <DetailRow term="Associated partner (indirect reseller)">
          <Untrusted value={customer.associatedPartnerId} code />
        </DetailRow>
      </DetailList>
      <SubHeading>Links and attributes</SubHeading>
      <ResourceMetadata
        links={customer.links}
        attributes={customer.attributes}
        label="Customer links and attributes"
      />
    </DetailSection>
  );
}
