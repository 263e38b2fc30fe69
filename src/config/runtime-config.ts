import { z } from 'zod';

/** /config.json, served by the host: the only place environment-specific values come from. */
export const runtimeConfigSchema = z.object({
  mode: z.enum(['local', 'cloud']),
  cloud: z.enum(['local', 'global', 'usgov', 'china']),
  cloudDisplayName: z.string().min(1),
  auth: z.object({
    clientId: z.uuid(),
    tenant: z.string().min(1),
    authority: z.url({ protocol: /^https$/ }),
    knownAuthorities: z.array(z.string().min(1)),
    scopes: z.array(z.string().min(1)).min(1),
  }),
  api: z.object({
    baseUrl: z.union([z.literal(''), z.url({ protocol: /^https$/ })]),
  }),
  rateLimit: z.object({
    requests: z.number().int().positive(),
    windowSeconds: z.number().int().positive(),
  }),
});

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
