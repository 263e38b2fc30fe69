import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import fastifyHelmet from '@fastify/helmet';
import fastifyHttpProxy from '@fastify/http-proxy';
import Fastify, { type FastifyInstance } from 'fastify';
import type { PortalConfig } from './config/env.ts';
import { createEmulator, registerEmulator } from './emulator/plugin.ts';
import { registerIdentity } from './identity/routes.ts';
import type { SigningKey } from './identity/signing-key.ts';
import { cspDirectives, isFramedByOwnOrigin, redactUrl } from './security-headers.ts';
import { registerSpa } from './spa.ts';
import type { TlsPair } from './tls.ts';

export interface HostDependencies {
  tls: TlsPair;
  signingKey: SigningKey;
  /** Where the built SPA lives; ignored in dev mode. */
  distDir: string;
  /** Dev mode: mounts Vite in middleware mode instead of the built SPA. */
  mountDevServer?: (app: FastifyInstance) => Promise<void>;
}

function originOf(url: string | undefined): string | undefined {
  return url ? new URL(url).origin : undefined;
}

export async function buildHost(
  config: PortalConfig,
  dependencies: HostDependencies,
): Promise<FastifyInstance> {
  const app = Fastify({
    https: { key: dependencies.tls.key, cert: dependencies.tls.cert },
    logger: {
      level: config.logLevel,
      redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
      serializers: {
        req: (request: { method: string; url: string; ip?: string }) => ({
          method: request.method,
          url: redactUrl(request.url),
          remoteAddress: request.ip,
        }),
      },
    },
    trustProxy: false,
    forceCloseConnections: true,
  });

  const authorityOrigin =
    config.mode === 'cloud' ? originOf(config.client.auth.authority) : undefined;
  const apiOrigin = config.client.api.baseUrl ? originOf(config.client.api.baseUrl) : undefined;

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: cspDirectives({ authorityOrigin, apiOrigin, dev: config.dev }),
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    hsts: { maxAge: 31_536_000, includeSubDomains: false },
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const pathname = request.url.split('?')[0] ?? '';
    if (isFramedByOwnOrigin(pathname)) {
      const csp = reply.getHeader('content-security-policy');
      if (typeof csp === 'string') {
        reply.header(
          'content-security-policy',
          csp.replace("frame-ancestors 'none'", "frame-ancestors 'self'"),
        );
      }
      reply.header('x-frame-options', 'SAMEORIGIN');
      // MSAL: the redirect bridge must not be served with Cross-Origin-Opener-Policy.
      reply.removeHeader('cross-origin-opener-policy');
    }
    return payload;
  });

  await app.register(fastifyCookie);
  await app.register(fastifyFormbody);

  app.get('/config.json', (_request, reply) =>
    reply.header('cache-control', 'no-store').send(config.client),
  );
  app.get('/healthz', (_request, reply) =>
    reply.header('cache-control', 'no-store').send({ status: 'ok' }),
  );

  if (config.mode === 'local') {
    registerIdentity(app, {
      origin: config.publicOrigin,
      clientId: config.client.auth.clientId,
      signingKey: dependencies.signingKey,
      accessTokenLifetimeSeconds: config.local.tokenLifetimeSeconds,
    });
    const emulator = createEmulator(config.local.emulator, {
      // The emulator trusts the local sign-in exactly as Partner Center trusts Entra: by its keys.
      jwks: { keys: [dependencies.signingKey.publicJwk] },
      issuerOrigin: config.publicOrigin,
      log: (message) => app.log.info(message),
    });
    app.addHook('onClose', async () => emulator.close());
    await registerEmulator(app, emulator);
  } else if (config.cloud?.apiMode === 'proxy') {
    const upstream = config.cloud.apiBase;
    await app.register(fastifyHttpProxy, {
      upstream,
      prefix: '/v1',
      rewritePrefix: '/v1',
      replyOptions: {
        // The user's own Authorization header passes through; the host's cookies never do.
        rewriteRequestHeaders: (_request, headers) => {
          const { cookie: _cookie, host: _host, ...rest } = headers;
          return { ...rest, host: new URL(upstream).host };
        },
      },
    });
  }

  if (config.dev && dependencies.mountDevServer) {
    await dependencies.mountDevServer(app);
  } else {
    await registerSpa(app, path.resolve(dependencies.distDir));
  }
  return app;
}
