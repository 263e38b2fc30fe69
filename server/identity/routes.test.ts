import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import Fastify, { type FastifyInstance } from 'fastify';
import { createLocalJWKSet, decodeJwt, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerIdentity } from './routes.ts';
import { loadSigningKey } from './signing-key.ts';
import { localUsers, tenants } from './users.ts';

const origin = 'https://localhost:8443';
const clientId = '6f1e2c9a-4b7d-4e0a-9c3f-0d5b8a2e7c41';
const redirectUri = `${origin}/redirect.html`;
const scope =
  'https://api.partnercenter.microsoft.com/user_impersonation openid profile offline_access';
const adele = localUsers.find((user) => user.name === 'Adele Vance')!;
const diego = localUsers.find((user) => user.name === 'Diego Siciliani')!;

let app: FastifyInstance;
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'identity-'));
  app = Fastify();
  await app.register(fastifyCookie);
  await app.register(fastifyFormbody);
  registerIdentity(app, {
    origin,
    clientId,
    signingKey: await loadSigningKey(dataDir),
    accessTokenLifetimeSeconds: 120,
  });
  await app.ready();
});

afterAll(async () => {
  await app.close();
  await rm(dataDir, { recursive: true, force: true });
});

function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

function authorizeQuery(overrides: Record<string, string> = {}) {
  return new URLSearchParams({
    client_id: clientId,
    redirect_uri: redirectUri,
    response_type: 'code',
    response_mode: 'fragment',
    scope,
    state: 'state-123',
    nonce: 'nonce-456',
    code_challenge_method: 'S256',
    ...overrides,
  }).toString();
}

function fragmentOf(location: string | undefined) {
  expect(location).toBeDefined();
  const [base, fragment] = location!.split('#');
  expect(base).toBe(redirectUri);
  return new URLSearchParams(fragment);
}

async function signInAs(user: { oid: string }, challenge: string, tenant = 'organizations') {
  const response = await app.inject({
    method: 'POST',
    url: `/${tenant}/oauth2/v2.0/authorize?${authorizeQuery({ code_challenge: challenge })}`,
    payload: new URLSearchParams({ user: user.oid }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  return response;
}

function redeem(params: Record<string, string>) {
  return app.inject({
    method: 'POST',
    url: '/organizations/oauth2/v2.0/token',
    payload: new URLSearchParams({ client_id: clientId, ...params }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
}

async function codeFor(user: { oid: string }) {
  const { verifier, challenge } = pkce();
  const response = await signInAs(user, challenge);
  expect(response.statusCode).toBe(302);
  const params = fragmentOf(response.headers.location as string);
  const sessionCookie = response.cookies.find((cookie) => cookie.name === '__Host-local-sign-in');
  return { code: params.get('code')!, verifier, params, sessionCookie };
}

function redeemCode(code: string, verifier: string, extra: Record<string, string> = {}) {
  return redeem({
    grant_type: 'authorization_code',
    code,
    redirect_uri: redirectUri,
    code_verifier: verifier,
    ...extra,
  });
}

/** A full sign-in: authorize as the user, then redeem the code. */
async function tokensFor(user: { oid: string }) {
  const { code, verifier } = await codeFor(user);
  const response = await redeemCode(code, verifier);
  expect(response.statusCode).toBe(200);
  return response.json();
}

describe('discovery and keys', () => {
  it('serves Entra v2 metadata for the multi-tenant and per-tenant authorities', async () => {
    const multi = (await app.inject(`/organizations/v2.0/.well-known/openid-configuration`)).json();
    expect(multi).toMatchObject({
      issuer: `${origin}/{tenantid}/v2.0`,
      authorization_endpoint: `${origin}/organizations/oauth2/v2.0/authorize`,
      token_endpoint: `${origin}/organizations/oauth2/v2.0/token`,
      end_session_endpoint: `${origin}/organizations/oauth2/v2.0/logout`,
      jwks_uri: `${origin}/organizations/discovery/v2.0/keys`,
    });
    const single = (
      await app.inject(`/${tenants.contoso.id}/v2.0/.well-known/openid-configuration`)
    ).json();
    expect(single.issuer).toBe(`${origin}/${tenants.contoso.id}/v2.0`);
    const unknown = await app.inject('/not-a-tenant/v2.0/.well-known/openid-configuration');
    expect(unknown.statusCode).toBe(400);
  });
});

describe('authorize', () => {
  it('shows one button per local user, labelled with the name', async () => {
    const response = await app.inject(
      `/organizations/oauth2/v2.0/authorize?${authorizeQuery({ code_challenge: 'x' })}`,
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    for (const user of localUsers) {
      expect(response.body).toContain(`value="${user.oid}"`);
      expect(response.body).toContain(`>${user.name}</button>`);
    }
  });

  it("lists only the tenant's own users on a tenant authority", async () => {
    const response = await app.inject(
      `/${tenants.fabrikam.id}/oauth2/v2.0/authorize?${authorizeQuery({ code_challenge: 'x' })}`,
    );
    expect(response.body).toContain('Isaiah Langer');
    expect(response.body).not.toContain('Adele Vance');
    const wrongTenant = await signInAs(adele, 'x', tenants.fabrikam.id);
    expect(wrongTenant.statusCode).toBe(400);
  });

  it('never redirects to an unregistered redirect URI or for an unknown client', async () => {
    const evil = await app.inject(
      `/organizations/oauth2/v2.0/authorize?${authorizeQuery({ redirect_uri: 'https://evil.example/cb', code_challenge: 'x' })}`,
    );
    expect(evil.statusCode).toBe(400);
    expect(evil.headers.location).toBeUndefined();
    expect(evil.body).toContain('AADSTS50011');
    const client = await app.inject(
      `/organizations/oauth2/v2.0/authorize?${authorizeQuery({ client_id: 'someone-else', code_challenge: 'x' })}`,
    );
    expect(client.statusCode).toBe(400);
    expect(client.headers.location).toBeUndefined();
  });

  it('requires PKCE S256', async () => {
    const response = await app.inject(`/organizations/oauth2/v2.0/authorize?${authorizeQuery()}`);
    const params = fragmentOf(response.headers.location as string);
    expect(params.get('error')).toBe('invalid_request');
    expect(params.get('state')).toBe('state-123');
  });

  it('answers prompt=none from the session cookie, and login_required without one', async () => {
    const { challenge } = pkce();
    const withoutSession = await app.inject(
      `/organizations/oauth2/v2.0/authorize?${authorizeQuery({ prompt: 'none', code_challenge: challenge })}`,
    );
    expect(fragmentOf(withoutSession.headers.location as string).get('error')).toBe(
      'login_required',
    );

    const { sessionCookie } = await codeFor(adele);
    expect(sessionCookie).toMatchObject({
      httpOnly: true,
      secure: true,
      path: '/',
      sameSite: 'Lax',
    });
    const silent = await app.inject({
      url: `/organizations/oauth2/v2.0/authorize?${authorizeQuery({ prompt: 'none', code_challenge: challenge })}`,
      cookies: { [sessionCookie!.name]: sessionCookie!.value },
    });
    const params = fragmentOf(silent.headers.location as string);
    expect(params.get('code')).toBeTruthy();
    expect(params.get('state')).toBe('state-123');

    const otherHint = await app.inject({
      url: `/organizations/oauth2/v2.0/authorize?${authorizeQuery({ prompt: 'none', code_challenge: challenge, login_hint: 'alex@contosopartners.onmicrosoft.com' })}`,
      cookies: { [sessionCookie!.name]: sessionCookie!.value },
    });
    expect(fragmentOf(otherHint.headers.location as string).get('error')).toBe('login_required');
  });
});

describe('token', () => {
  it('redeems a code once, with the PKCE verifier, for Entra-shaped tokens', async () => {
    const { code, verifier, params } = await codeFor(adele);
    const clientInfo = JSON.parse(Buffer.from(params.get('client_info')!, 'base64url').toString());
    expect(clientInfo).toEqual({ uid: adele.oid, utid: adele.tenant.id });

    const response = await redeemCode(code, verifier, { scope });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const body = response.json();
    expect(body).toMatchObject({
      token_type: 'Bearer',
      scope: 'https://api.partnercenter.microsoft.com/user_impersonation',
      expires_in: 120,
    });

    const jwks = createLocalJWKSet(
      (await app.inject(`/${adele.tenant.id}/discovery/v2.0/keys`)).json(),
    );
    const { payload: access } = await jwtVerify(body.access_token, jwks, {
      issuer: `${origin}/${adele.tenant.id}/v2.0`,
      audience: 'https://api.partnercenter.microsoft.com',
    });
    expect(access).toMatchObject({
      scp: 'user_impersonation',
      azp: clientId,
      oid: adele.oid,
      tid: adele.tenant.id,
      upn: adele.username,
      name: 'Adele Vance',
      roles: ['AdminAgents'],
    });
    expect(access.exp! - access.iat!).toBe(120);

    const id = decodeJwt(body.id_token);
    expect(id).toMatchObject({
      aud: clientId,
      ver: '2.0',
      oid: adele.oid,
      sub: adele.oid,
      tid: adele.tenant.id,
      name: 'Adele Vance',
      preferred_username: adele.username,
      nonce: 'nonce-456',
    });

    const again = await redeemCode(code, verifier);
    expect(again.statusCode).toBe(400);
    expect(again.json().error).toBe('invalid_grant');
  });

  it('refuses a wrong verifier and spends the code anyway', async () => {
    const { code, verifier } = await codeFor(adele);
    const wrong = await redeemCode(code, pkce().verifier);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error_codes).toEqual([501481]);
    const right = await redeemCode(code, verifier);
    expect(right.statusCode).toBe(400);
  });

  it('refreshes with a refresh token and refuses a tampered one', async () => {
    const first = await tokensFor(diego);
    expect(decodeJwt(first.access_token).roles).toEqual([]);

    const refreshed = await redeem({
      grant_type: 'refresh_token',
      refresh_token: first.refresh_token,
      scope,
    });
    expect(refreshed.statusCode).toBe(200);
    const body = refreshed.json();
    expect(decodeJwt(body.access_token).oid).toBe(diego.oid);
    expect(body.refresh_token).not.toBe(first.refresh_token);

    const tampered = `${first.refresh_token.slice(0, -4)}AAAA`;
    const refused = await redeem({ grant_type: 'refresh_token', refresh_token: tampered });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toBe('invalid_grant');

    // An access token is not a refresh token.
    const confused = await redeem({
      grant_type: 'refresh_token',
      refresh_token: first.access_token,
    });
    expect(confused.statusCode).toBe(400);
  });

  it('refuses other clients, grants and resources', async () => {
    expect((await redeem({ grant_type: 'client_credentials' })).json().error).toBe(
      'unsupported_grant_type',
    );
    const other = await app.inject({
      method: 'POST',
      url: '/organizations/oauth2/v2.0/token',
      payload: 'client_id=someone-else&grant_type=refresh_token&refresh_token=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(other.json().error).toBe('unauthorized_client');
    const first = await tokensFor(adele);
    const graph = await redeem({
      grant_type: 'refresh_token',
      refresh_token: first.refresh_token,
      scope: 'https://graph.microsoft.com/User.Read',
    });
    expect(graph.json().error).toBe('invalid_scope');
  });
});

describe('logout', () => {
  it('clears the session and returns only to this origin', async () => {
    const back = await app.inject(
      `/organizations/oauth2/v2.0/logout?post_logout_redirect_uri=${encodeURIComponent(`${origin}/sign-in`)}`,
    );
    expect(back.statusCode).toBe(302);
    expect(back.headers.location).toBe(`${origin}/sign-in`);
    const cleared = back.cookies.find((cookie) => cookie.name === '__Host-local-sign-in');
    expect(cleared?.value).toBe('');

    const elsewhere = await app.inject(
      `/organizations/oauth2/v2.0/logout?post_logout_redirect_uri=${encodeURIComponent('https://evil.example/')}`,
    );
    expect(elsewhere.statusCode).toBe(200);
    expect(elsewhere.headers.location).toBeUndefined();
    expect(elsewhere.body).toContain('You have signed out');
  });
});
