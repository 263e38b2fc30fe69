import { makeStyles, tokens } from '@fluentui/react-components';

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
  // Fields side by side on wide screens; each keeps its own height (a stretched Fluent field
  // spreads the extra height into its label and control rows).
  row: {
    display: 'grid',
    gap: tokens.spacingHorizontalM,
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 12rem), 1fr))',
    alignItems: 'start',
  },
});
