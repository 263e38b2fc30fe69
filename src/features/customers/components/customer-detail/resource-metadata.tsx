import type { Attributes, Link, Links } from '@/api/partner-center/resources';
import {
  DetailList,
  DetailRow,
  NotSet,
  Secondary,
  Untrusted,
} from '@/features/customers/components/customer-detail/detail-list';

function LinkValue({ link }: { link: Link | undefined }) {
  if (!link) return <NotSet />;
  return (
    <>
      <Untrusted value={link.method} code /> <Untrusted value={link.uri} code />
      {link.headers?.map((header, index) => (
        <Secondary key={`${index}:${header.key}`}>
          {' '}
          · header <bdi>{header.key}</bdi>: <bdi>{header.value}</bdi>
        </Secondary>
      ))}
    </>
  );
}

/** The links and attributes every Partner Center resource carries, as they came. */
export function ResourceMetadata({
  links,
  attributes,
  label,
}: {
  links: Links | undefined;
  attributes: Attributes | undefined;
  label: string;
}) {
  return (
    <DetailList label={label}>
      <DetailRow term="Self link">
        <LinkValue link={links?.self} />
      </DetailRow>
      <DetailRow term="Next link">
        <LinkValue link={links?.next} />
      </DetailRow>
      <DetailRow term="Previous link">
        <LinkValue link={links?.previous} />
      </DetailRow>
      <DetailRow term="Object type">
        <Untrusted value={attributes?.objectType} />
      </DetailRow>
      <DetailRow term="Etag">
        <Untrusted value={attributes?.etag} code />
      </DetailRow>
    </DetailList>
  );
}
