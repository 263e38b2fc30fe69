import { afterAll, beforeAll, expect, it } from 'vitest';
import { startEmulator, type EmulatorUnderTest } from './testing.ts';

let pc: EmulatorUnderTest;

beforeAll(async () => {
  pc = await startEmulator({ customers: 10_000 });
});
afterAll(() => pc.close());

/** A valid new US customer; only the domain and the name vary. */
function newCustomer(domainPrefix: string, companyName: string) {
  return {
    companyProfile: { domain: `${domainPrefix}.onmicrosoft.com` },
    billingProfile: {
      email: 'a@example.com',
      culture: 'en-US',
      language: 'en',
      companyName,
      defaultAddress: {
        country: 'US',
        city: 'Redmond',
        state: 'WA',
        postalCode: '98052',
        addressLine1: '1 Main St',
        firstName: 'A',
        lastName: 'B',
      },
    },
  };
}

function existingIds(): Set<string> {
  const rows = pc.emulator.store.db
    .prepare('SELECT id FROM customers WHERE partner_id = ?')
    .all('4b5e8d2a-1c3f-4a6e-9b7d-2f8c0e1a3d5b') as { id: string }[];
  return new Set(rows.map((row) => row.id));
}

it('walks all 10,000 customers while another client creates more: none repeated, none missed', async () => {
  const atStart = existingIds();
  expect(atStart.size).toBe(10_000);

  let creating = true;
  let created = 0;
  const creator = (async () => {
    for (let n = 0; creating; n += 1) {
      const response = await pc.call('POST', '/v1/customers', {
        user: 'alex',
        // Names that sort everywhere, before and after the walker's position.
        body: newCustomer(
          `pagingrace${n}`,
          `${String.fromCharCode(65 + (n % 26))} Concurrent ${n}`,
        ),
      });
      expect(response.status).toBe(201);
      created += 1;
    }
  })();

  const seen: string[] = [];
  let response = await pc.call('GET', '/v1/customers?size=50');
  for (;;) {
    expect(response.status).toBe(200);
    seen.push(...response.body.items.map((item: { id: string }) => item.id));
    const next = response.body.links.next;
    if (!next) break;
    response = await pc.call('GET', next.uri, {
      headers: { 'MS-ContinuationToken': response.body.continuationToken },
    });
  }
  creating = false;
  await creator;

  expect(created).toBeGreaterThan(5);
  expect(new Set(seen).size).toBe(seen.length);
  const seenSet = new Set(seen);
  const missed = [...atStart].filter((id) => !seenSet.has(id));
  expect(missed).toEqual([]);
});

it('walks a company-name search while names are created before and after the cursor', async () => {
  const filter = encodeURIComponent(
    JSON.stringify({ Field: 'CompanyName', Value: 'a', Operator: 'starts_with' }),
  );
  const matching = () =>
    new Set(
      (
        pc.emulator.store.db
          .prepare(
            "SELECT id FROM customers WHERE partner_id = ? AND name_key >= 'a' AND name_key < 'b'",
          )
          .all('4b5e8d2a-1c3f-4a6e-9b7d-2f8c0e1a3d5b') as { id: string }[]
      ).map((row) => row.id),
    );
  const atStart = matching();
  const seen: string[] = [];
  let response = await pc.call('GET', `/v1/customers?size=25&filter=${filter}`);
  let n = 0;
  for (;;) {
    seen.push(...response.body.items.map((item: { id: string }) => item.id));
    n += 1;
    await pc.call('POST', '/v1/customers', {
      body: newCustomer(`searchrace${n}`, n % 2 ? `Aaa early ${n}` : `Azz late ${n}`),
    });
    const next = response.body.links.next;
    if (!next) break;
    response = await pc.call('GET', next.uri, {
      headers: { 'MS-ContinuationToken': response.body.continuationToken },
    });
  }
  expect(new Set(seen).size).toBe(seen.length);
  const seenSet = new Set(seen);
  expect([...atStart].filter((id) => !seenSet.has(id))).toEqual([]);
});
