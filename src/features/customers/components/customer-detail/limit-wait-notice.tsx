import { Body1, makeStyles, tokens } from '@fluentui/react-components';
import { describeWindow, useApiStatus } from '@/api/partner-center/use-api-status';

const useStyles = makeStyles({
  notice: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

/** Why a click has not answered yet: the request waits in the queue for the tenant's budget. */
export function LimitWaitNotice() {
  const styles = useStyles();
  const { status, now } = useApiStatus();
  if (status.waitingInteractive === 0) return null;
  const pausedSeconds = Math.ceil((status.pausedUntil - now) / 1000);
  if (pausedSeconds > 0) {
    return (
      <Body1 as="p" className={styles.notice} data-testid="limit-wait">
        Waiting for Partner Center’s limit: about {pausedSeconds} s
      </Body1>
    );
  }
  if (status.used < status.limit) return null;
  return (
    <Body1 as="p" className={styles.notice} data-testid="limit-wait">
      Waiting for Partner Center’s limit: all {status.limit} requests{' '}
      {describeWindow(status.windowMs)} are used; the next frees within about{' '}
      {Math.ceil(status.windowMs / 1000)} s
    </Body1>
  );
}
