import { randomUUID } from 'node:crypto';
import { SignJWT, jwtVerify, type JWTPayload } from 'jose';
import type { SigningKey } from './signing-key.ts';
import { findUser, type LocalUser } from './users.ts';

/** Where refresh tokens and session cookies come from; they are never accepted as access tokens. */
const INTERNAL_ISSUER = 'urn:local-sign-in';
const REFRESH_AUDIENCE = 'urn:local-sign-in:refresh';
const SESSION_AUDIENCE = 'urn:local-sign-in:session';

export const REFRESH_TOKEN_LIFETIME_SECONDS = 24 * 3600;
export const SESSION_LIFETIME_SECONDS = 12 * 3600;

export function issuerFor(origin: string, tenantId: string): string {
  return `${origin}/${tenantId}/v2.0`;
}

export function clientInfo(user: LocalUser): string {
  return Buffer.from(JSON.stringify({ uid: user.oid, utid: user.tenant.id })).toString('base64url');
}

export interface TokenContext {
  key: SigningKey;
  origin: string;
  accessTokenLifetimeSeconds: number;
}

async function sign(key: SigningKey, payload: JWTPayload, lifetimeSeconds: number, typ = 'JWT') {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ })
    .setIssuedAt(now)
    .setNotBefore(now)
    .setExpirationTime(now + lifetimeSeconds)
    .sign(key.privateKey);
}

export function signIdToken(
  context: TokenContext,
  user: LocalUser,
  clientId: string,
  nonce: string | undefined,
): Promise<string> {
  return sign(
    context.key,
    {
      iss: issuerFor(context.origin, user.tenant.id),
      aud: clientId,
      ver: '2.0',
      sub: user.oid,
      oid: user.oid,
      tid: user.tenant.id,
      name: user.name,
      preferred_username: user.username,
      // Entra puts assigned app roles in the id token too; the shell reads the role from here
      // because clients must treat access tokens as opaque.
      roles: user.roles,
      // A local extension: Entra id tokens do not name the tenant, the shell falls back to the
      // user's domain when this is absent.
      tenant_display_name: user.tenant.displayName,
      ...(nonce ? { nonce } : {}),
    },
    context.accessTokenLifetimeSeconds,
  );
}

export function signAccessToken(
  context: TokenContext,
  user: LocalUser,
  clientId: string,
  audience: string,
  scope: string,
): Promise<string> {
  return sign(
    context.key,
    {
      iss: issuerFor(context.origin, user.tenant.id),
      aud: audience,
      scp: scope,
      azp: clientId,
      ver: '2.0',
      sub: user.oid,
      oid: user.oid,
      tid: user.tenant.id,
      upn: user.username,
      name: user.name,
      roles: user.roles,
      uti: randomUUID(),
    },
    context.accessTokenLifetimeSeconds,
    'at+jwt',
  );
}

export interface RefreshGrant {
  user: LocalUser;
  clientId: string;
  scope: string;
}

export function signRefreshToken(context: TokenContext, grant: RefreshGrant): Promise<string> {
  return sign(
    context.key,
    {
      iss: INTERNAL_ISSUER,
      aud: REFRESH_AUDIENCE,
      sub: grant.user.oid,
      azp: grant.clientId,
      scp: grant.scope,
      jti: randomUUID(),
    },
    REFRESH_TOKEN_LIFETIME_SECONDS,
  );
}

async function verifyInternal(
  key: SigningKey,
  token: string,
  audience: string,
): Promise<JWTPayload | undefined> {
  try {
    const { payload } = await jwtVerify(token, key.publicKey, {
      issuer: INTERNAL_ISSUER,
      audience,
      algorithms: ['RS256'],
    });
    return payload;
  } catch {
    return undefined;
  }
}

export async function verifyRefreshToken(
  key: SigningKey,
  token: string,
): Promise<RefreshGrant | undefined> {
  const payload = await verifyInternal(key, token, REFRESH_AUDIENCE);
  const user = typeof payload?.sub === 'string' ? findUser(payload.sub) : undefined;
  if (!payload || !user || typeof payload.azp !== 'string' || typeof payload.scp !== 'string') {
    return undefined;
  }
  return { user, clientId: payload.azp, scope: payload.scp };
}

export function signSession(key: SigningKey, user: LocalUser): Promise<string> {
  return sign(
    key,
    { iss: INTERNAL_ISSUER, aud: SESSION_AUDIENCE, sub: user.oid },
    SESSION_LIFETIME_SECONDS,
  );
}

export async function verifySession(
  key: SigningKey,
  token: string | undefined,
): Promise<LocalUser | undefined> {
  if (!token) return undefined;
  const payload = await verifyInternal(key, token, SESSION_AUDIENCE);
  return typeof payload?.sub === 'string' ? findUser(payload.sub) : undefined;
}
