import { issuerFor } from './tokens.ts';

/** Path segments that stand for every tenant, as Entra's do. */
export const multiTenantSegments = new Set(['organizations', 'common']);

/**
 * The OpenID configuration of the local sign-in for one tenant segment: what Entra's
 * `/.well-known/openid-configuration` says, with this host's endpoints.
 */
export function openIdConfiguration(origin: string, segment: string) {
  const base = `${origin}/${segment}`;
  return {
    issuer: multiTenantSegments.has(segment)
      ? issuerFor(origin, '{tenantid}')
      : issuerFor(origin, segment),
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    token_endpoint: `${base}/oauth2/v2.0/token`,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    jwks_uri: `${base}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment'],
    response_types_supported: ['code'],
    grant_types_supported: ['authorization_code', 'refresh_token'],
    code_challenge_methods_supported: ['S256'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    token_endpoint_auth_methods_supported: ['none'],
    claims_supported: [
      'sub',
      'iss',
      'aud',
      'exp',
      'iat',
      'nbf',
      'name',
      'preferred_username',
      'oid',
      'tid',
      'ver',
      'nonce',
      'roles',
    ],
    tenant_region_scope: 'WW',
    cloud_instance_name: new URL(origin).host,
    request_uri_parameter_supported: false,
  };
}
