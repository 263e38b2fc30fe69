import { readFile } from 'node:fs/promises';
import path from 'node:path';
import middie from '@fastify/middie';
import type { FastifyInstance } from 'fastify';
import { createServer } from 'vite';
import { isClientRoute, sendNotFound } from './spa.ts';

/** `npm run dev`: Vite in middleware mode on the host's own https origin, with hot reload. */
export async function mountViteDevServer(app: FastifyInstance, root: string): Promise<void> {
  const vite = await createServer({
    root,
    appType: 'custom',
    server: { middlewareMode: true, hmr: { server: app.server } },
  });
  await app.register(middie);
  app.use(vite.middlewares);
  app.addHook('onClose', async () => vite.close());

  async function sendHtml(file: string, url: string) {
    const html = await readFile(path.join(root, file), 'utf8');
    return vite.transformIndexHtml(url, html);
  }
  app.get('/redirect.html', async (request, reply) =>
    reply
      .type('text/html')
      .header('cache-control', 'no-store')
      .send(await sendHtml('redirect.html', request.url)),
  );
  app.setNotFoundHandler(async (request, reply) => {
    if (isClientRoute(request.method, request.url, request.headers.accept)) {
      return reply
        .type('text/html')
        .header('cache-control', 'no-store')
        .send(await sendHtml('index.html', request.url));
    }
    return sendNotFound(request, reply);
  });
}
