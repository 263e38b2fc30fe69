import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';

const useStyles = makeStyles({
  list: {
    margin: `${tokens.spacingVerticalXS} 0 0`,
    paddingInlineStart: tokens.spacingHorizontalXL,
  },
  link: { color: 'inherit', textDecorationLine: 'underline' },
});

export interface SummarizedError {
  /** The DOM id of the field's control. */
  id: string;
  label: string;
  message: string;
}

/**
 * The errors a save found, each a link to its field: announced when it appears, while focus
 * goes to the first field itself (react-hook-form's shouldFocusError).
 */
export function ErrorSummary({
  errors,
  before = 'saving',
}: {
  errors: readonly SummarizedError[];
  /** What the fields hold up: "saving", "going on". */
  before?: string;
}) {
  const styles = useStyles();
  if (errors.length === 0) return null;
  const count = errors.length === 1 ? 'one field' : `${errors.length} fields`;
  return (
    <MessageBar intent="error" layout="multiline" role="alert" data-testid="error-summary">
      <MessageBarBody>
        <MessageBarTitle>
          Check {count} before {before}
        </MessageBarTitle>
        <ul className={styles.list}>
          {errors.map((error) => (
            <li key={error.id}>
              <a
                className={styles.link}
                href={`#${error.id}`}
                onClick={(event) => {
                  event.preventDefault();
                  document.getElementById(error.id)?.focus();
                }}
              >
                {error.label}: {error.message}
              </a>
            </li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
