import { describe, expect, it } from 'vitest';
import { apiScope, clouds } from './clouds.ts';
import { openIdConfiguration } from '../identity/discovery.ts';
import { ConfigError, loadConfig } from './env.ts';

const cwd = '/srv/portal';
const cloudEnv = {
  PORTAL_MODE: 'cloud',
  AZURE_CLIENT_ID: '11111111-2222-4333-8444-555555555555',
  AZURE_TENANT_ID: 'organizations',
};

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env, { cwd });
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('cloud endpoint table', () => {
  it('matches PARTNER-CENTER.md for the three clouds', () => {
    expect(clouds.global).toMatchObject({
      apiBase: 'https://api.partnercenter.microsoft.com',
      authorityHost: 'https://login.microsoftonline.com',
    });
    expect(clouds.usgov).toMatchObject({
      apiBase: 'https://api.partnercenter.microsoft.com',
      authorityHost: 'https://login.microsoftonline.us',
    });
    expect(clouds.china).toMatchObject({
      apiBase: 'https://partner.partnercenterapi.microsoftonline.cn',
      authorityHost: 'https://login.chinacloudapi.cn',
    });
    expect(apiScope(clouds.china.apiResource)).toBe(
      'https://partner.partnercenterapi.microsoftonline.cn/user_impersonation',
    );
  });
});

describe('loadConfig', () => {
  it('defaults to local mode on https://localhost:8443 with the local sign-in', () => {
    const config = loadConfig({}, { cwd });
    expect(config.mode).toBe('local');
    expect(config.port).toBe(8443);
    expect(config.publicOrigin).toBe('https://localhost:8443');
    expect(config.dataDir).toBe('/srv/portal/.data');
    expect(config.client.auth).toMatchObject({
      authority: 'https://localhost:8443/organizations',
      knownAuthorities: ['localhost:8443'],
      scopes: ['https://api.partnercenter.microsoft.com/user_impersonation'],
    });
    expect(config.client.api.baseUrl).toBe('');
    expect(config.client.rateLimit).toEqual({ requests: 500, windowSeconds: 60 });
  });

  it("hands MSAL the local authority's OpenID configuration, the one the host serves", () => {
    const config = loadConfig({ PORT: '9443' }, { cwd });
    const metadata: unknown = JSON.parse(config.client.auth.authorityMetadata ?? 'null');
    expect(metadata).toEqual(openIdConfiguration('https://localhost:9443', 'organizations'));
    expect(metadata).toMatchObject({
      issuer: 'https://localhost:9443/{tenantid}/v2.0',
      token_endpoint: 'https://localhost:9443/organizations/oauth2/v2.0/token',
    });
  });

  it('follows PORT into the origin and the known authority', () => {
    const config = loadConfig({ PORT: '9443' }, { cwd });
    expect(config.publicOrigin).toBe('https://localhost:9443');
    expect(config.client.auth.knownAuthorities).toEqual(['localhost:9443']);
  });

  it.each([
    [
      'global',
      'https://login.microsoftonline.com/organizations',
      'https://api.partnercenter.microsoft.com',
    ],
    [
      'usgov',
      'https://login.microsoftonline.us/organizations',
      'https://api.partnercenter.microsoft.com',
    ],
    [
      'china',
      'https://login.chinacloudapi.cn/organizations',
      'https://partner.partnercenterapi.microsoftonline.cn',
    ],
  ])('cloud %s: authority and API from the table, no knownAuthorities', (cloud, authority, api) => {
    const config = loadConfig(
      { ...cloudEnv, PARTNER_CENTER_CLOUD: cloud, PARTNER_CENTER_API: 'direct' },
      { cwd },
    );
    expect(config.client.auth.authority).toBe(authority);
    expect(config.client.auth.knownAuthorities).toEqual([]);
    // MSAL carries these clouds' configurations itself.
    expect(config.client.auth).not.toHaveProperty('authorityMetadata');
    expect(config.client.api.baseUrl).toBe(api);
    expect(config.client.auth.scopes).toEqual([`${api}/user_impersonation`]);
  });

  it('gives the emulator and the SPA one throttling window', () => {
    const config = loadConfig({ EMULATOR_RATE_LIMIT: '30/10s' }, { cwd });
    expect(config.local.emulator.rateLimit).toEqual({ requests: 30, windowSeconds: 10 });
    expect(config.client.rateLimit).toEqual({ requests: 30, windowSeconds: 10 });
    expect(loadConfig({ EMULATOR_RATE_LIMIT: '600/2m' }, { cwd }).client.rateLimit).toEqual({
      requests: 600,
      windowSeconds: 120,
    });
    const portal = loadConfig({ PARTNER_CENTER_RATE_LIMIT: '100' }, { cwd });
    expect(portal.local.emulator.rateLimit).toEqual({ requests: 100, windowSeconds: 60 });
  });

  it('reads the emulator settings', () => {
    const config = loadConfig(
      {
        EMULATOR_SEED_CUSTOMERS: '100000',
        EMULATOR_RESET: '1',
        EMULATOR_FAULTS: '{"latencyMs":200,"dropNextWrites":1}',
      },
      { cwd },
    );
    expect(config.local.emulator).toMatchObject({
      databaseFile: '/srv/portal/.data/emulator.sqlite',
      seedCustomers: 100_000,
      reset: true,
      faults: { latencyMs: 200, dropNextWrites: 1 },
    });
    expect(loadConfig({}, { cwd }).local.emulator).toMatchObject({
      seedCustomers: 25_000,
      reset: false,
    });
  });

  it('proxies through the host by default in cloud mode', () => {
    const config = loadConfig(cloudEnv, { cwd });
    expect(config.cloud).toMatchObject({ name: 'global', apiMode: 'proxy' });
    expect(config.client.api.baseUrl).toBe('');
  });

  it.each([
    [{ PORTAL_MODE: 'staging' }, 'PORTAL_MODE'],
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ PUBLIC_ORIGIN: 'http://localhost:8443' }, 'PUBLIC_ORIGIN'],
    [{ TLS_CERT: '/tmp/cert.pem' }, 'TLS_KEY'],
    [{ PARTNER_CENTER_RATE_LIMIT: '0' }, 'PARTNER_CENTER_RATE_LIMIT'],
    [{ LOCAL_TOKEN_LIFETIME_SECONDS: '5' }, 'LOCAL_TOKEN_LIFETIME_SECONDS'],
    [{ PORTAL_MODE: 'cloud' }, 'AZURE_CLIENT_ID'],
    [{ ...cloudEnv, AZURE_CLIENT_ID: 'my-app' }, 'AZURE_CLIENT_ID'],
    [{ ...cloudEnv, AZURE_TENANT_ID: 'common' }, 'AZURE_TENANT_ID'],
    [{ ...cloudEnv, PARTNER_CENTER_CLOUD: 'germany' }, 'PARTNER_CENTER_CLOUD'],
    [{ ...cloudEnv, PARTNER_CENTER_API: 'tunnel' }, 'PARTNER_CENTER_API'],
    [{ EMULATOR_RATE_LIMIT: 'fast' }, 'EMULATOR_RATE_LIMIT'],
    [{ EMULATOR_RATE_LIMIT: '30/0s' }, 'EMULATOR_RATE_LIMIT'],
    [
      { EMULATOR_RATE_LIMIT: '30/10s', PARTNER_CENTER_RATE_LIMIT: '500' },
      'PARTNER_CENTER_RATE_LIMIT',
    ],
    [{ EMULATOR_SEED_CUSTOMERS: 'many' }, 'EMULATOR_SEED_CUSTOMERS'],
    [{ EMULATOR_FAULTS: '{latency}' }, 'EMULATOR_FAULTS'],
    [{ EMULATOR_FAULTS: '{"serviceUnavailableRate":3}' }, 'EMULATOR_FAULTS'],
  ])('refuses %j naming %s in one line', (env, variable) => {
    const error = configError(env as Record<string, string>);
    expect(error.variable).toBe(variable);
    expect(error.message.startsWith(`${variable}: `)).toBe(true);
    expect(error.message).not.toContain('\n');
  });
});
