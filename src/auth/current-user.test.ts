import type { AccountInfo } from '@azure/msal-browser';
import { describe, expect, it } from 'vitest';
import { describeAccount } from './current-user';

function account(
  claims: Record<string, unknown>,
  overrides: Partial<AccountInfo> = {},
): AccountInfo {
  return {
    homeAccountId: 'oid.tid',
    environment: 'login.microsoftonline.com',
    tenantId: '4b5e8d2a-1c3f-4a6e-9b7d-2f8c0e1a3d5b',
    username: 'adele@contosopartners.onmicrosoft.com',
    localAccountId: 'oid',
    name: 'Adele Vance',
    idTokenClaims: claims,
    ...overrides,
  };
}

describe('describeAccount', () => {
  it('labels partner roles and names the tenant', () => {
    expect(
      describeAccount(account({ roles: ['AdminAgents'], tenant_display_name: 'Contoso Partners' })),
    ).toEqual({
      name: 'Adele Vance',
      username: 'adele@contosopartners.onmicrosoft.com',
      tenantId: '4b5e8d2a-1c3f-4a6e-9b7d-2f8c0e1a3d5b',
      tenantName: 'Contoso Partners',
      roles: ['Admin agent'],
      roleClaims: ['AdminAgents'],
    });
  });

  it('falls back to the sign-in domain and no roles when the token has neither', () => {
    const user = describeAccount(account({}));
    expect(user.tenantName).toBe('contosopartners.onmicrosoft.com');
    expect(user.roles).toEqual([]);
  });

  it('ignores malformed role claims instead of crashing', () => {
    expect(describeAccount(account({ roles: 'AdminAgents' })).roles).toEqual([]);
    expect(describeAccount(account({ roles: 'AdminAgents' })).roleClaims).toEqual([]);
  });
});
