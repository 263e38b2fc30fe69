import { describe, expect, it } from 'vitest';
import { cspDirectives, isFramedByOwnOrigin, redactUrl } from './security-headers.ts';

describe('cspDirectives', () => {
  it('allows no inline script in production and names only self and the authority', () => {
    const csp = cspDirectives({
      authorityOrigin: 'https://login.microsoftonline.com',
      apiOrigin: undefined,
      dev: false,
    });
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['connect-src']).toEqual(["'self'", 'https://login.microsoftonline.com']);
    expect(csp['frame-src']).toEqual(["'self'", 'https://login.microsoftonline.com']);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
  });

  it('adds the API origin to connect-src only when the browser calls it directly', () => {
    const csp = cspDirectives({
      authorityOrigin: 'https://login.chinacloudapi.cn',
      apiOrigin: 'https://partner.partnercenterapi.microsoftonline.cn',
      dev: false,
    });
    expect(csp['connect-src']).toContain('https://partner.partnercenterapi.microsoftonline.cn');
    expect(csp['frame-src']).not.toContain('https://partner.partnercenterapi.microsoftonline.cn');
  });
});

describe('isFramedByOwnOrigin', () => {
  it('lets MSAL frame only the redirect bridge and the local authorize endpoint', () => {
    expect(isFramedByOwnOrigin('/redirect.html')).toBe(true);
    expect(isFramedByOwnOrigin('/organizations/oauth2/v2.0/authorize')).toBe(true);
    expect(isFramedByOwnOrigin('/')).toBe(false);
    expect(isFramedByOwnOrigin('/customers')).toBe(false);
    expect(isFramedByOwnOrigin('/organizations/oauth2/v2.0/token')).toBe(false);
  });
});

describe('redactUrl', () => {
  it('hides codes, hints and tokens but keeps the rest of the URL', () => {
    const redacted = redactUrl(
      '/organizations/oauth2/v2.0/logout?id_token_hint=eyJabc&post_logout_redirect_uri=https%3A%2F%2Flocalhost%2Fsign-in&code=secret',
    );
    expect(redacted).not.toContain('eyJabc');
    expect(redacted).not.toContain('secret');
    expect(redacted).toContain('post_logout_redirect_uri=');
    expect(redactUrl('/customers')).toBe('/customers');
  });
});
