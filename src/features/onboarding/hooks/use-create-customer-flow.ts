import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { ApiError } from '@/api/partner-center/api-error';
import { attestAgreement } from '@/api/partner-center/attest-agreement';
import { createCustomer } from '@/api/partner-center/create-customer';
import { customerKeys } from '@/api/partner-center/customer-keys';
import { agreementTemplateQueryOptions } from '@/api/partner-center/get-agreement-template';
import { usePartnerCenterClient } from '@/api/partner-center/partner-center-context';
import type { CustomerListItem, UserCredentials } from '@/api/partner-center/resources';
import { useOnline } from '@/components/use-online';
import { isDefiniteRefusal } from '@/features/onboarding/model/definite-refusal';
import type { NewCustomerOutput } from '@/features/onboarding/model/new-customer-schema';

export type StepState =
  { state: 'pending' } | { state: 'done' } | { state: 'failed'; error: unknown };

/** After a 201: what was created, and how the steps after it went. */
export interface CreatedCustomerResult {
  customerId: string | undefined;
  domain: string;
  companyName: string;
  /** Held here only: never in a draft, a query cache, storage, the URL or a log. */
  credentials: UserCredentials | undefined;
  agreement: StepState | undefined;
  listed: StepState;
}

export type CreatePhase =
  | { type: 'idle' }
  | { type: 'creating' }
  | { type: 'waiting-online' }
  | { type: 'refused'; error: ApiError }
  | { type: 'failed'; error: unknown; outcomeUnknown: boolean }
  | { type: 'created'; result: CreatedCustomerResult };

/**
 * Create, exactly once, then the steps after it. The operation's MS-RequestId comes from the
 * draft (`requestId()`), made when the draft was started: every attempt — the client's own
 * retries, Try again, a reload, the connection coming back — sends it, so Partner Center
 * replays its first answer rather than making a second customer. Only a definite refusal
 * (a response that is an answer) starts a new operation, through `renewRequestId`.
 */
export function useCreateCustomerFlow(options: {
  requestId: () => string;
  agreementRequestId: () => string;
  /** Whether an earlier attempt may have reached Partner Center (kept in the draft). */
  maybeSent: () => boolean;
  /** After an attempt whose outcome is unknown: the operation must keep its id for good. */
  markMaybeSent: () => void;
  renewRequestId: () => void;
  onCreated: (result: CreatedCustomerResult) => void | Promise<void>;
  addToList: (customer: CustomerListItem) => Promise<void> | void;
}) {
  const client = usePartnerCenterClient();
  const queryClient = useQueryClient();
  const online = useOnline();
  const [phase, setPhase] = useState<CreatePhase>({ type: 'idle' });
  const lastOutput = useRef<NewCustomerOutput | undefined>(undefined);
  /** One create at a time: a second click while one is on its way is not a second operation. */
  const inFlight = useRef(false);
  const listedItem = useRef<CustomerListItem | undefined>(undefined);

  const update = (change: Partial<CreatedCustomerResult>) =>
    setPhase((current) =>
      current.type === 'created'
        ? { type: 'created', result: { ...current.result, ...change } }
        : current,
    );

  const attest = async (customerId: string, output: NewCustomerOutput) => {
    if (!output.agreement) return;
    update({ agreement: { state: 'pending' } });
    try {
      const template = await queryClient.fetchQuery(agreementTemplateQueryOptions(client));
      await attestAgreement(
        client,
        customerId,
        {
          ...output.agreement,
          templateId: template.templateId,
          ...(template.agreementLink ? { agreementLink: template.agreementLink } : {}),
        },
        { requestId: options.agreementRequestId() },
      );
      update({ agreement: { state: 'done' } });
    } catch (error) {
      update({ agreement: { state: 'failed', error } });
    }
  };

  const list = async (item: CustomerListItem) => {
    listedItem.current = item;
    update({ listed: { state: 'pending' } });
    try {
      await options.addToList(item);
      update({ listed: { state: 'done' } });
    } catch (error) {
      update({ listed: { state: 'failed', error } });
    }
  };

  /** Resolves with the refusal when Partner Center refused, so the form can place it. */
  const create = async (output: NewCustomerOutput): Promise<ApiError | undefined> => {
    if (inFlight.current || phase.type === 'created') return undefined;
    lastOutput.current = output;
    if (!navigator.onLine) {
      setPhase({ type: 'waiting-online' });
      return undefined;
    }
    inFlight.current = true;
    setPhase({ type: 'creating' });
    let created;
    try {
      created = await createCustomer(client, output.customer, { requestId: options.requestId() });
    } catch (error) {
      if (isDefiniteRefusal(error)) {
        // Nothing was made by this attempt; unless an earlier one may have been, the next
        // attempt (with changed values) is a new operation.
        if (!options.maybeSent()) options.renewRequestId();
        setPhase({ type: 'refused', error });
        return error;
      }
      options.markMaybeSent();
      if (error instanceof ApiError && error.kind === 'network' && !navigator.onLine) {
        setPhase({ type: 'waiting-online' });
        return undefined;
      }
      setPhase({ type: 'failed', error, outcomeUnknown: true });
      return undefined;
    } finally {
      inFlight.current = false;
    }
    const { customer } = output;
    const result: CreatedCustomerResult = {
      customerId: created.customerId,
      domain: created.domain ?? customer.companyProfile.domain,
      companyName: created.companyName ?? customer.billingProfile.companyName,
      credentials: created.credentials,
      agreement: output.agreement ? { state: 'pending' } : undefined,
      listed: { state: 'pending' },
    };
    setPhase({ type: 'created', result });
    await options.onCreated(result);
    void queryClient.invalidateQueries({ queryKey: customerKeys.lists() });
    if (!created.customerId) {
      update({
        listed: { state: 'failed', error: new Error('Partner Center did not say the new id.') },
      });
      return undefined;
    }
    const item: CustomerListItem = {
      id: created.customerId,
      companyProfile: {
        tenantId: created.customerId,
        domain: result.domain,
        companyName: result.companyName,
      },
      relationshipToPartner: 'reseller',
      ...(customer.associatedPartnerId
        ? { associatedPartnerId: customer.associatedPartnerId }
        : {}),
      tags: [],
    };
    await Promise.all([attest(created.customerId, output), list(item)]);
    return undefined;
  };

  // Offline, Create waits for the connection and goes on with the same operation when it is back.
  const resume = useEffectEvent(() => {
    if (lastOutput.current) void create(lastOutput.current);
  });
  useEffect(() => {
    if (phase.type === 'waiting-online' && online) resume();
  }, [phase.type, online]);

  const retryAgreement = () => {
    const output = lastOutput.current;
    if (phase.type === 'created' && phase.result.customerId && output) {
      void attest(phase.result.customerId, output);
    }
  };

  const retryList = () => {
    if (listedItem.current) void list(listedItem.current);
  };

  return { phase, create, retryAgreement, retryList };
}
