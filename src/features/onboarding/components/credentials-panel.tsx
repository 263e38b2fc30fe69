import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { EyeOffRegular, EyeRegular } from '@fluentui/react-icons';
import { useId, useState } from 'react';
import type { UserCredentials } from '@/api/partner-center/resources';
import { CopyButton } from '@/features/onboarding/components/copy-button';

const useStyles = makeStyles({
  panel: {
    display: 'grid',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    border: `${tokens.strokeWidthThick} solid ${tokens.colorPaletteDarkOrangeBorder2}`,
    borderRadius: tokens.borderRadiusLarge,
    maxWidth: '40rem',
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  line: { display: 'flex', alignItems: 'end', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  field: { flexGrow: 1, minWidth: '14rem' },
  secret: { fontFamily: tokens.fontFamilyMonospace },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

/**
 * The new tenant's first admin, shown once: Partner Center never returns the password again.
 * Held in this component's state only (no query cache, no draft, no storage, no URL), so it is
 * gone when the page is left; masked until revealed.
 */
export function CredentialsPanel(props: {
  credentials: UserCredentials;
  domain: string | undefined;
  onSaved: () => void;
  saved: boolean;
}) {
  const styles = useStyles();
  const headingId = useId();
  const [revealed, setRevealed] = useState(false);
  const { credentials } = props;
  // Partner Center's documented answer gives "admin"; the sign-in name needs the domain.
  const userName =
    credentials.userName.includes('@') || !props.domain
      ? credentials.userName
      : `${credentials.userName}@${props.domain}`;
  return (
    <section className={styles.panel} aria-labelledby={headingId} data-testid="credentials">
      <h2 id={headingId} className={styles.heading}>
        The new customer’s admin account
      </h2>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Save these now</MessageBarTitle>
          Partner Center shows this password once and never again. Store it in your password manager
          or hand it to the customer securely before you leave this page.
        </MessageBarBody>
      </MessageBar>
      <div className={styles.line}>
        <Field className={styles.field} label="User name">
          <Input className={styles.secret} readOnly value={userName} />
        </Field>
        <CopyButton label="Copy user name" text={() => userName} />
      </div>
      <div className={styles.line}>
        <Field className={styles.field} label="Password">
          <Input
            className={styles.secret}
            readOnly
            type={revealed ? 'text' : 'password'}
            value={credentials.password}
            data-testid="password"
          />
        </Field>
        <Button
          icon={revealed ? <EyeOffRegular /> : <EyeRegular />}
          aria-pressed={revealed}
          onClick={() => setRevealed((shown) => !shown)}
        >
          {revealed ? 'Hide password' : 'Show password'}
        </Button>
        <CopyButton label="Copy password" text={() => credentials.password} />
      </div>
      <div className={styles.actions}>
        <CopyButton
          appearance="primary"
          label="Copy both"
          text={() => `User name: ${userName}\nPassword: ${credentials.password}`}
        />
        <Button disabled={props.saved} onClick={props.onSaved}>
          {props.saved ? 'Marked as saved' : 'I have saved them'}
        </Button>
      </div>
    </section>
  );
}
