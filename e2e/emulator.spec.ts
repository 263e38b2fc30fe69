import { expect, test } from './fixtures';

test.describe('the Partner Center emulator on the host', () => {
  test('answers /v1 over the host’s https with Partner Center’s 401 when no token is sent', async ({
    request,
  }) => {
    const response = await request.get('/v1/customers');
    expect(response.status()).toBe(401);
    expect(response.headers()['www-authenticate']).toMatch(/^Bearer /);
    expect(response.headers()['ms-correlationid']).toMatch(/^[0-9a-f-]{36}$/);
    expect(await response.json()).toMatchObject({ code: 800001, source: 'PartnerFD' });
  });

  test('publishes its throttling window, the very budget the SPA is configured with', async ({
    request,
  }) => {
    const metrics = await (await request.get('/_emulator/metrics')).json();
    const config = await (await request.get('/config.json')).json();
    expect(metrics.window).toEqual({
      limit: config.rateLimit.requests,
      seconds: config.rateLimit.windowSeconds,
    });
  });

  test('never answers an API path with the SPA', async ({ request }) => {
    const response = await request.get('/v1/nothing-here', { headers: { accept: 'text/html' } });
    expect(response.headers()['content-type']).toMatch(/application\/json/);
  });
});
