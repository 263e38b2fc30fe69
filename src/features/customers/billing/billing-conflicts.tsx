import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { MergeConflict } from '@/forms/three-way-merge';

const useStyles = makeStyles({
  root: { display: 'grid', gap: tokens.spacingVerticalM },
  conflicts: { display: 'grid', gap: tokens.spacingVerticalM, margin: 0, padding: 0 },
  conflict: {
    display: 'grid',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteDarkOrangeBorder1}`,
    borderRadius: tokens.borderRadiusMedium,
    margin: 0,
    minWidth: 0,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: 0 },
  value: { overflowWrap: 'anywhere' },
});

export type ConflictChoice = 'mine' | 'theirs';

function shown(value: string): string {
  return value.trim() ? value : '(empty)';
}

/**
 * The fields both the user and someone else changed since the form was opened: each asks
 * which value to keep, "Yours" or "Current". Nothing is saved until every one is answered.
 */
export function BillingConflicts<Field extends string>(props: {
  conflicts: readonly MergeConflict<Field>[];
  choices: Partial<Record<Field, ConflictChoice>>;
  labelOf: (field: Field) => string;
  onChoose: (field: Field, choice: ConflictChoice) => void;
}) {
  const styles = useStyles();
  if (props.conflicts.length === 0) return null;
  const open = props.conflicts.filter((conflict) => !props.choices[conflict.field]).length;
  return (
    <div className={styles.root} data-testid="billing-conflicts">
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Someone else changed the same fields</MessageBarTitle>
          They saved this billing contact while you were editing it. Their other changes are in the
          form; for {props.conflicts.length === 1 ? 'the field' : 'each field'} below, choose which
          value to keep.
          {open > 0 ? ` ${open} still to choose.` : ' All chosen: save when ready.'}
        </MessageBarBody>
      </MessageBar>
      <div className={styles.conflicts}>
        {props.conflicts.map((conflict) => (
          <fieldset key={conflict.field} className={styles.conflict}>
            <legend className={styles.legend}>{props.labelOf(conflict.field)}</legend>
            <RadioGroup
              aria-label={`Which ${props.labelOf(conflict.field)} to keep`}
              value={props.choices[conflict.field] ?? ''}
              onChange={(_event, data) =>
                props.onChoose(conflict.field, data.value === 'theirs' ? 'theirs' : 'mine')
              }
            >
              <Radio
                value="mine"
                label={<span className={styles.value}>Yours: {shown(conflict.mine)}</span>}
              />
              <Radio
                value="theirs"
                label={<span className={styles.value}>Current: {shown(conflict.theirs)}</span>}
              />
            </RadioGroup>
          </fieldset>
        ))}
      </div>
    </div>
  );
}
