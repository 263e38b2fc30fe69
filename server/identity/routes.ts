import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { apiScope, localApiResource } from '../config/clouds.ts';
import type { SigningKey } from './signing-key.ts';
import { errorPage, signedOutPage, signInPage, signInStyles } from './sign-in-page.ts';
import {
  clientInfo,
  SESSION_LIFETIME_SECONDS,
  signAccessToken,
  signIdToken,
  signRefreshToken,
  signSession,
  verifyRefreshToken,
  verifySession,
  type TokenContext,
} from './tokens.ts';
import { multiTenantSegments, openIdConfiguration } from './discovery.ts';
import { localUsers, tenants, type LocalUser } from './users.ts';

export interface IdentityOptions {
  origin: string;
  clientId: string;
  signingKey: SigningKey;
  accessTokenLifetimeSeconds: number;
}

/** `__Host-` pins the cookie to this origin: Secure, Path=/, no Domain. */
const SESSION_COOKIE = '__Host-local-sign-in';
const CODE_LIFETIME_MS = 5 * 60_000;
const OIDC_SCOPES = new Set(['openid', 'profile', 'offline_access', 'email']);
const knownTenantIds = new Set<string>(Object.values(tenants).map((tenant) => tenant.id));

interface PendingCode {
  user: LocalUser;
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  scope: string;
  nonce: string | undefined;
  expiresAt: number;
}

const authorizeParams = z.object({
  client_id: z.string().optional(),
  redirect_uri: z.string().optional(),
  response_type: z.string().optional(),
  response_mode: z.enum(['query', 'fragment']).optional(),
  scope: z.string().optional(),
  state: z.string().optional(),
  nonce: z.string().optional(),
  code_challenge: z.string().optional(),
  code_challenge_method: z.string().optional(),
  prompt: z.string().optional(),
  login_hint: z.string().optional(),
  user: z.string().optional(),
});
type AuthorizeParams = z.infer<typeof authorizeParams>;

const tokenParams = z.object({
  grant_type: z.string().optional(),
  client_id: z.string().optional(),
  code: z.string().optional(),
  redirect_uri: z.string().optional(),
  code_verifier: z.string().optional(),
  refresh_token: z.string().optional(),
  scope: z.string().optional(),
});

const tenantParam = z.object({ tenant: z.string() });

function sha256Base64Url(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

/** Entra-shaped OAuth error body; `code` is the AADSTS number Entra would send. */
function oauthError(
  reply: FastifyReply,
  status: number,
  error: string,
  code: number,
  message: string,
) {
  const traceId = randomUUID();
  return reply
    .code(status)
    .header('cache-control', 'no-store')
    .send({
      error,
      error_description: `AADSTS${code}: ${message} Trace ID: ${traceId}`,
      error_codes: [code],
      timestamp: new Date().toISOString().replace('T', ' ').slice(0, 19) + 'Z',
      trace_id: traceId,
      correlation_id: randomUUID(),
    });
}

function htmlPage(reply: FastifyReply, status: number, html: string) {
  return reply
    .code(status)
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(html);
}

/**
 * The resource scope a request asks for. The local sign-in knows one resource, Partner Center;
 * a request naming only OpenID scopes gets it too (Entra would hand out a Graph token instead).
 */
function resolveScope(requested: string | undefined): string | undefined {
  const scopes = (requested ?? '').split(/\s+/).filter(Boolean);
  const resourceScopes = scopes.filter((scope) => !OIDC_SCOPES.has(scope));
  const partnerCenterScope = apiScope(localApiResource);
  if (resourceScopes.length === 0) return partnerCenterScope;
  const unknown = resourceScopes.find(
    (scope) => scope !== partnerCenterScope && scope !== `${localApiResource}/.default`,
  );
  return unknown ? undefined : partnerCenterScope;
}

export function registerIdentity(app: FastifyInstance, options: IdentityOptions): void {
  const { origin, clientId, signingKey } = options;
  const context: TokenContext = {
    key: signingKey,
    origin,
    accessTokenLifetimeSeconds: options.accessTokenLifetimeSeconds,
  };
  const redirectUris = new Set([`${origin}/redirect.html`]);
  const codes = new Map<string, PendingCode>();

  function tenantScope(segment: string): LocalUser[] | undefined {
    if (multiTenantSegments.has(segment)) return [...localUsers];
    if (knownTenantIds.has(segment)) return localUsers.filter((user) => user.tenant.id === segment);
    return undefined;
  }

  app.get('/_local-sign-in/styles.css', (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'no-cache').send(signInStyles),
  );

  app.get('/:tenant/v2.0/.well-known/openid-configuration', (request, reply) => {
    const { tenant } = tenantParam.parse(request.params);
    if (!tenantScope(tenant)) {
      return oauthError(reply, 400, 'invalid_tenant', 90002, `Tenant '${tenant}' not found.`);
    }
    return reply.header('cache-control', 'no-cache').send(openIdConfiguration(origin, tenant));
  });

  app.get('/:tenant/discovery/v2.0/keys', (request, reply) => {
    const { tenant } = tenantParam.parse(request.params);
    if (!tenantScope(tenant)) {
      return oauthError(reply, 400, 'invalid_tenant', 90002, `Tenant '${tenant}' not found.`);
    }
    return reply.header('cache-control', 'no-cache').send({ keys: [signingKey.publicJwk] });
  });

  function redirectWith(
    reply: FastifyReply,
    params: AuthorizeParams & { redirect_uri: string },
    values: Record<string, string>,
  ) {
    const payload = new URLSearchParams(values);
    if (params.state) payload.set('state', params.state);
    const separator = params.response_mode === 'query' ? '?' : '#';
    return reply
      .header('cache-control', 'no-store')
      .redirect(`${params.redirect_uri}${separator}${payload}`, 302);
  }

  function issueCode(
    reply: FastifyReply,
    params: AuthorizeParams & { redirect_uri: string; client_id: string; code_challenge: string },
    user: LocalUser,
    scope: string,
  ) {
    const now = Date.now();
    for (const [code, pending] of codes) if (pending.expiresAt < now) codes.delete(code);
    const code = randomBytes(32).toString('base64url');
    codes.set(code, {
      user,
      clientId: params.client_id,
      redirectUri: params.redirect_uri,
      codeChallenge: params.code_challenge,
      scope,
      nonce: params.nonce,
      expiresAt: now + CODE_LIFETIME_MS,
    });
    return redirectWith(reply, params, { code, client_info: clientInfo(user) });
  }

  async function authorize(request: FastifyRequest, reply: FastifyReply) {
    const { tenant } = tenantParam.parse(request.params);
    const parsed = authorizeParams.safeParse({
      ...(request.query as object),
      ...(request.method === 'POST' ? (request.body as object) : {}),
    });
    if (!parsed.success) {
      return htmlPage(
        reply,
        400,
        errorPage('Sign-in request not understood', 'response_mode must be query or fragment.'),
      );
    }
    const params = parsed.data;
    const users = tenantScope(tenant);
    if (!users) {
      return htmlPage(
        reply,
        400,
        errorPage('Unknown tenant', `The tenant "${tenant}" does not exist on the local sign-in.`),
      );
    }
    // Never redirect anywhere before client and redirect URI are known to be registered.
    if (params.client_id !== clientId) {
      return htmlPage(
        reply,
        400,
        errorPage(
          'Unknown application',
          `AADSTS700016: the application "${params.client_id ?? ''}" is not registered with the local sign-in.`,
        ),
      );
    }
    const redirectUri = params.redirect_uri;
    if (!redirectUri || !redirectUris.has(redirectUri)) {
      return htmlPage(
        reply,
        400,
        errorPage(
          'Redirect URI not registered',
          `AADSTS50011: the redirect URI "${redirectUri ?? ''}" does not match ${[...redirectUris].join(', ')}.`,
        ),
      );
    }
    const valid = { ...params, redirect_uri: redirectUri, client_id: params.client_id };
    const fail = (error: string, description: string) =>
      redirectWith(reply, valid, { error, error_description: description });

    if (params.response_type !== 'code') {
      return fail('unsupported_response_type', 'AADSTS700054: response_type must be "code".');
    }
    if (!params.code_challenge || params.code_challenge_method !== 'S256') {
      return fail(
        'invalid_request',
        'AADSTS9002325: Proof Key for Code Exchange (S256) is required for single-page applications.',
      );
    }
    const scope = resolveScope(params.scope);
    if (!scope) {
      return fail(
        'invalid_scope',
        'AADSTS70011: the requested scope names a resource the local sign-in does not know.',
      );
    }
    const withChallenge = { ...valid, code_challenge: params.code_challenge };

    if (request.method === 'POST') {
      const user = users.find((candidate) => candidate.oid === params.user);
      if (!user) {
        return htmlPage(
          reply,
          400,
          errorPage('Unknown account', 'Choose one of the listed accounts.'),
        );
      }
      reply.setCookie(SESSION_COOKIE, await signSession(signingKey, user), {
        path: '/',
        httpOnly: true,
        secure: true,
        sameSite: 'lax',
        maxAge: SESSION_LIFETIME_SECONDS,
      });
      return issueCode(reply, withChallenge, user, scope);
    }

    const prompt = params.prompt ?? '';
    if (prompt === 'none') {
      const user = await verifySession(signingKey, request.cookies[SESSION_COOKIE]);
      if (!user || !users.includes(user)) {
        return fail(
          'login_required',
          'AADSTS50058: a silent sign-in request was sent but no user is signed in.',
        );
      }
      if (params.login_hint && params.login_hint.toLowerCase() !== user.username) {
        return fail(
          'login_required',
          'AADSTS50058: the signed-in user does not match the login hint.',
        );
      }
      return issueCode(reply, withChallenge, user, scope);
    }
    const query = new URLSearchParams(request.query as Record<string, string>);
    return htmlPage(
      reply,
      200,
      signInPage({ users, formAction: `/${tenant}/oauth2/v2.0/authorize?${query}` }),
    );
  }

  app.get('/:tenant/oauth2/v2.0/authorize', authorize);
  app.post('/:tenant/oauth2/v2.0/authorize', authorize);

  app.post('/:tenant/oauth2/v2.0/token', async (request, reply) => {
    const parsed = tokenParams.safeParse(request.body ?? {});
    if (!parsed.success) {
      return oauthError(reply, 400, 'invalid_request', 900144, 'The request body must be a form.');
    }
    const params = parsed.data;
    if (params.client_id !== clientId) {
      return oauthError(
        reply,
        400,
        'unauthorized_client',
        700016,
        `Application '${params.client_id ?? ''}' was not found.`,
      );
    }

    let user: LocalUser;
    let scope: string;
    let nonce: string | undefined;
    if (params.grant_type === 'authorization_code') {
      const pending = params.code ? codes.get(params.code) : undefined;
      // Single use: a code is spent by its first redemption, successful or not.
      if (params.code) codes.delete(params.code);
      if (!pending || pending.expiresAt < Date.now()) {
        return oauthError(
          reply,
          400,
          'invalid_grant',
          70008,
          'The authorization code is invalid, expired or already used.',
        );
      }
      if (pending.clientId !== params.client_id || pending.redirectUri !== params.redirect_uri) {
        return oauthError(
          reply,
          400,
          'invalid_grant',
          70002,
          'The client or redirect URI does not match the authorization request.',
        );
      }
      if (
        !params.code_verifier ||
        sha256Base64Url(params.code_verifier) !== pending.codeChallenge
      ) {
        return oauthError(
          reply,
          400,
          'invalid_grant',
          501481,
          'The code_verifier does not match the code_challenge of the authorization request.',
        );
      }
      user = pending.user;
      scope = pending.scope;
      nonce = pending.nonce;
    } else if (params.grant_type === 'refresh_token') {
      const grant = params.refresh_token
        ? await verifyRefreshToken(signingKey, params.refresh_token)
        : undefined;
      if (!grant || grant.clientId !== params.client_id) {
        return oauthError(
          reply,
          400,
          'invalid_grant',
          700082,
          'The refresh token is invalid or has expired. Sign in again.',
        );
      }
      const requested = params.scope ? resolveScope(params.scope) : grant.scope;
      if (!requested) {
        return oauthError(
          reply,
          400,
          'invalid_scope',
          70011,
          'The requested scope names a resource the local sign-in does not know.',
        );
      }
      user = grant.user;
      scope = requested;
    } else {
      return oauthError(
        reply,
        400,
        'unsupported_grant_type',
        70003,
        'Only authorization_code and refresh_token grants are supported.',
      );
    }

    const audience = scope.slice(0, scope.lastIndexOf('/'));
    const [accessToken, idToken, refreshToken] = await Promise.all([
      signAccessToken(context, user, clientId, audience, 'user_impersonation'),
      signIdToken(context, user, clientId, nonce),
      signRefreshToken(context, { user, clientId, scope }),
    ]);
    return reply
      .header('cache-control', 'no-store')
      .header('pragma', 'no-cache')
      .send({
        token_type: 'Bearer',
        scope,
        expires_in: options.accessTokenLifetimeSeconds,
        ext_expires_in: options.accessTokenLifetimeSeconds,
        access_token: accessToken,
        refresh_token: refreshToken,
        id_token: idToken,
        client_info: clientInfo(user),
      });
  });

  const logout = (request: FastifyRequest, reply: FastifyReply) => {
    reply.clearCookie(SESSION_COOKIE, { path: '/', secure: true, httpOnly: true, sameSite: 'lax' });
    const target = (request.query as Record<string, string | undefined>).post_logout_redirect_uri;
    let sameOrigin = false;
    try {
      sameOrigin = target !== undefined && new URL(target).origin === origin;
    } catch {
      sameOrigin = false;
    }
    if (target && sameOrigin)
      return reply.header('cache-control', 'no-store').redirect(target, 302);
    return htmlPage(reply, 200, signedOutPage());
  };
  app.get('/:tenant/oauth2/v2.0/logout', logout);
  app.post('/:tenant/oauth2/v2.0/logout', logout);
}
