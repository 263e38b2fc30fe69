import { useMsal } from '@azure/msal-react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import { SignOutRegular } from '@fluentui/react-icons';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { signOut } from '@/auth/sign-out';
import { countDrafts, deleteAccountDrafts } from '@/forms/draft-store';
import { clearCachedCustomerLists } from '@/features/customers/list/customer-list-cache';

/**
 * Sign-out takes with it what this browser keeps for the account: the saved customer list and
 * the unsaved drafts, which hold personal data. Drafts are someone's work, so it says first
 * how many it will delete.
 */
export function SignOutButton() {
  const { instance } = useMsal();
  const queryClient = useQueryClient();
  const [signingOut, setSigningOut] = useState(false);
  const [drafts, setDrafts] = useState(0);

  const leave = async () => {
    setSigningOut(true);
    const account = instance.getActiveAccount();
    try {
      queryClient.clear();
      if (account) {
        await clearCachedCustomerLists(account.homeAccountId);
        await deleteAccountDrafts(account.homeAccountId);
      }
      await signOut(instance);
    } catch {
      setSigningOut(false);
    }
  };

  return (
    <>
      <Button
        appearance="subtle"
        icon={<SignOutRegular />}
        disabledFocusable={signingOut}
        onClick={() => {
          const account = instance.getActiveAccount();
          void (async () => {
            const unsaved = account ? await countDrafts(account.homeAccountId) : 0;
            if (unsaved > 0) setDrafts(unsaved);
            else await leave();
          })();
        }}
      >
        Sign out
      </Button>
      <Dialog
        open={drafts > 0}
        modalType="alert"
        onOpenChange={(_event, data) => {
          if (!data.open) setDrafts(0);
        }}
      >
        <DialogSurface>
          <DialogBody>
            <DialogTitle>
              Delete {drafts === 1 ? 'one unsaved draft' : `${drafts} unsaved drafts`}?
            </DialogTitle>
            <DialogContent>
              This browser keeps unsaved edits so that nothing you type is lost. They belong to your
              account, so signing out deletes them. Save them first if you still need them.
            </DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                disabledFocusable={signingOut}
                onClick={() => void leave()}
              >
                Delete and sign out
              </Button>
              <Button disabledFocusable={signingOut} onClick={() => setDrafts(0)}>
                Cancel
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}
