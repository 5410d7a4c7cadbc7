import { displayWidth } from './width';

/**
 * Markdown pipe rows (`| a | b |`, `|` at both ends after the indentation) aligned as a table:
 * every column as wide as its widest cell in display columns (text/width.ts), one space inside each
 * pipe, a delimiter row (`| --- | :-: |`) filled with dashes and keeping its colons. Only the spaces
 * around cells change: a cell's text, the number of cells of a row and the indentation stay.
 */
export interface PipeRow {
  indent: string;
  cells: string[];
}

const ROW = /^([ \t]*)\|(.*)\|[ \t]*$/;
const DELIMITER = /^:?-+:?$/;

/** A line as a pipe row, or null (no pipe at both ends; the last one escaped: `\|`). */
export function pipeRow(line: string): PipeRow | null {
  const m = ROW.exec(line);
  if (!m || /(^|[^\\])(\\\\)*\\$/.test(m[2])) return null;
  return { indent: m[1], cells: splitCells(m[2]) };
}

/** The cells between the outer pipes, split at each `|` not escaped by a backslash, trimmed of spaces and tabs. */
function splitCells(inner: string): string[] {
  const cells: string[] = [];
  let start = 0;
  for (let i = 0; i < inner.length; i++) {
    if (inner[i] === '\\') i++;
    else if (inner[i] === '|') {
      cells.push(inner.slice(start, i));
      start = i + 1;
    }
  }
  cells.push(inner.slice(start));
  return cells.map((c) => c.replace(/^[ \t]+|[ \t]+$/g, ''));
}

/**
 * A delimiter row: the second row of a table with only dashes (and colons) in its cells, or any row
 * whose every cell is three dashes or more; never a row with a value cell `-`, whose text must stay.
 */
function isDelimiter(row: PipeRow, index: number): boolean {
  return row.cells.every((c) => DELIMITER.test(c) && (index === 1 || /-{3}/.test(c)));
}

type Align = 'left' | 'right' | 'center';

function alignOf(delimiter: string | undefined): Align {
  if (!delimiter) return 'left';
  const l = delimiter.startsWith(':');
  const r = delimiter.endsWith(':');
  return l && r ? 'center' : r ? 'right' : 'left';
}

function pad(text: string, width: number, align: Align): string {
  const gap = width - displayWidth(text);
  if (gap <= 0) return text;
  if (align === 'right') return ' '.repeat(gap) + text;
  if (align === 'center') return ' '.repeat(gap >> 1) + text + ' '.repeat(gap - (gap >> 1));
  return text + ' '.repeat(gap);
}

function dashes(delimiter: string, width: number): string {
  const l = delimiter.startsWith(':') ? ':' : '';
  const r = delimiter.length > 1 && delimiter.endsWith(':') ? ':' : '';
  return l + '-'.repeat(Math.max(1, width - l.length - r.length)) + r;
}

/** The rows as aligned lines, in order. */
export function alignPipeRows(rows: readonly PipeRow[]): string[] {
  const delimiters = rows.map(isDelimiter);
  const delimiter = rows.find((_, i) => delimiters[i]);
  const widths: number[] = [];
  rows.forEach((row, r) => {
    row.cells.forEach((c, i) => {
      widths[i] = Math.max(widths[i] ?? 0, delimiters[r] ? 3 : displayWidth(c));
    });
  });
  return rows.map((row, r) => {
    const cells = delimiters[r]
      ? row.cells.map((c, i) => dashes(c, widths[i]))
      : row.cells.map((c, i) => pad(c, widths[i], alignOf(delimiter?.cells[i])));
    return `${row.indent}| ${cells.join(' | ')} |`;
  });
}
