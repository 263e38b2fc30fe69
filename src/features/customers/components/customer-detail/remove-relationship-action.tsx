import { useMsal } from '@azure/msal-react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  MessageBar,
  MessageBarBody,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { LinkDismissRegular } from '@fluentui/react-icons';
import { useRef, useState } from 'react';
import { ApiError } from '@/api/partner-center/api-error';
import { usePartnerCenterClient } from '@/api/partner-center/partner-center-context';
import { useRemoveRelationship } from '@/api/partner-center/remove-relationship';
import type { Customer } from '@/api/partner-center/resources';
import { useMay } from '@/auth/current-user';
import { customerListCacheKey } from '@/features/customers/list/customer-list-cache';
import { customerListStoreFor } from '@/features/customers/list/customer-list-store';

const useStyles = makeStyles({
  list: { margin: `${tokens.spacingVerticalS} 0`, paddingInlineStart: tokens.spacingHorizontalXL },
  name: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
});

/**
 * Ends the reseller relationship (Admin agents, reseller customers only), after a dialog that
 * says what it means for the customer. The detail view and the list change at once.
 */
export function RemoveRelationshipAction({ customer }: { customer: Customer }) {
  const styles = useStyles();
  const mayManage = useMay('manageCustomers');
  const client = usePartnerCenterClient();
  const { instance } = useMsal();
  const remove = useRemoveRelationship(customer.id);
  const [open, setOpen] = useState(false);
  // One operation, one MS-RequestId: a second click or a retry after no answer repeats it.
  const requestId = useRef<string | undefined>(undefined);
  if (!mayManage) return null;
  // Once removed the button goes, but the dialog stays mounted until it has closed: unmounting
  // an open modal skips Fluent's clean-up, which would leave the page hidden from screen readers.
  const isReseller = customer.relationshipToPartner === 'reseller';
  if (!isReseller && !open && !remove.isSuccess) return null;
  const name = customer.companyProfile.companyName.trim() || customer.companyProfile.domain;

  const confirm = async () => {
    requestId.current ??= globalThis.crypto.randomUUID();
    try {
      await remove.mutateAsync({ requestId: requestId.current });
      requestId.current = undefined;
      const account = instance.getActiveAccount();
      if (account) {
        customerListStoreFor(client, customerListCacheKey(account)).updateRow(customer.id, {
          relationship: 'none',
        });
      }
      setOpen(false);
    } catch (error) {
      if (error instanceof ApiError && !error.retryable) requestId.current = undefined;
    }
  };

  const error = remove.error;
  return (
    <>
      {isReseller && (
        <Button icon={<LinkDismissRegular />} onClick={() => setOpen(true)}>
          Remove reseller relationship
        </Button>
      )}
      <Dialog open={open} onOpenChange={(_event, data) => setOpen(data.open)} modalType="alert">
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Remove the reseller relationship?</DialogTitle>
            <DialogContent>
              <p>
                Your partner tenant stops being the reseller of{' '}
                <bdi className={styles.name}>{name}</bdi>. For the customer this means:
              </p>
              <ul className={styles.list}>
                <li>you can no longer buy or manage subscriptions for it in Partner Center;</li>
                <li>your delegated admin access to its tenant ends;</li>
                <li>the customer stays in Microsoft’s cloud and keeps its own tenant and data.</li>
              </ul>
              <p>
                Only the customer can make you its reseller again, by accepting a new invitation.
              </p>
              {error && (
                <MessageBar intent="error" role="alert">
                  <MessageBarBody>
                    {error.message}
                    {error instanceof ApiError && error.correlationId
                      ? ` Correlation id for support: ${error.correlationId}`
                      : ''}
                  </MessageBarBody>
                </MessageBar>
              )}
            </DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                disabledFocusable={remove.isPending}
                icon={remove.isPending ? <Spinner size="tiny" /> : undefined}
                onClick={() => void confirm()}
              >
                {remove.isPending ? 'Removing…' : 'Remove relationship'}
              </Button>
              <DialogTrigger disableButtonEnhancement>
                <Button disabledFocusable={remove.isPending}>Cancel</Button>
              </DialogTrigger>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}
