/**
 * The emulator's own figures: seeding time for 100,000 customers, and how many list pages and
 * get-by-id requests per second it serves (with throttling set out of the way, over loopback
 * HTTP with keep-alive, a few requests in flight, as a busy portal would have).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmulator } from '../../server/emulator/testing.ts';

const SEED = 100_000;
const CONCURRENCY = 6;

async function throughput(
  label: string,
  paths: string[],
  call: (path: string) => Promise<number>,
): Promise<[string, string]> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < paths.length) {
        const status = await call(paths[next++]!);
        if (status !== 200) throw new Error(`${label}: HTTP ${status}`);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return [label, `${Math.round(paths.length / seconds)} req/s (${paths.length} requests)`];
}

export async function measureEmulator(): Promise<[string, string][]> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'emulator-bench-'));
  try {
    const seedStarted = performance.now();
    const pc = await startEmulator({
      dataDir,
      customers: SEED,
      rateLimit: { requests: 10_000_000, windowSeconds: 60 },
    });
    const seedMs = performance.now() - seedStarted;
    try {
      const call = async (requestPath: string, headers?: Record<string, string>) =>
        (await pc.call('GET', requestPath, { headers })).status;

      // Walk the whole list once to collect the page tokens and ids, then time the walk again.
      const ids: string[] = [];
      const tokens: (string | undefined)[] = [undefined];
      let page = await pc.call('GET', '/v1/customers?size=500');
      for (;;) {
        ids.push(...page.body.items.map((item: { id: string }) => item.id));
        if (!page.body.continuationToken) break;
        tokens.push(page.body.continuationToken);
        page = await pc.call('GET', '/v1/customers?size=500&seekOperation=Next', {
          headers: { 'MS-ContinuationToken': page.body.continuationToken },
        });
      }
      let tokenIndex = 0;
      const listRow = await throughput(
        'emulator: list pages of 500 (whole 100k list)',
        tokens.map(() => '/v1/customers?size=500'),
        (requestPath) => {
          const token = tokens[tokenIndex++];
          return token
            ? call(`${requestPath}&seekOperation=Next`, { 'MS-ContinuationToken': token })
            : call(requestPath);
        },
      );
      const sample = Array.from({ length: 4_000 }, (_, i) => ids[(i * 7919) % ids.length]!);
      const getRow = await throughput(
        'emulator: get customer by id',
        sample.map((id) => `/v1/customers/${id}`),
        (requestPath) => call(requestPath),
      );
      const filter = encodeURIComponent(
        JSON.stringify({ Field: 'CompanyName', Value: 'ma', Operator: 'starts_with' }),
      );
      const searchRow = await throughput(
        'emulator: company-name search, first page of 100',
        Array.from({ length: 1_000 }, () => `/v1/customers?size=100&filter=${filter}`),
        (requestPath) => call(requestPath),
      );
      return [
        [
          `emulator: open and seed ${SEED.toLocaleString('en')} customers`,
          `${(seedMs / 1000).toFixed(2)} s`,
        ],
        listRow,
        getRow,
        searchRow,
      ];
    } finally {
      await pc.close();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
