import type { z } from 'zod';
import { NotSentError, QueueShedError } from '@/api/queue/queue-errors';
import type { FailureVerdict, RequestQueue } from '@/api/queue/request-queue';
import type { Priority } from '@/api/queue/sliding-window';
import {
  ApiError,
  apiErrorFromResponse,
  invalidResponseError,
  networkError,
  type RequestIds,
} from './api-error';
import { describeIssues } from './describe-issues';

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface PartnerCenterClientOptions {
  /** '' for the host's same-origin pass-through, or Partner Center's https origin. */
  baseUrl: string;
  getAccessToken: () => Promise<string>;
  /** The budget a request spends: the signed-in partner tenant (PARTNER-CENTER.md, Throttling). */
  budgetKey: () => string;
  queue: RequestQueue;
  fetch?: typeof fetch;
  now?: () => number;
  newId?: () => string;
  /** Sent as X-Locale, so Partner Center's messages come in the user's language. */
  locale?: string;
  /** One attempt's limit; a timed-out idempotent request is retried with the same MS-RequestId. */
  attemptTimeoutMs?: number;
  /** `navigator.onLine` by default; offline, attempts fail at once as network errors. */
  isOnline?: () => boolean;
}

// Read through globalThis: this module also runs in Node (tests, the benchmark), without one.
const browserIsOnline = () =>
  (globalThis as { navigator?: { onLine?: boolean } }).navigator?.onLine !== false;

export interface RequestOptions {
  method: HttpMethod;
  /** A path under the API base, e.g. `/v1/customers`; link URIs go through `resolveApiPath`. */
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  headers?: Record<string, string>;
  priority?: Priority;
  signal?: AbortSignal;
  /** The etag a PUT must match; without one a PUT is never retried. */
  ifMatch?: string;
  /** The logical operation's id, when the caller keeps it across its own retries (a form re-submit). */
  requestId?: string;
  /** Statuses that are answers rather than errors (HEAD /domains: 404 means "free"). */
  acceptStatuses?: number[];
  /**
   * A success whose body cannot be read is still a success: a create's 201 must not turn into
   * an error (and a retry) because of what came with it.
   */
  successOverBody?: boolean;
  /**
   * Told when the request is on the wire, or has to wait for budget first: whichever comes
   * first (and perhaps again). The crawl holds its page's work until then.
   */
  onUnderway?: () => void;
}

/** Where a request goes: what a request claimed ahead learns only later. */
export type RequestAddress = Pick<RequestOptions, 'path' | 'query' | 'headers'>;

/** Well inside the shared ledger's 180 s for a slot that never settles, less a request's 60 s. */
const LONGEST_CLAIM_AHEAD_MS = 30_000;

/** A request whose slot and token are got before its address is known: see sendAhead. */
type ScheduledRequest = RequestOptions & { address?: Promise<RequestAddress> };

export interface RawResponse {
  status: number;
  headers: Headers;
  body: unknown;
  ids: RequestIds;
}

/** Tells the queue which failures to wait out (429), retry (transient) or give up on. */
export function classifyFailure(error: unknown): FailureVerdict {
  if (!(error instanceof ApiError)) return { type: 'final' };
  if (error.isThrottled) return { type: 'throttled', retryAfterMs: error.retryAfterMs };
  if (error.retryable) return { type: 'transient' };
  return { type: 'final' };
}

/**
 * The one place that talks HTTP to Partner Center. Every call waits in the queue for its
 * tenant's budget; each attempt gets a fresh token and MS-CorrelationId, while the operation's
 * MS-RequestId stays the same through every retry, so a create is never made twice.
 */
export class PartnerCenterClient {
  private readonly fetch: typeof fetch;
  private readonly now: () => number;
  private readonly newId: () => string;

  constructor(private readonly options: PartnerCenterClientOptions) {
    this.fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.now = options.now ?? Date.now;
    this.newId = options.newId ?? (() => globalThis.crypto.randomUUID());
  }

  /** The budget the next request would spend, for the status line. */
  currentBudgetKey(): string {
    return this.options.budgetKey();
  }

  /** Sends the request and parses a JSON body with `schema`; a body that fails it is an error. */
  async request<S extends z.ZodType>(schema: S, options: RequestOptions): Promise<z.infer<S>> {
    const response = await this.send(options);
    const parsed = schema.safeParse(response.body);
    if (!parsed.success) {
      throw invalidResponseError(describeIssues(parsed.error), response.ids, response.status);
    }
    return parsed.data;
  }

  /**
   * Claims the request's slot and token now and sends it once `address` resolves: a crawl's
   * next page, whose link arrives with the page in flight, then goes out the moment the link is
   * read, not after a round trip to the tabs' shared ledger and MSAL's cache. An address that
   * rejects hands the slot back unspent, and the request fails with that reason.
   */
  sendAhead(
    address: Promise<RequestAddress>,
    options: Omit<RequestOptions, keyof RequestAddress>,
  ): Promise<RawResponse> {
    // Never an unhandled rejection while the request still waits for its slot.
    address.catch(() => {});
    return this.send({ ...options, path: '', address });
  }

  async send(options: ScheduledRequest): Promise<RawResponse> {
    const requestId = options.requestId ?? this.newId();
    const idempotent = options.method !== 'PUT' || options.ifMatch !== undefined;
    try {
      return await this.options.queue.schedule(() => this.attempt(options, requestId), {
        key: this.options.budgetKey(),
        priority: options.priority ?? 'interactive',
        idempotent,
        signal: options.signal,
        onHeld: options.onUnderway,
      });
    } catch (error) {
      if (error instanceof QueueShedError) {
        throw new ApiError({
          kind: 'shed',
          description: error.message,
          message: error.message,
          ids: { requestId, correlationId: '' },
          cause: error,
        });
      }
      throw error;
    }
  }

  private url(options: RequestOptions): string {
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(options.query ?? {})) {
      if (value !== undefined) query.set(name, String(value));
    }
    const search = query.size ? `${options.path.includes('?') ? '&' : '?'}${query}` : '';
    return `${this.options.baseUrl}${options.path}${search}`;
  }

  private async attempt(scheduled: ScheduledRequest, requestId: string): Promise<RawResponse> {
    const ids: RequestIds = { requestId, correlationId: this.newId() };
    // Offline, a token renewal and the call itself can only fail, and MSAL would log its own
    // failure on the way: fail as the network error it is, which the queue retries as usual.
    if (!(this.options.isOnline ?? browserIsOnline)()) {
      throw new ApiError({
        kind: 'network',
        description: 'The browser is offline, so Partner Center cannot be reached.',
        ids,
      });
    }
    // The slot was claimed just before this attempt began.
    const claimedAt = this.now();
    const token = await this.options.getAccessToken();
    let options: RequestOptions = scheduled;
    if (scheduled.address) {
      try {
        options = { ...scheduled, ...(await scheduled.address) };
      } catch (reason) {
        throw new NotSentError(reason);
      }
      // The shared ledger takes a slot still unsettled long after its start for a closed tab's
      // and frees it: a claim held that long is given back and made afresh, never sent on it.
      if (this.now() - claimedAt > LONGEST_CLAIM_AHEAD_MS) throw new NotSentError(undefined, true);
    }
    const headers: Record<string, string> = {
      Accept: 'application/json',
      ...options.headers,
      Authorization: `Bearer ${token}`,
      'MS-RequestId': ids.requestId,
      'MS-CorrelationId': ids.correlationId,
    };
    if (this.options.locale) headers['X-Locale'] = this.options.locale;
    if (options.ifMatch !== undefined) headers['If-Match'] = quoteEtag(options.ifMatch);
    let body: string | undefined;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['Content-Type'] = 'application/json';
    }
    const timeout = AbortSignal.timeout(this.options.attemptTimeoutMs ?? 60_000);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;

    let response: Response;
    let text: string;
    try {
      const sent = this.fetch(this.url(options), {
        method: options.method,
        headers,
        body,
        signal,
        // Tokens travel only in the Authorization header, never as cookies.
        credentials: 'omit',
      });
      options.onUnderway?.();
      response = await sent;
      text = await response.text();
    } catch (error) {
      if (options.signal?.aborted) throw options.signal.reason;
      throw networkError(error, ids);
    }
    const accepted = response.ok || (options.acceptStatuses ?? []).includes(response.status);
    if (!accepted) {
      throw apiErrorFromResponse({
        status: response.status,
        headers: response.headers,
        bodyText: text,
        ids,
        now: this.now(),
      });
    }
    let parsed: unknown;
    if (text.trim()) {
      try {
        parsed = JSON.parse(text);
      } catch {
        if (!(options.successOverBody && response.ok)) {
          throw invalidResponseError('the body is not JSON', ids, response.status);
        }
      }
    }
    return { status: response.status, headers: response.headers, body: parsed, ids };
  }
}

/** Partner Center's etags are opaque strings; If-Match wants them quoted (RFC 9110). */
function quoteEtag(etag: string): string {
  return /^(W\/)?".*"$/.test(etag) ? etag : `"${etag}"`;
}
