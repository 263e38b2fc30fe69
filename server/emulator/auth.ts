import { createLocalJWKSet, errors as joseErrors, jwtVerify, type JSONWebKeySet } from 'jose';
import { errorCodes, PartnerCenterError } from './errors.ts';

export const PARTNER_CENTER_AUDIENCE = 'https://api.partnercenter.microsoft.com';
const REQUIRED_SCOPE = 'user_impersonation';

export type Permission = 'read' | 'create' | 'editBilling' | 'manage';

/**
 * Which partner role may do what. Microsoft publishes no per-endpoint table; this follows its
 * role descriptions (Admin agent manages customers, Sales agent adds and views, Helpdesk agent
 * views and edits customer details).
 */
const rolePermissions: Record<string, readonly Permission[]> = {
  AdminAgents: ['read', 'create', 'editBilling', 'manage'],
  SalesAgents: ['read', 'create'],
  HelpdeskAgents: ['read', 'editBilling'],
};

export interface Caller {
  /** The partner tenant: the token's `tid`. Every customer belongs to exactly one. */
  tenantId: string;
  userId: string;
  permissions: ReadonlySet<Permission>;
}

export interface TokenVerifierOptions {
  /** The identity provider's keys, as its JWKS endpoint publishes them. */
  jwks: JSONWebKeySet;
  /** Tokens are issued by `${issuerOrigin}/${tid}/v2.0`, as Entra v2 does per tenant. */
  issuerOrigin: string;
}

function unauthorized(description: string, code: number = errorCodes.tokenMissing) {
  return new PartnerCenterError(401, code, description);
}

export function createTokenVerifier(options: TokenVerifierOptions) {
  const keys = createLocalJWKSet(options.jwks);

  return async function verify(authorization: string | undefined): Promise<Caller> {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    if (!match?.[1]) {
      throw unauthorized('The request has no Authorization header with a Bearer access token.');
    }
    let payload;
    try {
      ({ payload } = await jwtVerify(match[1], keys, { algorithms: ['RS256'] }));
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) {
        throw unauthorized('The access token has expired; acquire a new one.');
      }
      throw unauthorized('The access token is not valid (signature or format).');
    }
    const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
    if (!audiences.includes(PARTNER_CENTER_AUDIENCE)) {
      throw unauthorized(
        `The access token is for another audience; Partner Center accepts ${PARTNER_CENTER_AUDIENCE}.`,
        errorCodes.wrongAudience,
      );
    }
    const tenantId = typeof payload.tid === 'string' ? payload.tid.toLowerCase() : '';
    if (!tenantId || payload.iss !== `${options.issuerOrigin}/${tenantId}/v2.0`) {
      throw unauthorized('The access token was not issued by the partner tenant it names.');
    }
    const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
    if (!scopes.includes(REQUIRED_SCOPE)) {
      throw unauthorized(`The access token lacks the ${REQUIRED_SCOPE} delegated scope.`);
    }
    const roles = Array.isArray(payload.roles) ? payload.roles : [];
    const permissions = new Set<Permission>(
      roles.flatMap((role) => (typeof role === 'string' ? (rolePermissions[role] ?? []) : [])),
    );
    return {
      tenantId,
      userId: typeof payload.oid === 'string' ? payload.oid : '',
      permissions,
    };
  };
}

export type TokenVerifier = ReturnType<typeof createTokenVerifier>;

const permissionWords: Record<Permission, string> = {
  read: 'view customers',
  create: 'create customers',
  editBilling: "edit customers' billing profiles",
  manage: 'manage customer relationships',
};

export function requirePermission(caller: Caller, permission: Permission): void {
  if (caller.permissions.size === 0) {
    throw new PartnerCenterError(
      403,
      errorCodes.roleLacksRight,
      'The signed-in user has no Partner Center role (Admin agent, Sales agent or Helpdesk agent).',
    );
  }
  if (!caller.permissions.has(permission)) {
    throw new PartnerCenterError(
      403,
      errorCodes.roleLacksRight,
      `The signed-in user's role does not allow them to ${permissionWords[permission]}.`,
    );
  }
}
