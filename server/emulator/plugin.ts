import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyError, FastifyInstance } from 'fastify';
import type { JSONWebKeySet } from 'jose';
import type { EmulatorConfig } from '../config/env.ts';
import { createTokenVerifier, type TokenVerifier } from './auth.ts';
import { ContinuationTokens } from './continuation.ts';
import { errorCodes, PartnerCenterError, sendPartnerCenterError, sendThrottled } from './errors.ts';
import { FaultInjector, parseFaults } from './faults.ts';
import { traceHeaders } from './http.ts';
import { IdempotentWrites } from './idempotency.ts';
import { registerCustomerRoutes } from './routes/customers.ts';
import { registerOnboardingRoutes } from './routes/onboarding.ts';
import { registerProfileRoutes } from './routes/profiles.ts';
import { registerReferenceRoutes } from './routes/reference.ts';
import { seededCustomerCount, seedIfNeeded } from './seed.ts';
import { EmulatorStore } from './store.ts';
import { TenantThrottle } from './throttle.ts';

export interface Emulator {
  store: EmulatorStore;
  throttle: TenantThrottle;
  faults: FaultInjector;
  verifier: TokenVerifier;
  tokens: ContinuationTokens;
  writes: IdempotentWrites;
  /** The emulator's clock (tests may pass their own). */
  now: () => number;
  close(): void;
}

export interface EmulatorDependencies {
  jwks: JSONWebKeySet;
  issuerOrigin: string;
  now?: () => number;
  log?: (message: string) => void;
}

/** Opens the emulator's database, seeding it on first start or when asked to reset. */
export function openEmulatorStore(
  config: Pick<EmulatorConfig, 'databaseFile' | 'seedCustomers' | 'reset'>,
  log: (message: string) => void = () => undefined,
): EmulatorStore {
  const store = new EmulatorStore(config.databaseFile);
  const seeded = seedIfNeeded(store, { customers: config.seedCustomers, reset: config.reset });
  if (seeded) {
    log(
      `Emulator seeded ${seeded.customers} customers in ${seeded.milliseconds} ms (${config.databaseFile}).`,
    );
  } else if (seededCustomerCount(store) !== config.seedCustomers) {
    // Edits are never thrown away silently: a different seed size waits for an explicit reset.
    log(
      `Emulator database kept as it is (seeded with ${seededCustomerCount(store)} Contoso customers); set EMULATOR_RESET=1 or run npm run reset-data to reseed with ${config.seedCustomers}.`,
    );
  }
  return store;
}

/** Builds the emulator's parts around its database. */
export function createEmulator(
  config: EmulatorConfig,
  dependencies: EmulatorDependencies,
): Emulator {
  const now = dependencies.now ?? Date.now;
  const store = openEmulatorStore(config, dependencies.log);
  const throttle = new TenantThrottle(
    config.rateLimit.requests,
    config.rateLimit.windowSeconds * 1000,
    now,
  );
  const faults = new FaultInjector(now, Math.random, config.faults);
  return {
    store,
    throttle,
    faults,
    verifier: createTokenVerifier({
      jwks: dependencies.jwks,
      issuerOrigin: dependencies.issuerOrigin,
    }),
    tokens: new ContinuationTokens(tokenKeyOf(store)),
    writes: new IdempotentWrites(store, throttle, faults, now),
    now,
    close: () => store.close(),
  };
}

function tokenKeyOf(store: EmulatorStore): Buffer {
  let key = store.getMeta('continuation_token_key');
  if (!key) {
    key = crypto.getRandomValues(Buffer.alloc(32)).toString('base64');
    store.setMeta('continuation_token_key', key);
  }
  return Buffer.from(key, 'base64');
}

/** What each path answers to; every other method gets 405 with Partner Center's error body. */
const allowedMethods: Record<string, readonly string[]> = {
  '/customers': ['GET', 'HEAD', 'POST'],
  '/customers/relationshiprequests': ['GET', 'HEAD'],
  '/customers/:customerId': ['GET', 'HEAD', 'PATCH', 'DELETE'],
  '/customers/:customerId/agreements': ['GET', 'HEAD', 'POST'],
  '/customers/:customerId/profiles/company': ['GET', 'HEAD'],
  '/customers/:customerId/profiles/billing': ['GET', 'HEAD', 'PUT'],
  '/domains/:domain': ['HEAD'],
  '/validations/address': ['POST'],
  '/countryvalidationrules/:country': ['GET', 'HEAD'],
  '/relationships': ['GET', 'HEAD'],
  '/agreements': ['GET', 'HEAD'],
  '/profiles/organization': ['GET', 'HEAD'],
};
const everyMethod = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

/** Request bodies Partner Center's customer operations take are small. */
const BODY_LIMIT = 64 * 1024;

/** Mounts the Partner Center API under /v1 and, for tests and demos, /_emulator. */
export async function registerEmulator(app: FastifyInstance, emulator: Emulator): Promise<void> {
  await app.register(
    async (scope) => {
      scope.decorateRequest('caller', null);
      scope.addHook('onRoute', (route) => {
        route.bodyLimit ??= BODY_LIMIT;
      });
      scope.addContentTypeParser(
        'text/json',
        { parseAs: 'string', bodyLimit: BODY_LIMIT },
        scope.getDefaultJsonParser('error', 'error'),
      );
      scope.setErrorHandler((error: FastifyError, request, reply) => {
        if (error instanceof PartnerCenterError) {
          if (error.status === 401) {
            reply.header(
              'www-authenticate',
              `Bearer error="invalid_token", error_description="${error.description.replace(/"/g, "'")}"`,
            );
          }
          return sendPartnerCenterError(reply, error);
        }
        const status = error.statusCode ?? 500;
        if (status >= 500) {
          request.log.error({ err: error }, 'emulator failure');
          return sendPartnerCenterError(
            reply,
            new PartnerCenterError(500, 1500, 'The emulator failed to handle the request.'),
          );
        }
        return sendPartnerCenterError(reply, fastifyErrorToPartnerCenter(error, status));
      });
      scope.setNotFoundHandler((request, reply) =>
        sendPartnerCenterError(
          reply,
          new PartnerCenterError(
            404,
            errorCodes.notFound,
            `${request.method} ${request.url.split('?')[0] ?? ''} is not a Partner Center operation the emulator knows.`,
          ),
        ),
      );

      scope.addHook('onRequest', async (request, reply) => {
        reply.header('cache-control', 'no-store');
        traceHeaders(request, reply);
        const caller = await emulator.verifier(request.headers.authorization);
        if (emulator.faults.rejectsTokens(caller.tenantId)) {
          throw new PartnerCenterError(
            401,
            errorCodes.tokenMissing,
            'The access token was revoked.',
          );
        }
        request.caller = caller;
        const latency = emulator.faults.latencyMs(caller.tenantId);
        if (latency > 0) await sleep(latency);
        const pathname = request.url.split('?')[0] ?? '';
        if (pathname === '/v1/customers' || pathname.startsWith('/v1/customers/')) {
          const forced = emulator.faults.takeForcedThrottle(caller.tenantId, request.method);
          const admission = emulator.throttle.admit(caller.tenantId, forced);
          if (!admission.admitted) return sendThrottled(reply, admission.retryAfterSeconds);
        }
        if (emulator.faults.serviceUnavailable(caller.tenantId, request.method)) {
          reply.header('retry-after', '1');
          throw new PartnerCenterError(
            503,
            errorCodes.serviceUnavailable,
            'The service is temporarily unavailable (an injected fault); retry shortly.',
          );
        }
        return undefined;
      });

      registerCustomerRoutes(scope, emulator);
      registerOnboardingRoutes(scope, emulator);
      registerProfileRoutes(scope);
      registerReferenceRoutes(scope, emulator.store);
      for (const [url, allowed] of Object.entries(allowedMethods)) {
        const refused = everyMethod.filter((method) => !allowed.includes(method));
        scope.route({
          method: refused,
          url,
          exposeHeadRoute: false,
          handler: (request, reply) => {
            reply.header('allow', allowed.join(', '));
            throw new PartnerCenterError(
              405,
              errorCodes.methodNotAllowed,
              `${request.method} is not allowed here; use ${allowed.join(', ')}.`,
            );
          },
        });
      }
    },
    { prefix: '/v1' },
  );

  await app.register(
    async (scope) => {
      scope.addHook('onRequest', async (_request, reply) => {
        reply.header('cache-control', 'no-store');
      });
      scope.get('/metrics', () => ({
        window: {
          limit: emulator.throttle.limit,
          seconds: emulator.throttle.windowMs / 1000,
        },
        tenants: emulator.throttle.metrics(),
      }));
      scope.delete('/metrics', (_request, reply) => {
        emulator.throttle.resetMetrics();
        return reply.code(204).send();
      });
      scope.get('/faults', () => emulator.faults.describe());
      scope.post('/faults', (request, reply) => {
        const parsed = parseFaults(request.body);
        if (!parsed.ok) {
          return reply
            .code(400)
            .send({ code: errorCodes.invalidInput, description: parsed.message });
        }
        emulator.faults.set(parsed.faults);
        return emulator.faults.describe();
      });
      scope.delete('/faults', (request, reply) => {
        const { tenantId } = request.query as { tenantId?: string };
        emulator.faults.clear(tenantId);
        return reply.code(204).send();
      });
    },
    { prefix: '/_emulator' },
  );
}

function fastifyErrorToPartnerCenter(error: FastifyError, status: number): PartnerCenterError {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new PartnerCenterError(
        413,
        errorCodes.payloadTooLarge,
        `The request body is larger than ${BODY_LIMIT / 1024} KB.`,
      );
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new PartnerCenterError(
        415,
        errorCodes.unsupportedMediaType,
        'The request body must be JSON (Content-Type: application/json).',
      );
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new PartnerCenterError(
        400,
        errorCodes.invalidInput,
        'The request body is empty; send a JSON object.',
      );
    default:
      if (error instanceof SyntaxError || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
        return new PartnerCenterError(
          400,
          errorCodes.invalidInput,
          'The request body is not valid JSON.',
        );
      }
      return new PartnerCenterError(status, errorCodes.invalidInput, error.message);
  }
}
