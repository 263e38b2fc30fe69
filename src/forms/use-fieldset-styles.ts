import { makeStyles, tokens } from '@fluentui/react-components';
import { visuallyHidden } from '@/components/visually-hidden';

/** A group of fields with its legend as a heading: how every form here groups its fields. */
export const useFieldsetStyles = makeStyles({
  fieldset: {
    display: 'grid',
    gap: tokens.spacingVerticalM,
    margin: 0,
    padding: 0,
    border: 'none',
    minWidth: 0,
  },
  legend: {
    padding: 0,
    marginBottom: tokens.spacingVerticalS,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  /** A group whose heading is already on the page keeps its name for screen readers only. */
  hiddenLegend: { ...visuallyHidden, padding: 0 },
  // Fields side by side on wide screens; each keeps its own height (a stretched Fluent field
  // spreads the extra height into its label and control rows).
  row: {
    display: 'grid',
    gap: tokens.spacingHorizontalM,
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 12rem), 1fr))',
    alignItems: 'start',
  },
});
