import {
  Caption1,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
} from '@fluentui/react-components';
import { EditRegular } from '@fluentui/react-icons';
import { useMay } from '@/auth/current-user';
import { whoMay } from '@/auth/permissions';
import { ButtonLink } from '@/components/button-link';
import { useStoredDraft } from '@/forms/use-stored-draft';
import { useBillingDraftKey } from '@/features/customers/billing/billing-draft-key';

const time = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** "Edit billing contact" where the role allows it; otherwise who may. */
export function BillingEditAction({ customerId }: { customerId: string }) {
  const mayEdit = useMay('editBilling');
  if (!mayEdit) return <Caption1>{whoMay('editBilling')} can edit billing contacts.</Caption1>;
  return (
    <ButtonLink
      to="/customers/$customerId/billing"
      params={{ customerId }}
      icon={<EditRegular />}
      appearance="primary"
    >
      Edit billing contact
    </ButtonLink>
  );
}

/** An edit left unsaved in this browser, with the way back to it. */
export function UnsavedBillingNotice({ customerId }: { customerId: string }) {
  const draft = useStoredDraft(useBillingDraftKey(customerId));
  const mayEdit = useMay('editBilling');
  if (!draft || !mayEdit) return null;
  return (
    <MessageBar intent="warning" data-testid="unsaved-billing">
      <MessageBarBody>
        You have unsaved changes to this billing contact, from {time.format(draft.savedAt)}.
      </MessageBarBody>
      <MessageBarActions>
        <ButtonLink to="/customers/$customerId/billing" params={{ customerId }} size="small">
          Continue editing
        </ButtonLink>
      </MessageBarActions>
    </MessageBar>
  );
}
