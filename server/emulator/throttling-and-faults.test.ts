import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { localUser, startEmulator, type EmulatorUnderTest } from './testing.ts';

let pc: EmulatorUnderTest;
const contoso = localUser('adele').tenant.id;

beforeAll(async () => {
  pc = await startEmulator({ customers: 50, rateLimit: { requests: 5, windowSeconds: 2 } });
});
afterAll(() => pc.close());
beforeEach(() => pc.emulator.faults.clear());

/** Until no request of Contoso's is left in the window, however long that takes here. */
async function waitForEmptyWindow() {
  while ((pc.emulator.throttle.metrics()[contoso]?.inWindow ?? 0) > 0) await sleep(50);
}

function postFaults(faults: Record<string, unknown>) {
  return fetch(`${pc.baseUrl}/_emulator/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(faults),
  });
}

describe('throttling', () => {
  it('answers the request over the budget with 429, Retry-After and Partner Center’s body', async () => {
    await waitForEmptyWindow();
    pc.emulator.throttle.resetMetrics();
    const statuses = [];
    for (let i = 0; i < 5; i += 1)
      statuses.push((await pc.call('GET', '/v1/customers?size=1')).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    const refused = await pc.call('GET', '/v1/customers?size=1');
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(2);
    expect(refused.body).toEqual({
      statusCode: 429,
      message: `Rate limit is exceeded. Try again in ${retryAfter} seconds.`,
    });
    // Other partners have budgets of their own.
    expect((await pc.call('GET', '/v1/customers?size=1', { user: 'isaiah' })).status).toBe(200);
    // Not the Customer resource: not counted.
    expect((await pc.call('GET', '/v1/countryvalidationrules/US')).status).toBe(200);
    await sleep(retryAfter * 1000);
    expect((await pc.call('GET', '/v1/customers?size=1')).status).toBe(200);

    const metrics = (await fetch(`${pc.baseUrl}/_emulator/metrics`).then((response) =>
      response.json(),
    )) as { window: unknown; tenants: Record<string, unknown> };
    expect(metrics.window).toEqual({ limit: 5, seconds: 2 });
    expect(metrics.tenants[contoso]).toEqual({
      requests: 7,
      throttled: 1,
      maxInWindow: 6,
      writes: 0,
      inWindow: 1,
    });
  });

  it('counts every customer operation, detail and profiles included', async () => {
    await waitForEmptyWindow();
    const id = (await pc.call('GET', '/v1/customers?size=1')).body.items[0].id;
    for (const path of [
      `/v1/customers/${id}`,
      `/v1/customers/${id}/profiles/billing`,
      `/v1/customers/${id}/profiles/company`,
      '/v1/customers',
    ]) {
      expect((await pc.call('GET', path)).status).toBe(200);
    }
    expect((await pc.call('GET', `/v1/customers/${id}`)).status).toBe(429);
  });
});

describe('faults', () => {
  it('storms: every customer call gets 429 for the given time', async () => {
    await waitForEmptyWindow();
    await postFaults({ throttleStormSeconds: 30, tenantId: contoso });
    const response = await pc.call('GET', '/v1/customers?size=1');
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(25);
    expect((await pc.call('GET', '/v1/customers?size=1', { user: 'isaiah' })).status).toBe(200);
  });

  it('storms until cleared, however long the caller takes to arrive', async () => {
    await waitForEmptyWindow();
    await postFaults({
      throttleUntilCleared: true,
      throttleRetryAfterSeconds: 3,
      tenantId: contoso,
    });
    for (let i = 0; i < 8; i += 1) {
      const response = await pc.call('GET', '/v1/customers?size=1');
      expect(response.status).toBe(429);
      expect(response.headers.get('retry-after')).toBe('3');
    }
    expect((await pc.call('GET', '/v1/customers?size=1', { user: 'isaiah' })).status).toBe(200);
    await fetch(`${pc.baseUrl}/_emulator/faults`, { method: 'DELETE' });
    expect((await pc.call('GET', '/v1/customers?size=1')).status).toBe(200);
  });

  it('refuses exactly the next N customer calls, then admits again', async () => {
    await waitForEmptyWindow();
    await postFaults({ throttleNextRequests: 2, tenantId: contoso });
    // Not the Customer resource: neither refused nor spending one of the N.
    expect((await pc.call('GET', '/v1/countryvalidationrules/US')).status).toBe(200);
    const first = await pc.call('GET', '/v1/customers?size=1');
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('5');
    expect((await pc.call('GET', '/v1/customers?size=1')).status).toBe(429);
    expect((await pc.call('GET', '/v1/customers?size=1')).status).toBe(200);
    const shown = (await fetch(`${pc.baseUrl}/_emulator/faults`).then((response) =>
      response.json(),
    )) as Record<string, { throttleNextRequests: number }>;
    expect(shown[contoso]?.throttleNextRequests).toBe(0);
  });

  it('throttles, or answers 503 to, only the methods it is told to', async () => {
    await waitForEmptyWindow();
    await postFaults({ throttleUntilCleared: true, onlyMethods: ['PUT'], tenantId: contoso });
    const listed = await pc.call('GET', '/v1/customers?size=1');
    expect(listed.status).toBe(200);
    const id = listed.body.items[0].id as string;
    const profile = (await pc.call('GET', `/v1/customers/${id}/profiles/billing`)).body;
    const saved = await pc.call('PUT', `/v1/customers/${id}/profiles/billing`, { body: profile });
    expect(saved.status).toBe(429);

    await postFaults({ serviceUnavailableRate: 1, onlyMethods: ['PUT'], tenantId: contoso });
    expect((await pc.call('GET', `/v1/customers/${id}`)).status).toBe(200);
    const refused = await pc.call('PUT', `/v1/customers/${id}/profiles/billing`, { body: profile });
    expect(refused.status).toBe(503);
  });

  it('answers 503 for the given share of requests', async () => {
    pc.emulator.faults.set({ serviceUnavailableRate: 1 });
    const response = await pc.call('GET', '/v1/countryvalidationrules/DE');
    expect(response.status).toBe(503);
    expect(response.body.source).toBe('PartnerFD');
  });

  it('rejects every token when told to', async () => {
    pc.emulator.faults.set({ rejectTokens: true });
    const response = await pc.call('GET', '/v1/countryvalidationrules/DE');
    expect(response.status).toBe(401);
    expect(response.body.description).toMatch(/revoked/);
  });

  it('adds latency', async () => {
    pc.emulator.faults.set({ latencyMs: 300 });
    const started = performance.now();
    expect((await pc.call('GET', '/v1/countryvalidationrules/DE')).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('validates what it is told, and shows what is in force', async () => {
    const refused = await fetch(`${pc.baseUrl}/_emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ serviceUnavailableRate: 2 }),
    });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { description: string }).description).toMatch(
      /serviceUnavailableRate/,
    );
    await fetch(`${pc.baseUrl}/_emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ latencyMs: 5 }),
    });
    const shown = (await fetch(`${pc.baseUrl}/_emulator/faults`).then((response) =>
      response.json(),
    )) as Record<string, unknown>;
    expect(shown['*']).toMatchObject({ latencyMs: 5 });
    expect((await fetch(`${pc.baseUrl}/_emulator/faults`, { method: 'DELETE' })).status).toBe(204);
    expect(
      await fetch(`${pc.baseUrl}/_emulator/faults`).then((response) => response.json()),
    ).toEqual({});
  });
});
