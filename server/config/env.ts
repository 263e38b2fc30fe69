import path from 'node:path';
import { z } from 'zod';
import { parseFaults, type Faults } from '../emulator/faults.ts';
import { openIdConfiguration } from '../identity/discovery.ts';
import { apiScope, cloudNames, clouds, localApiResource, type CloudName } from './clouds.ts';

/** A configuration mistake, reported as one line that names the variable. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The client id the local sign-in accepts; any GUID works, this one is fixed so docs can name it. */
export const LOCAL_CLIENT_ID = '6f1e2c9a-4b7d-4e0a-9c3f-0d5b8a2e7c41';

const portSchema = z.coerce.number().int().min(1).max(65535);

const rateLimitSchema = z.coerce.number().int().min(1).max(100_000);
const windowSchema = z.coerce.number().int().min(1).max(3600);

export type Mode = 'local' | 'cloud';

export interface PortalConfig {
  mode: Mode;
  port: number;
  host: string;
  /** The one https origin that serves the SPA, the sign-in and the API (or proxy). */
  publicOrigin: string;
  dataDir: string;
  tls: { certFile: string; keyFile: string } | undefined;
  dev: boolean;
  logLevel: string;
  /** What the SPA boots from: served as /config.json. */
  client: ClientConfig;
  local: {
    tokenLifetimeSeconds: number;
    emulator: EmulatorConfig;
  };
  cloud:
    | {
        name: CloudName;
        /** `proxy`: /v1 is forwarded by this host; `direct`: the browser calls the API itself. */
        apiMode: 'proxy' | 'direct';
        apiBase: string;
      }
    | undefined;
}

/** A per-tenant budget: this many requests may start within any window of this length. */
export interface RateLimit {
  requests: number;
  windowSeconds: number;
}

/** The Partner Center emulator (local mode only). */
export interface EmulatorConfig {
  databaseFile: string;
  /** Reseed from scratch at start (EMULATOR_RESET=1 or `npm run reset-data`). */
  reset: boolean;
  /** Customers seeded for Contoso Partners on first start. */
  seedCustomers: number;
  /** The throttling window; in local mode the SPA's queue paces to the very same numbers. */
  rateLimit: RateLimit;
  faults: Faults;
}

/** The runtime configuration the SPA reads from /config.json. */
export interface ClientConfig {
  mode: Mode;
  cloud: CloudName | 'local';
  cloudDisplayName: string;
  auth: {
    clientId: string;
    tenant: string;
    authority: string;
    /** host:port of a non-Microsoft authority; empty for Microsoft's own (it changes cache keys). */
    knownAuthorities: string[];
    /**
     * The authority's OpenID configuration as JSON, for an authority MSAL has none built in for
     * (the local sign-in): MSAL then starts without fetching it, as it does for Microsoft's
     * clouds, whose configurations it carries.
     */
    authorityMetadata?: string;
    scopes: string[];
  };
  api: {
    /** Empty = same origin (the emulator, or this host's pass-through proxy). */
    baseUrl: string;
  };
  rateLimit: RateLimit;
}

type Env = Record<string, string | undefined>;

function read<T>(
  env: Env,
  variable: string,
  schema: z.ZodType<T>,
  fallback: string,
  hint: string,
): T {
  const raw = env[variable]?.trim() || fallback;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(variable, `"${raw}" is not valid; expected ${hint}.`);
  }
  return parsed.data;
}

function oneOf<T extends string>(env: Env, variable: string, values: readonly T[], fallback: T): T {
  const raw = (env[variable]?.trim() || fallback).toLowerCase();
  if (!(values as readonly string[]).includes(raw)) {
    throw new ConfigError(variable, `"${raw}" is not valid; expected one of ${values.join(', ')}.`);
  }
  return raw as T;
}

function required(env: Env, variable: string, why: string): string {
  const value = env[variable]?.trim();
  if (!value) throw new ConfigError(variable, `is required ${why}.`);
  return value;
}

export function loadConfig(env: Env, options: { cwd: string; dev?: boolean }): PortalConfig {
  const mode = oneOf(env, 'PORTAL_MODE', ['local', 'cloud'] as const, 'local');
  const port = read(env, 'PORT', portSchema, '8443', 'a port number between 1 and 65535');
  const host = env.HOST?.trim() || 'localhost';
  const publicOrigin = read(
    env,
    'PUBLIC_ORIGIN',
    z.url({ protocol: /^https$/ }).transform((value) => new URL(value).origin),
    `https://localhost:${port}`,
    'an https origin such as https://portal.example.com',
  );
  const dataDir = path.resolve(options.cwd, env.DATA_DIR?.trim() || '.data');

  const certFile = env.TLS_CERT?.trim();
  const keyFile = env.TLS_KEY?.trim();
  if (Boolean(certFile) !== Boolean(keyFile)) {
    throw new ConfigError(
      certFile ? 'TLS_KEY' : 'TLS_CERT',
      'TLS_CERT and TLS_KEY must be set together.',
    );
  }

  const rateLimit = {
    requests: read(
      env,
      'PARTNER_CENTER_RATE_LIMIT',
      rateLimitSchema,
      '500',
      'a whole number of requests',
    ),
    windowSeconds: read(
      env,
      'PARTNER_CENTER_RATE_WINDOW_SECONDS',
      windowSchema,
      '60',
      'a number of seconds',
    ),
  };
  const emulatorRate = readEmulatorRateLimit(env, rateLimit);
  const tokenLifetimeSeconds = read(
    env,
    'LOCAL_TOKEN_LIFETIME_SECONDS',
    z.coerce.number().int().min(10).max(86_400),
    '600',
    'a number of seconds between 10 and 86400',
  );

  const common = {
    mode,
    port,
    host,
    publicOrigin,
    dataDir,
    tls: certFile && keyFile ? { certFile, keyFile } : undefined,
    dev: options.dev ?? false,
    logLevel: env.LOG_LEVEL?.trim() || 'info',
    local: {
      tokenLifetimeSeconds,
      emulator: {
        databaseFile: path.join(dataDir, 'emulator.sqlite'),
        reset: /^(1|true|yes)$/i.test(env.EMULATOR_RESET?.trim() ?? ''),
        seedCustomers: read(
          env,
          'EMULATOR_SEED_CUSTOMERS',
          z.coerce.number().int().min(0).max(500_000),
          '25000',
          'a whole number of customers between 0 and 500000',
        ),
        rateLimit: emulatorRate,
        faults: readFaults(env),
      },
    },
  };

  if (mode === 'local') {
    return {
      ...common,
      cloud: undefined,
      client: {
        mode,
        cloud: 'local',
        cloudDisplayName: 'Local emulator',
        auth: {
          clientId: LOCAL_CLIENT_ID,
          tenant: 'organizations',
          authority: `${publicOrigin}/organizations`,
          knownAuthorities: [new URL(publicOrigin).host],
          authorityMetadata: JSON.stringify(openIdConfiguration(publicOrigin, 'organizations')),
          scopes: [apiScope(localApiResource)],
        },
        api: { baseUrl: '' },
        // The emulator's own window, so that the queue and the emulator always agree.
        rateLimit: emulatorRate,
      },
    };
  }

  const cloudName = oneOf(env, 'PARTNER_CENTER_CLOUD', cloudNames, 'global');
  const cloud = clouds[cloudName];
  const clientId = required(
    env,
    'AZURE_CLIENT_ID',
    "in cloud mode (the SPA app registration's client id)",
  );
  if (!guid.test(clientId))
    throw new ConfigError('AZURE_CLIENT_ID', `"${clientId}" is not a GUID.`);
  const tenant = required(
    env,
    'AZURE_TENANT_ID',
    'in cloud mode (a tenant GUID, or "organizations")',
  );
  if (!guid.test(tenant) && tenant !== 'organizations') {
    throw new ConfigError(
      'AZURE_TENANT_ID',
      `"${tenant}" is neither a tenant GUID nor "organizations".`,
    );
  }
  const apiMode = oneOf(env, 'PARTNER_CENTER_API', ['proxy', 'direct'] as const, 'proxy');

  return {
    ...common,
    cloud: { name: cloudName, apiMode, apiBase: cloud.apiBase },
    client: {
      mode,
      cloud: cloudName,
      cloudDisplayName: cloud.displayName,
      auth: {
        clientId,
        tenant,
        authority: `${cloud.authorityHost}/${tenant}`,
        knownAuthorities: [],
        scopes: [apiScope(cloud.apiResource)],
      },
      api: { baseUrl: apiMode === 'direct' ? cloud.apiBase : '' },
      rateLimit,
    },
  };
}

/**
 * `EMULATOR_RATE_LIMIT=30/10s` (or `500/1m`). Unset, the emulator uses the portal's budget; set,
 * it is the budget of both, and a PARTNER_CENTER_RATE_* that says otherwise is a mistake.
 */
function readEmulatorRateLimit(env: Env, portal: RateLimit): RateLimit {
  const raw = env.EMULATOR_RATE_LIMIT?.trim();
  if (!raw) return portal;
  const match = /^(\d+)\s*\/\s*(\d+)\s*(s|m)?$/i.exec(raw);
  const requests = Number(match?.[1]);
  const windowSeconds = Number(match?.[2]) * (match?.[3]?.toLowerCase() === 'm' ? 60 : 1);
  if (!match || !rateLimitSchema.safeParse(requests).success) {
    throw new ConfigError(
      'EMULATOR_RATE_LIMIT',
      `"${raw}" is not valid; expected requests/window such as 500/60s or 30/10s.`,
    );
  }
  if (!windowSchema.safeParse(windowSeconds).success) {
    throw new ConfigError('EMULATOR_RATE_LIMIT', `"${raw}": the window must be 1 s to 1 h.`);
  }
  for (const [variable, value, expected] of [
    ['PARTNER_CENTER_RATE_LIMIT', env.PARTNER_CENTER_RATE_LIMIT, requests],
    ['PARTNER_CENTER_RATE_WINDOW_SECONDS', env.PARTNER_CENTER_RATE_WINDOW_SECONDS, windowSeconds],
  ] as const) {
    if (value?.trim() && Number(value) !== expected) {
      throw new ConfigError(
        variable,
        `"${value}" disagrees with EMULATOR_RATE_LIMIT=${raw}; set one of them.`,
      );
    }
  }
  return { requests, windowSeconds };
}

function readFaults(env: Env): Faults {
  const raw = env.EMULATOR_FAULTS?.trim();
  if (!raw) return {};
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new ConfigError('EMULATOR_FAULTS', 'is not JSON, e.g. {"latencyMs":200}.');
  }
  const parsed = parseFaults(json);
  if (!parsed.ok) throw new ConfigError('EMULATOR_FAULTS', parsed.message);
  return parsed.faults;
}
