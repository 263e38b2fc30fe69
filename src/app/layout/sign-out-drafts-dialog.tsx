import { ConfirmDialog } from '@/components/confirm-dialog';

/** "Delete 2 unsaved drafts?", before sign-out deletes them. */
export function SignOutDraftsDialog(props: {
  drafts: number;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { drafts } = props;
  return (
    <ConfirmDialog
      title={`Delete ${drafts === 1 ? 'one unsaved draft' : `${drafts} unsaved drafts`}?`}
      confirmLabel="Delete and sign out"
      busy={props.busy}
      onConfirm={props.onConfirm}
      onCancel={props.onCancel}
    >
      <p>
        This browser keeps unsaved edits so that nothing you type is lost. They belong to your
        account, so signing out deletes them. Save them first if you still need them.
      </p>
    </ConfirmDialog>
  );
}
