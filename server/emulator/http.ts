import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Caller } from './auth.ts';
import { badRequest, errorCodes, PartnerCenterError } from './errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The verified partner user of a /v1 request (set by the emulator's auth hook). */
    caller: Caller | null;
  }
}

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isGuid(value: string): boolean {
  return guid.test(value);
}

export function callerOf(request: FastifyRequest): Caller {
  if (!request.caller) throw new Error('the auth hook did not run for this route');
  return request.caller;
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Partner Center's tracing headers: MS-RequestId and MS-CorrelationId are echoed (made up when
 * absent), MS-CV is added. A request id is an idempotency key, so a malformed one is refused
 * rather than silently replaced.
 */
export function traceHeaders(request: FastifyRequest, reply: FastifyReply): void {
  const requestId = header(request, 'ms-requestid')?.trim();
  const correlationId = header(request, 'ms-correlationid')?.trim();
  reply.header('ms-requestid', requestId && requestId.length <= 128 ? requestId : randomUUID());
  reply.header(
    'ms-correlationid',
    correlationId && correlationId.length <= 128 ? correlationId : randomUUID(),
  );
  reply.header('ms-cv', `${randomBytes(12).toString('base64')}.0`);
  if (requestId !== undefined && (requestId.length === 0 || requestId.length > 128)) {
    throw badRequest('The MS-RequestId header must be a GUID (at most 128 characters).');
  }
}

/** The idempotency key a client sent, if any. */
export function requestIdOf(request: FastifyRequest): string | undefined {
  return header(request, 'ms-requestid')?.trim() || undefined;
}

/** An etag from `If-Match` (quoted, weak or bare), else undefined. */
export function ifMatchOf(request: FastifyRequest): string | undefined {
  const raw = header(request, 'if-match')?.trim();
  if (!raw) return undefined;
  return raw.replace(/^W\//, '').replace(/^"(.*)"$/, '$1');
}

export function continuationTokenOf(request: FastifyRequest): string | undefined {
  return header(request, 'ms-continuationtoken')?.trim() || undefined;
}

/** The query with names and values as given, names matched case-insensitively. */
export function queryOf(request: FastifyRequest): Map<string, string> {
  const query = new Map<string, string>();
  for (const [name, value] of Object.entries(request.query as Record<string, unknown>)) {
    const lower = name.toLowerCase();
    if (query.has(lower) || Array.isArray(value)) {
      throw badRequest(`The query parameter ${name} is given more than once.`);
    }
    query.set(lower, String(value));
  }
  return query;
}

export function customerIdOf(request: FastifyRequest): string {
  const { customerId } = request.params as { customerId: string };
  if (!isGuid(customerId)) {
    throw new PartnerCenterError(
      400,
      errorCodes.invalidCustomerId,
      `"${customerId.slice(0, 64)}" is not a customer tenant id (a GUID).`,
    );
  }
  return customerId.toLowerCase();
}
