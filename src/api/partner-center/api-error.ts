import {
  partnerCenterErrorBodySchema,
  throttledBodySchema,
} from '@/api/partner-center/error-bodies';

export type ApiErrorKind =
  | 'network'
  | 'timeout'
  | 'cancelled'
  | 'shed'
  | 'auth'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'throttled'
  | 'validation'
  | 'bad-request'
  | 'server'
  | 'invalid-response';

/** `field` is a form path such as `billingProfile.defaultAddress.postalCode`. */
export interface FieldError {
  field: string;
  message: string;
}

export interface RequestIds {
  correlationId: string;
  requestId: string;
}

export interface ApiErrorInit {
  kind: ApiErrorKind;
  status?: number | undefined;
  code?: string | undefined;
  description: string;
  ids: RequestIds;
  retryAfterMs?: number | undefined;
  fieldErrors?: FieldError[] | undefined;
  /** Defaults to a sentence built from the status, code and description. */
  message?: string | undefined;
  cause?: unknown;
}

export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  /** Undefined when no response arrived. */
  readonly status: number | undefined;
  /** Partner Center's code as a string ('2055', '600050'), whatever type the body used. */
  readonly code: string | undefined;
  /** Partner Center's own description, or a plain sentence of ours when it gave none. */
  readonly description: string;
  readonly correlationId: string;
  readonly requestId: string;
  readonly retryAfterMs: number | undefined;
  readonly fieldErrors: FieldError[];

  constructor(init: ApiErrorInit) {
    super(init.message ?? sentenceOf(init.kind, init.status, init.code, init.description), {
      cause: init.cause,
    });
    this.name = 'ApiError';
    this.kind = init.kind;
    this.status = init.status;
    this.code = init.code;
    this.description = init.description;
    this.correlationId = init.ids.correlationId;
    this.requestId = init.ids.requestId;
    this.retryAfterMs = init.retryAfterMs;
    this.fieldErrors = init.fieldErrors ?? [];
  }

  /** Worth sending again (with the same MS-RequestId after a timeout, so never twice). */
  get retryable(): boolean {
    return (
      this.kind === 'network' ||
      this.kind === 'timeout' ||
      this.kind === 'throttled' ||
      this.kind === 'server' ||
      this.status === 408
    );
  }

  /** Someone else changed the resource since it was read (a stale etag). */
  get isConflict(): boolean {
    return this.kind === 'conflict';
  }

  get isThrottled(): boolean {
    return this.kind === 'throttled';
  }

  get isAuth(): boolean {
    return this.kind === 'auth';
  }
}

function withFullStop(text: string): string {
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}

function sentenceOf(
  kind: ApiErrorKind,
  status: number | undefined,
  code: string | undefined,
  description: string,
): string {
  if (status === undefined) return withFullStop(description);
  const lead =
    kind === 'throttled'
      ? 'Partner Center is limiting requests'
      : kind === 'server'
        ? 'Partner Center could not complete the request'
        : kind === 'timeout'
          ? 'Partner Center timed out'
          : kind === 'invalid-response'
            ? 'Partner Center answered unexpectedly'
            : 'Partner Center refused the request';
  return `${lead} (${status}${code ? `, code ${code}` : ''}): ${withFullStop(description)}`;
}

// ---------------------------------------------------------------------------------------------
// Retry-After

/**
 * Milliseconds to wait, from `Retry-After` as delta-seconds or an HTTP date. A date already
 * past means "now" (0); anything else unreadable is undefined, so the caller's own back-off
 * applies rather than a guess.
 */
export function parseRetryAfter(header: string | null, now: number): number | undefined {
  const text = header?.trim();
  if (!text) return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) {
    const ms = Math.ceil(Number(text) * 1000);
    return Number.isSafeInteger(ms) ? ms : undefined;
  }
  // Every HTTP-date form (IMF-fixdate, RFC 850, asctime) has a month name and a clock time;
  // requiring both keeps Date.parse's leniency from reading "-5" or "soon" as a date.
  if (!/[a-z]{3}/i.test(text) || !/\d{1,2}:\d{2}:\d{2}/.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

/** The throttling gateway's sentence: "Rate limit is exceeded. Try again in 12 seconds." */
function retryAfterInMessage(message: string | undefined): number | undefined {
  const match = message && /try again in (\d+(?:\.\d+)?) seconds?/i.exec(message);
  return match ? Math.ceil(Number(match[1]) * 1000) : undefined;
}

// ---------------------------------------------------------------------------------------------
// Reading an error body

interface BodyFacts {
  code: string | undefined;
  description: string | undefined;
  data: unknown[];
  throttleMessage: string | undefined;
}

const MAX_DESCRIPTION = 500;

function tidyText(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.replace(/\s+/g, ' ').trim();
  if (!text) return undefined;
  return text.length > MAX_DESCRIPTION ? `${text.slice(0, MAX_DESCRIPTION - 1)}…` : text;
}

function parseJson(text: string): unknown {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{')) return undefined;
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Partner Center binds keys case-insensitively and a proxy may answer in PascalCase. */
function camelCased(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key.charAt(0).toLowerCase() + key.slice(1), item]),
  );
}

function factsOf(bodyText: string): BodyFacts {
  const json = parseJson(bodyText);
  const facts: BodyFacts = {
    code: undefined,
    description: undefined,
    data: [],
    throttleMessage: undefined,
  };
  if (!isRecord(json)) return facts;
  const body = camelCased(json);
  const partnerCenter = partnerCenterErrorBodySchema.safeParse(body);
  if (partnerCenter.success) {
    facts.code = partnerCenter.data.code || undefined;
    facts.description = tidyText(partnerCenter.data.description);
    facts.data = partnerCenter.data.data ?? [];
  }
  const throttled = throttledBodySchema.safeParse(body);
  if (throttled.success) facts.throttleMessage = tidyText(throttled.data.message);
  // Gateways and proxies in front of PartnerFD answer in their own shapes.
  const nested = isRecord(body.error) ? camelCased(body.error) : {};
  facts.description ??=
    tidyText(body.description) ??
    facts.throttleMessage ??
    tidyText(body.message) ??
    tidyText(body.error_description) ??
    tidyText(nested.message) ??
    tidyText(nested.description);
  if (
    facts.code === undefined &&
    (typeof nested.code === 'string' || typeof nested.code === 'number')
  ) {
    facts.code = String(nested.code).trim() || undefined;
  }
  return facts;
}

// ---------------------------------------------------------------------------------------------
// Field errors

const registrationNumberField = 'companyProfile.organizationRegistrationNumber';
const addressField = (name: string) => `billingProfile.defaultAddress.${name}`;

/** Codes whose field Partner Center does not name but the code implies. */
const fieldByCode: Readonly<Record<string, string>> = {
  '600049': registrationNumberField,
  '600050': registrationNumberField,
  '600002': registrationNumberField,
  '600051': addressField('phoneNumber'),
  // The emulator's "domain taken"; Partner Center documents no code for it.
  '3001': 'companyProfile.domain',
};

const validationCodes = new Set(['3000', '3001', '600002', '600049', '600050', '600051']);

/** Names that are fields on their own, so a bare `data: ["domain"]` still counts. */
const bareFieldNames = new Set([
  'domain',
  'email',
  'culture',
  'language',
  'companyName',
  'firstName',
  'lastName',
  'country',
  'city',
  'state',
  'region',
  'postalCode',
  'phoneNumber',
  'addressLine1',
  'addressLine2',
  'addressLine3',
  'organizationRegistrationNumber',
  'associatedPartnerId',
]);

const pathPattern = /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*|\[\d+\])*$/;

/** `BillingProfile.DefaultAddress.PostalCode` and `billingProfile.defaultAddress.postalCode` alike. */
function asFieldPath(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (!pathPattern.test(text)) return undefined;
  const path = text
    .split('.')
    .map((segment) => segment.charAt(0).toLowerCase() + segment.slice(1))
    .join('.');
  return path.includes('.') || bareFieldNames.has(path) ? path : undefined;
}

/**
 * Where a property named in `data` as `{ property_name: "StateInvalid" }` lives: Partner Center's
 * address service names the property, not its path, so the billing form's field is looked up.
 */
const fieldByPropertyName: Readonly<Record<string, string>> = {
  ...Object.fromEntries(
    [
      'country',
      'region',
      'city',
      'state',
      'district',
      'addressLine1',
      'addressLine2',
      'addressLine3',
      'postalCode',
      'phoneNumber',
      'firstName',
      'middleName',
      'lastName',
    ].map((name) => [name, addressField(name)]),
  ),
  email: 'billingProfile.email',
  culture: 'billingProfile.culture',
  language: 'billingProfile.language',
  companyName: 'billingProfile.companyName',
  domain: 'companyProfile.domain',
  organizationRegistrationNumber: registrationNumberField,
};

function fieldOfPropertyName(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const name = value.trim().replace(/(Invalid|Missing|Required|NotSupported)$/, '');
  return fieldByPropertyName[name.charAt(0).toLowerCase() + name.slice(1)];
}

function fieldPathsIn(data: unknown[]): string[] {
  const paths = data.map((entry) => {
    if (isRecord(entry)) {
      const named = fieldOfPropertyName(entry.property_name ?? entry.propertyName);
      return named ?? asFieldPath(entry.field ?? entry.property ?? entry.path ?? entry.name);
    }
    return asFieldPath(entry);
  });
  return [...new Set(paths.filter((path): path is string => path !== undefined))];
}

/**
 * Word clues in Partner Center's descriptions, most specific first: a phone message may
 * mention the registration-number countries, and a state message the address.
 */
const fieldClues: readonly [RegExp, string][] = [
  [/\bphone\b/i, addressField('phoneNumber')],
  [/\bregistration number\b/i, registrationNumberField],
  [/\b(postal|zip) ?code\b|\bpostcode\b/i, addressField('postalCode')],
  [/\bculture\b/i, 'billingProfile.culture'],
  [/\blanguage\b/i, 'billingProfile.language'],
  [/\bdomain\b/i, 'companyProfile.domain'],
  [/\be-?mail\b/i, 'billingProfile.email'],
  [/\b(state|province)\b/i, addressField('state')],
  [/\bcity\b/i, addressField('city')],
  [/\bcountry\b/i, addressField('country')],
  [/\b(address ?line|street)\b/i, addressField('addressLine1')],
  [/\bfirst ?name\b/i, addressField('firstName')],
  [/\blast ?name\b/i, addressField('lastName')],
  [/\bcompany ?name\b/i, 'billingProfile.companyName'],
];

/** The parts of an address whose mention makes a plain 400 a form problem. */
const addressClueFields = new Set(
  ['phoneNumber', 'postalCode', 'state', 'city', 'country', 'addressLine1'].map(addressField),
);

function guessField(description: string | undefined): string | undefined {
  if (!description) return undefined;
  const named = /\bproperty\s+([A-Za-z_][\w.[\]]*)/i.exec(description);
  const path = asFieldPath(named?.[1]?.replace(/\.$/, ''));
  if (path) return path;
  return fieldClues.find(([clue]) => clue.test(description))?.[1];
}

function fieldsOf(code: string | undefined, data: unknown[], description: string | undefined) {
  const fromData = fieldPathsIn(data);
  if (fromData.length) return fromData;
  const byCode = code === undefined ? undefined : fieldByCode[code];
  if (byCode) return [byCode];
  const guessed = guessField(description);
  return guessed ? [guessed] : [];
}

// ---------------------------------------------------------------------------------------------
// Statuses and descriptions

/** Our own sentences for codes whose body came without a description. */
const descriptionByCode: Readonly<Record<string, string>> = {
  '900150': 'Your partner role does not allow this.',
  '20002': 'There is no relationship between your partner tenant and this customer.',
  '2032': 'Access to this resource is denied.',
  '2055':
    'Etag is no longer valid: someone else changed this since it was loaded. Reload it and apply your change again.',
  '800001': 'The request carried no sign-in token.',
  '900420': 'The sign-in token was issued for another service.',
};

function defaultDescription(status: number, code: string | undefined): string {
  const byCode = code === undefined ? undefined : descriptionByCode[code];
  if (byCode) return byCode;
  switch (status) {
    case 401:
      return 'Your sign-in was not accepted; sign in again.';
    case 403:
      return 'Your partner account does not have access to this.';
    case 404:
      return 'Partner Center has no such resource.';
    case 408:
      return 'Partner Center did not receive the request in time.';
    case 412:
      return 'Someone else changed this since it was loaded. Reload it and apply your change again.';
    case 429:
      return 'Too many requests were sent to Partner Center; wait a moment and try again.';
    default:
      return `Partner Center answered ${status} without details.`;
  }
}

function kindOf(
  status: number,
  code: string | undefined,
  fields: string[],
  fromData: boolean,
): ApiErrorKind {
  if (status === 401) return 'auth';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 408) return 'timeout';
  if (status === 412) return 'conflict';
  if (status === 429) return 'throttled';
  // Unconfirmed which of 400/412 a stale etag gets; the code settles it either way.
  if (code === '2055' && (status === 400 || status === 409)) return 'conflict';
  // The one documented 409 is a taken domain: a form problem, not a conflict of etags.
  if (status === 409) return 'validation';
  if (status >= 500 && status <= 599) return 'server';
  if (status === 400) {
    const formProblem =
      (code !== undefined && validationCodes.has(code)) ||
      fromData ||
      fields.some((field) => addressClueFields.has(field));
    return formProblem ? 'validation' : 'bad-request';
  }
  if (status >= 400 && status <= 499) return 'bad-request';
  return 'invalid-response';
}

/** The error for a response that is not a success. Never throws. */
export function apiErrorFromResponse(input: {
  status: number;
  headers: Headers;
  bodyText: string;
  ids: RequestIds;
  now: number;
}): ApiError {
  const { status, headers, bodyText, ids, now } = input;
  try {
    const facts = factsOf(bodyText);
    const fromData = fieldPathsIn(facts.data).length > 0;
    const fields = fieldsOf(facts.code, facts.data, facts.description);
    const kind = kindOf(status, facts.code, fields, fromData);
    const description = facts.description ?? defaultDescription(status, facts.code);
    let retryAfterMs: number | undefined;
    if (kind === 'throttled' || kind === 'server') {
      retryAfterMs = parseRetryAfter(headers.get('retry-after'), now);
    }
    if (kind === 'throttled') {
      retryAfterMs ??= retryAfterInMessage(facts.throttleMessage ?? facts.description);
    }
    return new ApiError({
      kind,
      status,
      code: facts.code,
      description,
      ids,
      retryAfterMs,
      fieldErrors:
        kind === 'validation' ? fields.map((field) => ({ field, message: description })) : [],
    });
  } catch (cause) {
    return new ApiError({
      kind: status >= 500 ? 'server' : 'invalid-response',
      status,
      description: `Partner Center answered ${status} without details.`,
      ids,
      cause,
    });
  }
}

function errorName(cause: unknown): string | undefined {
  return isRecord(cause) && typeof cause.name === 'string' ? cause.name : undefined;
}

/**
 * No response arrived. An abort whose reason is already an ApiError (our own timeout or load
 * shedding) is passed through, so the reason the caller chose is the one the user sees.
 */
export function networkError(cause: unknown, ids: RequestIds): ApiError {
  if (cause instanceof ApiError) return cause;
  const name = errorName(cause);
  if (name === 'TimeoutError') {
    return new ApiError({
      kind: 'timeout',
      description:
        'Partner Center did not answer in time. The request may still have been carried out.',
      ids,
      cause,
    });
  }
  if (name === 'AbortError') {
    return new ApiError({
      kind: 'cancelled',
      description: 'The request was cancelled.',
      ids,
      cause,
    });
  }
  return new ApiError({
    kind: 'network',
    description:
      'Partner Center could not be reached: the connection failed or the browser blocked the call before an answer arrived.',
    ids,
    cause,
  });
}

/** A success whose body failed its schema: the portal cannot act on it, support can. */
export function invalidResponseError(issues: string, ids: RequestIds, status: number): ApiError {
  const problems = issues.trim() || 'the body could not be read';
  return new ApiError({
    kind: 'invalid-response',
    status,
    description: `The answer did not have the expected form (${problems}).`,
    ids,
    message: `Partner Center answered ${status} in a form the portal does not understand (${problems}). Quote the correlation id ${ids.correlationId} when you report this.`,
  });
}
