/**
 * The Content-Security-Policy directives. Only the host itself and the configured authority
 * (and, when the browser calls Partner Center directly, its API) may be reached or framed.
 */
export function cspDirectives(options: {
  authorityOrigin: string | undefined;
  apiOrigin: string | undefined;
  dev: boolean;
}): Record<string, string[]> {
  const external = [options.authorityOrigin].filter((origin): origin is string => Boolean(origin));
  const connect = [...external, options.apiOrigin].filter((origin): origin is string =>
    Boolean(origin),
  );
  return {
    'default-src': ["'self'"],
    // Vite's dev server injects the React refresh preamble inline; production never needs it.
    'script-src': options.dev ? ["'self'", "'unsafe-inline'"] : ["'self'"],
    // Fluent UI (Griffel) inserts its atomic CSS at run time.
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'", ...connect, ...(options.dev ? ['wss:'] : [])],
    'frame-src': ["'self'", ...external],
    'frame-ancestors': ["'none'"],
    'form-action': ["'self'"],
    'base-uri': ["'self'"],
    'object-src': ["'none'"],
    'worker-src': ["'self'"],
    'manifest-src': ["'self'"],
    'upgrade-insecure-requests': [],
  };
}

/**
 * Pages that MSAL loads in a hidden iframe of our own origin for silent sign-in: the redirect
 * bridge and the local authorize endpoint. Everything else refuses to be framed at all.
 */
export function isFramedByOwnOrigin(path: string): boolean {
  return path === '/redirect.html' || /^\/[^/]+\/oauth2\/v2\.0\/authorize$/.test(path);
}

/** Query parameters that carry secrets or personal data; they never reach a log line. */
const sensitiveParams = [
  'code',
  'id_token_hint',
  'logout_hint',
  'login_hint',
  'refresh_token',
  'access_token',
  'client_info',
  'state',
  'nonce',
];

export function redactUrl(url: string): string {
  const queryStart = url.indexOf('?');
  if (queryStart === -1) return url;
  const params = new URLSearchParams(url.slice(queryStart + 1));
  for (const name of sensitiveParams) {
    if (params.has(name)) params.set(name, '[redacted]');
  }
  return `${url.slice(0, queryStart)}?${params.toString()}`;
}
