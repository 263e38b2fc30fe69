import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildHost } from '../app.ts';
import { loadConfig } from '../config/env.ts';
import { loadSigningKey } from '../identity/signing-key.ts';
import { signAccessToken } from '../identity/tokens.ts';
import { loadTls } from '../tls.ts';
import { PARTNER_CENTER_AUDIENCE } from './auth.ts';
import { localUser } from './testing.ts';

let dataDir: string;
let host: FastifyInstance;
let token: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'host-'));
  const config = loadConfig(
    {
      DATA_DIR: dataDir,
      EMULATOR_RATE_LIMIT: '30/10s',
      EMULATOR_SEED_CUSTOMERS: '40',
      LOG_LEVEL: 'warn',
    },
    { cwd: dataDir, dev: true },
  );
  const signingKey = await loadSigningKey(dataDir);
  host = await buildHost(config, {
    tls: await loadTls(dataDir, undefined),
    signingKey,
    distDir: dataDir,
    // No SPA is needed to talk to the API.
    mountDevServer: async () => undefined,
  });
  await host.ready();
  token = await signAccessToken(
    { key: signingKey, origin: config.publicOrigin, accessTokenLifetimeSeconds: 60 },
    localUser('megan'),
    config.client.auth.clientId,
    PARTNER_CENTER_AUDIENCE,
    'user_impersonation',
  );
});
afterAll(async () => {
  await host.close();
  await rm(dataDir, { recursive: true, force: true });
});

it('mounts the emulator under /v1 in local mode, trusting the local sign-in’s tokens', async () => {
  const response = await host.inject({
    url: '/v1/customers?size=5',
    headers: { authorization: `Bearer ${token}` },
  });
  expect(response.statusCode).toBe(200);
  expect(response.json().totalCount).toBe(40);
  expect(response.headers['cache-control']).toBe('no-store');
});

it('tells the SPA the same throttling window the emulator enforces', async () => {
  const config = (await host.inject({ url: '/config.json' })).json();
  const metrics = (await host.inject({ url: '/_emulator/metrics' })).json();
  expect(config.rateLimit).toEqual({ requests: 30, windowSeconds: 10 });
  expect(metrics.window).toEqual({ limit: 30, seconds: 10 });
});

it('keeps the database in the data folder', async () => {
  const { existsSync } = await import('node:fs');
  expect(existsSync(path.join(dataDir, 'emulator.sqlite'))).toBe(true);
});
