import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useRouter, type ErrorComponentProps } from '@tanstack/react-router';

const useStyles = makeStyles({
  root: { padding: tokens.spacingHorizontalXL },
});

/** One per route: a failing page keeps the shell and offers a retry instead of a blank screen. */
export function RouteErrorPage({ error, reset }: ErrorComponentProps) {
  const styles = useStyles();
  const router = useRouter();
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div className={styles.root}>
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>This page could not be shown.</MessageBarTitle>
          {message}
        </MessageBarBody>
        <MessageBarActions>
          <Button
            onClick={() => {
              reset();
              void router.invalidate();
            }}
          >
            Try again
          </Button>
        </MessageBarActions>
      </MessageBar>
    </div>
  );
}
