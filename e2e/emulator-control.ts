import { expect, request } from '@playwright/test';
import { hosts } from './hosts';

/** The emulator's control API (`/_emulator/...`): faults, metrics, resets. */
export async function emulator(method: 'GET' | 'POST' | 'DELETE', path: string, data?: unknown) {
  const api = await request.newContext({ baseURL: hosts.main.baseURL, ignoreHTTPSErrors: true });
  try {
    const response = await api.fetch(`/_emulator/${path}`, { method, data });
    expect(response.ok(), `${method} /_emulator/${path}`).toBe(true);
    return response.status() === 204 ? undefined : ((await response.json()) as unknown);
  } finally {
    await api.dispose();
  }
}

export async function writesOf(tenantId: string): Promise<number> {
  const metrics = (await emulator('GET', 'metrics')) as {
    tenants: Record<string, { writes: number }>;
  };
  return metrics.tenants[tenantId]?.writes ?? 0;
}
