import { useMsal } from '@azure/msal-react';
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react';
import { useForm, type FieldErrors, type Resolver } from 'react-hook-form';
import { ApiError } from '@/api/partner-center/api-error';
import { billingProfileQueryOptions } from '@/api/partner-center/get-billing-profile';
import { useCountryRules } from '@/api/partner-center/get-country-rules';
import { customerKeys } from '@/api/partner-center/customer-keys';
import { usePartnerCenterClient } from '@/api/partner-center/partner-center-context';
import type { BillingProfile, Customer } from '@/api/partner-center/resources';
import { useUpdateBillingProfile } from '@/api/partner-center/update-billing-profile';
import { validateAddress } from '@/api/partner-center/validate-address';
import { useOnline } from '@/components/use-online';
import { addressRules } from '@/countries/addresses';
import { countryName } from '@/countries/countries';
import {
  createBillingProfileSchema,
  type BillingProfileFormOutput,
} from '@/countries/customer-profile-schemas';
import { rulesForCountry } from '@/countries/partner-center-rules';
import { AddressBlock } from '@/forms/address-block';
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
import { addressFieldLabel, type AddressFieldName } from '@/forms/address-labels';
import { AddressSuggestionDialog } from '@/forms/address-suggestion-dialog';
import { changedFields } from '@/forms/changed-fields';
import { CultureFields } from '@/forms/culture-fields';
import { deleteDraft, readDraft } from '@/forms/draft-store';
import { ErrorSummary, type SummarizedError } from '@/forms/error-summary';
import { fieldId } from '@/forms/field-id';
import { TextField } from '@/forms/text-field';
import { mergeThreeWay, type MergeConflict } from '@/forms/three-way-merge';
import { useDraftAutosave } from '@/forms/use-draft-autosave';
import { useFieldsetStyles } from '@/forms/use-fieldset-styles';
import {
  billingFieldLabel,
  billingFields,
  billingValuesFromFlat,
  flatBillingValues,
  formValuesOf,
  profileToSend,
  type BillingField,
  type BillingFormValues,
} from '@/features/customers/billing/billing-form-model';
import { useBillingDraftKey } from '@/features/customers/billing/billing-draft-key';
import {
  BillingConflicts,
  type ConflictChoice,
} from '@/features/customers/billing/billing-conflicts';
import { BillingSaveBar } from '@/features/customers/billing/billing-save-bar';
import { SaveThrottledNotice } from '@/features/customers/billing/save-throttled-notice';
import { customerListCacheKey } from '@/features/customers/list/customer-list-cache';
import { customerListStoreFor } from '@/features/customers/list/customer-list-store';

const FORM_ID = 'billing';

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalXL, maxWidth: '48rem' },
  notices: { display: 'grid', gap: tokens.spacingVerticalM },
  correlation: { fontFamily: tokens.fontFamilyMonospace, userSelect: 'all' },
});

type Phase =
  | { type: 'idle' }
  | { type: 'checking-address' }
  | { type: 'saving' }
  | { type: 'waiting-online' }
  | { type: 'merging' }
  | { type: 'saved'; at: number }
  | { type: 'failed'; error: unknown };

interface Base {
  profile: BillingProfile;
  values: BillingFormValues;
}

interface PendingPut {
  bodyKey: string;
  requestId: string;
}

/** Merges in a row that Partner Center answers stale before the form stops to ask. */
const MAX_AUTOMATIC_MERGES = 3;

const time = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });
/** Read in event handlers only; a module function, which the React compiler's lint can tell from render. */
const clock = { now: () => Date.now() };

/** The fields Partner Center's address validation reads: a new phone needs no address check. */
const isValidatedField = (field: BillingField) =>
  (validatedFields as readonly string[]).includes(field.replace(/^defaultAddress\./, '')) &&
  field.startsWith('defaultAddress.');

/** Partner Center's path for a field (`billingProfile.defaultAddress.state`) as the form's. */
function formFieldOf(path: string): BillingField | undefined {
  const local = path.replace(/^billingProfile\./, '');
  if (local === 'language') return 'culture';
  return (billingFields as readonly string[]).includes(local) ? (local as BillingField) : undefined;
}

function summarize(
  errors: FieldErrors<BillingFormValues>,
  labelOf: (field: BillingField) => string,
): SummarizedError[] {
  const summary: SummarizedError[] = [];
  for (const field of billingFields) {
    const [head, tail] = field.split('.') as [string, string | undefined];
    const node = (errors as Record<string, unknown>)[head];
    const error = (tail ? (node as Record<string, unknown> | undefined)?.[tail] : node) as
      { message?: string } | undefined;
    if (error?.message) {
      summary.push({ id: fieldId(FORM_ID, field), label: labelOf(field), message: error.message });
    }
  }
  return summary;
}

function describeFailure(error: unknown): { text: string; correlationId?: string } {
  if (error instanceof ApiError) {
    return { text: error.message, correlationId: error.correlationId || undefined };
  }
  return { text: error instanceof Error ? error.message : String(error) };
}

/**
 * The billing contact editor: every field of the profile and its address, laid out and checked
 * for the billing country; each change kept as a draft; Save shows what it sends, checks the
 * address with Partner Center, sends the etag it started from and, when someone else saved in
 * between, merges their changes field by field instead of overwriting them.
 */
export function BillingContactForm(props: { customer: Customer; profile: BillingProfile }) {
  const styles = useStyles();
  const groups = useFieldsetStyles();
  const customerId = props.customer.id;
  const client = usePartnerCenterClient();
  const queryClient = useQueryClient();
  const { instance } = useMsal();
  const account = instance.getActiveAccount();
  const online = useOnline();
  const update = useUpdateBillingProfile(customerId);

  const [base, setBase] = useState<Base>(() => ({
    profile: props.profile,
    values: formValuesOf(props.profile),
  }));
  const [phase, setPhase] = useState<Phase>({ type: 'idle' });
  const [summary, setSummary] = useState<SummarizedError[]>([]);
  const [restoredAt, setRestoredAt] = useState<number | undefined>();
  const [takenFromTheirs, setTakenFromTheirs] = useState<BillingField[]>([]);
  const [conflicts, setConflicts] = useState<MergeConflict<BillingField>[]>([]);
  const [choices, setChoices] = useState<Partial<Record<BillingField, ConflictChoice>>>({});
  const [unresolvedWarning, setUnresolvedWarning] = useState(false);
  const [dialog, setDialog] = useState<
    | {
        verdict: Exclude<AddressVerdict, { kind: 'verified' }>;
        typed: Partial<Record<ValidatedField, string>>;
        output: BillingProfileFormOutput;
      }
    | undefined
  >();
  const [addressNote, setAddressNote] = useState<string | undefined>();
  const pending = useRef<PendingPut | undefined>(undefined);
  const [resubmit, setResubmit] = useState(0);
  const automaticMerges = useRef(0);
  /** The typed address the user already settled (verified, kept or corrected): not asked again. */
  const settledAddress = useRef<string | undefined>(undefined);
  /**
   * While conflicts are open, drafts keep the base from before the merge: a reload then meets
   * the same conflicts again instead of a draft that silently wins over the other person.
   */
  const conflictBase = useRef<{ values: BillingFormValues; etag: string } | undefined>(undefined);

  const country = base.values.defaultAddress.country;
  const countryRules = useCountryRules(country);
  const pcRules = rulesForCountry(country, countryRules.data);
  const rules = addressRules(country, pcRules);
  const labelOf = (field: BillingField) => billingFieldLabel(field, country, pcRules);

  // Partner Center's rules arrive after the form is open; until then the static rules decide,
  // so typing never waits for them. react-hook-form takes the newest resolver at each render.
  // The form holds '' where the schema's input allows undefined: a narrower input, so the
  // schema's resolver fits the form's values as they are.
  const resolver = zodResolver(
    createBillingProfileSchema((code) => rulesForCountry(code, pcRules)),
  ) as unknown as Resolver<BillingFormValues, unknown, BillingProfileFormOutput>;
  const form = useForm<BillingFormValues, unknown, BillingProfileFormOutput>({
    defaultValues: base.values,
    mode: 'onTouched',
    resolver,
  });

  const draftKey = useBillingDraftKey(customerId);

  // A draft from an earlier visit comes back once, merged three ways when the profile moved on.
  const restoring = useRef(false);
  const [draftReady, setDraftReady] = useState(false);
  useEffect(() => {
    if (!draftKey || restoring.current) return;
    restoring.current = true;
    void readDraft(draftKey).then((draft) => {
      // Until the draft is read, nothing is written: an early save would overwrite it.
      setDraftReady(true);
      if (!draft) return;
      const current = flatBillingValues(base.values);
      // Whatever was typed while the draft was being read wins over the draft.
      const typed = changedFields(billingFields, current, flatBillingValues(form.getValues()));
      const overTyping = (values: Record<string, string>) => {
        const next = { ...values };
        for (const change of typed) next[change.field] = change.to;
        return billingValuesFromFlat(next);
      };
      if (draft.baseEtag === base.profile.attributes.etag || !draft.base) {
        form.reset(overTyping({ ...current, ...draft.values }), { keepDefaultValues: true });
      } else {
        const merge = mergeThreeWay(
          { ...current, ...draft.base },
          { ...current, ...draft.values },
          current,
        );
        form.reset(overTyping(merge.merged), { keepDefaultValues: true });
        setTakenFromTheirs(merge.takenFromTheirs);
        setConflicts(merge.conflicts);
        setChoices({});
        if (merge.conflicts.length > 0) {
          conflictBase.current = {
            values: billingValuesFromFlat({ ...current, ...draft.base }),
            etag: draft.baseEtag ?? '',
          };
        }
      }
      setRestoredAt(draft.savedAt);
    });
  }, [draftKey, base, form]);

  const subscribe = useCallback(
    (onChange: () => void) =>
      form.subscribe({ formState: { values: true }, callback: () => onChange() }),
    [form],
  );
  useDraftAutosave({
    draftKey,
    subscribe,
    enabled: draftReady,
    snapshot: () => {
      const current = flatBillingValues(form.getValues());
      const baseline = flatBillingValues(base.values);
      if (changedFields(billingFields, baseline, current).length === 0) return undefined;
      const kept = conflictBase.current;
      return kept
        ? { values: current, base: flatBillingValues(kept.values), baseEtag: kept.etag }
        : { values: current, base: baseline, baseEtag: base.profile.attributes.etag };
    },
  });

  const discard = () => {
    if (draftKey) void deleteDraft(draftKey);
    conflictBase.current = undefined;
    form.reset(base.values);
    setRestoredAt(undefined);
    setConflicts([]);
    setTakenFromTheirs([]);
    setSummary([]);
    setPhase({ type: 'idle' });
  };

  const onSaved = async (saved: BillingProfile, sent: BillingFormValues) => {
    pending.current = undefined;
    conflictBase.current = undefined;
    automaticMerges.current = 0;
    if (draftKey) await deleteDraft(draftKey);
    const savedValues = formValuesOf(saved);
    setBase({ profile: saved, values: savedValues });
    // Typing went on while the save was on its way: that input stays, as an unsaved change.
    const since = mergeThreeWay(
      flatBillingValues(sent),
      flatBillingValues(form.getValues()),
      flatBillingValues(savedValues),
    );
    form.reset(billingValuesFromFlat(since.merged));
    setTakenFromTheirs([]);
    setConflicts([]);
    setChoices({});
    setRestoredAt(undefined);
    setSummary([]);
    setPhase({ type: 'saved', at: clock.now() });
    // Partner Center shows the billing company name on the customer list: so does the portal,
    // at once, in the detail view, the list and the list's saved copy.
    queryClient.setQueryData<Customer>(customerKeys.detail(customerId), (old) =>
      old
        ? {
            ...old,
            billingProfile: saved,
            companyProfile: { ...old.companyProfile, companyName: saved.companyName },
          }
        : old,
    );
    if (account) {
      customerListStoreFor(client, customerListCacheKey(account)).updateRow(customerId, {
        companyName: saved.companyName,
      });
    }
  };

  const mergeWithCurrent = async () => {
    setPhase({ type: 'merging' });
    let theirs: BillingProfile;
    try {
      theirs = await queryClient.fetchQuery({
        ...billingProfileQueryOptions(client, customerId),
        staleTime: 0,
      });
    } catch (error) {
      setPhase({ type: 'failed', error });
      return;
    }
    const theirValues = formValuesOf(theirs);
    const merge = mergeThreeWay(
      flatBillingValues(base.values),
      flatBillingValues(form.getValues()),
      flatBillingValues(theirValues),
    );
    if (merge.conflicts.length > 0) {
      conflictBase.current ??= { values: base.values, etag: base.profile.attributes.etag };
    }
    setBase({ profile: theirs, values: theirValues });
    form.reset(billingValuesFromFlat(merge.merged), { keepDefaultValues: true });
    setTakenFromTheirs(merge.takenFromTheirs);
    setConflicts(merge.conflicts);
    setChoices({});
    setPhase({ type: 'idle' });
    // Disjoint edits: nothing to ask, so the merged values go to Partner Center at once, once
    // the new base is in place (the next render's submit sees it) — a few times in a row at
    // most, should others keep saving meanwhile.
    if (merge.conflicts.length === 0 && automaticMerges.current < MAX_AUTOMATIC_MERGES) {
      automaticMerges.current += 1;
      setResubmit((count) => count + 1);
    }
  };

  const put = async (body: BillingProfile, sent: BillingFormValues) => {
    const bodyKey = JSON.stringify(body);
    // Sending the same body again after no answer reuses the MS-RequestId, so a save that
    // landed is not repeated; anything else to send is a new operation.
    if (pending.current?.bodyKey !== bodyKey) {
      pending.current = { bodyKey, requestId: globalThis.crypto.randomUUID() };
    }
    const { requestId } = pending.current;
    if (!navigator.onLine) {
      setPhase({ type: 'waiting-online' });
      return;
    }
    setPhase({ type: 'saving' });
    try {
      await onSaved(await update.mutateAsync({ profile: body, requestId }), sent);
    } catch (error) {
      if (!(error instanceof ApiError)) {
        setPhase({ type: 'failed', error });
        return;
      }
      if (!error.retryable) pending.current = undefined;
      if (error.isConflict) {
        await mergeWithCurrent();
        return;
      }
      if (error.kind === 'network' && !navigator.onLine) {
        setPhase({ type: 'waiting-online' });
        return;
      }
      const placed = error.fieldErrors.flatMap((fieldError) => {
        const field = formFieldOf(fieldError.field);
        return field ? [{ field, message: fieldError.message }] : [];
      });
      if (error.kind === 'validation' && placed.length > 0) {
        placed.forEach(({ field, message }, index) =>
          form.setError(field, { type: 'server', message }, { shouldFocus: index === 0 }),
        );
        setSummary(
          placed.map(({ field, message }) => ({
            id: fieldId(FORM_ID, field),
            label: labelOf(field),
            message,
          })),
        );
        setPhase({ type: 'idle' });
        return;
      }
      setPhase({ type: 'failed', error });
    }
  };

  const send = async (output: BillingProfileFormOutput) => {
    const changed = changedFields(
      billingFields,
      flatBillingValues(base.values),
      flatBillingValues(form.getValues()),
    ).map((change) => change.field);
    if (changed.length === 0) {
      // An accepted suggestion can turn the address back into the saved one.
      setPhase({ type: 'idle' });
      return;
    }
    await put(profileToSend(base.profile, output, changed), form.getValues());
  };

  const checkAddressThenSend = async (
    output: BillingProfileFormOutput,
    changed: BillingField[],
  ) => {
    setAddressNote(undefined);
    if (!changed.some(isValidatedField)) return send(output);
    const typed = typedAddressOf(output.defaultAddress);
    const typedKey = JSON.stringify(typed);
    if (settledAddress.current === typedKey) return send(output);
    setPhase({ type: 'checking-address' });
    let verdict: AddressVerdict;
    try {
      const response = await validateAddress(
        client,
        validationRequestOf({ ...typed, country: output.defaultAddress.country }),
      );
      verdict = addressVerdict(typed, response);
    } catch (error) {
      // Advisory only: a check that cannot be made never stands between the user and a save.
      setAddressNote(
        `The address could not be checked (${whyAddressUnchecked(error)}); it is saved as you typed it.`,
      );
      return send(output);
    }
    if (verdict.kind === 'verified') {
      settledAddress.current = typedKey;
      return send(output);
    }
    setPhase({ type: 'idle' });
    setDialog({ verdict, typed, output });
  };

  const onValid = async (output: BillingProfileFormOutput) => {
    setSummary([]);
    setUnresolvedWarning(false);
    const unresolved = conflicts.filter((conflict) => !choices[conflict.field]);
    if (unresolved.length > 0) {
      setUnresolvedWarning(true);
      return;
    }
    setUnresolvedWarning(false);
    const changed = changedFields(
      billingFields,
      flatBillingValues(base.values),
      flatBillingValues(form.getValues()),
    ).map((change) => change.field);
    if (changed.length === 0) return;
    await checkAddressThenSend(output, changed);
  };

  const onInvalid = (errors: FieldErrors<BillingFormValues>) => {
    setSummary(summarize(errors, labelOf));
  };

  const submit = () => form.handleSubmit(onValid, onInvalid)();
  const submitFromEffect = useEffectEvent(() => void submit());
  useEffect(() => {
    if (resubmit > 0) submitFromEffect();
  }, [resubmit]);

  const busy =
    phase.type === 'saving' || phase.type === 'checking-address' || phase.type === 'merging';

  // Ctrl+S or ⌘+S saves, as in every editor; the browser's "save page" is of no use here.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== 's' || !(event.ctrlKey || event.metaKey)) return;
      event.preventDefault();
      if (!busy) submitFromEffect();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [busy]);

  // Offline, the save waits for the connection and goes through when it is back.
  // From the values as they are now: what was typed while waiting is sent too, and an
  // unchanged body keeps its MS-RequestId.
  const retryPending = useEffectEvent(() => void submit());
  useEffect(() => {
    if (phase.type === 'waiting-online' && online) retryPending();
  }, [phase.type, online]);

  const choose = (field: BillingField, choice: ConflictChoice) => {
    setChoices((current) => ({ ...current, [field]: choice }));
    const conflict = conflicts.find((item) => item.field === field);
    if (!conflict) return;
    form.setValue(field, choice === 'mine' ? conflict.mine : conflict.theirs, {
      shouldValidate: true,
    });
  };

  const noteFor = (field: BillingField) =>
    takenFromTheirs.includes(field) ? 'Changed by someone else while you were editing.' : undefined;
  const addressNoteFor = (name: AddressFieldName) => noteFor(`defaultAddress.${name}`);
  const validatedLabels = Object.fromEntries(
    validatedFields.map((field) => [field, addressFieldLabel(field, rules)]),
  ) as Record<ValidatedField, string>;

  const failure = phase.type === 'failed' ? describeFailure(phase.error) : undefined;
  return (
    <form
      className={styles.form}
      noValidate
      aria-label="Billing contact"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <div className={styles.notices} aria-live="polite">
        {restoredAt !== undefined && (
          <MessageBar intent="info" data-testid="draft-restored">
            <MessageBarBody>
              Restored your unsaved changes from {time.format(restoredAt)}.
            </MessageBarBody>
            <MessageBarActions>
              <Button size="small" disabledFocusable={busy} onClick={discard}>
                Discard
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}
        {takenFromTheirs.length > 0 && conflicts.length === 0 && phase.type !== 'saved' && (
          <MessageBar intent="info" data-testid="merged-notice">
            <MessageBarBody>
              Someone else saved this billing contact meanwhile; their changes are in the form and
              marked, and yours are kept.
            </MessageBarBody>
          </MessageBar>
        )}
        <BillingConflicts
          conflicts={conflicts}
          choices={choices}
          labelOf={labelOf}
          onChoose={choose}
        />
        {unresolvedWarning && conflicts.some((conflict) => !choices[conflict.field]) && (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>
              Choose which value to keep for every field both of you changed, then save.
            </MessageBarBody>
          </MessageBar>
        )}
        <ErrorSummary errors={summary} />
        {addressNote && (
          <MessageBar intent="warning" data-testid="address-note">
            <MessageBarBody>{addressNote}</MessageBarBody>
          </MessageBar>
        )}
        {failure && (
          <MessageBar intent="error" layout="multiline" role="alert" data-testid="save-failed">
            <MessageBarBody>
              <MessageBarTitle>The billing contact was not saved</MessageBarTitle>
              {failure.text} Your changes are kept.
              {failure.correlationId && (
                <div>
                  Correlation id for support:{' '}
                  <span className={styles.correlation}>{failure.correlationId}</span>
                </div>
              )}
            </MessageBarBody>
            <MessageBarActions>
              <Button onClick={() => void submit()}>Try again</Button>
            </MessageBarActions>
          </MessageBar>
        )}
        {phase.type === 'waiting-online' && (
          <MessageBar intent="warning" data-testid="save-waiting-online">
            <MessageBarBody>
              You are offline. Your changes are kept and will be saved when the connection is back.
            </MessageBarBody>
          </MessageBar>
        )}
        {phase.type === 'saving' && <SaveThrottledNotice />}
      </div>

      <fieldset className={groups.fieldset}>
        <legend className={groups.legend}>Billing contact</legend>
        <div className={groups.row}>
          <TextField
            formId={FORM_ID}
            control={form.control}
            name="firstName"
            label="First name"
            required
            autoComplete="given-name"
            note={noteFor('firstName')}
          />
          <TextField
            formId={FORM_ID}
            control={form.control}
            name="lastName"
            label="Last name"
            required
            autoComplete="family-name"
            note={noteFor('lastName')}
          />
        </div>
        <TextField
          formId={FORM_ID}
          control={form.control}
          name="email"
          label="Email"
          type="email"
          required
          autoComplete="email"
          note={noteFor('email')}
        />
        <TextField
          formId={FORM_ID}
          control={form.control}
          name="companyName"
          label="Company name"
          required
          autoComplete="organization"
          hint="The name on invoices and in the customer list; the customer's tenant keeps its own name."
          note={noteFor('companyName')}
        />
        <div className={groups.row}>
          <CultureFields
            formId={FORM_ID}
            control={form.control}
            name="culture"
            country={country}
            partnerCenterRules={pcRules}
            note={noteFor('culture')}
          />
        </div>
      </fieldset>

      <AddressBlock
        formId={FORM_ID}
        control={form.control}
        prefix="defaultAddress"
        legend="Default address"
        rules={rules}
        partnerCenterRules={pcRules}
        noteFor={addressNoteFor}
        countryField={
          <Field
            label="Country"
            hint="Partner Center does not let a customer’s billing country change."
          >
            <Input
              id={fieldId(FORM_ID, 'defaultAddress.country')}
              readOnly
              value={`${countryName(country)} (${country})`}
            />
          </Field>
        }
      />

      <BillingSaveBar
        control={form.control}
        base={base.values}
        labelOf={labelOf}
        activity={
          phase.type === 'checking-address'
            ? 'checking-address'
            : phase.type === 'saving' || phase.type === 'merging'
              ? 'saving'
              : undefined
        }
        savedAt={phase.type === 'saved' ? phase.at : undefined}
        customerId={customerId}
        onDiscard={discard}
      />

      <AddressSuggestionDialog
        request={dialog}
        labels={validatedLabels}
        onCancel={() => setDialog(undefined)}
        onKeepMine={() => {
          if (!dialog) return;
          const { output, typed } = dialog;
          settledAddress.current = JSON.stringify(typed);
          setDialog(undefined);
          void send(output);
        }}
        onUseSuggested={() => {
          if (!dialog) return;
          const { verdict } = dialog;
          setDialog(undefined);
          if (verdict.kind !== 'suggested') return;
          const { values, settled } = acceptedSuggestion(verdict.suggestion);
          for (const field of validatedFields) {
            form.setValue(`defaultAddress.${field}`, values[field], { shouldValidate: true });
          }
          settledAddress.current = JSON.stringify(settled);
          // The suggestion goes through the schema like typed text, then straight to saving.
          void form.handleSubmit((output) => send(output), onInvalid)();
        }}
      />
    </form>
  );
}
