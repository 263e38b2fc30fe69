import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowRightRegular } from '@fluentui/react-icons';
import type { ChangedField } from '@/forms/changed-fields';

const useStyles = makeStyles({
  list: {
    display: 'grid',
    gap: tokens.spacingVerticalXS,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
    // A long list scrolls inside the bar rather than covering the form.
    maxHeight: '30vh',
    overflowY: 'auto',
  },
  item: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    columnGap: tokens.spacingHorizontalS,
    overflowWrap: 'anywhere',
  },
  field: { fontWeight: tokens.fontWeightSemibold },
  old: { color: tokens.colorNeutralForeground3, textDecorationLine: 'line-through' },
  arrow: { alignSelf: 'center', color: tokens.colorNeutralForeground3 },
  none: { color: tokens.colorNeutralForeground3, fontStyle: 'italic' },
});

function Value({ text, className }: { text: string; className?: string }) {
  const styles = useStyles();
  if (!text) return <span className={styles.none}>empty</span>;
  return (
    <bdi className={className} dir="auto">
      {text}
    </bdi>
  );
}

/** What Save will send, field by field, old → new, so nothing goes to Partner Center unseen. */
export function BillingChanges<Field extends string>(props: {
  changes: readonly ChangedField<Field>[];
  labelOf: (field: Field) => string;
}) {
  const styles = useStyles();
  if (props.changes.length === 0) return <Caption1>No changes yet.</Caption1>;
  return (
    <ul className={styles.list} aria-label="Changes to save" data-testid="billing-changes">
      {props.changes.map((change) => (
        <li key={change.field} className={styles.item}>
          <span className={styles.field}>{props.labelOf(change.field)}:</span>
          <Value text={change.from} className={styles.old} />
          <ArrowRightRegular className={styles.arrow} aria-label="becomes" />
          <Value text={change.to} />
        </li>
      ))}
    </ul>
  );
}
