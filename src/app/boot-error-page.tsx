import {
  Body1,
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Title1,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useGlobalStyles } from '@/components/use-global-styles';
import { useSystemTheme } from '@/components/use-system-theme';

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    display: 'grid',
    placeItems: 'center',
    padding: tokens.spacingHorizontalL,
    boxSizing: 'border-box',
  },
  content: { display: 'grid', gap: tokens.spacingVerticalL, maxWidth: '36rem' },
});

/** Shown when the portal cannot start at all: its configuration is missing or broken. */
export function BootErrorPage(props: { error: Error }) {
  const styles = useStyles();
  useGlobalStyles();
  const theme = useSystemTheme();
  return (
    <FluentProvider theme={theme}>
      <main className={styles.root}>
        <div className={styles.content}>
          <Title1 as="h1">The portal cannot start</Title1>
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>
                {props.error.name === 'RuntimeConfigError'
                  ? 'Configuration problem'
                  : 'Start-up failed'}
              </MessageBarTitle>
              {props.error.message}
            </MessageBarBody>
          </MessageBar>
          <Body1>
            Ask the person who runs this portal to check its configuration, then reload.
          </Body1>
          <Button appearance="primary" onClick={() => window.location.reload()}>
            Reload
          </Button>
        </div>
      </main>
    </FluentProvider>
  );
}
