import 'fake-indexeddb/auto';
import { createStore, del, entries } from 'idb-keyval';
import { describe, expect, inject, it, vi } from 'vitest';
import { listAgreements } from '@/api/partner-center/attest-agreement';
import { getAgreementTemplate } from '@/api/partner-center/get-agreement-template';
import { classifyFailure, PartnerCenterClient } from '@/api/partner-center/partner-center-client';
import type { CreateCustomerRequest, UserCredentials } from '@/api/partner-center/resources';
import { MemoryLedger } from '@/api/queue/budget-ledger';
import { RequestQueue } from '@/api/queue/request-queue';
import { newImportRun, runImport, type ImportRun } from './import-run';
import { importRunsOf, saveImportRowState, saveImportRun } from './import-run-store';

/**
 * The import's run against the real emulator over HTTP (vitest.global-setup.ts), as Adele in
 * Contoso, with the real IndexedDB store (in memory): customers made once each, whatever is lost
 * on the way.
 */
const { emulator } = inject('partnerCenter');

interface Sent {
  method: string;
  path: string;
  requestId: string | null;
}

function createClient(
  options: { loseAnswersTo?: (sent: Sent) => boolean; maxAttempts?: number } = {},
) {
  const queue = new RequestQueue({
    ledger: new MemoryLedger(),
    limits: () => ({
      requests: emulator.rateLimit.requests,
      windowMs: emulator.rateLimit.windowSeconds * 1000,
      backgroundShare: 0.9,
    }),
    classify: classifyFailure,
    maxAttempts: options.maxAttempts ?? 4,
    retryBaseMs: 5,
    retryCapMs: 20,
  });
  const sent: Sent[] = [];
  const client = new PartnerCenterClient({
    baseUrl: emulator.baseUrl,
    getAccessToken: () => Promise.resolve(emulator.tokens.adele),
    budgetKey: () => emulator.tenants.contoso,
    queue,
    fetch: async (input, init) => {
      const url = new URL(String(input));
      const record: Sent = {
        method: init?.method ?? 'GET',
        path: url.pathname,
        requestId: new Headers(init?.headers).get('MS-RequestId'),
      };
      sent.push(record);
      const response = await fetch(input, init);
      // The request reached Partner Center and was carried out; its answer never comes back.
      if (options.loseAnswersTo?.(record)) throw new TypeError('The connection was lost.');
      return response;
    },
  });
  const schedule = vi.spyOn(queue, 'schedule');
  const priorities = () => schedule.mock.calls.map(([, scheduled]) => scheduled.priority);
  return { client, sent, priorities };
}

let counter = 0;
function customer(): CreateCustomerRequest {
  counter += 1;
  const prefix = `importrun${Date.now().toString(36)}${counter}`;
  return {
    companyProfile: { domain: `${prefix}.onmicrosoft.com` },
    billingProfile: {
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@example.com',
      culture: 'en-US',
      language: 'en',
      companyName: `Import Run ${counter} Ltd`,
      defaultAddress: {
        country: 'US',
        city: 'Redmond',
        state: 'WA',
        addressLine1: 'One Microsoft Way',
        postalCode: '98052',
        firstName: 'Ada',
        lastName: 'Lovelace',
        phoneNumber: '4255550101',
      },
    },
  };
}

const agreement = {
  primaryContact: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' },
  dateAgreed: '2026-11-30T12:00:00.000Z',
  type: 'MicrosoftCustomerAgreement' as const,
};

/** The customers whose domain is this one, as the emulator lists them. */
async function customersWithDomain(domain: string): Promise<number> {
  const filter = JSON.stringify({ Field: 'Domain', Value: domain, Operator: 'starts_with' });
  const response = await fetch(
    `${emulator.baseUrl}/v1/customers?size=50&filter=${encodeURIComponent(filter)}`,
    { headers: { authorization: `Bearer ${emulator.tokens.adele}`, accept: 'application/json' } },
  );
  const page = (await response.json()) as { items: { companyProfile: { domain: string } }[] };
  return page.items.filter((item) => item.companyProfile.domain === domain).length;
}

function runOf(rows: { customer: CreateCustomerRequest; agreement?: typeof agreement }[]) {
  return newImportRun({
    owner: `${emulator.tenants.contoso}|${crypto.randomUUID()}`,
    fileName: 'customers.csv',
    rows: rows.map((row, at) => ({ line: at + 2, ...row })),
  });
}

function optionsFor(client: PartnerCenterClient, credentials = new Map<number, UserCredentials>()) {
  return {
    client,
    save: saveImportRowState,
    agreementTemplate: () => getAgreementTemplate(client),
    credentials,
  };
}

describe('running an import', () => {
  it('creates each row once at background priority, attests its agreement, refuses a taken domain', async () => {
    const first = customer();
    const run = runOf([
      { customer: first, agreement },
      { customer: customer() },
      // Taken by the first row a moment before: Partner Center refuses it, nothing is made.
      { customer: { ...customer(), companyProfile: first.companyProfile } },
    ]);
    await saveImportRun(run);
    const { client, sent, priorities } = createClient();
    const credentials = new Map<number, UserCredentials>();
    await expect(runImport(run, optionsFor(client, credentials))).resolves.toEqual({
      type: 'done',
    });

    expect(run.rows.map((row) => row.run.status)).toEqual(['created', 'created', 'refused']);
    const [created, plain, refused] = run.rows.map((row) => row.run);
    expect(created).toMatchObject({ status: 'created', agreement: 'done' });
    expect(plain).toMatchObject({ status: 'created', agreement: 'none' });
    expect(refused?.status === 'refused' && refused.problem).toBeTruthy();
    expect(await customersWithDomain(first.companyProfile.domain)).toBe(1);
    const customerId = created?.status === 'created' ? created.customerId : undefined;
    expect(customerId).toBeTruthy();
    expect(await listAgreements(client, customerId ?? '')).toHaveLength(1);
    expect([...credentials.keys()]).toEqual([0, 1]);
    // Three creates and one attestation, behind whatever the user does meanwhile; the
    // agreement template is a read of its own.
    expect(sent.filter((request) => request.method === 'POST')).toHaveLength(4);
    expect(priorities().filter((priority) => priority === 'background')).toHaveLength(4);

    // Saved as it went, and never with a password.
    const [saved] = await importRunsOf(run.owner);
    expect(saved?.rows.map((row) => row.run)).toEqual(run.rows.map((row) => row.run));
    const stored = JSON.stringify(
      await entries(createStore('partner-customers-portal-imports', 'imports')),
    );
    for (const { password } of credentials.values()) expect(stored).not.toContain(password);
  });

  it('stores no credentials even when a row carries them by mistake', async () => {
    const run = runOf([{ customer: customer() }]);
    const tainted = structuredClone(run) as ImportRun & { credentials?: unknown };
    tainted.credentials = { password: 'Hunter2!secret' };
    for (const row of tainted.rows) {
      Object.assign(row.customer, { userCredentials: { password: 'Hunter2!secret' } });
    }
    await saveImportRun(tainted);
    const stored = JSON.stringify(
      await entries(createStore('partner-customers-portal-imports', 'imports')),
    );
    expect(stored).not.toContain('Hunter2!secret');
  });

  it('loads a row whose state was never saved as waiting, with the ids the run was made with', async () => {
    const run = runOf([{ customer: customer() }, { customer: customer() }]);
    await saveImportRun(run);
    const [first, second] = run.rows;
    if (!first || !second) throw new Error('two rows');
    first.run = { ...first.run, status: 'sending' };
    await saveImportRowState(run, 0);
    await del(`row|${run.id}|1`, createStore('partner-customers-portal-imports', 'imports'));
    const [loaded] = await importRunsOf(run.owner);
    expect(loaded?.rows.map((row) => row.run)).toEqual([first.run, second.run]);
    expect(await importRunsOf(`${run.owner}x`)).toEqual([]);
  });

  it('resumes a create whose answers were lost with the same MS-RequestId: one customer', async () => {
    const row = customer();
    const run = runOf([{ customer: row, agreement }, { customer: customer() }]);
    await saveImportRun(run);
    // Every answer to the create is lost, after Partner Center carried it out each time.
    const lossy = createClient({
      loseAnswersTo: (sent) => sent.method === 'POST' && sent.path === '/v1/customers',
      maxAttempts: 2,
    });
    const end = await runImport(run, optionsFor(lossy.client));
    expect(end).toMatchObject({ type: 'interrupted', row: 0 });
    expect(run.rows.map((each) => each.run.status)).toEqual(['sending', 'waiting']);

    // A reload: the run as it was saved, a new client, answers that arrive.
    const [saved] = await importRunsOf(run.owner);
    if (!saved) throw new Error('the run was not saved');
    const { client, sent } = createClient();
    await expect(runImport(saved, optionsFor(client))).resolves.toEqual({ type: 'done' });

    expect(saved.rows.map((each) => each.run.status)).toEqual(['created', 'created']);
    expect(await customersWithDomain(row.companyProfile.domain)).toBe(1);
    const creates = [...lossy.sent, ...sent].filter(
      (request) => request.method === 'POST' && request.path === '/v1/customers',
    );
    expect(creates.slice(0, 3).map((request) => request.requestId)).toEqual(
      Array(3).fill(run.rows[0]?.run.requestId),
    );
    expect(saved.rows[0]?.run).toMatchObject({ status: 'created', agreement: 'done' });
  });
});
