import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useApiStatus } from '@/api/partner-center/use-api-status';

/**
 * While a save waits out a 429: when it goes through, by itself. Its own component, since the
 * budget status re-renders each second and the form must not.
 */
export function SaveThrottledNotice() {
  const { status, now } = useApiStatus();
  if (status.pausedUntil <= now) return null;
  const seconds = Math.ceil((status.pausedUntil - now) / 1000);
  return (
    <MessageBar intent="warning" data-testid="save-throttled">
      <MessageBarBody>
        Partner Center’s limit is reached; your save goes through by itself in {seconds} s.
      </MessageBarBody>
    </MessageBar>
  );
}
