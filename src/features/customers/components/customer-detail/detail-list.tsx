import { Caption1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { visuallyHidden } from '@/components/visually-hidden';

const useStyles = makeStyles({
  list: {
    margin: 0,
    display: 'grid',
  },
  row: {
    display: 'grid',
    gridTemplateColumns: 'minmax(9rem, 14rem) minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    ':last-child': { borderBottom: 'none' },
    '@media (max-width: 480px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  term: {
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightSemibold,
  },
  value: {
    margin: 0,
    minWidth: 0,
    color: tokens.colorNeutralForeground1,
    // Partner Center allows names of any length without spaces; they must not widen the page.
    overflowWrap: 'anywhere',
  },
  code: { fontFamily: tokens.fontFamilyMonospace },
  muted: { color: tokens.colorNeutralForeground3 },
  note: { color: tokens.colorNeutralForeground3, fontStyle: 'italic' },
  items: {
    margin: 0,
    padding: 0,
    listStyleType: 'none',
    display: 'flex',
    flexWrap: 'wrap',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
  },
  item: {
    padding: `0 ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    overflowWrap: 'anywhere',
  },
  subheading: { margin: `${tokens.spacingVerticalL} 0 0` },
  visuallyHidden,
});

export function DetailList({ label, children }: { label?: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <dl className={styles.list} aria-label={label}>
      {children}
    </dl>
  );
}

/** One term and its value; the wrapping div is how HTML groups a dt with its dd. */
export function DetailRow({ term, children }: { term: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.row}>
      <dt className={styles.term}>{term}</dt>
      <dd className={styles.value}>{children}</dd>
    </div>
  );
}

/** An optional value Partner Center left empty: a dash to the eye, words to a screen reader. */
export function NotSet() {
  const styles = useStyles();
  return (
    <>
      <span className={styles.muted} aria-hidden="true">
        —
      </span>
      <span className={styles.visuallyHidden}>Not set</span>
    </>
  );
}

/** Partner Center withheld the value; saying why keeps it from being read as empty. */
export function NotShown({ children }: { children: ReactNode }) {
  const styles = useStyles();
  return <span className={styles.note}>Not shown: {children}</span>;
}

/**
 * Text from Partner Center, which any tenant can set: a text node only, isolated so that a
 * right-to-left name (or a U+202E override) cannot reorder the labels around it.
 */
export function Untrusted({ value, code }: { value: string | undefined; code?: boolean }) {
  const styles = useStyles();
  if (value === undefined || value.trim() === '') return <NotSet />;
  return <bdi className={code ? styles.code : undefined}>{value}</bdi>;
}

export function ValueList({ values, label }: { values: readonly string[]; label: string }) {
  const styles = useStyles();
  if (values.length === 0) return <span className={styles.muted}>None</span>;
  return (
    <ul className={styles.items} aria-label={label}>
      {values.map((value, index) => (
        // Partner Center does not promise unique entries, so the position is part of the key.
        <li key={`${index}:${value}`} className={styles.item}>
          <bdi>{value}</bdi>
        </li>
      ))}
    </ul>
  );
}

export function YesNo({ value }: { value: boolean | undefined }) {
  if (value === undefined) return <NotSet />;
  return <>{value ? 'Yes' : 'No'}</>;
}

export function Secondary({ children }: { children: ReactNode }) {
  const styles = useStyles();
  return <Caption1 className={styles.muted}>{children}</Caption1>;
}

export function SubHeading({ id, children }: { id?: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <Subtitle2 as="h3" id={id} className={styles.subheading}>
      {children}
    </Subtitle2>
  );
}
