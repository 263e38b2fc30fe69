import type { UserCredentials } from '@/api/partner-center/resources';
import { csvText } from '@/files/csv';
import type { ImportTable } from './import-file';
import type { ImportRun } from './import-run';

/** What happened to a row of the file, in the results file's words. */
function statusOf(run: ImportRun['rows'][number]['run'] | undefined): [string, string] {
  switch (run?.status) {
    case undefined:
      return ['skipped', ''];
    case 'waiting':
      return ['not sent yet', ''];
    case 'sending':
      return ['outcome unknown: resume the import to find out', run.problem ?? ''];
    case 'refused':
      return ['failed', run.problem];
    case 'created':
      return run.agreement === 'failed'
        ? ['created; agreement not attested', run.problem ?? '']
        : ['created', ''];
  }
}

/**
 * The file as the user gave it, with each row's outcome: status, customer id, tenant id (the
 * same id in Partner Center) and Partner Center's sentence. Rows left out of the run show as
 * skipped. Never credentials: those have a file of their own (credentialsCsv).
 */
export function importResultsCsv(table: ImportTable, run: ImportRun): string {
  const byLine = new Map(run.rows.map((row) => [row.line, row.run]));
  return csvText(
    (function* () {
      yield [...table.headers, 'Status', 'Customer ID', 'Tenant ID', 'Error'];
      for (const [at, cells] of table.rows.entries()) {
        const state = byLine.get(table.lines[at] ?? -1);
        const [status, error] = statusOf(state);
        const id = state?.status === 'created' ? (state.customerId ?? '') : '';
        yield [...cells, status, id, id, error];
      }
    })(),
  );
}

/**
 * The one-time admin credentials of the customers created, by company and domain: the only copy
 * there will ever be, held in memory until the user downloads it.
 */
export function credentialsCsv(run: ImportRun, credentials: ReadonlyMap<number, UserCredentials>) {
  return csvText(
    (function* () {
      yield ['Company name', 'Domain', 'Customer ID', 'User name', 'Password'];
      for (const [index, { userName, password }] of credentials) {
        const row = run.rows[index];
        if (!row) continue;
        const id = row.run.status === 'created' ? (row.run.customerId ?? '') : '';
        yield [
          row.customer.billingProfile.companyName,
          row.customer.companyProfile.domain,
          id,
          userName,
          password,
        ];
      }
    })(),
  );
}
