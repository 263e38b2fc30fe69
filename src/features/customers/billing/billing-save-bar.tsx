import { Button, Caption1, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { SaveRegular } from '@fluentui/react-icons';
import { Link } from '@tanstack/react-router';
import { useWatch, type Control } from 'react-hook-form';
import type { BillingProfileFormOutput } from '@/countries/customer-profile-schemas';
import { changedFields } from '@/forms/changed-fields';
import { flatten } from '@/forms/flat-values';
import { BillingChanges } from '@/features/customers/billing/billing-changes';
import {
  billingFields,
  flatBillingValues,
  type BillingField,
  type BillingFormValues,
} from '@/features/customers/billing/billing-form-model';

const useStyles = makeStyles({
  bar: {
    position: 'sticky',
    bottom: 0,
    display: 'grid',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    boxShadow: tokens.shadow8,
    borderRadius: tokens.borderRadiusMedium,
  },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
  },
  link: {
    color: tokens.colorBrandForegroundLink,
    ':hover': { color: tokens.colorBrandForegroundLinkHover },
  },
});

const time = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

export type SaveActivity = 'checking-address' | 'saving' | undefined;

/**
 * What Save will send, and Save itself, named by it ("Save 3 changes"). The only part of the
 * form that re-renders on every keystroke: it watches the values, the fields do not.
 */
export function BillingSaveBar(props: {
  control: Control<BillingFormValues, unknown, BillingProfileFormOutput>;
  base: BillingFormValues;
  labelOf: (field: BillingField) => string;
  activity: SaveActivity;
  savedAt: number | undefined;
  customerId: string;
  onDiscard: () => void;
}) {
  const styles = useStyles();
  const watched = useWatch({ control: props.control });
  const baseline = flatBillingValues(props.base);
  const changes = changedFields(billingFields, baseline, { ...baseline, ...flatten(watched) });
  const busy = props.activity !== undefined;
  const label =
    props.activity === 'checking-address'
      ? 'Checking the address…'
      : props.activity === 'saving'
        ? 'Saving…'
        : changes.length === 0
          ? 'No changes to save'
          : `Save ${changes.length === 1 ? '1 change' : `${changes.length} changes`}`;
  return (
    <div className={styles.bar}>
      <BillingChanges changes={changes} labelOf={props.labelOf} />
      <div className={styles.actions}>
        <Button
          type="submit"
          appearance="primary"
          icon={busy ? <Spinner size="tiny" /> : <SaveRegular />}
          disabledFocusable={busy || changes.length === 0}
          aria-keyshortcuts="Control+S Meta+S"
        >
          {label}
        </Button>
        <Button disabledFocusable={busy || changes.length === 0} onClick={props.onDiscard}>
          Discard changes
        </Button>
        <Link
          to="/customers/$customerId"
          params={{ customerId: props.customerId }}
          className={styles.link}
        >
          Back to the customer
        </Link>
        <span aria-live="polite" data-testid="save-status">
          {props.savedAt !== undefined && changes.length === 0 && (
            <Caption1>Saved at {time.format(props.savedAt)}</Caption1>
          )}
        </span>
      </div>
    </div>
  );
}
