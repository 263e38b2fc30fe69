import type { TestProject } from 'vitest/node';
import { localUser, startEmulator, type EmulatorUnderTest } from './server/emulator/testing.ts';

const users = ['adele', 'alex', 'megan', 'diego', 'isaiah'] as const;

async function describeForClients(
  emulator: EmulatorUnderTest,
  rateLimit: { requests: number; windowSeconds: number },
) {
  const tokens = Object.fromEntries(
    await Promise.all(users.map(async (user) => [user, await emulator.token(user)] as const)),
  ) as Record<(typeof users)[number], string>;
  return {
    baseUrl: emulator.baseUrl,
    tokens,
    tenants: { contoso: localUser('adele').tenant.id, fabrikam: localUser('isaiah').tenant.id },
    rateLimit,
  };
}

/**
 * Two real emulators for the Partner Center client's tests in src/: one roomy, one with a
 * small window to draw 429s from. The client meets them over HTTP, as it meets Microsoft.
 */
export default async function setup(project: TestProject) {
  const roomyLimit = { requests: 100_000, windowSeconds: 60 };
  const smallLimit = { requests: 10, windowSeconds: 2 };
  const emulator = await startEmulator({ customers: 1_234, rateLimit: roomyLimit });
  const throttled = await startEmulator({ customers: 200, rateLimit: smallLimit });
  project.provide('partnerCenter', {
    emulator: await describeForClients(emulator, roomyLimit),
    throttled: await describeForClients(throttled, smallLimit),
  });
  return async () => {
    await emulator.close();
    await throttled.close();
  };
}
