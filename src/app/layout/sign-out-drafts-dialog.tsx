import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useId, useRef } from 'react';

const useStyles = makeStyles({
  dialog: {
    maxWidth: 'min(32rem, calc(100vw - 2rem))',
    padding: tokens.spacingHorizontalXXL,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorTransparentStroke}`,
    borderRadius: tokens.borderRadiusXLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    boxShadow: tokens.shadow64,
    '::backdrop': { backgroundColor: tokens.colorBackgroundOverlay },
  },
  title: {
    margin: `0 0 ${tokens.spacingVerticalS}`,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
  text: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
  actions: {
    display: 'flex',
    justifyContent: 'flex-end',
    gap: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalXXL,
  },
});

/**
 * "Delete 2 unsaved drafts?", before sign-out deletes them. The platform's modal <dialog>
 * (focus kept inside, Escape cancels) rather than Fluent's Dialog, which the shell would
 * otherwise load on every page for this one question.
 */
export function SignOutDraftsDialog(props: {
  drafts: number;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const styles = useStyles();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const textId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  const { drafts } = props;
  return (
    <dialog
      ref={ref}
      className={styles.dialog}
      role="alertdialog"
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={textId}
      onCancel={(event) => {
        event.preventDefault();
        props.onCancel();
      }}
    >
      <h2 id={titleId} className={styles.title}>
        Delete {drafts === 1 ? 'one unsaved draft' : `${drafts} unsaved drafts`}?
      </h2>
      <p id={textId} className={styles.text}>
        This browser keeps unsaved edits so that nothing you type is lost. They belong to your
        account, so signing out deletes them. Save them first if you still need them.
      </p>
      <div className={styles.actions}>
        <Button appearance="primary" disabledFocusable={props.busy} onClick={props.onConfirm}>
          Delete and sign out
        </Button>
        <Button disabledFocusable={props.busy} onClick={props.onCancel}>
          Cancel
        </Button>
      </div>
    </dialog>
  );
}
