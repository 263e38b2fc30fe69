import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  makeStyles,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import { ArrowLeftRegular, ArrowRightRegular } from '@fluentui/react-icons';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useBlocker } from '@tanstack/react-router';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useForm, useWatch, type FieldErrors, type Resolver } from 'react-hook-form';
import { ApiError } from '@/api/partner-center/api-error';
import { referenceKeys } from '@/api/partner-center/customer-keys';
import { useCountryRules } from '@/api/partner-center/get-country-rules';
import { usePartnerCenterClient } from '@/api/partner-center/partner-center-context';
import type {
  CountryValidationRules,
  CustomerListItem,
  PartnerRelationship,
} from '@/api/partner-center/resources';
import { validateAddress } from '@/api/partner-center/validate-address';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { addressRules } from '@/countries/addresses';
import { initialDomainOf, suggestDomainPrefix } from '@/countries/domain-prefix';
import { rulesForCountry } from '@/countries/partner-center-rules';
import {
  acceptedSuggestion,
  addressVerdict,
  typedAddressOf,
  validatedFields,
  whyAddressUnchecked,
  validationRequestOf,
  type AddressVerdict,
  type ValidatedField,
} from '@/forms/address-check';
import { addressFieldLabel } from '@/forms/address-labels';
import { AddressSuggestionDialog, type AddressQuestion } from '@/forms/address-suggestion-dialog';
import type { DraftKey } from '@/forms/draft-keys';
import { deleteDraft, writeDraft, type Draft } from '@/forms/draft-store';
import { useDraftAutosave } from '@/forms/use-draft-autosave';
import { CreationResult } from '@/features/onboarding/components/creation-result';
import { ProgressRail } from '@/features/onboarding/components/progress-rail';
import { StepErrorSummary } from '@/features/onboarding/components/step-error-summary';
import { useCreateCustomerFlow } from '@/features/onboarding/hooks/use-create-customer-flow';
import {
  useCheckDomainNow,
  useDomainAvailability,
} from '@/features/onboarding/hooks/use-domain-availability';
import { onboardingFieldLabel } from '@/features/onboarding/model/field-labels';
import {
  createNewCustomerSchema,
  type NewCustomerFormOutput,
} from '@/features/onboarding/model/new-customer-schema';
import {
  formFieldOf,
  stepFields,
  stepOfField,
  stepTitles,
  type OnboardingField,
} from '@/features/onboarding/model/onboarding-steps';
import type { StepId } from '@/features/onboarding/model/step-ids';
import {
  flatOnboardingValues,
  type OnboardingValues,
} from '@/features/onboarding/model/onboarding-values';
import { todayIso } from '@/features/onboarding/model/today';
import { AgreementStep } from '@/features/onboarding/steps/agreement-step';
import { CompanyStep } from '@/features/onboarding/steps/company-step';
import { ContactStep } from '@/features/onboarding/steps/contact-step';
import { DomainStep } from '@/features/onboarding/steps/domain-step';
import { PreferencesStep } from '@/features/onboarding/steps/preferences-step';
import { ResellerStep } from '@/features/onboarding/steps/reseller-step';
import { ReviewStep } from '@/features/onboarding/steps/review-step';

const useStyles = makeStyles({
  layout: {
    display: 'grid',
    gridTemplateColumns: 'minmax(12rem, 15rem) minmax(0, 48rem)',
    gap: tokens.spacingHorizontalXXL,
    alignItems: 'start',
    '@media (max-width: 760px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  main: { display: 'grid', gap: tokens.spacingVerticalL, minWidth: 0 },
  heading: { ...typographyStyles.subtitle1, margin: 0, ':focus': { outlineStyle: 'none' } },
  notices: { display: 'grid', gap: tokens.spacingVerticalM },
  nav: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
    paddingTop: tokens.spacingVerticalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  spacer: { flexGrow: 1 },
  correlation: { fontFamily: tokens.fontFamilyMonospace, userSelect: 'all' },
});

/** Read in event handlers only; a module function, which the React compiler's lint can tell from render. */
const clock = { now: () => Date.now() };

/** What the onboarding keeps beside the values in its draft. */
export interface OnboardingMeta {
  /** The create's MS-RequestId, made when the draft was started. */
  requestId: string;
  agreementRequestId: string;
  /** The furthest step reached: every step up to it is open in the rail. */
  reached: StepId;
  /** The address the user already settled with Partner Center's check: not asked again. */
  settledAddress?: string;
  /** 'yes' once an attempt's outcome was unknown: the create then keeps its id for good. */
  maybeSent?: string;
}

export function metaOf(draft: Draft | undefined): OnboardingMeta {
  const meta = draft?.meta ?? {};
  return {
    requestId: meta.requestId ?? globalThis.crypto.randomUUID(),
    agreementRequestId: meta.agreementRequestId ?? globalThis.crypto.randomUUID(),
    reached: (meta.reached as StepId | undefined) ?? 'reseller',
    ...(meta.settledAddress ? { settledAddress: meta.settledAddress } : {}),
    ...(meta.maybeSent ? { maybeSent: meta.maybeSent } : {}),
  };
}

function metaRecord(meta: OnboardingMeta): Record<string, string> {
  return Object.fromEntries(
    Object.entries(meta).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

function describeFailure(error: unknown): { text: string; correlationId?: string } {
  if (error instanceof ApiError) {
    return { text: error.message, correlationId: error.correlationId || undefined };
  }
  return { text: error instanceof Error ? error.message : String(error) };
}

/**
 * The new-customer flow: one form over the steps, each step's Next checking only its own
 * fields; every change kept in the draft; Create sends the draft's MS-RequestId, and a refusal
 * lands on the step and field it concerns.
 */
export function OnboardingWizard(props: {
  draftKey: DraftKey;
  draft: Draft | undefined;
  initialValues: OnboardingValues;
  steps: readonly StepId[];
  step: StepId | undefined;
  onStep: (step: StepId) => void;
  resellers: readonly PartnerRelationship[];
  partnerDomains: readonly string[];
  agreementOffered: boolean;
  addToList: (customer: CustomerListItem) => Promise<void> | void;
  onDiscard: () => void;
  onAnother: () => void;
}) {
  const styles = useStyles();
  const client = usePartnerCenterClient();
  const queryClient = useQueryClient();
  const { steps, draftKey } = props;
  const [initialMeta] = useState(() => metaOf(props.draft));
  const meta = useRef<OnboardingMeta>(initialMeta);
  const [reached, setReached] = useState<StepId>(() =>
    steps.includes(initialMeta.reached) ? initialMeta.reached : (steps[0] ?? 'company'),
  );
  const indexOf = (step: StepId) => steps.indexOf(step);
  const reachable = (step: StepId) => indexOf(step) >= 0 && indexOf(step) <= indexOf(reached);
  const current: StepId =
    props.step && reachable(props.step) ? props.step : (steps[indexOf(reached)] ?? 'company');

  /** The step whose problems the summary lists: set by a Next or a refusal that found some. */
  const [summaryStep, setSummaryStep] = useState<StepId | undefined>();
  const [busy, setBusy] = useState<'address' | 'domain' | undefined>();
  const [addressNote, setAddressNote] = useState<string | undefined>();
  const [dialog, setDialog] = useState<AddressQuestion | undefined>();
  const [credentialsSaved, setCredentialsSaved] = useState(false);
  const [discarding, setDiscarding] = useState(false);
  const [maybeSent, setMaybeSent] = useState(initialMeta.maybeSent === 'yes');
  const [leftResult, setLeftResult] = useState(false);
  // A new step takes the focus to its heading, which screen readers then read; the first one
  // shown (a reload, a resume) leaves the focus where the page put it.
  const headingRef = useRef<HTMLHeadingElement>(null);
  const shownStep = useRef<StepId | undefined>(undefined);
  useEffect(() => {
    if (shownStep.current !== undefined && shownStep.current !== current) {
      headingRef.current?.focus();
    }
    shownStep.current = current;
  });

  const resellerIds = props.resellers.map((reseller) => reseller.id);
  // Partner Center's rules for whichever country the values name, once the client has them
  // (until then the static rules decide, so typing never waits for them).
  const resolver = zodResolver(
    createNewCustomerSchema({
      rulesFor: (code) =>
        rulesForCountry(
          code,
          queryClient.getQueryData<CountryValidationRules>(referenceKeys.countryRules(code)),
        ),
      partnerDomains: props.partnerDomains,
      resellerIds,
      agreementRequired: props.agreementOffered,
      today: () => todayIso(),
    }),
  ) as unknown as Resolver<OnboardingValues, unknown, NewCustomerFormOutput>;
  const form = useForm<OnboardingValues, unknown, NewCustomerFormOutput>({
    defaultValues: props.initialValues,
    mode: 'onTouched',
    resolver,
  });
  const country = useWatch({
    control: form.control,
    name: 'billingProfile.defaultAddress.country',
  });
  const countryRules = useCountryRules(country);
  const pcRules = rulesForCountry(country, countryRules.data);
  const domainPrefix = useWatch({ control: form.control, name: 'companyProfile.domain' });
  const availability = useDomainAvailability(domainPrefix);
  const checkDomainNow = useCheckDomainNow();

  const snapshot = useCallback(
    (): Omit<Draft, 'savedAt'> => ({
      values: flatOnboardingValues(form.getValues()),
      meta: metaRecord(meta.current),
    }),
    [form],
  );
  const saveNow = () => void writeDraft(draftKey, { ...snapshot(), savedAt: clock.now() });

  const flow = useCreateCustomerFlow({
    requestId: () => meta.current.requestId,
    agreementRequestId: () => meta.current.agreementRequestId,
    maybeSent: () => meta.current.maybeSent === 'yes',
    markMaybeSent: () => {
      meta.current = { ...meta.current, maybeSent: 'yes' };
      setMaybeSent(true);
      saveNow();
    },
    renewRequestId: () => {
      meta.current = { ...meta.current, requestId: globalThis.crypto.randomUUID() };
      saveNow();
    },
    onCreated: () => deleteDraft(draftKey),
    addToList: props.addToList,
  });
  const created = flow.phase.type === 'created';

  // A field with an error is checked again as it changes (as after a submit), so the error goes
  // while it is being fixed, never on the blur of a click on Next: the buttons would move away
  // from under the pointer between press and release.
  useEffect(
    () =>
      form.subscribe({
        formState: { values: true },
        callback: ({ name }) => {
          const error = name && form.getFieldState(name as OnboardingField).error;
          // A live check (useLiveCheck) keeps its own error current without the resolver.
          if (name && error && error.type !== 'live') void form.trigger(name as OnboardingField);
        },
      }),
    [form],
  );

  const subscribe = useCallback(
    (onChange: () => void) =>
      form.subscribe({ formState: { values: true }, callback: () => onChange() }),
    [form],
  );
  const [discarded, setDiscarded] = useState(false);
  useDraftAutosave({ draftKey, subscribe, enabled: !created && !discarded, snapshot });

  const go = (step: StepId) => {
    setSummaryStep(undefined);
    setAddressNote(undefined);
    if (indexOf(step) > indexOf(reached)) {
      setReached(step);
      meta.current = { ...meta.current, reached: step };
    }
    // The domain starts as the company name's suggestion; the user makes it their own.
    if (step === 'domain' && !form.getValues('companyProfile.domain').trim()) {
      const suggestion = suggestDomainPrefix(form.getValues('billingProfile.companyName'));
      if (suggestion) form.setValue('companyProfile.domain', suggestion);
    }
    saveNow();
    // The review checks the domain once more, with a fresh answer.
    if (step === 'review') {
      void queryClient.invalidateQueries({
        queryKey: referenceKeys.domain(initialDomainOf(domainPrefix)),
      });
    }
    props.onStep(step);
  };

  const labelOf = (field: OnboardingField) => onboardingFieldLabel(field, country, pcRules);
  const domainTaken = (domain: string) => {
    form.setError(
      'companyProfile.domain',
      { type: 'server', message: `${domain} is already taken: choose another name.` },
      { shouldFocus: true },
    );
    setSummaryStep('domain');
  };

  const leaveContactStep = async (then: () => void) => {
    const address = form.getValues('billingProfile.defaultAddress');
    const typed = typedAddressOf(address);
    const key = JSON.stringify({ ...typed, country: address.country });
    if (meta.current.settledAddress === key) return then();
    setBusy('address');
    let verdict: AddressVerdict;
    try {
      const response = await validateAddress(
        client,
        validationRequestOf({ ...typed, country: address.country }),
      );
      verdict = addressVerdict(typed, response);
    } catch (error) {
      // Advisory only: a check that cannot be made never stands between the user and the next step.
      setBusy(undefined);
      then();
      setAddressNote(
        `The address could not be checked (${whyAddressUnchecked(error)}); it is kept as you typed it.`,
      );
      return;
    }
    setBusy(undefined);
    if (verdict.kind === 'verified') {
      meta.current = { ...meta.current, settledAddress: key };
      return then();
    }
    setDialog({ verdict, typed });
  };

  const next = async () => {
    const fields = stepFields[current] as readonly OnboardingField[];
    const valid = await form.trigger(fields, { shouldFocus: true });
    if (!valid) {
      setSummaryStep(current);
      return;
    }
    const following = steps[indexOf(current) + 1];
    if (!following) return;
    if (current === 'domain') {
      let answer = availability;
      if (answer.state !== 'available' && answer.state !== 'taken') {
        setBusy('domain');
        answer = await checkDomainNow(domainPrefix);
        setBusy(undefined);
      }
      if (answer.state === 'taken') {
        domainTaken(answer.domain);
        return;
      }
    }
    if (current === 'contact') {
      await leaveContactStep(() => go(following));
      return;
    }
    go(following);
  };

  const back = () => {
    const previous = steps[indexOf(current) - 1];
    if (previous) go(previous);
  };

  const onInvalid = (errors: FieldErrors<OnboardingValues>) => {
    void errors;
    const failing = steps.find((step) =>
      (stepFields[step] as readonly OnboardingField[]).some(
        (field) => form.getFieldState(field).error,
      ),
    );
    if (failing && failing !== current) go(failing);
    setSummaryStep(failing);
  };

  const onValid = async (output: NewCustomerFormOutput) => {
    setUnplaced(undefined);
    setBusy('domain');
    const answer = await checkDomainNow(domainPrefix);
    setBusy(undefined);
    if (answer.state === 'taken') {
      go('domain');
      requestAnimationFrame(() => domainTaken(answer.domain));
      return;
    }
    const refusal = await flow.create(output);
    if (refusal && !placeRefusal(refusal)) setUnplaced(refusal);
  };
  /** One submit at a time: a double click or a held Enter is one Next, one Create. */
  const submitting = useRef(false);
  const once = (action: () => Promise<void>) => async () => {
    if (submitting.current) return;
    submitting.current = true;
    try {
      await action();
    } finally {
      submitting.current = false;
    }
  };
  const submit = once(() => form.handleSubmit(onValid, onInvalid)());
  const nextOnce = once(() => next());

  /** Partner Center's refusal on its step and field; undefined when it names no field of ours. */
  const placeRefusal = (refusal: ApiError): boolean => {
    const placed = refusal.fieldErrors.flatMap((fieldError) => {
      const field = formFieldOf(fieldError.field);
      return field ? [{ field, message: fieldError.message }] : [];
    });
    const first = placed[0];
    const step = first && stepOfField(first.field);
    if (!first || !step || !steps.includes(step)) return false;
    go(step);
    // After the step is shown, so that focus lands in it.
    requestAnimationFrame(() => {
      placed.forEach(({ field, message }, index) =>
        form.setError(field, { type: 'server', message }, { shouldFocus: index === 0 }),
      );
      setSummaryStep(step);
    });
    return true;
  };
  const [unplaced, setUnplaced] = useState<ApiError | undefined>();

  const credentialsOpen =
    !leftResult &&
    flow.phase.type === 'created' &&
    flow.phase.result.credentials !== undefined &&
    !credentialsSaved;
  const blocker = useBlocker({
    shouldBlockFn: () => credentialsOpen,
    enableBeforeUnload: () => credentialsOpen,
    withResolver: true,
  });

  if (leftResult) {
    return (
      <MessageBar intent="info" data-testid="draft-gone">
        <MessageBarBody>
          This customer was created; its one-time credentials are no longer shown.
        </MessageBarBody>
        <MessageBarActions>
          <Button onClick={props.onAnother}>Onboard another customer</Button>
        </MessageBarActions>
      </MessageBar>
    );
  }

  if (flow.phase.type === 'created') {
    return (
      <>
        <CreationResult
          result={flow.phase.result}
          credentialsSaved={credentialsSaved}
          onCredentialsSaved={() => setCredentialsSaved(true)}
          onRetryAgreement={flow.retryAgreement}
          onRetryList={flow.retryList}
          onAnother={props.onAnother}
        />
        {blocker.status === 'blocked' && (
          <ConfirmDialog
            title="Have you saved the credentials?"
            confirmLabel="Leave without them"
            cancelLabel="Stay on this page"
            onConfirm={() => {
              // Staying inside this page (Back to a step) must not keep showing them either.
              setLeftResult(true);
              blocker.proceed();
            }}
            onCancel={() => blocker.reset()}
          >
            <p>
              The new customer’s admin password is shown only here. Once you leave this page,
              Partner Center will never show it again.
            </p>
          </ConfirmDialog>
        )}
      </>
    );
  }

  const creating = flow.phase.type === 'creating';
  const failure = flow.phase.type === 'failed' ? flow.phase : undefined;
  const stepProps = { form, country, pcRules };
  const rules = addressRules(country, pcRules);
  const isLast = current === 'review';

  return (
    <div className={styles.layout}>
      <ProgressRail
        control={form.control}
        steps={steps}
        current={current}
        reached={reached}
        onGo={(step) => {
          // Past the contact step, the address is checked as Next would.
          if (current === 'contact' && indexOf(step) > indexOf('contact')) {
            void leaveContactStep(() => go(step));
          } else go(step);
        }}
      />
      <form
        className={styles.main}
        noValidate
        aria-labelledby="onboarding-step-title"
        onSubmit={(event) => {
          event.preventDefault();
          if (isLast) void submit();
          else void nextOnce();
        }}
      >
        <h2 id="onboarding-step-title" className={styles.heading} ref={headingRef} tabIndex={-1}>
          Step {indexOf(current) + 1} of {steps.length}: {stepTitles[current]}
        </h2>
        <div className={styles.notices} aria-live="polite">
          {summaryStep === current && (
            <StepErrorSummary control={form.control} step={current} labelOf={labelOf} />
          )}
          {addressNote && (
            <MessageBar intent="warning" data-testid="address-note">
              <MessageBarBody>{addressNote}</MessageBarBody>
            </MessageBar>
          )}
          {unplaced && flow.phase.type === 'refused' && (
            <MessageBar intent="error" layout="multiline" role="alert" data-testid="create-refused">
              <MessageBarBody>
                <MessageBarTitle>Partner Center did not create the customer</MessageBarTitle>
                {describeFailure(unplaced).text} Everything you entered is kept.
                {unplaced.correlationId && (
                  <div>
                    Correlation id for support:{' '}
                    <span className={styles.correlation}>{unplaced.correlationId}</span>
                  </div>
                )}
              </MessageBarBody>
            </MessageBar>
          )}
          {failure && (
            <MessageBar intent="error" layout="multiline" role="alert" data-testid="create-failed">
              <MessageBarBody>
                <MessageBarTitle>
                  {failure.outcomeUnknown
                    ? 'Partner Center did not confirm the customer'
                    : 'The customer was not created'}
                </MessageBarTitle>
                {describeFailure(failure.error).text}{' '}
                {failure.outcomeUnknown
                  ? 'Try again: it repeats the same request, so Partner Center cannot create the customer twice.'
                  : 'Everything you entered is kept.'}
                {describeFailure(failure.error).correlationId && (
                  <div>
                    Correlation id for support:{' '}
                    <span className={styles.correlation}>
                      {describeFailure(failure.error).correlationId}
                    </span>
                  </div>
                )}
              </MessageBarBody>
              <MessageBarActions>
                <Button onClick={() => void submit()}>Try again</Button>
              </MessageBarActions>
            </MessageBar>
          )}
          {flow.phase.type === 'waiting-online' && (
            <MessageBar intent="warning" data-testid="create-waiting-online">
              <MessageBarBody>
                You are offline. Everything is kept, and the customer is created when the connection
                is back.
              </MessageBarBody>
            </MessageBar>
          )}
        </div>

        {current === 'reseller' && <ResellerStep form={form} resellers={props.resellers} />}
        {current === 'company' && <CompanyStep {...stepProps} />}
        {current === 'domain' && (
          <DomainStep
            {...stepProps}
            availability={availability}
            onRetryCheck={() => void checkDomainNow(domainPrefix)}
          />
        )}
        {current === 'contact' && (
          <ContactStep {...stepProps} onChangeCountry={() => go('company')} />
        )}
        {current === 'preferences' && <PreferencesStep {...stepProps} />}
        {current === 'agreement' && <AgreementStep {...stepProps} />}
        {current === 'review' && (
          <ReviewStep
            {...stepProps}
            steps={steps}
            resellers={props.resellers}
            availability={availability}
            onRetryCheck={() => void checkDomainNow(domainPrefix)}
            onEdit={go}
          />
        )}

        <div className={styles.nav}>
          {indexOf(current) > 0 && (
            <Button icon={<ArrowLeftRegular />} onClick={back} disabledFocusable={creating}>
              Back
            </Button>
          )}
          <span className={styles.spacer} />
          {(busy || creating) && (
            <Spinner
              size="tiny"
              labelPosition="after"
              label={
                creating
                  ? 'Creating the customer…'
                  : busy === 'address'
                    ? 'Checking the address with Partner Center…'
                    : 'Checking the domain…'
              }
            />
          )}
          <Button onClick={() => setDiscarding(true)} disabledFocusable={creating}>
            Discard draft
          </Button>
          {isLast ? (
            // Its own key: Next's focus and a held Enter must not carry over to Create.
            <Button
              key="create"
              type="submit"
              appearance="primary"
              disabledFocusable={creating || busy !== undefined}
            >
              Create customer
            </Button>
          ) : (
            <Button
              key="next"
              type="submit"
              appearance="primary"
              icon={<ArrowRightRegular />}
              iconPosition="after"
              disabledFocusable={busy !== undefined}
            >
              Next
            </Button>
          )}
        </div>
      </form>

      {discarding && (
        <ConfirmDialog
          title="Discard this onboarding?"
          confirmLabel="Discard"
          cancelLabel="Keep it"
          onConfirm={() => {
            // No write after this: a pending one would bring the draft back.
            setDiscarded(true);
            props.onDiscard();
          }}
          onCancel={() => setDiscarding(false)}
        >
          {maybeSent ? (
            <p>
              Partner Center may have created this customer already: an attempt got no answer. Check
              the customer list for {initialDomainOf(domainPrefix)} before you onboard it again.
            </p>
          ) : (
            <p>
              Everything entered for this customer is deleted. Nothing was sent to Partner Center.
            </p>
          )}
        </ConfirmDialog>
      )}
      <AddressSuggestionDialog
        request={dialog}
        keepLabel="Keep it and go on"
        labels={
          Object.fromEntries(
            validatedFields.map((field) => [field, addressFieldLabel(field, rules)]),
          ) as Record<ValidatedField, string>
        }
        onCancel={() => setDialog(undefined)}
        onKeepMine={() => {
          if (!dialog) return;
          const address = form.getValues('billingProfile.defaultAddress');
          meta.current = {
            ...meta.current,
            settledAddress: JSON.stringify({ ...dialog.typed, country: address.country }),
          };
          setDialog(undefined);
          const following = steps[indexOf('contact') + 1];
          if (following) go(following);
        }}
        onUseSuggested={() => {
          if (!dialog) return;
          const { verdict } = dialog;
          setDialog(undefined);
          if (verdict.kind !== 'suggested') return;
          const { values, settled } = acceptedSuggestion(verdict.suggestion);
          for (const field of validatedFields) {
            form.setValue(`billingProfile.defaultAddress.${field}`, values[field], {
              shouldValidate: true,
            });
          }
          meta.current = {
            ...meta.current,
            settledAddress: JSON.stringify({ ...settled, country }),
          };
          void next();
        }}
      />
    </div>
  );
}
