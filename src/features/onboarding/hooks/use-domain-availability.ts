import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '@/api/partner-center/api-error';
import { domainAvailabilityQueryOptions } from '@/api/partner-center/check-domain-availability';
import { usePartnerCenterClient } from '@/api/partner-center/partner-center-context';
import { useDebouncedValue } from '@/components/use-debounced-value';
import { domainPrefixProblem, initialDomainOf } from '@/countries/domain-prefix';

/** Long enough that a word typed at speed is checked once, short enough to feel live. */
const DEBOUNCE_MS = 350;

export type DomainAvailability =
  | { state: 'idle' }
  | { state: 'checking'; domain: string }
  | { state: 'available'; domain: string }
  | { state: 'taken'; domain: string }
  | { state: 'unknown'; domain: string; reason: string };

function reasonOf(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.kind === 'network') return 'the connection failed';
    if (error.isThrottled) return 'Partner Center is limiting requests';
    if (error.isAuth) return 'your sign-in was not accepted';
    if (error.status !== undefined) return `Partner Center answered ${error.status}`;
  }
  return 'Partner Center could not be asked';
}

function verdictOf(
  domain: string,
  query: {
    data?: { available: boolean };
    error: unknown;
    isFetching: boolean;
    status: 'pending' | 'error' | 'success';
  },
): DomainAvailability {
  if (query.isFetching) return { state: 'checking', domain };
  // A 401, 429 or 5xx is an error, never "available", even over an older answer that said so:
  // only a 404 says the name is free.
  if (query.status === 'error') return { state: 'unknown', domain, reason: reasonOf(query.error) };
  if (query.data) {
    return query.data.available ? { state: 'available', domain } : { state: 'taken', domain };
  }
  return { state: 'checking', domain };
}

/**
 * Whether the typed domain prefix is still free, asked as it is typed: debounced, at interactive
 * priority, and the request for a prefix the user has typed past is cancelled (the query's
 * AbortSignal), so an old answer can never stand for the new name.
 */
export function useDomainAvailability(prefix: string): DomainAvailability {
  const client = usePartnerCenterClient();
  const typed = prefix.trim().toLowerCase();
  const settled = useDebouncedValue(typed, DEBOUNCE_MS);
  const wellFormed = typed !== '' && domainPrefixProblem(typed) === undefined;
  const domain = wellFormed ? initialDomainOf(settled) : '';
  const query = useQuery({
    ...domainAvailabilityQueryOptions(client, domain),
    enabled: wellFormed && settled === typed,
    // Someone else may take the name any minute: an answer is good for a short while only.
    staleTime: 30_000,
    retry: false,
  });
  if (!wellFormed) return { state: 'idle' };
  if (settled !== typed) return { state: 'checking', domain: initialDomainOf(typed) };
  return verdictOf(domain, query);
}

/** Asks once more, now (the review's last check and Create's): never an old answer. */
export function useCheckDomainNow() {
  const client = usePartnerCenterClient();
  const queryClient = useQueryClient();
  return async (prefix: string): Promise<DomainAvailability> => {
    const domain = initialDomainOf(prefix.trim().toLowerCase());
    try {
      const result = await queryClient.fetchQuery({
        ...domainAvailabilityQueryOptions(client, domain),
        staleTime: 0,
        retry: false,
      });
      return result.available ? { state: 'available', domain } : { state: 'taken', domain };
    } catch (error) {
      return { state: 'unknown', domain, reason: reasonOf(error) };
    }
  };
}
