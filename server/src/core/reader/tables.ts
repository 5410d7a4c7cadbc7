import type { Table, TableLayout } from '../model';
import { LIMITS } from '../limits';
import type { SourceText } from '../text/source';
import { isBlankLineRegion, isTabbedRegion, tokenizeLines, type CellToken } from './cells';
import type { TableRegion } from './regions';
import { readReviewLitigation } from './reviewTable';
import { readRowTable, type TableContext } from './rowTable';
import { clip, toCell } from './rows';

export type { TableContext } from './rowTable';

/** Reads the table in a region: its cells in any layout, then its rows (see rowTable.ts, reviewTable.ts). */
export function readTable(src: SourceText, region: TableRegion, ctx: TableContext): Table {
  const tabbed = isTabbedRegion(src, region.from, region.to);
  const blankLined = !tabbed && !src.html && isBlankLineRegion(src, region.from, region.to);
  const tokens = tokenizeLines(src, region.from, region.to, tabbed, blankLined);
  const table = readTokens(src, region, ctx, tokens, tabbed);
  return tokens.length > LIMITS.tableCells ? bounded(table, tokens) : table;
}

/**
 * A region with more cells than any table: what was read of its first cells stands if it is a whole
 * table that ends before them (text after a table), else the table cannot be read.
 */
function bounded(table: Table, tokens: CellToken[]): Table {
  const whole = !table.unreadable && table.missingRows.length === 0 && table.orphanCells.length === 0 && table.rows.length > 0;
  if (whole) return table;
  const range = clip(tokens[0].range);
  return { ...table, rows: [], missingRows: [], orphanCells: [], unreadable: { reason: 'oversized', range, limit: LIMITS.tableCells } };
}

function readTokens(src: SourceText, region: TableRegion, ctx: TableContext, tokens: CellToken[], tabbed: boolean): Table {  const layout = layoutOf(src, tokens, tabbed);
  const start = tokens[0]?.range.start ?? lineStart(src, region.from);
  const extent = (lastConsumed: number) => {
    const last = lastConsumed >= 0 ? tokens[lastConsumed] : null;
    return {
      layout,
      range: { start, end: last ? last.range.end : start },
      firstLine: region.from,
      endLine: last ? last.lastLine + 1 : region.from + 1,
      section: null,
    };
  };
  if (region.kind === 'reviewLitigation') {
    const offset = tokens[0]?.start ?? src.lines[Math.min(region.from, src.lines.length - 1)]?.offset ?? 0;
    const read = readReviewLitigation(tokens, { range: { start, end: start }, offset }, region.to >= src.lines.length);
    return {
      kind: 'reviewLitigation', version: null, versionFrom: 'report', ...extent(read.lastConsumed),
      rows: read.rows, missingRows: read.missingRows, orphanCells: read.orphans.map((t) => toCell(t, null)), unreadable: read.unreadable,
    };
  }
  const { lastConsumed, ...table } = readRowTable(region.kind, tokens, ctx, region.to >= src.lines.length);
  return { ...table, ...extent(lastConsumed) };
}

function layoutOf(src: SourceText, tokens: CellToken[], tabbed: boolean): TableLayout {
  if (src.html) return 'html';
  if (tabbed) return 'tabbed';
  let shared = 0;
  for (let k = 1; k < tokens.length; k++) if (tokens[k].line === tokens[k - 1].line) shared++;
  return shared * 3 >= tokens.length ? 'pipeRows' : 'cellPerLine';
}

function lineStart(src: SourceText, i: number) {
  const l = src.lines[Math.min(i, src.lines.length - 1)];
  return l.line >= 0 ? { line: l.line, character: 0 } : src.index.positionAt(l.offset);
}
