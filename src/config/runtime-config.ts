// zod's small build: this module is on the first screen's path, and the full build's chainable
// methods cost some 20 KiB gzipped that no other boot module needs.
import * as z from 'zod/mini';

/** /config.json, served by the host: the only place environment-specific values come from. */
// zod/mini carries no English messages (its locale would cost more than these few sentences),
// so each field says what it wants: the boot error page shows them to whoever runs the portal.
const text = z.string({ error: 'must be text' }).check(z.minLength(1, 'must not be empty'));
const httpsUrl = z.url({ protocol: /^https$/, error: 'must be an https:// URL' });
const whole = z
  .number({ error: 'must be a number' })
  .check(z.int('must be a whole number'), z.positive('must be above 0'));

export const runtimeConfigSchema = z.object(
  {
    mode: z.enum(['local', 'cloud'], 'must be "local" or "cloud"'),
    cloud: z.enum(['local', 'global', 'usgov', 'china'], 'must be local, global, usgov or china'),
    cloudDisplayName: text,
    auth: z.object(
      {
        clientId: z.uuid('must be a GUID'),
        tenant: text,
        authority: httpsUrl,
        knownAuthorities: z.array(text, 'must be a list'),
        /** The authority's OpenID configuration, when MSAL carries none for it (the local sign-in). */
        authorityMetadata: z.optional(text),
        scopes: z.array(text, 'must be a list').check(z.minLength(1, 'must name a scope')),
      },
      'is missing',
    ),
    api: z.object(
      {
        baseUrl: z.union([z.literal(''), httpsUrl], 'must be empty or an https:// URL'),
      },
      'is missing',
    ),
    rateLimit: z.object(
      {
        requests: whole,
        windowSeconds: whole,
      },
      'is missing',
    ),
  },
  'must be a JSON object',
);

export type RuntimeConfig = z.infer<typeof runtimeConfigSchema>;

export class RuntimeConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RuntimeConfigError';
  }
}

export function parseRuntimeConfig(value: unknown): RuntimeConfig {
  const result = runtimeConfigSchema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map(
    (issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`,
  );
  throw new RuntimeConfigError(`The portal configuration is invalid. ${problems.join('; ')}.`);
}

export async function loadRuntimeConfig(
  fetchConfig: (url: string) => Promise<Response> = (url) =>
    fetch(url, { cache: 'no-store', headers: { accept: 'application/json' } }),
): Promise<RuntimeConfig> {
  let response: Response;
  try {
    response = await fetchConfig('/config.json');
  } catch {
    throw new RuntimeConfigError(
      'The portal configuration (/config.json) could not be loaded: the host did not answer.',
    );
  }
  if (!response.ok) {
    throw new RuntimeConfigError(
      `The portal configuration (/config.json) could not be loaded: the host answered ${response.status}.`,
    );
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new RuntimeConfigError('The portal configuration (/config.json) is not valid JSON.');
  }
  return parseRuntimeConfig(body);
}
