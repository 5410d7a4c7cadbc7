import type { Cell } from '../model';
import type { OffsetEdit } from '../rules/types';

/** Writes a number into a cell: over its digits, or into a blank cell in the way its layout needs. */
export function writeCell(cell: Cell, value: number | string): OffsetEdit {
  const v = String(value);
  if (cell.problem !== 'blank') return { start: cell.start, end: cell.end, newText: v };
  if (cell.fill === 'beforePipe') return { start: cell.start, end: cell.end, newText: `${v} ` };
  if (cell.fill === 'spaced' && cell.end > cell.start) return { start: cell.start, end: cell.end, newText: ` ${v} ` };
  return { start: cell.start, end: cell.end, newText: v };
}
