import {
  Table,
  TableBody,
  TableCell,
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
import { Link } from '@tanstack/react-router';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import {
  customerColumn,
  customerColumns,
  type CustomerColumn,
  type CustomerColumnId,
} from './customer-columns';
import type { CustomerSort } from './customer-index';
import type { CustomerRow } from './customer-row';
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
  row: { position: 'absolute', left: 0, top: 0, width: '100%' },
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

function CellText(props: { column: CustomerColumn; row: CustomerRow }) {
  const styles = useStyles();
  const { column, row } = props;
  if (column.id === 'companyName') {
    // A real link for the mouse (and "open in new tab"); the grid's Enter key opens it too.
    return (
      <Link
        to="/customers/$customerId"
        params={{ customerId: row.id }}
        tabIndex={-1}
        className={mergeClasses(styles.text, styles.link)}
      >
        <bdi>{row.companyName || row.domain}</bdi>
      </Link>
    );
  }
  const text = column.text(row);
  if (!text) return <span className={styles.muted}>—</span>;
  return (
    <bdi className={styles.text} title={text}>
      {text}
    </bdi>
  );
}

/**
 * The customers as an ARIA grid of which only the visible rows exist: TanStack Table for the
 * columns and sort state, TanStack Virtual for the rows, Fluent's Table primitives for the look.
 *
 * Focus is ours rather than Fluent's arrow-key hook (tabster): tabster moves only between
 * cells in the DOM, and here Page Down or Ctrl+End must reach rows not yet rendered.
 */
export function CustomersGrid(props: {
  rows: readonly CustomerRow[];
  visibleColumns: readonly CustomerColumnId[];
  sort: CustomerSort | undefined;
  onSortChange: (sort: CustomerSort | undefined) => void;
  density: Density;
  onOpen: (customerId: string) => void;
  label: string;
}) {
  const styles = useStyles();
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
    // included. React keys the rendered rows by customer id below.
    overscan: 8,
  });
  const virtualItems = virtualizer.getVirtualItems();
  // The table models only the rows on screen: building row models for 100,000 rows on every
  // keystroke and sort would cost more than the search itself. Virtual items are contiguous.
  const windowStart = virtualItems[0]?.index ?? 0;
  const windowRows = useMemo(
    () => rows.slice(windowStart, windowStart + virtualItems.length),
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
  const columns = headers.map((header) => customerColumn(header.column.id as CustomerColumnId));
  const totalWidth = columns.reduce((sum, column) => sum + column.width, 0);

  useEffect(() => virtualizer.measure(), [rowHeight, virtualizer]);

  const [active, setActive] = useState<GridCell>({ row: 0, col: 0 });
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
      const row = rows[activeCell.row - 1];
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
              <TableRow
                key={row.id}
                className={styles.row}
                aria-rowindex={item.index + 2}
                data-customer-id={row.original.id}
                style={{ height: rowHeight, transform: `translateY(${item.start}px)` }}
                onClick={(event) => {
                  // Ctrl-click and middle-click on the name are the browser's (new tab).
                  if ((event.target as HTMLElement).closest('a')) return;
                  onOpen(row.original.id);
                }}
              >
                {columns.map((column, col) => (
                  <TableCell
                    key={column.id}
                    role="gridcell"
                    aria-colindex={col + 1}
                    className={styles.cell}
                    style={{ flex: `0 0 ${column.width}px` }}
                    {...cellProps(item.index + 1, col)}
                  >
                    <CellText column={column} row={row.original} />
                  </TableCell>
                ))}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
