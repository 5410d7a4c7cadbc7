import type { Cell, Report, Table, TableRow } from '../model';
import type { Text } from '../l10n/text';
import { columnName, rowName } from './names';

export interface PlacedCell {
  table: Table;
  row: TableRow;
  cell: Cell;
  rowName: Text;
  columnName: Text;
}

/** Every cell that lines up with a column and has the given problem, with its names for messages. */
export function problemCells(report: Report, problems: readonly Cell['problem'][]): PlacedCell[] {
  const out: PlacedCell[] = [];
  for (const table of [report.tables.active, report.tables.applications, report.tables.reviewLitigation]) {
    if (!table) continue;
    for (const row of table.rows) {
      if (!row.key) continue;
      for (const cell of row.cells) {
        if (!cell.column || !problems.includes(cell.problem)) continue;
        out.push({
          table, row, cell,
          rowName: rowName(table.kind, row.key),
          columnName: columnName(table.kind, row.key, cell.column, table.version),
        });
      }
    }
  }
  return out;
}

/** A blank cell's diagnostic needs a visible range: the line's gap if the cell is empty. */
export function visibleRange(cell: Cell) {
  if (cell.range.start.line !== cell.range.end.line || cell.range.start.character !== cell.range.end.character) return cell.range;
  return { start: cell.range.start, end: { line: cell.range.end.line, character: cell.range.end.character + 1 } };
}
