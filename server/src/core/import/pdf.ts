import { readHeading } from '../reader/headings';
import { readSource } from '../text/source';
import { toMarkdown, type Block } from './markdown';
import { pageRows, wordBoundary, type PdfRow, type PdfTextItem } from './pdfRows';

export type { PdfTextItem } from './pdfRows';

/**
 * A PDF report's text runs (per page, with positions) in the canonical layout: page headers, footers
 * and page numbers dropped, rows of two or more cells (and the one-cell rows between them) as pipe
 * tables, paragraph lines the page wrapped joined again.
 */
export function importPdf(pages: readonly (readonly PdfTextItem[])[]): string {
  return toMarkdown(pdfBlocks(pages));
}

export function pdfBlocks(pages: readonly (readonly PdfTextItem[])[]): Block[] {
  const perPage = pages.map((items, i) => pageRows(items, i));
  const rows = dropFurniture(perPage).flat();
  const blocks: Block[] = [];
  const margin = textMargins(rows);
  const pitch = rowPitch(rows);
  let above: PdfRow | null = null;
  rows.forEach((row, i) => {
    const last = blocks[blocks.length - 1];
    if (inTable(rows, i)) {
      if (last?.kind === 'table' && above && wrapsInto(above, row, pitch)) {
        joinWrapped(above, row);
        return;
      }
      if (last?.kind === 'table') last.rows.push(row.cells);
      else blocks.push({ kind: 'table', rows: [row.cells] });
      above = row;
      return;
    }
    above = null;
    const text = row.cells.join(' ');
    const previous = rows[i - 1];
    if (last?.kind === 'paragraph' && previous && continues(previous, row, text, margin)) {
      last.text += (wordBoundary(last.text, text) ? ' ' : '') + text;
    } else blocks.push({ kind: 'paragraph', text });
  });
  return blocks;
}

// ── Cells wrapped by the page ──────────────────────────────────────────────

/** The usual distance between the baselines of two table rows on a page (their median). */
function rowPitch(rows: readonly PdfRow[]): number {
  const gaps: number[] = [];
  for (let i = 1; i < rows.length; i++) {
    const [a, b] = [rows[i - 1], rows[i]];
    if (a.page === b.page && a.cells.length > 1 && b.cells.length > 1) gaps.push(a.bottom - b.top);
  }
  gaps.sort((x, y) => x - y);
  return gaps.length ? gaps[gaps.length >> 1] : Infinity;
}

/**
 * Is `row` the rest of cells of the table row `above` that the page wrapped (a label's second line where
 * the cells are top-aligned, a header's next line)? Closer to it than rows usually are, no number and no
 * numeral of its own; each piece under one of its cells, or (a header's) beside them.
 */
function wrapsInto(above: PdfRow, row: PdfRow, pitch: number): boolean {
  const gap = above.bottom - row.top;
  if (above.page !== row.page || gap >= 0.8 * pitch || gap > 1.8 * row.fontSize) return false;
  if (row.cells.some((c) => NUMBER.test(c) || OPENING.test(c))) return false;
  const header = !above.cells.some((c) => NUMBER.test(c));
  return row.spans.every((s) => header || columnOf(above, s) >= 0);
}

const NUMBER = /^[\d.,\s-]+$/;

function columnOf(row: PdfRow, span: { left: number; right: number }): number {
  return row.spans.findIndex((s) => span.left < s.right && span.right > s.left);
}

/** Appends each wrapped piece to the cell above it, or puts it in as a cell of its own where none is. */
function joinWrapped(above: PdfRow, row: PdfRow): void {
  row.cells.forEach((c, k) => {
    const span = row.spans[k];
    const col = columnOf(above, span);
    if (col >= 0) {
      above.cells[col] += (wordBoundary(above.cells[col], c) ? ' ' : '') + c;
      above.spans[col] = { left: Math.min(above.spans[col].left, span.left), right: Math.max(above.spans[col].right, span.right) };
      return;
    }
    const at = above.spans.findIndex((s) => s.left > span.left);
    const i = at < 0 ? above.cells.length : at;
    above.cells.splice(i, 0, c);
    above.spans.splice(i, 0, span);
  });
  above.bottom = row.bottom;
}

// ── Page furniture ─────────────────────────────────────────────────────────

/** A page number as printed alone: `3`, `— 3 —`, `- 3 -`, `第3页`, `第 3 页 共 9 页`, `3 / 9`. */
const PAGE_NUMBER = /^[-—–－\s]*(?:第\s*)?\d{1,4}\s*(?:页)?\s*(?:(?:\/|／|共)\s*\d{1,4}\s*页?)?[-—–－\s]*$/;
/** How many rows at the top and at the bottom of a page may be furniture. */
const EDGE_ROWS = 2;

/**
 * Pages without their running headers and footers: a page's first or last rows that are a page number,
 * or whose text (digits aside) stands at the edge of at least two pages and half of them.
 */
function dropFurniture(pages: PdfRow[][]): PdfRow[][] {
  const shape = (r: PdfRow) => r.cells.join(' ').replace(/\d+/g, '#').replace(/\s+/g, '');
  const edge = (rows: PdfRow[]) => [...rows.slice(0, EDGE_ROWS), ...rows.slice(Math.max(EDGE_ROWS, rows.length - EDGE_ROWS))];
  const seen = new Map<string, number>();
  for (const rows of pages) for (const s of new Set(edge(rows).map(shape))) seen.set(s, (seen.get(s) ?? 0) + 1);
  const repeated = (r: PdfRow) => {
    const n = seen.get(shape(r)) ?? 0;
    return pages.length > 1 && n >= 2 && n * 2 >= pages.length;
  };
  return pages.map((rows) => {
    const keep = rows.slice();
    const furniture = (r: PdfRow) => PAGE_NUMBER.test(r.cells.join(' ')) || repeated(r);
    for (let k = 0; k < EDGE_ROWS && keep.length && furniture(keep[0]); k++) keep.shift();
    for (let k = 0; k < EDGE_ROWS && keep.length && furniture(keep[keep.length - 1]); k++) keep.pop();
    return keep;
  });
}

// ── Tables and paragraphs ──────────────────────────────────────────────────

/**
 * A row of two or more cells is a table row; so is a one-cell row between table rows (a group row such
 * as 三、本年度办理结果, a header cell spanning the table) unless it is a part heading.
 */
function inTable(rows: readonly PdfRow[], i: number): boolean {
  if (rows[i].cells.length > 1) return true;
  if (isPartHeading(rows[i].cells[0])) return false;
  const before = findWide(rows, i, -1);
  const after = findWide(rows, i, 1);
  return before && after;
}

/** Is there a table row before (or after) `i`, with only one-cell rows that are no part heading between? */
function findWide(rows: readonly PdfRow[], i: number, step: 1 | -1): boolean {
  for (let k = i + step; k >= 0 && k < rows.length; k += step) {
    if (rows[k].cells.length > 1) return true;
    if (isPartHeading(rows[k].cells[0]) || rows[k].cells[0].length > 60) return false;
  }
  return false;
}

function isPartHeading(text: string): boolean {
  return readHeading(readSource(text), 0) !== null;
}

/** A paragraph's opening: a part or item numeral, a list number, a date line. */
const OPENING = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d))/;

/** The left edge of the text and its right margin (where a full line ends), over the whole document. */
function textMargins(rows: readonly PdfRow[]): { left: number; right: number } {
  const prose = rows.filter((r) => r.cells.length === 1);
  if (!prose.length) return { left: 0, right: Infinity };
  return { left: Math.min(...prose.map((r) => r.left)), right: Math.max(...prose.map((r) => r.right)) };
}

/**
 * Does `row` continue the paragraph of `previous`? When `previous` ran to the right margin, and `row`
 * starts at the left edge (not indented) with no numeral of its own and is no part heading.
 */
function continues(previous: PdfRow, row: PdfRow, text: string, margin: { left: number; right: number }): boolean {
  const em = row.fontSize;
  if (previous.cells.length > 1 || previous.right < margin.right - 1.5 * em) return false;
  if (row.left > margin.left + 0.5 * em || Math.abs(previous.fontSize - em) > 0.5) return false;
  return !OPENING.test(text) && !isPartHeading(text);
}
