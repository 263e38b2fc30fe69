import { expect, signIn, test } from './fixtures';

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((tokens) => tokens[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

test.describe('the host', () => {
  test('sends a strict CSP and security headers, and the app runs under them', async ({ page }) => {
    const response = await page.goto('/sign-in');
    const headers = response!.headers();
    const csp = directives(headers['content-security-policy'] ?? '');
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('frame-src')).toEqual(["'self'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(headers['strict-transport-security']).toContain('max-age=');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['x-frame-options']).toBe('DENY');
    // The full sign-in runs under this policy; the fixture fails on any CSP console error.
    await signIn(page, 'Adele Vance');
  });

  test('lets MSAL frame only the redirect bridge, which has no opener policy', async ({
    request,
  }) => {
    const bridge = await request.get('/redirect.html');
    expect(directives(bridge.headers()['content-security-policy']!).get('frame-ancestors')).toEqual(
      ["'self'"],
    );
    expect(bridge.headers()['cross-origin-opener-policy']).toBeUndefined();
    const index = await request.get('/customers', { headers: { accept: 'text/html' } });
    expect(index.headers()['cross-origin-opener-policy']).toBe('same-origin');
  });

  test('caches hashed assets for ever and HTML never', async ({ request }) => {
    const index = await request.get('/', { headers: { accept: 'text/html' } });
    expect(index.headers()['cache-control']).toBe('no-store');
    const html = await index.text();
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset).toBeTruthy();
    const script = await request.get(asset!);
    expect(script.status()).toBe(200);
    expect(script.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
    const config = await request.get('/config.json');
    expect(config.headers()['cache-control']).toBe('no-store');
  });

  test('answers client routes with the SPA but never the API or missing files', async ({
    request,
  }) => {
    const route = await request.get('/customers/1234/billing', {
      headers: { accept: 'text/html' },
    });
    expect(route.status()).toBe(200);
    expect(await route.text()).toContain('<div id="root">');
    const api = await request.get('/v1/not-yet', { headers: { accept: 'text/html' } });
    expect(api.status()).toBe(404);
    expect(api.headers()['content-type']).toContain('application/json');
    const file = await request.get('/assets/missing.js');
    expect(file.status()).toBe(404);
  });

  test('serves the runtime configuration the SPA boots from', async ({ request }) => {
    const config = await (await request.get('/config.json')).json();
    expect(config).toMatchObject({
      mode: 'local',
      auth: {
        tenant: 'organizations',
        scopes: ['https://api.partnercenter.microsoft.com/user_impersonation'],
      },
      api: { baseUrl: '' },
      rateLimit: { requests: 500, windowSeconds: 60 },
    });
  });

  test('shows a page-not-found inside the shell for unknown addresses', async ({ page }) => {
    await signIn(page, 'Adele Vance', '/no-such-page');
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  });
});
