import { useMsal } from '@azure/msal-react';
import { Button } from '@fluentui/react-components';
import { SignOutRegular } from '@fluentui/react-icons';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { signOut } from '@/auth/sign-out';
import { SignOutDraftsDialog } from './sign-out-drafts-dialog';

/**
 * Sign-out takes with it what this browser keeps for the account: the saved customer list and
 * the unsaved drafts, which hold personal data. Drafts are someone's work, so it says first
 * how many it will delete. What it needs for that is loaded on the click, not with the shell:
 * signing out needs the network anyway.
 */
export function SignOutButton() {
  const { instance } = useMsal();
  const queryClient = useQueryClient();
  const [signingOut, setSigningOut] = useState(false);
  const [draftCount, setDraftCount] = useState(0);

  const leave = async () => {
    setSigningOut(true);
    const account = instance.getActiveAccount();
    try {
      queryClient.clear();
      if (account) {
        const [{ clearCachedCustomerLists }, { deleteAccountDrafts }] = await Promise.all([
          import('@/features/customers/list/customer-list-cache'),
          import('@/forms/draft-keys'),
        ]);
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
            const { countDrafts } = await import('@/forms/draft-keys');
            const unsaved = account ? await countDrafts(account.homeAccountId) : 0;
            if (unsaved > 0) setDraftCount(unsaved);
            else await leave();
            // If the drafts module cannot load, nothing is deleted unasked and the click does
            // nothing; signing out could not reach the sign-in service either.
          })().catch(() => undefined);
        }}
      >
        Sign out
      </Button>
      {draftCount > 0 && (
        <SignOutDraftsDialog
          drafts={draftCount}
          busy={signingOut}
          onConfirm={() => void leave()}
          onCancel={() => setDraftCount(0)}
        />
      )}
    </>
  );
}
