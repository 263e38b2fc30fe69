import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import type { RateLimit } from '../config/env.ts';
import { loadSigningKey, type SigningKey } from '../identity/signing-key.ts';
import { signAccessToken } from '../identity/tokens.ts';
import { localUsers } from '../identity/users.ts';
import { PARTNER_CENTER_AUDIENCE } from './auth.ts';
import type { Faults } from './faults.ts';
import { createEmulator, registerEmulator, type Emulator } from './plugin.ts';

/**
 * The emulator as tests meet it: a real HTTP server on a free port, a real SQLite file, real
 * RS256 tokens from the local sign-in's own signing code. Plain HTTP, because the https layer
 * is the host's and is tested there.
 */

export const ISSUER_ORIGIN = 'https://localhost:8443';
const CLIENT_ID = '6f1e2c9a-4b7d-4e0a-9c3f-0d5b8a2e7c41';

export type UserName = 'adele' | 'alex' | 'megan' | 'diego' | 'isaiah';
const userNames: Record<UserName, string> = {
  adele: 'Adele Vance',
  alex: 'Alex Wilber',
  megan: 'Megan Bowen',
  diego: 'Diego Siciliani',
  isaiah: 'Isaiah Langer',
};

export function localUser(name: UserName) {
  const user = localUsers.find((candidate) => candidate.name === userNames[name]);
  if (!user) throw new Error(`no local user ${name}`);
  return user;
}

export interface EmulatorUnderTest {
  baseUrl: string;
  emulator: Emulator;
  signingKey: SigningKey;
  dataDir: string;
  token(user: UserName): Promise<string>;
  /** fetch with a user's token (or none) and JSON in and out. */
  call(
    method: string,
    path: string,
    options?: { user?: UserName | null; body?: unknown; headers?: Record<string, string> },
    // Responses are inspected field by field; the wire schemas live in the client, which the
    // emulator must not import (it plays Microsoft, and catches the client's mistakes).
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
  ): Promise<{ status: number; headers: Headers; body: any; text: string }>;
  restart(): Promise<void>;
  close(): Promise<void>;
}

export interface StartOptions {
  customers?: number;
  rateLimit?: RateLimit;
  faults?: Faults;
  dataDir?: string;
}

export async function startEmulator(options: StartOptions = {}): Promise<EmulatorUnderTest> {
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'emulator-')));
  const signingKey = await loadSigningKey(dataDir);
  const config = {
    databaseFile: path.join(dataDir, 'emulator.sqlite'),
    reset: false,
    seedCustomers: options.customers ?? 1_000,
    rateLimit: options.rateLimit ?? { requests: 100_000, windowSeconds: 60 },
    faults: options.faults ?? {},
  };
  let app: FastifyInstance;
  let emulator: Emulator;
  let baseUrl = '';

  async function open() {
    emulator = createEmulator(config, {
      jwks: { keys: [signingKey.publicJwk] },
      issuerOrigin: ISSUER_ORIGIN,
    });
    app = Fastify();
    await registerEmulator(app, emulator);
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    baseUrl = address;
  }
  await open();

  const tokens = new Map<UserName, string>();
  const token = async (user: UserName) => {
    let value = tokens.get(user);
    if (!value) {
      value = await signAccessToken(
        { key: signingKey, origin: ISSUER_ORIGIN, accessTokenLifetimeSeconds: 3600 },
        localUser(user),
        CLIENT_ID,
        PARTNER_CENTER_AUDIENCE,
        'user_impersonation',
      );
      tokens.set(user, value);
    }
    return value;
  };

  const harness: EmulatorUnderTest = {
    get baseUrl() {
      return baseUrl;
    },
    get emulator() {
      return emulator;
    },
    signingKey,
    dataDir,
    token,
    async call(method, requestPath, callOptions = {}) {
      const user = callOptions.user === undefined ? 'adele' : callOptions.user;
      const headers: Record<string, string> = {
        accept: 'application/json',
        ...callOptions.headers,
      };
      if (user) headers.authorization = `Bearer ${await token(user)}`;
      let body: string | undefined;
      if (callOptions.body !== undefined) {
        body =
          typeof callOptions.body === 'string'
            ? callOptions.body
            : JSON.stringify(callOptions.body);
        headers['content-type'] ??= 'application/json';
      }
      const response = await fetch(`${baseUrl}${requestPath}`, { method, headers, body });
      const text = await response.text();
      let json: unknown;
      try {
        json = text ? JSON.parse(text) : undefined;
      } catch {
        json = undefined;
      }
      return { status: response.status, headers: response.headers, body: json, text };
    },
    async restart() {
      await app.close();
      emulator.close();
      await open();
    },
    async close() {
      await app.close();
      emulator.close();
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
  return harness;
}
