import { describe, expect, it } from 'vitest';
import type { RuntimeConfig } from '@/config/runtime-config';
import { msalConfiguration } from './msal';

const config: RuntimeConfig = {
  mode: 'local',
  cloud: 'local',
  cloudDisplayName: 'Local emulator',
  auth: {
    clientId: '11111111-2222-4333-8444-555555555555',
    tenant: 'organizations',
    authority: 'https://localhost:8443/organizations',
    knownAuthorities: ['localhost:8443'],
    scopes: ['https://api.partnercenter.microsoft.com/user_impersonation'],
  },
  api: { baseUrl: '' },
  rateLimit: { requests: 500, windowSeconds: 60 },
};

describe('msalConfiguration', () => {
  it("hands MSAL the authority's configuration when the host gives one", () => {
    const metadata = '{"issuer":"https://localhost:8443/{tenantid}/v2.0"}';
    const withMetadata = { ...config, auth: { ...config.auth, authorityMetadata: metadata } };
    expect(msalConfiguration(withMetadata, 'https://localhost:8443').auth.authorityMetadata).toBe(
      metadata,
    );
  });

  it('leaves MSAL its own configurations otherwise (Microsoft clouds)', () => {
    expect(msalConfiguration(config, 'https://localhost:8443').auth).not.toHaveProperty(
      'authorityMetadata',
    );
  });
});
