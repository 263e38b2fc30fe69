import { z } from 'zod';
import { attestAgreement } from '@/api/partner-center/attest-agreement';
import { createCustomer } from '@/api/partner-center/create-customer';
import type { PartnerCenterClient } from '@/api/partner-center/partner-center-client';
import {
  agreementRequestSchema,
  createCustomerRequestSchema,
  type UserCredentials,
} from '@/api/partner-center/resources';
import { isDefiniteRefusal } from '@/features/onboarding/model/definite-refusal';

/**
 * Where each row of an import stands, as IndexedDB keeps it between reloads, crashes and tabs.
 * A row's MS-RequestIds are made with the run, before anything is sent, and never change while
 * the outcome of a create may be unknown: a resumed row sends the same id, and Partner Center
 * answers with the customer it already made instead of making a second one.
 *
 * Credentials are no part of any shape here, and zod drops what a shape does not name: the
 * one-time passwords cannot reach IndexedDB even by mistake.
 */
const ids = { requestId: z.uuid(), agreementRequestId: z.uuid() };

export const importRowRunSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('waiting'), ...ids }),
  /** On its way, or was when the page went: the outcome is unknown until it is sent again. */
  z.object({ status: z.literal('sending'), ...ids, problem: z.string().optional() }),
  z.object({
    status: z.literal('created'),
    ...ids,
    /** Undefined when Partner Center's answer did not say it: the customer exists all the same. */
    customerId: z.string().min(1).optional(),
    agreement: z.enum(['none', 'waiting', 'done', 'failed']),
    problem: z.string().optional(),
  }),
  /** Partner Center refused it: nothing was made, and a fixed row is a new operation. */
  z.object({
    status: z.literal('refused'),
    ...ids,
    problem: z.string(),
    field: z.string().optional(),
  }),
]);
export type ImportRowRun = z.infer<typeof importRowRunSchema>;

const importRowSchema = z.object({
  /** The row's line in the file, for the results and the user's own spreadsheet. */
  line: z.number().int().positive(),
  customer: createCustomerRequestSchema,
  agreement: agreementRequestSchema.omit({ templateId: true, agreementLink: true }).optional(),
  run: importRowRunSchema,
});
export type ImportRow = z.infer<typeof importRowSchema>;

export const importRunSchema = z.object({
  version: z.literal(1),
  id: z.uuid(),
  /** The partner tenant and account it runs for: another account never sees it. */
  owner: z.string().min(1),
  fileName: z.string(),
  startedAt: z.number(),
  rows: z.array(importRowSchema),
});
export type ImportRun = z.infer<typeof importRunSchema>;

/** A new run of the checked rows: every row waiting, with its ids fixed now. */
export function newImportRun(init: {
  owner: string;
  fileName: string;
  rows: { line: number; customer: ImportRow['customer']; agreement?: ImportRow['agreement'] }[];
  now?: number;
}): ImportRun {
  return {
    version: 1,
    id: crypto.randomUUID(),
    owner: init.owner,
    fileName: init.fileName,
    startedAt: init.now ?? Date.now(),
    rows: init.rows.map((row) => ({
      ...row,
      run: {
        status: 'waiting',
        requestId: crypto.randomUUID(),
        agreementRequestId: crypto.randomUUID(),
      },
    })),
  };
}

export interface ImportRunOptions {
  client: PartnerCenterClient;
  /**
   * Persists where row `index` stands (the run itself was saved when it was made): called
   * before each request is sent and after each answer. A row at a time, not the whole run: at
   * 1,000 rows that would be a megabyte, three times per row.
   */
  save: (run: ImportRun, index: number) => Promise<void>;
  /** The agreement template to attest against, fetched once. */
  agreementTemplate: () => Promise<{ templateId: string; agreementLink?: string | undefined }>;
  /** Where each created customer's one-time credentials go: memory only, by row index. */
  credentials: Map<number, UserCredentials>;
  onChange?: (run: ImportRun) => void;
  signal?: AbortSignal;
}

export type ImportRunEnd =
  | { type: 'done' }
  | { type: 'stopped' }
  /** A create whose outcome is unknown after the queue's retries: it resumes with the same id. */
  | { type: 'interrupted'; row: number; problem: string };

/**
 * Creates the run's rows one after another through the queue at background priority, then
 * attests each one's agreement, saving where each stands before and after every request. A run
 * loaded back after a reload goes on where it was: a row left `sending` is sent again with its
 * own MS-RequestId, a created row still waiting for its agreement is attested.
 */
export async function runImport(run: ImportRun, options: ImportRunOptions): Promise<ImportRunEnd> {
  const { client, signal } = options;
  const change = async (index: number, next: ImportRowRun) => {
    const row = run.rows[index];
    if (!row) return;
    run.rows[index] = { ...row, run: next };
    await options.save(run, index);
    options.onChange?.(run);
  };
  for (let index = 0; index < run.rows.length; index += 1) {
    if (signal?.aborted) return { type: 'stopped' };
    const row = run.rows[index];
    if (!row) continue;
    const state = row.run;
    if (state.status === 'waiting' || state.status === 'sending') {
      const { requestId, agreementRequestId } = state;
      // Saved before it is sent: a page closed meanwhile finds the row's id and sends it again.
      await change(index, { status: 'sending', requestId, agreementRequestId });
      let customerId: string | undefined;
      try {
        const created = await createCustomer(client, row.customer, {
          requestId,
          priority: 'background',
          signal,
        });
        if (created.credentials) options.credentials.set(index, created.credentials);
        customerId = created.customerId;
      } catch (error) {
        if (signal?.aborted) return { type: 'stopped' };
        if (isDefiniteRefusal(error)) {
          await change(index, {
            status: 'refused',
            requestId,
            agreementRequestId,
            problem: error.description,
            ...(error.fieldErrors[0] ? { field: error.fieldErrors[0].field } : {}),
          });
          continue;
        }
        const problem = error instanceof Error ? error.message : String(error);
        await change(index, { status: 'sending', requestId, agreementRequestId, problem });
        return { type: 'interrupted', row: index, problem };
      }
      if (!customerId) {
        // Made, but Partner Center did not say its id: its agreement cannot be attested here.
        await change(index, {
          status: 'created',
          requestId,
          agreementRequestId,
          agreement: row.agreement ? 'failed' : 'none',
          problem: 'Partner Center did not say the new customer’s id.',
        });
        continue;
      }
      await change(index, {
        status: 'created',
        requestId,
        agreementRequestId,
        customerId,
        agreement: row.agreement ? 'waiting' : 'none',
      });
    }
    const settled = run.rows[index]?.run;
    if (
      settled?.status === 'created' &&
      settled.customerId &&
      settled.agreement === 'waiting' &&
      row.agreement
    ) {
      try {
        const template = await options.agreementTemplate();
        await attestAgreement(
          client,
          settled.customerId,
          {
            ...row.agreement,
            templateId: template.templateId,
            ...(template.agreementLink ? { agreementLink: template.agreementLink } : {}),
          },
          { requestId: settled.agreementRequestId, priority: 'background', signal },
        );
        await change(index, { ...settled, agreement: 'done' });
      } catch (error) {
        if (signal?.aborted) return { type: 'stopped' };
        const problem = error instanceof Error ? error.message : String(error);
        await change(index, { ...settled, agreement: 'failed', problem });
      }
    }
  }
  return { type: 'done' };
}
