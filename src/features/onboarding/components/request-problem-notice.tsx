import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ApiError } from '@/api/partner-center/api-error';

const useStyles = makeStyles({
  id: { fontFamily: tokens.fontFamilyMonospace, userSelect: 'all' },
});

/** A reference request that failed: what could not be loaded, why, and a way to try again. */
export function RequestProblemNotice(props: {
  error: unknown;
  subject: string;
  onRetry: () => void;
}) {
  const styles = useStyles();
  const { error } = props;
  const text = error instanceof Error ? error.message : String(error);
  const correlationId = error instanceof ApiError ? error.correlationId : '';
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>Partner Center did not give {props.subject}</MessageBarTitle>
        {text}
        {correlationId && (
          <div>
            Correlation id for support: <span className={styles.id}>{correlationId}</span>
          </div>
        )}
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={props.onRetry}>Try again</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
