import type { Cell } from '../model';
import type { OffsetEdit } from '../rules/types';

/**
 * Writes a number into a cell: over its text, or into a blank cell in the way its layout needs. Where
 * markup or a line break stands inside the cell, the value goes into its first piece of text and the
 * other pieces are emptied: the markup stays.
 */
export function writeCell(cell: Cell, value: number | string): OffsetEdit[] {
  const v = String(value);
  if (cell.problem !== 'blank') {
    const runs = cell.runs ?? [cell.start, cell.end];
    const out: OffsetEdit[] = [];
    for (let k = 0; k < runs.length; k += 2) out.push({ start: runs[k], end: runs[k + 1], newText: k === 0 ? v : '' });
    return out;
  }
  if (cell.fill === 'beforePipe') return [{ start: cell.start, end: cell.end, newText: `${v} ` }];
  if (cell.fill === 'spaced' && cell.end > cell.start) return [{ start: cell.start, end: cell.end, newText: ` ${v} ` }];
  return [{ start: cell.start, end: cell.end, newText: v }];
}
