import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import {
  describeApiStatus,
  describeWindow,
  useApiStatus,
} from '@/api/partner-center/use-api-status';
import { visuallyHidden } from '@/components/visually-hidden';

const useStyles = makeStyles({
  status: { color: tokens.colorNeutralForeground3, whiteSpace: 'nowrap' },
  paused: { color: tokens.colorPaletteDarkOrangeForeground1 },
  hidden: visuallyHidden,
});

/** The tenant's Partner Center budget, discreetly: "API: 412/500 per min · 3 waiting · paused 12 s". */
export function ApiStatus() {
  const styles = useStyles();
  const { status, now } = useApiStatus();
  const paused = status.pausedUntil > now;
  return (
    <>
      <Caption1
        className={paused ? styles.paused : styles.status}
        data-testid="api-status"
        title={`Partner Center allows ${status.limit} requests ${describeWindow(status.windowMs)} for your partner tenant; the portal paces every call to stay within it.`}
      >
        {describeApiStatus(status, now)}
      </Caption1>
      {/* Announced once when a pause begins, not on every tick of the countdown. */}
      <span className={styles.hidden} role="status">
        {paused ? 'Partner Center asked the portal to slow down; requests resume shortly.' : ''}
      </span>
    </>
  );
}
