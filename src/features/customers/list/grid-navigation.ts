/** A cell of the grid: row 0 is the header row, rows 1…rowCount the customers. */
export interface GridCell {
  row: number;
  col: number;
}

export interface GridShape {
  /** Customer rows (the header row comes on top of them). */
  rowCount: number;
  colCount: number;
  /** Rows that fit in the viewport: how far Page Up and Page Down move. */
  pageRows: number;
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/**
 * Where a key moves the active cell, following the ARIA grid pattern: arrows by one cell, Home
 * and End to the ends of the row (with Ctrl, of the grid), Page Up and Page Down by a viewport.
 * Undefined for keys the grid does not handle.
 */
export function moveInGrid(
  from: GridCell,
  key: string,
  shape: GridShape,
  ctrlKey = false,
): GridCell | undefined {
  const lastRow = shape.rowCount;
  const lastCol = Math.max(0, shape.colCount - 1);
  const row = clamp(from.row, 0, lastRow);
  const col = clamp(from.col, 0, lastCol);
  switch (key) {
    case 'ArrowUp':
      return { row: Math.max(0, row - 1), col };
    case 'ArrowDown':
      return { row: Math.min(lastRow, row + 1), col };
    case 'ArrowLeft':
      return { row, col: Math.max(0, col - 1) };
    case 'ArrowRight':
      return { row, col: Math.min(lastCol, col + 1) };
    case 'Home':
      return ctrlKey ? { row: 0, col: 0 } : { row, col: 0 };
    case 'End':
      return ctrlKey ? { row: lastRow, col: lastCol } : { row, col: lastCol };
    case 'PageUp':
      return { row: Math.max(row === 0 ? 0 : 1, row - shape.pageRows), col };
    case 'PageDown':
      return { row: Math.min(lastRow, row + Math.max(1, shape.pageRows)), col };
    default:
      return undefined;
  }
}
