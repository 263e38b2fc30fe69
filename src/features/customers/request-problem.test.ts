import { describe, expect, it } from 'vitest';
import { ApiError, type ApiErrorInit } from '@/api/partner-center/api-error';
import { QueueShedError } from '@/api/queue/queue-errors';
import { describeRequestProblem } from '@/features/customers/request-problem';

const ids = {
  correlationId: '6f1a0d2e-3b4c-4d5e-8f90-a1b2c3d4e5f6',
  requestId: '0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d',
};
const now = Date.parse('2025-03-01T12:00:00Z');

function apiError(init: Partial<ApiErrorInit> & Pick<ApiErrorInit, 'kind'>) {
  return new ApiError({ description: 'Something happened.', ids, ...init });
}

describe('describeRequestProblem', () => {
  it.each([
    ['a 404', { kind: 'not-found', status: 404, code: '1000' }],
    ['a 403 without a relationship', { kind: 'forbidden', status: 403, code: '20002' }],
    ['a 403 without a code', { kind: 'forbidden', status: 403 }],
    ['an id that is not a GUID', { kind: 'bad-request', status: 400, code: '900118' }],
  ] as const)('reads %s as "not found or not your customer"', (_, init) => {
    const problem = describeRequestProblem(
      apiError({ ...init, description: 'There is no relationship.' }),
      now,
    );
    expect(problem).toMatchObject({
      title: 'Customer not found',
      notFound: true,
      offline: false,
      correlationId: ids.correlationId,
    });
    expect(problem.detail).toMatch(/no customer with this id/);
    expect(problem.detail).toMatch(/no relationship between the customer and your partner tenant/);
    expect(problem.detail).toMatch(/Partner Center: “There is no relationship\.”$/);
  });

  it('tells a missing partner role apart from a missing customer', () => {
    const problem = describeRequestProblem(
      apiError({
        kind: 'forbidden',
        status: 403,
        code: '900150',
        description: 'Your account has no Partner Center role',
      }),
      now,
    );
    expect(problem.notFound).toBe(false);
    expect(problem.title).toBe('Your partner role does not allow this');
    expect(problem.detail).toMatch(/^Your account has no Partner Center role\. An admin/);
  });

  it.each([
    ['a 403 without a code', { kind: 'forbidden', status: 403 }],
    ['a 403 with the role code', { kind: 'forbidden', status: 403, code: '900150' }],
  ] as const)('reads %s on the customer list as the role, never "not found"', (_, init) => {
    const problem = describeRequestProblem(apiError(init), now, { list: true });
    expect(problem.notFound).toBe(false);
    expect(problem.title).toBe('Your partner role does not allow this');
  });

  it('counts down Partner Center’s Retry-After from when the 429 arrived', () => {
    const error = apiError({ kind: 'throttled', status: 429, retryAfterMs: 12_000 });
    expect(describeRequestProblem(error, now)).toMatchObject({
      title: 'Partner Center’s request limit was reached',
      retryInSeconds: 12,
      offline: false,
      notFound: false,
      correlationId: ids.correlationId,
    });
    expect(describeRequestProblem(error, now).detail).toMatch(/again in about 12 s\.$/);
    expect(describeRequestProblem(error, now + 4_500, { since: now }).retryInSeconds).toBe(8);
    const over = describeRequestProblem(error, now + 12_000, { since: now });
    expect(over.retryInSeconds).toBeUndefined();
    expect(over.detail).toMatch(/Wait a moment, then try again\.$/);
  });

  it('asks for patience when a 429 says nothing about how long', () => {
    const problem = describeRequestProblem(apiError({ kind: 'throttled', status: 429 }), now);
    expect(problem.retryInSeconds).toBeUndefined();
    expect(problem.detail).toMatch(/Wait a moment/);
  });

  it('reads a failed connection as offline, without a correlation id nobody received', () => {
    const problem = describeRequestProblem(
      apiError({ kind: 'network', description: 'Partner Center could not be reached.' }),
      now,
    );
    expect(problem).toMatchObject({
      title: 'Partner Center cannot be reached',
      offline: true,
      notFound: false,
    });
    expect(problem.correlationId).toBeUndefined();
    expect(problem.detail).toMatch(/back online/);
  });

  it('says the browser is offline whatever the error, even before any error', () => {
    for (const error of [
      undefined,
      apiError({ kind: 'network' }),
      apiError({ kind: 'timeout' }),
      new Error('Failed to fetch'),
    ]) {
      expect(describeRequestProblem(error, now, { online: false })).toMatchObject({
        title: 'The browser is offline',
        offline: true,
        notFound: false,
      });
    }
  });

  it('keeps a definite "not found" when the connection drops afterwards', () => {
    const error = apiError({ kind: 'not-found', status: 404 });
    expect(describeRequestProblem(error, now, { online: false })).toMatchObject({
      notFound: true,
      offline: false,
    });
  });

  it.each([
    ['server', 'Partner Center could not complete the request'],
    ['timeout', 'Partner Center did not answer in time'],
    ['auth', 'Your sign-in was not accepted'],
    ['invalid-response', 'Partner Center answered in a form the portal does not understand'],
    ['bad-request', 'Partner Center refused the request'],
    ['conflict', 'Partner Center refused the request'],
  ] as const)('words a %s error with Partner Center’s message and the id', (kind, title) => {
    const problem = describeRequestProblem(
      apiError({ kind, status: 500, description: 'Internal trouble' }),
      now,
    );
    expect(problem).toMatchObject({
      title,
      correlationId: ids.correlationId,
      offline: false,
      notFound: false,
    });
    expect(problem.detail).toContain('Internal trouble');
  });

  it('offers a 503’s Retry-After as a countdown', () => {
    const error = apiError({ kind: 'server', status: 503, retryAfterMs: 3_000 });
    expect(describeRequestProblem(error, now).retryInSeconds).toBe(3);
  });

  it('explains a request the queue never sent, without a correlation id', () => {
    const shed = new ApiError({
      kind: 'shed',
      description: new QueueShedError('max-wait').message,
      ids: { requestId: ids.requestId, correlationId: '' },
    });
    const problem = describeRequestProblem(shed, now);
    expect(problem.title).toBe('The request was not sent');
    expect(problem.detail).toMatch(/waited too long/);
    expect(problem.correlationId).toBeUndefined();
    expect(describeRequestProblem(new QueueShedError('queue-full'), now).title).toBe(
      'The request was not sent',
    );
  });

  it('says a cancelled request changed nothing', () => {
    const problem = describeRequestProblem(apiError({ kind: 'cancelled' }), now);
    expect(problem.title).toBe('The request was cancelled');
  });

  it('falls back to the message of an unexpected error, or a plain sentence', () => {
    expect(describeRequestProblem(new TypeError('x is undefined'), now)).toEqual({
      title: 'Something went wrong',
      detail: 'x is undefined. Try again.',
      offline: false,
      notFound: false,
    });
    expect(describeRequestProblem('a string', now).detail).toBe(
      'The portal met a problem it did not expect. Try again.',
    );
  });
});
