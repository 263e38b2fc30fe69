import { useMsal } from '@azure/msal-react';
import {
  Body1,
  Button,
  Caption1,
  Card,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Title1,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useRuntimeConfig } from '@/config/runtime-config-context';
import { useDocumentTitle } from '@/components/use-document-title';

const useStyles = makeStyles({
  page: {
    minHeight: '100vh',
    display: 'grid',
    placeItems: 'center',
    padding: tokens.spacingHorizontalL,
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground2,
  },
  card: {
    maxWidth: '28rem',
    width: '100%',
    padding: tokens.spacingHorizontalXXL,
    display: 'grid',
    gap: tokens.spacingVerticalL,
  },
});

export function SignInPage(props: { redirect: string | undefined; error: Error | undefined }) {
  const styles = useStyles();
  const { instance } = useMsal();
  const config = useRuntimeConfig();
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<Error | undefined>();
  useDocumentTitle('Sign in');

  const error = startError ?? props.error;

  async function signIn() {
    setStarting(true);
    setStartError(undefined);
    try {
      await instance.loginRedirect({
        scopes: config.auth.scopes,
        prompt: 'select_account',
        redirectStartPage: new URL(props.redirect ?? '/customers', window.location.origin).href,
      });
    } catch (caught) {
      setStarting(false);
      setStartError(caught instanceof Error ? caught : new Error(String(caught)));
    }
  }

  return (
    <main className={styles.page}>
      <Card className={styles.card}>
        <Title1 as="h1">Partner Customers Portal</Title1>
        <Body1>
          Sign in with your partner organization&apos;s work account to list, search and edit your
          Partner Center customers.
        </Body1>
        {error && (
          <MessageBar intent="error">
            <MessageBarBody>
              <MessageBarTitle>Sign-in did not complete.</MessageBarTitle>
              {error.message}
            </MessageBarBody>
          </MessageBar>
        )}
        <Button appearance="primary" size="large" onClick={signIn} disabledFocusable={starting}>
          {starting ? <Spinner size="tiny" label="Signing in…" /> : 'Sign in'}
        </Button>
        <Caption1>
          {config.mode === 'local'
            ? 'Local mode: you sign in with a local account and work on the Partner Center emulator.'
            : `Signing in to ${config.cloudDisplayName}.`}
        </Caption1>
      </Card>
    </main>
  );
}
