import { Button, Spinner, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { CheckmarkCircle20Filled, ErrorCircle20Filled } from '@fluentui/react-icons';
import { useEffect, useRef, type ReactNode } from 'react';
import { ApiError } from '@/api/partner-center/api-error';
import { ButtonLink } from '@/components/button-link';
import { CredentialsPanel } from '@/features/onboarding/components/credentials-panel';
import type {
  CreatedCustomerResult,
  StepState,
} from '@/features/onboarding/hooks/use-create-customer-flow';

const useStyles = makeStyles({
  result: { display: 'grid', gap: tokens.spacingVerticalXL, maxWidth: '48rem' },
  heading: { ...typographyStyles.subtitle1, margin: 0, overflowWrap: 'anywhere' },
  checklist: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gap: tokens.spacingVerticalS,
  },
  item: {
    display: 'grid',
    gridTemplateColumns: 'auto minmax(0, 1fr) auto',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    minHeight: '32px',
  },
  done: { color: tokens.colorPaletteGreenForeground1 },
  failed: { color: tokens.colorPaletteRedForeground1 },
  detail: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  correlation: { fontFamily: tokens.fontFamilyMonospace, userSelect: 'all' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

function describe(error: unknown): { text: string; correlationId?: string } {
  if (error instanceof ApiError) {
    return { text: error.message, correlationId: error.correlationId || undefined };
  }
  return { text: error instanceof Error ? error.message : String(error) };
}

function ChecklistItem(props: {
  state: StepState;
  label: ReactNode;
  pendingLabel: string;
  testId: string;
  onRetry?: () => void;
}) {
  const styles = useStyles();
  const { state } = props;
  const failure = state.state === 'failed' ? describe(state.error) : undefined;
  return (
    <li className={styles.item} data-testid={props.testId} data-state={state.state}>
      {state.state === 'done' ? (
        <CheckmarkCircle20Filled className={styles.done} aria-hidden />
      ) : state.state === 'failed' ? (
        <ErrorCircle20Filled className={styles.failed} aria-hidden />
      ) : (
        <Spinner size="extra-small" aria-hidden />
      )}
      <div>
        <div>
          {state.state === 'pending' ? props.pendingLabel : props.label}
          {state.state === 'failed' && ': failed'}
        </div>
        {failure && (
          <div className={styles.detail}>
            {failure.text}
            {failure.correlationId && (
              <>
                {' '}
                Correlation id: <span className={styles.correlation}>{failure.correlationId}</span>
              </>
            )}
          </div>
        )}
      </div>
      {state.state === 'failed' && props.onRetry ? (
        <Button size="small" onClick={props.onRetry}>
          Retry
        </Button>
      ) : (
        <span />
      )}
    </li>
  );
}

/**
 * After Create: a checklist of what happened (created, agreement attested, added to the list),
 * each with its status and a Retry where it failed; then the one-time admin credentials.
 */
export function CreationResult(props: {
  result: CreatedCustomerResult;
  credentialsSaved: boolean;
  onCredentialsSaved: () => void;
  onRetryAgreement: () => void;
  onRetryList: () => void;
  onAnother: () => void;
}) {
  const styles = useStyles();
  const { result } = props;
  // The form that had the focus is gone: the news takes it, and is read out.
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <div className={styles.result}>
      <h2 className={styles.heading} ref={headingRef} tabIndex={-1}>
        <bdi>{result.companyName}</bdi> is a Microsoft customer now
      </h2>
      <ul className={styles.checklist} aria-label="What happened" aria-live="polite">
        <ChecklistItem
          testId="step-created"
          state={{ state: 'done' }}
          pendingLabel=""
          label={
            <>
              Customer created: <bdi>{result.companyName}</bdi> ({result.domain})
            </>
          }
        />
        {result.agreement && (
          <ChecklistItem
            testId="step-agreement"
            state={result.agreement}
            pendingLabel="Attesting the Microsoft Customer Agreement…"
            label="Microsoft Customer Agreement attested"
            onRetry={props.onRetryAgreement}
          />
        )}
        <ChecklistItem
          testId="step-listed"
          state={result.listed}
          pendingLabel="Adding it to your customer list…"
          label="Added to your customer list"
          onRetry={props.onRetryList}
        />
      </ul>
      {result.credentials ? (
        <CredentialsPanel
          credentials={result.credentials}
          domain={result.domain}
          saved={props.credentialsSaved}
          onSaved={props.onCredentialsSaved}
        />
      ) : (
        <p>
          Partner Center did not return the admin account’s password. Reset the admin’s password in
          the customer’s Microsoft 365 admin center.
        </p>
      )}
      <div className={styles.actions}>
        {result.customerId && (
          <ButtonLink
            appearance="primary"
            to="/customers/$customerId"
            params={{ customerId: result.customerId }}
          >
            Open the customer
          </ButtonLink>
        )}
        <Button onClick={props.onAnother}>Onboard another customer</Button>
      </div>
    </div>
  );
}
