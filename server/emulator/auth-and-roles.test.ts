import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PARTNER_CENTER_AUDIENCE } from './auth.ts';
import { ISSUER_ORIGIN, localUser, startEmulator, type EmulatorUnderTest } from './testing.ts';

let pc: EmulatorUnderTest;
let contosoCustomer: string;
let fabrikamCustomer: string;

beforeAll(async () => {
  pc = await startEmulator({ customers: 200 });
  contosoCustomer = (await pc.call('GET', '/v1/customers?size=1')).body.items[0].id;
  fabrikamCustomer = (await pc.call('GET', '/v1/customers?size=1', { user: 'isaiah' })).body
    .items[0].id;
});
afterAll(() => pc.close());

async function tokenWith(claims: Record<string, unknown>, lifetimeSeconds = 600) {
  const adele = localUser('adele');
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    iss: `${ISSUER_ORIGIN}/${adele.tenant.id}/v2.0`,
    aud: PARTNER_CENTER_AUDIENCE,
    scp: 'user_impersonation',
    tid: adele.tenant.id,
    oid: adele.oid,
    roles: adele.roles,
    ...claims,
  })
    .setProtectedHeader({ alg: 'RS256', kid: pc.signingKey.kid })
    .setIssuedAt(now - 10)
    .setExpirationTime(now + lifetimeSeconds)
    .sign(pc.signingKey.privateKey);
}

function withToken(token: string) {
  return { user: null, headers: { authorization: `Bearer ${token}` } } as const;
}

describe('authentication', () => {
  it('refuses a request without a token with 401, WWW-Authenticate and a Partner Center body', async () => {
    const response = await pc.call('GET', '/v1/customers', { user: null });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer /);
    expect(response.body).toMatchObject({ code: 800001, source: 'PartnerFD', data: [] });
    expect(response.body.description).toMatch(/Bearer/);
  });

  it('accepts a token of the local sign-in', async () => {
    expect((await pc.call('GET', '/v1/customers?size=1')).status).toBe(200);
  });

  it.each([
    ['another audience', { aud: 'https://graph.microsoft.com' }, 900420],
    ['no user_impersonation scope', { scp: 'openid profile' }, 800001],
    ['an issuer of another tenant', { iss: `${ISSUER_ORIGIN}/organizations/v2.0` }, 800001],
    ['a foreign issuer', { iss: 'https://evil.example/x/v2.0' }, 800001],
  ])('refuses a token with %s', async (_case, claims, code) => {
    const response = await pc.call('GET', '/v1/customers', withToken(await tokenWith(claims)));
    expect(response.status).toBe(401);
    expect(response.body.code).toBe(code);
  });

  it('refuses an expired token and says so', async () => {
    const response = await pc.call('GET', '/v1/customers', withToken(await tokenWith({}, -60)));
    expect(response.status).toBe(401);
    expect(response.body.description).toMatch(/expired/);
  });

  it('refuses a token whose signature was tampered with', async () => {
    // A Sales agent promotes themself to Admin agent.
    const token = await pc.token('alex');
    const [header, payload] = token.split('.');
    const forged = Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(payload!, 'base64url').toString()),
        roles: ['AdminAgents'],
      }),
    ).toString('base64url');
    const response = await pc.call(
      'GET',
      '/v1/customers',
      withToken(`${header}.${forged}.${token.split('.')[2]}`),
    );
    expect(response.status).toBe(401);
  });

  it('refuses a token signed by another key', async () => {
    const { generateKeyPair } = await import('jose');
    const { privateKey } = await generateKeyPair('RS256');
    const adele = localUser('adele');
    const token = await new SignJWT({
      iss: `${ISSUER_ORIGIN}/${adele.tenant.id}/v2.0`,
      aud: PARTNER_CENTER_AUDIENCE,
      scp: 'user_impersonation',
      tid: adele.tenant.id,
      roles: ['AdminAgents'],
    })
      .setProtectedHeader({ alg: 'RS256', kid: pc.signingKey.kid })
      .setExpirationTime('10m')
      .sign(privateKey);
    expect((await pc.call('GET', '/v1/customers', withToken(token))).status).toBe(401);
  });
});

describe('tenant isolation', () => {
  it('lists only the partner’s own customers', async () => {
    const contoso = await pc.call('GET', '/v1/customers?size=500');
    const fabrikam = await pc.call('GET', '/v1/customers?size=500', { user: 'isaiah' });
    expect(fabrikam.body.totalCount).toBe(300);
    expect(contoso.body.totalCount).toBe(200);
    const fabrikamIds = new Set(fabrikam.body.items.map((item: { id: string }) => item.id));
    expect(contoso.body.items.some((item: { id: string }) => fabrikamIds.has(item.id))).toBe(false);
  });

  it.each([
    ['GET', ''],
    ['GET', '/profiles/company'],
    ['GET', '/profiles/billing'],
    ['PATCH', ''],
    ['DELETE', ''],
  ])("answers %s on another partner's customer%s with 403 code 20002", async (method, suffix) => {
    const body = method === 'PATCH' ? { relationshipToPartner: 'none' } : undefined;
    const response = await pc.call(method, `/v1/customers/${fabrikamCustomer}${suffix}`, { body });
    expect(response.status).toBe(403);
    expect(response.body.code).toBe(20002);
    const reverse = await pc.call(method, `/v1/customers/${contosoCustomer}${suffix}`, {
      user: 'isaiah',
      body,
    });
    expect(reverse.status).toBe(403);
  });

  it('answers an unknown customer id exactly like a foreign one, so ids cannot be probed', async () => {
    const response = await pc.call('GET', '/v1/customers/00000000-0000-4000-8000-000000000000');
    expect(response.status).toBe(403);
    expect(response.body.code).toBe(20002);
  });

  it('refuses a billing update of another partner’s customer without touching it', async () => {
    const before = await pc.call('GET', `/v1/customers/${fabrikamCustomer}/profiles/billing`, {
      user: 'isaiah',
    });
    const response = await pc.call('PUT', `/v1/customers/${fabrikamCustomer}/profiles/billing`, {
      body: { ...before.body, email: 'attacker@example.com' },
      headers: { 'if-match': `"${before.body.attributes.etag}"` },
    });
    expect(response.status).toBe(403);
    const after = await pc.call('GET', `/v1/customers/${fabrikamCustomer}/profiles/billing`, {
      user: 'isaiah',
    });
    expect(after.body).toEqual(before.body);
  });
});

describe('roles', () => {
  it('refuses everything to a user without a partner role (403 code 900150)', async () => {
    for (const [method, path] of [
      ['GET', '/v1/customers'],
      ['GET', `/v1/customers/${contosoCustomer}`],
      ['HEAD', '/v1/domains/contoso.onmicrosoft.com'],
      ['GET', '/v1/countryvalidationrules/US'],
    ] as const) {
      const response = await pc.call(method, path, { user: 'diego' });
      expect(response.status, `${method} ${path}`).toBe(403);
      if (method !== 'HEAD') expect(response.body.code).toBe(900150);
    }
  });

  async function billingUpdate(user: 'alex' | 'megan' | 'adele') {
    const current = await pc.call('GET', `/v1/customers/${contosoCustomer}/profiles/billing`, {
      user,
    });
    expect(current.status).toBe(200);
    return pc.call('PUT', `/v1/customers/${contosoCustomer}/profiles/billing`, {
      user,
      body: { ...current.body, firstName: `Edited by ${user}` },
      headers: { 'if-match': `"${current.body.attributes.etag}"` },
    });
  }

  it('lets a Sales agent read and create, not edit billing or manage relationships', async () => {
    expect(
      (await pc.call('GET', `/v1/customers/${contosoCustomer}`, { user: 'alex' })).status,
    ).toBe(200);
    const update = await billingUpdate('alex');
    expect(update.status).toBe(403);
    expect(update.body.code).toBe(900150);
    const patch = await pc.call('PATCH', `/v1/customers/${contosoCustomer}`, {
      user: 'alex',
      body: { relationshipToPartner: 'none' },
    });
    expect(patch.status).toBe(403);
    const create = await pc.call('POST', '/v1/customers', { user: 'alex', body: {} });
    // Allowed through the role check: the empty body is what is refused.
    expect(create.status).toBe(400);
  });

  it('lets a Helpdesk agent read and edit billing, not create customers', async () => {
    expect((await billingUpdate('megan')).status).toBe(200);
    const create = await pc.call('POST', '/v1/customers', { user: 'megan', body: {} });
    expect(create.status).toBe(403);
    expect(create.body.code).toBe(900150);
  });

  it('lets an Admin agent edit billing', async () => {
    expect((await billingUpdate('adele')).status).toBe(200);
  });
});

describe('tracing headers', () => {
  it('echoes MS-RequestId and MS-CorrelationId and adds MS-CV', async () => {
    const response = await pc.call('GET', '/v1/customers?size=1', {
      headers: {
        'MS-RequestId': '0b7c7c2e-7f4e-4b8a-9d36-2a1d3c4e5f60',
        'MS-CorrelationId': '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
      },
    });
    expect(response.headers.get('ms-requestid')).toBe('0b7c7c2e-7f4e-4b8a-9d36-2a1d3c4e5f60');
    expect(response.headers.get('ms-correlationid')).toBe('9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d');
    expect(response.headers.get('ms-cv')).toMatch(/\.0$/);
  });

  it('makes both ids up when the client sent none, on errors too', async () => {
    const response = await pc.call('GET', '/v1/customers', { user: null });
    expect(response.headers.get('ms-correlationid')).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get('ms-requestid')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
