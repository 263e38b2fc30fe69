import { ApiError } from '@/api/partner-center/api-error';
import { QueueShedError } from '@/api/queue/queue-errors';

/** A failed Partner Center request, in words for the person who asked for it. */
export interface RequestProblemDescription {
  title: string;
  detail: string;
  /** Quoted to Microsoft support; only when the request reached Partner Center. */
  correlationId?: string;
  /** Seconds until Partner Center accepts requests again, when it said so. */
  retryInSeconds?: number;
  /** The browser or the network is down: retrying is pointless until it comes back. */
  offline: boolean;
  /** The customer does not exist or is not this partner tenant's (Partner Center tells no apart). */
  notFound: boolean;
}

export interface RequestProblemContext {
  /** `navigator.onLine`, passed in so that this stays a pure function. */
  online?: boolean;
  /** When the error arrived; Retry-After counts from then. Defaults to `now`. */
  since?: number;
  /**
   * The request listed customers rather than reading one: a refusal then means the user's role,
   * never "this customer is not yours".
   */
  list?: boolean;
}

// Partner Center's codes: 20002 no relationship, 900118 not a customer id, 900150 role lacks right.
const NO_RELATIONSHIP_CODES = new Set(['20002', '900118']);
const ROLE_LACKS_RIGHT = '900150';

function withFullStop(text: string): string {
  const trimmed = text.trim();
  return !trimmed || /[.!?…]["”’')]*$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function sentences(...parts: (string | undefined)[]): string {
  return parts
    .map((part) => withFullStop(part ?? ''))
    .filter(Boolean)
    .join(' ');
}

function secondsUntil(retryAfterMs: number | undefined, since: number, now: number) {
  if (retryAfterMs === undefined) return undefined;
  const seconds = Math.ceil((since + retryAfterMs - now) / 1000);
  return seconds > 0 ? seconds : undefined;
}

const offlineProblem: RequestProblemDescription = {
  title: 'The browser is offline',
  detail:
    'Partner Center cannot be reached without a connection. The portal tries again as soon as the browser is back online.',
  offline: true,
  notFound: false,
};

function isNotFound(error: ApiError): boolean {
  if (error.code === ROLE_LACKS_RIGHT) return false;
  if (error.code !== undefined && NO_RELATIONSHIP_CODES.has(error.code)) return true;
  return error.kind === 'not-found' || error.kind === 'forbidden';
}

function describeApiError(
  error: ApiError,
  now: number,
  since: number,
  list: boolean,
): RequestProblemDescription {
  const base = {
    correlationId: error.correlationId || undefined,
    offline: false,
    notFound: false,
  };
  const said = `Partner Center: “${withFullStop(error.description)}”`;
  if (!list && isNotFound(error)) {
    return {
      ...base,
      notFound: true,
      title: 'Customer not found',
      detail: sentences(
        'Partner Center has no customer with this id, or there is no relationship between the customer and your partner tenant',
        said,
      ),
    };
  }
  switch (error.kind) {
    case 'network':
      return {
        offline: true,
        notFound: false,
        title: 'Partner Center cannot be reached',
        detail: sentences(
          error.description,
          'Check the connection and try again; the portal also tries again when the browser comes back online',
        ),
      };
    case 'throttled': {
      const retryInSeconds = secondsUntil(error.retryAfterMs, since, now);
      return {
        ...base,
        retryInSeconds,
        title: 'Partner Center’s request limit was reached',
        detail: sentences(
          'Partner Center allows your partner tenant only so many requests per minute',
          retryInSeconds === undefined
            ? 'Wait a moment, then try again'
            : `It accepts requests again in about ${retryInSeconds} s`,
        ),
      };
    }
    case 'forbidden':
      // For one customer only the role code gets here: other refusals read as "not found" above.
      return {
        ...base,
        title: 'Your partner role does not allow this',
        detail: sentences(
          error.description,
          'An admin of your partner tenant can give you the Admin agent, Sales agent or Helpdesk agent role',
        ),
      };
    case 'auth':
      return {
        ...base,
        title: 'Your sign-in was not accepted',
        detail: sentences(error.description, 'Sign out and sign in again'),
      };
    case 'timeout':
      return {
        ...base,
        title: 'Partner Center did not answer in time',
        detail: sentences(error.description),
      };
    case 'server':
      return {
        ...base,
        retryInSeconds: secondsUntil(error.retryAfterMs, since, now),
        title: 'Partner Center could not complete the request',
        detail: said,
      };
    case 'shed':
      return {
        offline: false,
        notFound: false,
        title: 'The request was not sent',
        detail: sentences(error.description),
      };
    case 'cancelled':
      return {
        offline: false,
        notFound: false,
        title: 'The request was cancelled',
        detail: 'Nothing was changed. Try again to load it.',
      };
    case 'invalid-response':
      return {
        ...base,
        title: 'Partner Center answered in a form the portal does not understand',
        detail: sentences(error.description, 'Quote the correlation id when you report this'),
      };
    default:
      return { ...base, title: 'Partner Center refused the request', detail: said };
  }
}

/**
 * What went wrong with a Partner Center request, what it means and when it may work again.
 * Pure: the clock and the connection state come in as arguments, so it is tested without a
 * browser and re-run every second by a countdown.
 */
export function describeRequestProblem(
  error: unknown,
  now: number,
  context: RequestProblemContext = {},
): RequestProblemDescription {
  const since = context.since ?? now;
  const list = context.list ?? false;
  // No error yet but no connection: TanStack Query holds requests while the browser is offline.
  if (context.online === false) {
    const known = error instanceof ApiError ? describeApiError(error, now, since, list) : undefined;
    // A definite answer from Partner Center still stands when the connection drops afterwards.
    return known?.notFound ? known : offlineProblem;
  }
  if (error instanceof ApiError) return describeApiError(error, now, since, list);
  if (error instanceof QueueShedError) {
    return {
      title: 'The request was not sent',
      detail: sentences(error.message),
      offline: false,
      notFound: false,
    };
  }
  const message = error instanceof Error ? error.message.trim() : '';
  return {
    title: 'Something went wrong',
    detail: sentences(message || 'The portal met a problem it did not expect', 'Try again'),
    offline: false,
    notFound: false,
  };
}
