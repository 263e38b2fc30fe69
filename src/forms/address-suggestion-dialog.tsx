import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { AddressVerdict, ValidatedField } from '@/forms/address-check';
import { validatedFields } from '@/forms/address-check';

const useStyles = makeStyles({
  columns: {
    display: 'grid',
    gap: tokens.spacingHorizontalXL,
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 14rem), 1fr))',
    marginTop: tokens.spacingVerticalM,
  },
  heading: {
    margin: `0 0 ${tokens.spacingVerticalXS}`,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  lines: { display: 'grid', gap: tokens.spacingVerticalXXS, margin: 0 },
  line: { margin: 0, overflowWrap: 'anywhere' },
  term: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  changed: {
    backgroundColor: tokens.colorPaletteYellowBackground2,
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    paddingInline: tokens.spacingHorizontalXXS,
    borderRadius: tokens.borderRadiusSmall,
  },
  message: { marginTop: tokens.spacingVerticalM },
});

export type TypedAddress = Partial<Record<ValidatedField, string>>;

/** What the dialog asks about: Partner Center's verdict beside what was typed. */
export interface AddressQuestion {
  verdict: Exclude<AddressVerdict, { kind: 'verified' }>;
  typed: TypedAddress;
}

function AddressColumn(props: {
  title: string;
  address: TypedAddress;
  labels: Readonly<Record<ValidatedField, string>>;
  marked: readonly ValidatedField[];
}) {
  const styles = useStyles();
  const shown = validatedFields.filter(
    (field) => props.address[field]?.trim() || props.marked.includes(field),
  );
  return (
    <section aria-label={props.title}>
      <h3 className={styles.heading}>{props.title}</h3>
      <dl className={styles.lines}>
        {shown.map((field) => (
          <div key={field}>
            <dt className={styles.term}>{props.labels[field]}</dt>
            <dd className={styles.line}>
              {props.marked.includes(field) ? (
                <mark className={styles.changed}>
                  <bdi>{props.address[field]?.trim() || '(none)'}</bdi>
                </mark>
              ) : (
                <bdi>{props.address[field]}</bdi>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/**
 * Partner Center's verdict on the typed address when it is not "verified": its suggestion
 * beside the typed address with the differences marked, or why it could not verify it. The
 * user decides; the check never blocks a save.
 */
export function AddressSuggestionDialog(props: {
  /** What to ask about; undefined closes the dialog. */
  request: AddressQuestion | undefined;
  labels: Readonly<Record<ValidatedField, string>>;
  /** The unverified address's "keep" button: "Keep it and save", "Keep it and go on". */
  keepLabel?: string;
  onUseSuggested: () => void;
  onKeepMine: () => void;
  onCancel: () => void;
}) {
  const styles = useStyles();
  // Mounted for good and opened by its prop: a Fluent Dialog unmounted while open leaves
  // aria-hidden on the page (microsoft/fluentui#35139), hiding it from screen readers. The last
  // question stays on screen while the dialog closes.
  const [shown, setShown] = useState(props.request);
  if (props.request && props.request !== shown) setShown(props.request);
  if (!shown) return null;
  const { verdict, typed } = props.request ?? shown;
  const suggested = verdict.kind === 'suggested';
  return (
    <Dialog
      open={props.request !== undefined}
      modalType="alert"
      onOpenChange={(_event, data) => {
        if (!data.open) props.onCancel();
      }}
    >
      <DialogSurface aria-describedby="address-check-message">
        <DialogBody>
          <DialogTitle>
            {suggested
              ? 'Partner Center suggests a correction to the address'
              : 'Partner Center could not verify the address'}
          </DialogTitle>
          <DialogContent>
            <p id="address-check-message" className={styles.message}>
              {verdict.message ??
                (suggested
                  ? 'The marked parts differ from what you typed.'
                  : 'It may still be right: check it, then keep it or go back and edit it.')}
            </p>
            {suggested ? (
              <div className={styles.columns}>
                <AddressColumn
                  title="You typed"
                  address={typed}
                  labels={props.labels}
                  marked={verdict.differences}
                />
                <AddressColumn
                  title="Suggested"
                  address={verdict.suggestion}
                  labels={props.labels}
                  marked={verdict.differences}
                />
              </div>
            ) : (
              <div className={styles.columns}>
                <AddressColumn
                  title="You typed"
                  address={typed}
                  labels={props.labels}
                  marked={[]}
                />
              </div>
            )}
          </DialogContent>
          <DialogActions>
            {suggested ? (
              <>
                <Button appearance="primary" onClick={props.onUseSuggested}>
                  Use suggested
                </Button>
                <Button onClick={props.onKeepMine}>Keep mine</Button>
              </>
            ) : (
              <>
                <Button appearance="primary" onClick={props.onKeepMine}>
                  {props.keepLabel ?? 'Keep it and save'}
                </Button>
                <Button onClick={props.onCancel}>Go back and edit</Button>
              </>
            )}
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
