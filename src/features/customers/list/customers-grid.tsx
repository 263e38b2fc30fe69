import {
  Table,
  TableBody,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { ArrowSortDownRegular, ArrowSortUpRegular } from '@fluentui/react-icons';
import {
  columnVisibilityFeature,
  createColumnHelper,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type SortingState,
  type Updater,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import {
  customerColumn,
  customerColumns,
  type CustomerColumn,
  type CustomerColumnId,
} from './customer-columns';
import type { CustomerSort } from './customer-index';
import type { CustomerRow } from './customer-row';
import type { CustomerRows } from './customer-table';
import { moveInGrid, type GridCell } from './grid-navigation';

const features = tableFeatures({ columnVisibilityFeature, rowSortingFeature });
const helper = createColumnHelper<typeof features, CustomerRow>();
const tableColumns = helper.columns(
  customerColumns.map((column) =>
    helper.accessor((row) => column.text(row), { id: column.id, header: column.label }),
  ),
);

const rowHeights = { comfortable: 44, compact: 32 } as const;
export type Density = keyof typeof rowHeights;

const useStyles = makeStyles({
  scroller: {
    overflow: 'auto',
    // The page keeps its toolbar in view; the grid takes the rest of the window.
    height: 'calc(100vh - 17rem)',
    minHeight: '18rem',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  table: { width: 'max-content', minWidth: '100%' },
  header: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
  },
  body: { position: 'relative' },
  // The body's rows and cells are plain elements styled as Fluent's TableRow and TableCell
  // (flex layout): those components cost a context read, slot merging and several style hooks
  // per cell, dozens of times per keystroke and per scrolled frame.
  row: {
    position: 'absolute',
    left: 0,
    top: 0,
    width: '100%',
    display: 'flex',
    alignItems: 'center',
    boxSizing: 'border-box',
    color: tokens.colorNeutralForeground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    cursor: 'pointer',
    ':hover': {
      backgroundColor: tokens.colorSubtleBackgroundHover,
      color: tokens.colorNeutralForeground1Hover,
    },
    ':active': {
      backgroundColor: tokens.colorSubtleBackgroundPressed,
      color: tokens.colorNeutralForeground1Pressed,
    },
    '@media (forced-colors: active)': {
      ':hover': { color: 'Highlight', borderBottomColor: 'Highlight' },
    },
  },
  compactRow: { fontSize: tokens.fontSizeBase200, borderBottomColor: 'transparent' },
  cell: {
    flexGrow: 0,
    flexShrink: 0,
    overflow: 'hidden',
    whiteSpace: 'nowrap',
    textOverflow: 'ellipsis',
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: `calc(-1 * ${tokens.strokeWidthThick})`,
    },
  },
  bodyCell: {
    display: 'flex',
    alignItems: 'center',
    minWidth: 0,
    position: 'relative',
    // Content-box like Fluent's header cells, so each body cell lines up under its header.
    padding: `0 ${tokens.spacingHorizontalS}`,
    height: '100%',
  },
  text: { overflow: 'hidden', textOverflow: 'ellipsis', unicodeBidi: 'isolate' },
  link: { color: tokens.colorBrandForegroundLink },
  headerLabel: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    cursor: 'pointer',
    fontWeight: tokens.fontWeightSemibold,
  },
  muted: { color: tokens.colorNeutralForeground3 },
});

type GridClasses = ReturnType<typeof useStyles> & {
  rowClass: string;
  compactRowClass: string;
  bodyCellClass: string;
  linkClass: string;
};

function CellText(props: { column: CustomerColumn; row: CustomerRow; classes: GridClasses }) {
  const { column, row, classes } = props;
  if (column.id === 'companyName') {
    // A real link for the mouse (and "open in new tab"); the grid's Enter key opens it too. A
    // plain anchor rather than the router's Link, which builds a location on every render.
    return (
      <a
        href={`/customers/${encodeURIComponent(row.id)}`}
        tabIndex={-1}
        className={classes.linkClass}
      >
        <bdi>{row.companyName || row.domain}</bdi>
      </a>
    );
  }
  const text = column.text(row);
  if (!text) return <span className={classes.muted}>—</span>;
  return (
    <bdi className={classes.text} title={text}>
      {text}
    </bdi>
  );
}

interface GridRowProps {
  row: CustomerRow;
  /** The row's position in the grid, 1 for the first customer (0 is the header). */
  gridRow: number;
  start: number;
  height: number;
  columns: readonly CustomerColumn[];
  /** The active cell's column when it is in this row, else -1: only that row re-renders. */
  activeCol: number;
  compact: boolean;
  classes: GridClasses;
  onActivate: (row: number, col: number) => void;
  onOpen: (customerId: string) => void;
}

/**
 * Rows are keyed by their place in a ring of slots, not by customer: a row scrolling out hands
 * its elements to one scrolling in, so a scrollbar jump updates the text of ~30 rows instead of
 * removing and creating ~500 elements (each of which Fluent's focus manager, tabster, also
 * walks). A row keeps its slot while it stays in view, so the focused cell stays the same
 * element as the list scrolls around it. More slots than rows can ever be in view.
 */
const ROW_SLOTS = 512;

/** One customer's row; memoised, so scrolling renders only the rows that came into view. */
const GridRow = memo(function GridRow(props: GridRowProps) {
  const { row, gridRow, columns, activeCol, classes, onActivate, onOpen } = props;
  return (
    // The keyboard is the grid's: its cells take the focus, and Enter on any of them opens the
    // row (onKeyDown on the grid), so the row's click is the mouse's way to the same thing.
    // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/interactive-supports-focus
    <div
      role="row"
      className={props.compact ? classes.compactRowClass : classes.rowClass}
      aria-rowindex={gridRow + 1}
      data-customer-id={row.id}
      style={{ height: props.height, transform: `translateY(${props.start}px)` }}
      onClick={(event) => {
        // Ctrl-click, Shift-click and middle-click on the name are the browser's (new tab).
        const link = (event.target as HTMLElement).closest('a');
        if (link && (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0))
          return;
        event.preventDefault();
        onOpen(row.id);
      }}
    >
      {columns.map((column, col) => (
        <div
          key={column.id}
          role="gridcell"
          aria-colindex={col + 1}
          className={classes.bodyCellClass}
          style={{ flex: `0 0 ${column.width}px` }}
          data-cell={`${gridRow}:${col}`}
          tabIndex={col === activeCol ? 0 : -1}
          onFocus={() => {
            if (col !== activeCol) onActivate(gridRow, col);
          }}
        >
          <CellText column={column} row={row} classes={classes} />
        </div>
      ))}
    </div>
  );
});

/**
 * The customers as an ARIA grid of which only the visible rows exist: TanStack Table for the
 * columns and sort state, TanStack Virtual for the rows, Fluent's Table primitives for the look.
 *
 * Focus is ours rather than Fluent's arrow-key hook (tabster): tabster moves only between
 * cells in the DOM, and here Page Down or Ctrl+End must reach rows not yet rendered.
 */
export const CustomersGrid = memo(function CustomersGrid(props: {
  rows: CustomerRows;
  visibleColumns: readonly CustomerColumnId[];
  sort: CustomerSort | undefined;
  onSortChange: (sort: CustomerSort | undefined) => void;
  density: Density;
  onOpen: (customerId: string) => void;
  label: string;
}) {
  const styles = useStyles();
  // Merged once per grid, not once per cell: mergeClasses is dozens of times the cost of a prop.
  const classes: GridClasses = useMemo(
    () => ({
      ...styles,
      rowClass: styles.row,
      compactRowClass: mergeClasses(styles.row, styles.compactRow),
      bodyCellClass: mergeClasses(styles.cell, styles.bodyCell),
      linkClass: mergeClasses(styles.text, styles.link),
    }),
    [styles],
  );
  const { rows, visibleColumns, sort, onSortChange, density, onOpen } = props;
  const sorting: SortingState = useMemo(
    () => (sort ? [{ id: sort.column, desc: sort.desc }] : []),
    [sort],
  );
  const columnVisibility = useMemo(
    () =>
      Object.fromEntries(
        customerColumns.map((column) => [column.id, visibleColumns.includes(column.id)]),
      ),
    [visibleColumns],
  );
  const onSortingChange = useCallback(
    (updater: Updater<SortingState>) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      const first = next[0];
      onSortChange(first ? { column: first.id as CustomerColumnId, desc: first.desc } : undefined);
    },
    [onSortChange, sorting],
  );
  const scrollRef = useRef<HTMLDivElement>(null);
  const rowHeight = rowHeights[density];
  // No React Compiler here: the virtualizer's changing functions are read on every render.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    // No getItemKey: every row has the same height, and a key function that changes with the
    // rows makes the virtualizer rebuild its 100,000 measurements on every render, scrolling
    // included. React keys the rendered rows by slot below (ROW_SLOTS).
    // A few rows either side: a wheel notch or a scrollbar jump replaces the whole window
    // anyway, and every row rendered off screen is one more the frame must lay out.
    overscan: 4,
  });
  const virtualItems = virtualizer.getVirtualItems();
  // The table models only the rows on screen: building row models for 100,000 rows on every
  // keystroke and sort would cost more than the search itself. Virtual items are contiguous.
  const windowStart = virtualItems[0]?.index ?? 0;
  const windowRows = useMemo(
    () =>
      Array.from({ length: virtualItems.length }, (_, offset) =>
        rows.at(windowStart + offset),
      ).filter((row) => row !== undefined),
    [rows, windowStart, virtualItems.length],
  );
  const table = useTable({
    features,
    columns: tableColumns,
    data: windowRows,
    getRowId: (row) => row.id,
    // Sorting and filtering happen in CustomerIndex, over orders computed once per column: the
    // table gets the rows on screen in display order and keeps the sort state and header toggles.
    manualSorting: true,
    enableMultiSort: false,
    state: { sorting, columnVisibility },
    onSortingChange,
  });
  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  const tableRows = table.getRowModel().rows;
  // The same columns as the headers (the table keeps the default order), kept stable across
  // renders so the memoised rows re-render only when something they show changed.
  const columns = useMemo(
    () => customerColumns.filter((column) => visibleColumns.includes(column.id)),
    [visibleColumns],
  );
  const totalWidth = columns.reduce((sum, column) => sum + column.width, 0);

  useEffect(() => virtualizer.measure(), [rowHeight, virtualizer]);

  const [active, setActive] = useState<GridCell>({ row: 0, col: 0 });
  const onActivate = useCallback((row: number, col: number) => setActive({ row, col }), []);
  const focusPending = useRef(false);
  const activeCell: GridCell = {
    row: Math.min(active.row, rows.length),
    col: Math.min(active.col, Math.max(0, columns.length - 1)),
  };

  const pageRows = Math.max(
    1,
    Math.floor((scrollRef.current?.clientHeight ?? 600) / rowHeight) - 1,
  );
  const moveTo = (cell: GridCell) => {
    setActive(cell);
    focusPending.current = true;
    if (cell.row > 0) virtualizer.scrollToIndex(cell.row - 1, { align: 'auto' });
    else scrollRef.current?.scrollTo({ top: 0 });
  };

  // After a move, focus follows once the target row has been rendered.
  useLayoutEffect(() => {
    if (!focusPending.current) return;
    const element = scrollRef.current?.querySelector<HTMLElement>(
      `[data-cell="${activeCell.row}:${activeCell.col}"]`,
    );
    if (element) {
      focusPending.current = false;
      element.focus({ preventScroll: activeCell.row > 0 });
    }
  });

  const onKeyDown = (event: React.KeyboardEvent) => {
    if ((event.key === 'Enter' || event.key === ' ') && activeCell.row === 0) {
      event.preventDefault();
      headers[activeCell.col]?.column.toggleSorting();
      return;
    }
    if (event.key === 'Enter' && activeCell.row > 0) {
      const row = rows.at(activeCell.row - 1);
      if (row) {
        event.preventDefault();
        onOpen(row.id);
      }
      return;
    }
    const next = moveInGrid(
      activeCell,
      event.key,
      { rowCount: rows.length, colCount: columns.length, pageRows },
      event.ctrlKey || event.metaKey,
    );
    if (!next) return;
    event.preventDefault();
    moveTo(next);
  };

  const cellProps = (row: number, col: number) => ({
    'data-cell': `${row}:${col}`,
    tabIndex: row === activeCell.row && col === activeCell.col ? 0 : -1,
    onFocus: () => {
      if (row !== activeCell.row || col !== activeCell.col) setActive({ row, col });
    },
  });

  return (
    <div
      ref={scrollRef}
      className={styles.scroller}
      // TanStack Router restores this scroll position when the user comes back to the list.
      data-scroll-restoration-id="customers-grid"
    >
      <Table
        noNativeElements
        role="grid"
        aria-label={props.label}
        aria-rowcount={rows.length + 1}
        aria-colcount={columns.length}
        size={density === 'compact' ? 'extra-small' : 'medium'}
        className={styles.table}
        style={{ width: totalWidth }}
        onKeyDown={onKeyDown}
      >
        <TableHeader className={styles.header}>
          <TableRow aria-rowindex={1} style={{ width: totalWidth }}>
            {headers.map((header, col) => {
              const column = customerColumn(header.column.id as CustomerColumnId);
              const direction = header.column.getIsSorted();
              return (
                <TableHeaderCell
                  key={header.id}
                  className={styles.cell}
                  style={{ flex: `0 0 ${column.width}px` }}
                  aria-colindex={col + 1}
                  aria-sort={
                    direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : 'none'
                  }
                  onClick={() => {
                    setActive({ row: 0, col });
                    header.column.toggleSorting();
                  }}
                  {...cellProps(0, col)}
                >
                  <span className={styles.headerLabel}>
                    {column.label}
                    {direction === 'asc' && <ArrowSortUpRegular aria-hidden />}
                    {direction === 'desc' && <ArrowSortDownRegular aria-hidden />}
                  </span>
                </TableHeaderCell>
              );
            })}
          </TableRow>
        </TableHeader>
        <TableBody className={styles.body} style={{ height: virtualizer.getTotalSize() }}>
          {virtualItems.map((item) => {
            const row = tableRows[item.index - windowStart];
            if (!row) return null;
            return (
              <GridRow
                key={item.index % ROW_SLOTS}
                row={row.original}
                gridRow={item.index + 1}
                start={item.start}
                height={rowHeight}
                columns={columns}
                activeCol={activeCell.row === item.index + 1 ? activeCell.col : -1}
                compact={density === 'compact'}
                classes={classes}
                onActivate={onActivate}
                onOpen={onOpen}
              />
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
});
