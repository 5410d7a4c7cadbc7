import type { Cell, Report, Table, TableRow } from '../model';
import type { Text } from '../l10n/text';
import type { LineIndex, Range } from '../text/positions';
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

/**
 * A blank cell's diagnostic needs a visible range: the character after an empty cell, or the one
 * before it when the cell ends its line (a tabbed blank is just '\t'), never past the line's end
 * and never half of a surrogate pair.
 */
export function visibleRange(cell: Cell, index: LineIndex): Range {
  const { start, end } = cell.range;
  if (start.line !== end.line || start.character !== end.character) return cell.range;
  const text = start.line < index.lineCount ? index.lineText(start.line) : '';
  const length = text.length;
  const at = start.character;
  if (start.character < length) {
    const width = isPair(text, at) && start.character + 2 <= length ? 2 : 1;
    return { start, end: { line: start.line, character: start.character + width } };
  }
  if (start.character > 0) {
    const width = start.character >= 2 && isPair(text, at - 2) ? 2 : 1;
    return { start: { line: start.line, character: start.character - width }, end };
  }
  return cell.range;
}

function isPair(text: string, i: number): boolean {
  const a = text.charCodeAt(i);
  const b = text.charCodeAt(i + 1);
  return a >= 0xd800 && a <= 0xdbff && b >= 0xdc00 && b <= 0xdfff;
}
