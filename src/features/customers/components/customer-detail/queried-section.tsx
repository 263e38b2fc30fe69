import { Spinner } from '@fluentui/react-components';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { DetailSection } from '@/features/customers/components/customer-detail/detail-section';
import { RequestProblem } from '@/features/customers/components/request-problem';

/**
 * A section fed by its own request, with the customer's embedded copy as a stand-in: the
 * section is readable at once, and a failed request does not blank what is already known.
 */
export function QueriedSection<T>({
  title,
  subject,
  query,
  fallback,
  actions,
  children,
}: {
  title: string;
  actions?: ReactNode;
  /** "the billing profile" */
  subject: string;
  query: UseQueryResult<T>;
  fallback: T | undefined;
  children: (data: T) => ReactNode;
}) {
  const data = query.data ?? fallback;
  const failed = query.isError || (query.fetchStatus === 'paused' && query.data === undefined);
  return (
    <DetailSection title={title} actions={actions}>
      {failed && query.fetchStatus !== 'fetching' && (
        <RequestProblem
          error={query.error}
          onRetry={() => void query.refetch()}
          subject={subject}
        />
      )}
      {data === undefined
        ? query.fetchStatus === 'fetching' && <Spinner size="small" label={`Loading ${subject}…`} />
        : children(data)}
    </DetailSection>
  );
}
