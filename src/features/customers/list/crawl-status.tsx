import { Body1, Button, ProgressBar, makeStyles, tokens } from '@fluentui/react-components';
import { useApiStatus } from '@/api/partner-center/use-api-status';
import type { CustomerListSnapshot } from './customer-list-store';

const useStyles = makeStyles({
  root: { display: 'grid', gap: tokens.spacingVerticalXS },
  line: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
  },
  bar: { maxWidth: '40rem' },
  waiting: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

const count = new Intl.NumberFormat();
const time = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function crawlProgressText(list: CustomerListSnapshot): string {
  const of = list.total === undefined ? '' : ` of ${count.format(list.total)}`;
  const loaded = `Loaded ${count.format(list.loaded)}${of}`;
  switch (list.state) {
    case 'starting':
      return 'Loading customers…';
    case 'loading':
      return `${loaded} · paced by Partner Center’s limit`;
    case 'paused':
      return `${loaded} · paused`;
    case 'failed':
      return `${loaded} · stopped`;
    case 'done':
      return `All ${count.format(list.rows.length)} customers loaded`;
  }
}

/** "Loaded 12,400 of 25,000 · paced by Partner Center's limit", with Pause and a bar. */
export function CrawlStatus(props: {
  list: CustomerListSnapshot;
  onPause: () => void;
  onResume: () => void;
  onRefresh: () => void;
}) {
  const styles = useStyles();
  const { list } = props;
  const { status, now } = useApiStatus();
  const fraction = list.total ? Math.min(1, list.loaded / list.total) : undefined;
  const running = list.state === 'loading' || list.state === 'starting';
  const waitMs = Math.max(status.pausedUntil, status.nextStartAt) - now;
  const waiting = running && status.waitingBackground > 0 && waitMs > 1000;
  return (
    <div className={styles.root}>
      <div className={styles.line}>
        {list.cachedAt !== undefined && (
          <Body1 data-testid="cached-at">
            Showing the list saved {time.format(list.cachedAt)}
            {running ? ' · refreshing' : ''}
          </Body1>
        )}
        <Body1 data-testid="crawl-progress">{crawlProgressText(list)}</Body1>
        {waiting && (
          <Body1 className={styles.waiting} data-testid="budget-wait">
            Partner Center’s limit is reached; loading continues in {Math.ceil(waitMs / 1000)} s
          </Body1>
        )}
        {running && (
          <Button size="small" onClick={props.onPause}>
            Pause loading
          </Button>
        )}
        {/* A failure offers "Try again" beside its message instead. */}
        {list.state === 'paused' && (
          <Button size="small" onClick={props.onResume}>
            Resume loading
          </Button>
        )}
        {list.state === 'done' && (
          <Button size="small" appearance="subtle" onClick={props.onRefresh}>
            Refresh list
          </Button>
        )}
      </div>
      {list.state !== 'done' && (
        <ProgressBar
          className={styles.bar}
          value={fraction}
          aria-label="Customers loaded"
          aria-valuetext={crawlProgressText(list)}
          thickness="large"
          color={list.state === 'failed' ? 'error' : 'brand'}
        />
      )}
    </div>
  );
}
