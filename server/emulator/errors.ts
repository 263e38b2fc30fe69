import type { FastifyReply } from 'fastify';

/**
 * Partner Center's error codes the emulator answers with. The numbers are Microsoft's where
 * PARTNER-CENTER.md names one; the few marked "emulator" are our own, as no source names one.
 */
export const errorCodes = {
  invalidProperty: 3000,
  invalidInput: 800002,
  invalidCustomerId: 900118,
  staleEtag: 2055,
  registrationNumberMissing: 600049,
  registrationNumberInvalid: 600050,
  phoneNumberMissing: 600051,
  registrationNumberNotSupported: 600002,
  tokenMissing: 800001,
  wrongAudience: 900420,
  accessDenied: 2032,
  noRelationship: 20002,
  roleLacksRight: 900150,
  notFound: 1000,
  /** emulator: the domain is taken. */
  domainTaken: 3001,
  /** emulator: 405, 413, 415, 503. */
  methodNotAllowed: 1005,
  payloadTooLarge: 1013,
  unsupportedMediaType: 1015,
  serviceUnavailable: 1503,
} as const;

export class PartnerCenterError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    readonly description: string,
    readonly data: unknown[] = [],
  ) {
    super(description);
    this.name = 'PartnerCenterError';
  }
}

export function badRequest(
  description: string,
  code: number = errorCodes.invalidInput,
  data?: unknown[],
) {
  return new PartnerCenterError(400, code, description, data);
}

export function sendPartnerCenterError(reply: FastifyReply, error: PartnerCenterError) {
  return reply.code(error.status).send({
    code: error.code,
    description: error.description,
    data: error.data,
    source: 'PartnerFD',
  });
}

/** Throttling has its own body shape in Partner Center (the gateway's, not PartnerFD's). */
export function sendThrottled(reply: FastifyReply, retryAfterSeconds: number) {
  return reply
    .code(429)
    .header('retry-after', String(retryAfterSeconds))
    .send({
      statusCode: 429,
      message: `Rate limit is exceeded. Try again in ${retryAfterSeconds} seconds.`,
    });
}
