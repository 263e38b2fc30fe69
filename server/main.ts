import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildHost } from './app.ts';
import { ConfigError, loadConfig } from './config/env.ts';
import { loadSigningKey } from './identity/signing-key.ts';
import { loadTls } from './tls.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function main() {
  const dev = process.argv.includes('--dev');
  const config = loadConfig(process.env, { cwd: root, dev });
  const [tls, signingKey] = await Promise.all([
    loadTls(config.dataDir, config.tls),
    loadSigningKey(config.dataDir),
  ]);
  const app = await buildHost(config, {
    tls,
    signingKey,
    distDir: path.join(root, 'dist'),
    mountDevServer: dev
      ? async (host) => (await import('./dev-server.ts')).mountViteDevServer(host, root)
      : undefined,
  });

  let closing = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (closing) return;
      closing = true;
      app.log.info({ signal }, 'shutting down');
      const force = setTimeout(() => process.exit(1), 10_000);
      force.unref();
      app.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }

  await app.listen({ port: config.port, host: config.host });
  const mode =
    config.mode === 'local'
      ? 'local sign-in and Partner Center emulator'
      : `${config.client.cloudDisplayName}, API ${config.cloud?.apiMode}`;
  process.stdout.write(
    `\nPartner Customers Portal (${mode}${dev ? ', dev' : ''}) at ${config.publicOrigin}\n\n`,
  );
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`Configuration error: ${error.message}\n`);
  } else if (error instanceof Error && 'code' in error && error.code === 'EADDRINUSE') {
    process.stderr.write(
      `Cannot start: port ${process.env.PORT ?? '8443'} is in use (set PORT to choose another).\n`,
    );
  } else {
    process.stderr.write(
      `Cannot start: ${error instanceof Error ? error.message : String(error)}\n`,
    );
  }
  process.exit(1);
});
