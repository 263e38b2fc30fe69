import { ApiError } from '@/api/partner-center/api-error';

/**
 * Partner Center's own refusal of this request: a response that says the customer was not
 * made. Everything else (no response, a timeout, a 5xx, a 429, the queue giving up, a sign-in
 * or role failure in front of Partner Center) leaves the outcome open.
 */
export function isDefiniteRefusal(error: unknown): error is ApiError {
  if (!(error instanceof ApiError) || error.status === undefined) return false;
  return (
    error.status >= 400 &&
    error.status < 500 &&
    ![401, 403, 408, 429].includes(error.status) &&
    error.kind !== 'invalid-response'
  );
}
