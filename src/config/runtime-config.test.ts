import { describe, expect, it } from 'vitest';
import { loadRuntimeConfig, parseRuntimeConfig, RuntimeConfigError } from './runtime-config';

const good = {
  mode: 'cloud',
  cloud: 'china',
  cloudDisplayName: 'Partner Center operated by 21Vianet',
  auth: {
    clientId: '11111111-2222-4333-8444-555555555555',
    tenant: 'organizations',
    authority: 'https://login.chinacloudapi.cn/organizations',
    knownAuthorities: [],
    scopes: ['https://partner.partnercenterapi.microsoftonline.cn/user_impersonation'],
  },
  api: { baseUrl: '' },
  rateLimit: { requests: 500, windowSeconds: 60 },
};

function respond(body: unknown, status = 200) {
  return () => Promise.resolve(new Response(JSON.stringify(body), { status }));
}

describe('parseRuntimeConfig', () => {
  it('accepts what the host serves', () => {
    expect(parseRuntimeConfig(good)).toEqual(good);
    const local = { ...good, auth: { ...good.auth, authorityMetadata: '{"issuer":"x"}' } };
    expect(parseRuntimeConfig(local)).toEqual(local);
  });

  it.each([
    [
      { ...good, auth: { ...good.auth, authority: 'http://login.example/organizations' } },
      'auth.authority: must be an https:// URL',
    ],
    [{ ...good, auth: { ...good.auth, clientId: 'not-a-guid' } }, 'auth.clientId: must be a GUID'],
    [{ ...good, auth: { ...good.auth, scopes: [] } }, 'auth.scopes: must name a scope'],
    [{ ...good, cloud: 'germany' }, 'cloud: must be local, global, usgov or china'],
    [
      { ...good, rateLimit: { requests: 0, windowSeconds: 60 } },
      'rateLimit.requests: must be above 0',
    ],
    [{ ...good, api: { baseUrl: 'ftp://api.example' } }, 'api.baseUrl: must be an https:// URL'],
    [{ ...good, rateLimit: undefined }, 'rateLimit: is missing'],
    [
      { ...good, auth: { ...good.auth, authorityMetadata: { issuer: 'x' } } },
      'auth.authorityMetadata: must be text',
    ],
  ])('names the broken field of %j and what it must be', (config, field) => {
    expect(() => parseRuntimeConfig(config)).toThrow(RuntimeConfigError);
    expect(() => parseRuntimeConfig(config)).toThrow(field);
  });
});

describe('loadRuntimeConfig', () => {
  it('loads and parses /config.json', async () => {
    await expect(loadRuntimeConfig(respond(good))).resolves.toEqual(good);
  });

  it('explains a failed load, a bad status and bad JSON', async () => {
    await expect(loadRuntimeConfig(() => Promise.reject(new TypeError('offline')))).rejects.toThrow(
      'the host did not answer',
    );
    await expect(loadRuntimeConfig(respond({}, 503))).rejects.toThrow('the host answered 503');
    await expect(
      loadRuntimeConfig(() => Promise.resolve(new Response('<html>', { status: 200 }))),
    ).rejects.toThrow('not valid JSON');
  });
});
