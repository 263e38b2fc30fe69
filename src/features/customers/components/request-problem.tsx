import {
  Button,
  Caption1,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowClockwiseRegular } from '@fluentui/react-icons';
import { Link } from '@tanstack/react-router';
import { useEffect, useEffectEvent, useState, useSyncExternalStore } from 'react';
import { useOnline } from '@/components/use-online';
import { useLastCustomersSearch } from '@/features/customers/list/last-customers-search';
import { describeRequestProblem } from '@/features/customers/request-problem';

const useStyles = makeStyles({
  text: { overflowWrap: 'anywhere' },
  correlation: { marginTop: tokens.spacingVerticalXS, userSelect: 'text' },
  id: { fontFamily: tokens.fontFamilyMonospace, userSelect: 'all' },
  backLink: {
    color: tokens.colorBrandForegroundLink,
    ':hover': { color: tokens.colorBrandForegroundLinkHover },
  },
});

/**
 * A clock read at most a second late: enough for "about N s", and a cached snapshot (a fresh
 * Date.now() on every read would make useSyncExternalStore re-render forever).
 */
let secondsNow = Date.now();
function subscribeToSeconds(onChange: () => void) {
  const tick = () => {
    secondsNow = Date.now();
    onChange();
  };
  // Subscribing refreshes it, so a clock that stood still while nobody watched is not used.
  tick();
  const timer = window.setInterval(tick, 1000);
  return () => window.clearInterval(timer);
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export interface RequestProblemProps {
  error: unknown;
  onRetry: () => void;
  /** What failed to load, for the sentence "The customer could not be loaded." */
  subject: string;
  /** How far it got: a list that stopped half-way "could not be loaded completely". */
  outcome?: string;
  /** The request listed customers: a refusal is about the role, not one customer. */
  list?: boolean;
}

/** A failed Partner Center request: what happened, when it may work again, and what to do. */
export function RequestProblem({
  error,
  onRetry,
  subject,
  outcome = 'could not be loaded',
  list = false,
}: RequestProblemProps) {
  const styles = useStyles();
  const online = useOnline();
  const lastCustomersSearch = useLastCustomersSearch();
  const now = useSyncExternalStore(
    subscribeToSeconds,
    () => secondsNow,
    () => secondsNow,
  );
  // Retry-After counts from the error's arrival, which a re-render must not move.
  const [arrival, setArrival] = useState({ error, at: now });
  if (arrival.error !== error) setArrival({ error, at: now });
  const problem = describeRequestProblem(error, now, {
    online,
    list,
    since: arrival.error === error ? arrival.at : now,
  });

  const retry = useEffectEvent(onRetry);
  useEffect(() => {
    if (!problem.offline) return;
    const onOnline = () => retry();
    window.addEventListener('online', onOnline);
    return () => window.removeEventListener('online', onOnline);
  }, [problem.offline]);

  const waiting = problem.offline || problem.retryInSeconds !== undefined;
  return (
    <MessageBar intent={waiting ? 'warning' : 'error'} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{problem.title}</MessageBarTitle>
        <Text as="p" block className={styles.text}>
          {!problem.notFound && `${capitalized(subject)} ${outcome}. `}
          {problem.detail}
        </Text>
        {problem.correlationId && (
          <Caption1 as="p" block className={styles.correlation}>
            Correlation id for support: <span className={styles.id}>{problem.correlationId}</span>
          </Caption1>
        )}
      </MessageBarBody>
      <MessageBarActions>
        {problem.notFound ? (
          <Link to="/customers" search={lastCustomersSearch} className={styles.backLink}>
            Back to the customer list
          </Link>
        ) : (
          <Button icon={<ArrowClockwiseRegular />} onClick={onRetry}>
            Try again
          </Button>
        )}
      </MessageBarActions>
    </MessageBar>
  );
}
