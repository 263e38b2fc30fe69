import { describe, expect, it } from 'vitest';
import { moveInGrid } from './grid-navigation';

const shape = { rowCount: 100, colCount: 6, pageRows: 10 };

describe('moving in the grid', () => {
  it('moves one cell with the arrows and stops at the edges', () => {
    expect(moveInGrid({ row: 0, col: 0 }, 'ArrowUp', shape)).toEqual({ row: 0, col: 0 });
    expect(moveInGrid({ row: 0, col: 0 }, 'ArrowDown', shape)).toEqual({ row: 1, col: 0 });
    expect(moveInGrid({ row: 5, col: 5 }, 'ArrowRight', shape)).toEqual({ row: 5, col: 5 });
    expect(moveInGrid({ row: 5, col: 5 }, 'ArrowLeft', shape)).toEqual({ row: 5, col: 4 });
    expect(moveInGrid({ row: 100, col: 2 }, 'ArrowDown', shape)).toEqual({ row: 100, col: 2 });
  });

  it('goes to the ends of the row with Home and End, and of the grid with Ctrl', () => {
    expect(moveInGrid({ row: 7, col: 3 }, 'Home', shape)).toEqual({ row: 7, col: 0 });
    expect(moveInGrid({ row: 7, col: 3 }, 'End', shape)).toEqual({ row: 7, col: 5 });
    expect(moveInGrid({ row: 7, col: 3 }, 'Home', shape, true)).toEqual({ row: 0, col: 0 });
    expect(moveInGrid({ row: 7, col: 3 }, 'End', shape, true)).toEqual({ row: 100, col: 5 });
  });

  it('pages by a viewport, never past the first or last customer', () => {
    expect(moveInGrid({ row: 0, col: 1 }, 'PageDown', shape)).toEqual({ row: 10, col: 1 });
    expect(moveInGrid({ row: 95, col: 1 }, 'PageDown', shape)).toEqual({ row: 100, col: 1 });
    expect(moveInGrid({ row: 5, col: 1 }, 'PageUp', shape)).toEqual({ row: 1, col: 1 });
    expect(moveInGrid({ row: 50, col: 1 }, 'PageUp', shape)).toEqual({ row: 40, col: 1 });
  });

  it('keeps a cell that fell outside a shrunken grid inside it, and ignores other keys', () => {
    expect(moveInGrid({ row: 500, col: 9 }, 'ArrowUp', shape)).toEqual({ row: 99, col: 5 });
    expect(moveInGrid({ row: 0, col: 0 }, 'a', shape)).toBeUndefined();
    expect(moveInGrid({ row: 0, col: 0 }, 'ArrowDown', { ...shape, rowCount: 0 })).toEqual({
      row: 0,
      col: 0,
    });
  });
});
