import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

const HTML_ENTRIES = new Set(['index.html', 'redirect.html']);

/**
 * The built SPA: hashed assets are immutable, HTML entries are never cached (a deploy must be
 * seen at once), and every other GET that asks for HTML is a client route answered by index.html.
 */
export async function registerSpa(app: FastifyInstance, distDir: string): Promise<void> {
  if (!existsSync(path.join(distDir, 'index.html'))) {
    throw new Error(
      `The SPA is not built (${distDir}/index.html is missing): run "npm run build".`,
    );
  }
  await app.register(fastifyStatic, {
    root: distDir,
    index: 'index.html',
    wildcard: true,
    cacheControl: false,
    setHeaders(response, filePath) {
      const relative = path.relative(distDir, filePath).split(path.sep).join('/');
      if (relative.startsWith('assets/')) {
        response.header('cache-control', 'public, max-age=31536000, immutable');
      } else if (HTML_ENTRIES.has(relative)) {
        response.header('cache-control', 'no-store');
      } else {
        response.header('cache-control', 'no-cache');
      }
    },
  });
  app.setNotFoundHandler((request, reply) => {
    if (isClientRoute(request.method, request.url, request.headers.accept)) {
      return reply.header('cache-control', 'no-store').sendFile('index.html');
    }
    return sendNotFound(request, reply);
  });
}

/** API clients and missing files get a JSON 404, never the SPA's HTML. */
export function sendNotFound(request: FastifyRequest, reply: FastifyReply) {
  return reply.code(404).send({
    statusCode: 404,
    error: 'Not Found',
    message: `${request.method} ${request.url.split('?')[0]} does not exist.`,
  });
}

/** A browser navigation to a path that is not a file, not the API, not an asset. */
export function isClientRoute(method: string, url: string, accept: string | undefined): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false;
  const pathname = url.split('?')[0] ?? '';
  if (pathname.startsWith('/v1/') || pathname === '/v1' || pathname.startsWith('/assets/')) {
    return false;
  }
  if (/\.[a-z0-9]+$/i.test(pathname)) return false;
  return (accept ?? '').includes('text/html');
}
