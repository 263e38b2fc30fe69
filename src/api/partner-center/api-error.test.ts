import { describe, expect, it } from 'vitest';
import {
  ApiError,
  apiErrorFromResponse,
  invalidResponseError,
  networkError,
  parseRetryAfter,
} from '@/api/partner-center/api-error';

const ids = {
  correlationId: '6f1a0d2e-3b4c-4d5e-8f90-a1b2c3d4e5f6',
  requestId: '0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d',
};
const now = Date.parse('2025-03-01T12:00:00Z');

function respond(status: number, body: unknown, headers: Record<string, string> = {}) {
  return apiErrorFromResponse({
    status,
    headers: new Headers(headers),
    bodyText: typeof body === 'string' ? body : JSON.stringify(body),
    ids,
    now,
  });
}

/** Partner Center's (and the emulator's) error body. */
function partnerCenter(code: number | string, description?: string, data: unknown[] = []) {
  return { code, ...(description ? { description } : {}), data, source: 'PartnerFD' };
}

describe('parseRetryAfter', () => {
  it.each([
    ['12', 12_000],
    ['0', 0],
    [' 3 ', 3_000],
    ['1.5', 1_500],
  ])('reads delta-seconds %j', (header, ms) => {
    expect(parseRetryAfter(header, now)).toBe(ms);
  });

  it('reads an HTTP date', () => {
    expect(parseRetryAfter('Sat, 01 Mar 2025 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Saturday, 01-Mar-25 12:00:05 GMT', now)).toBe(5_000);
  });

  it('reads a date in the past as now', () => {
    expect(parseRetryAfter('Sat, 01 Mar 2025 11:59:00 GMT', now)).toBe(0);
  });

  it.each([null, '', '-5', 'soon', 'abc12', '12 seconds', 'Mon, 99 Foo 2025 99:99:99 GMT'])(
    'ignores %j',
    (header) => {
      expect(parseRetryAfter(header, now)).toBeUndefined();
    },
  );
});

describe('apiErrorFromResponse', () => {
  it('reads a stale etag (400, 2055) as a conflict', () => {
    const error = respond(400, partnerCenter(2055, 'Etag is no longer valid.'));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      kind: 'conflict',
      status: 400,
      code: '2055',
      description: 'Etag is no longer valid.',
      correlationId: ids.correlationId,
      requestId: ids.requestId,
      fieldErrors: [],
    });
    expect(error.isConflict).toBe(true);
    expect(error.retryable).toBe(false);
    expect(error.message).toBe(
      'Partner Center refused the request (400, code 2055): Etag is no longer valid.',
    );
  });

  it('reads 412 as a conflict, with our own sentence when there is no body', () => {
    const error = respond(412, '');
    expect(error.kind).toBe('conflict');
    expect(error.isConflict).toBe(true);
    expect(error.description).toMatch(/Reload/);
  });

  it('reads the code whether it is a number or a string', () => {
    expect(respond(400, partnerCenter('2055', 'Etag is no longer valid.')).code).toBe('2055');
    expect(respond(400, partnerCenter(600050, 'Bad format.')).code).toBe('600050');
  });

  it('reads 429 with Retry-After in seconds', () => {
    const error = respond(
      429,
      { statusCode: 429, message: 'Rate limit is exceeded. Try again in 30 seconds.' },
      { 'Retry-After': '12' },
    );
    expect(error).toMatchObject({ kind: 'throttled', status: 429, retryAfterMs: 12_000 });
    expect(error.description).toBe('Rate limit is exceeded. Try again in 30 seconds.');
    expect(error.isThrottled).toBe(true);
    expect(error.retryable).toBe(true);
    expect(error.code).toBeUndefined();
    expect(error.message).toBe(
      'Partner Center is limiting requests (429): Rate limit is exceeded. Try again in 30 seconds.',
    );
  });

  it('reads 429 with Retry-After as an HTTP date', () => {
    const error = respond(429, '', { 'retry-after': 'Sat, 01 Mar 2025 12:00:07 GMT' });
    expect(error.retryAfterMs).toBe(7_000);
  });

  it('reads the wait from the 429 body when the header is missing', () => {
    const error = respond(429, {
      statusCode: '429',
      message: 'Rate limit is exceeded. Try again in 8 seconds.',
    });
    expect(error.retryAfterMs).toBe(8_000);
  });

  it('leaves the wait undefined when nothing states it', () => {
    const error = respond(429, 'Too Many Requests');
    expect(error.kind).toBe('throttled');
    expect(error.retryAfterMs).toBeUndefined();
    expect(error.description).toMatch(/Too many requests/);
  });

  it.each([
    [401, partnerCenter(800001, 'Token is missing.'), 'auth'],
    [403, partnerCenter(20002, 'No relationship.'), 'forbidden'],
    [404, partnerCenter(1000, 'Not found.'), 'not-found'],
    [408, '', 'timeout'],
    [500, partnerCenter(500, 'Internal error.'), 'server'],
    [503, '', 'server'],
    [400, partnerCenter(800002, 'The filter is not valid JSON.'), 'bad-request'],
    [400, partnerCenter(2000, 'No more pages.'), 'bad-request'],
    [405, '', 'bad-request'],
    [302, '', 'invalid-response'],
  ] as const)('reads %i as %s', (status, body, kind) => {
    expect(respond(status, body).kind).toBe(kind);
  });

  it('says which statuses are worth retrying', () => {
    expect(respond(408, '').retryable).toBe(true);
    expect(respond(502, '').retryable).toBe(true);
    expect(respond(401, '').retryable).toBe(false);
    expect(respond(404, '').retryable).toBe(false);
    expect(respond(409, '').retryable).toBe(false);
  });

  it('marks 401 as auth', () => {
    const error = respond(401, partnerCenter(900420, 'Wrong audience.'));
    expect(error.isAuth).toBe(true);
    expect(respond(403, '').isAuth).toBe(false);
  });

  it('explains a role that lacks the right (403, 900150) when Partner Center did not', () => {
    const error = respond(403, partnerCenter(900150));
    expect(error.kind).toBe('forbidden');
    expect(error.description).toBe('Your partner role does not allow this.');
    expect(error.message).toBe(
      'Partner Center refused the request (403, code 900150): Your partner role does not allow this.',
    );
  });

  it('keeps the server Retry-After on a 503', () => {
    expect(respond(503, '', { 'retry-after': '5' }).retryAfterMs).toBe(5_000);
  });

  it('reads an HTML body as no details', () => {
    const error = respond(502, '<html><body><h1>502 Bad Gateway</h1></body></html>');
    expect(error.kind).toBe('server');
    expect(error.description).toBe('Partner Center answered 502 without details.');
    expect(error.message).toBe(
      'Partner Center could not complete the request (502): Partner Center answered 502 without details.',
    );
  });

  it('reads empty, truncated and non-object bodies as no details', () => {
    expect(respond(500, '').description).toBe('Partner Center answered 500 without details.');
    expect(respond(500, '{"code": 1, "descr').description).toBe(
      'Partner Center answered 500 without details.',
    );
    expect(respond(500, '[1,2]').description).toBe('Partner Center answered 500 without details.');
    expect(respond(400, 'null').kind).toBe('bad-request');
  });

  it('reads the description of other shapes (PascalCase, gateway errors)', () => {
    expect(respond(400, { Code: 3000, Description: 'The city is required.' })).toMatchObject({
      code: '3000',
      kind: 'validation',
    });
    expect(
      respond(401, { error: { code: 'InvalidToken', message: 'Token expired.' } }),
    ).toMatchObject({ code: 'InvalidToken', description: 'Token expired.' });
  });

  it('shortens an overlong description', () => {
    const error = respond(500, partnerCenter(1, 'x'.repeat(5000)));
    expect(error.description.length).toBeLessThanOrEqual(500);
  });
});

describe('field errors', () => {
  it('uses the field paths Partner Center names in data', () => {
    const description =
      '"1234" is not a postal code of the United States (expected the format ^\\d{5}$).';
    const error = respond(
      400,
      partnerCenter(3000, description, ['billingProfile.defaultAddress.postalCode']),
    );
    expect(error.kind).toBe('validation');
    expect(error.fieldErrors).toEqual([
      { field: 'billingProfile.defaultAddress.postalCode', message: description },
    ]);
  });

  it('normalises PascalCase paths and ignores data that are not paths', () => {
    const error = respond(
      400,
      partnerCenter(3000, 'Invalid.', [
        'BillingProfile.DefaultAddress.State',
        'something went wrong here',
        42,
        { field: 'companyProfile.domain' },
      ]),
    );
    expect(error.fieldErrors.map((fieldError) => fieldError.field)).toEqual([
      'billingProfile.defaultAddress.state',
      'companyProfile.domain',
    ]);
  });

  it('places a property Partner Center names in data (27002, property_name) on its field', () => {
    const error = respond(
      400,
      partnerCenter(27002, 'A property has invalid data.', [
        { property_name: 'StateInvalid' },
        { propertyName: 'PostalCode' },
        { property_name: 'SomethingElseInvalid' },
      ]),
    );
    expect(error.kind).toBe('validation');
    expect(error.fieldErrors.map((fieldError) => fieldError.field)).toEqual([
      'billingProfile.defaultAddress.state',
      'billingProfile.defaultAddress.postalCode',
    ]);
  });

  it('keeps a path relative to the billing profile as given (the PUT)', () => {
    const error = respond(
      400,
      partnerCenter(3000, 'The country of the billing address cannot be changed.', [
        'defaultAddress.country',
      ]),
    );
    expect(error.fieldErrors[0]?.field).toBe('defaultAddress.country');
  });

  it.each([
    [600049, 'companyProfile.organizationRegistrationNumber'],
    [600050, 'companyProfile.organizationRegistrationNumber'],
    [600002, 'companyProfile.organizationRegistrationNumber'],
    [600051, 'billingProfile.defaultAddress.phoneNumber'],
    ['600050', 'companyProfile.organizationRegistrationNumber'],
  ])('maps code %s without data to %s', (code, field) => {
    const error = respond(400, partnerCenter(code, 'Something about the company.'));
    expect(error.kind).toBe('validation');
    expect(error.fieldErrors).toEqual([{ field, message: 'Something about the company.' }]);
  });

  it.each([
    [
      'The postal code is required for addresses in Germany.',
      'billingProfile.defaultAddress.postalCode',
    ],
    [
      'The state is required for addresses in the United States.',
      'billingProfile.defaultAddress.state',
    ],
    ['The city is required for addresses in France.', 'billingProfile.defaultAddress.city'],
    [
      'The domain "a b" is not valid: use a name of 1 to 27 letters and digits followed by .onmicrosoft.com.',
      'companyProfile.domain',
    ],
    ['The email address is not valid.', 'billingProfile.email'],
    [
      'The culture "fr-FR" is not supported for Germany; use one of de-DE, en-US.',
      'billingProfile.culture',
    ],
    [
      'The property billingProfile.defaultAddress.firstName is required.',
      'billingProfile.defaultAddress.firstName',
    ],
    ['The property companyProfile.domain.', 'companyProfile.domain'],
  ])('guesses the field of code 3000 from %j', (description, field) => {
    const error = respond(400, partnerCenter(3000, description));
    expect(error.kind).toBe('validation');
    expect(error.fieldErrors).toEqual([{ field, message: description }]);
  });

  it('keeps a 3000 it cannot place as validation without fields', () => {
    const error = respond(400, partnerCenter(3000, 'Something is wrong.'));
    expect(error.kind).toBe('validation');
    expect(error.fieldErrors).toEqual([]);
  });

  it('reads an address problem under another code as validation', () => {
    const error = respond(400, partnerCenter(800002, 'The postal code is not valid.'));
    expect(error.kind).toBe('validation');
    expect(error.fieldErrors[0]?.field).toBe('billingProfile.defaultAddress.postalCode');
  });

  it('reads a taken domain (409) as validation of the domain, not a conflict', () => {
    const description =
      'The domain fabrikam.onmicrosoft.com is already in use; choose another name.';
    const error = respond(409, partnerCenter(3001, description, ['companyProfile.domain']));
    expect(error.kind).toBe('validation');
    expect(error.isConflict).toBe(false);
    expect(error.fieldErrors).toEqual([{ field: 'companyProfile.domain', message: description }]);
    expect(respond(409, partnerCenter(3001, 'Taken.')).fieldErrors[0]?.field).toBe(
      'companyProfile.domain',
    );
  });

  it('gives no field errors to other kinds', () => {
    expect(respond(403, partnerCenter(3000, 'The postal code.', ['a.b'])).fieldErrors).toEqual([]);
  });
});

describe('networkError', () => {
  it('reads a failed fetch as a network error', () => {
    const cause = new TypeError('Failed to fetch');
    const error = networkError(cause, ids);
    expect(error).toMatchObject({ kind: 'network', status: undefined, code: undefined });
    expect(error.cause).toBe(cause);
    expect(error.retryable).toBe(true);
    expect(error.message).toBe(error.description);
  });

  it('reads a timeout signal as a timeout', () => {
    const error = networkError(new DOMException('The operation timed out.', 'TimeoutError'), ids);
    expect(error.kind).toBe('timeout');
    expect(error.retryable).toBe(true);
  });

  it('reads an abort as cancelled, not worth retrying', () => {
    const error = networkError(new DOMException('Aborted', 'AbortError'), ids);
    expect(error.kind).toBe('cancelled');
    expect(error.retryable).toBe(false);
  });

  it('passes an ApiError given as the abort reason through', () => {
    const shed = new ApiError({
      kind: 'shed',
      description: 'The portal dropped the request.',
      ids,
    });
    expect(networkError(shed, ids)).toBe(shed);
  });

  it('copes with causes that are not errors', () => {
    expect(networkError('boom', ids).kind).toBe('network');
    expect(networkError(undefined, ids).kind).toBe('network');
  });
});

describe('invalidResponseError', () => {
  it('names the problem and asks for the correlation id', () => {
    const error = invalidResponseError('items.1.id: Invalid input: expected string', ids, 200);
    expect(error).toMatchObject({ kind: 'invalid-response', status: 200 });
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('items.1.id');
    expect(error.message).toContain(ids.correlationId);
    expect(error.message).toMatch(/Quote the correlation id/);
  });
});
