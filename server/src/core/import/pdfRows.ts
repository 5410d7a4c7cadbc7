/** A run of text on a PDF page, as a text extractor (unpdf, pdf.js) gives it; y grows upwards. */
export interface PdfTextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  fontSize: number;
}

/** A visual row of a page: items whose boxes overlap vertically, split into cells by the gaps between them. */
export interface PdfRow {
  page: number;
  /** The baseline of its first line (the largest y) and its lowest. */
  top: number;
  bottom: number;
  left: number;
  right: number;
  fontSize: number;
  /** Cell texts, left to right; a cell's lines joined in reading order. */
  cells: string[];
  /** Each cell's horizontal extent. */
  spans: { left: number; right: number }[];
}

/** A gap wider than this share of the font size between two runs on a line separates cells. */
const CELL_GAP = 0.45;

/**
 * A page's rows, top to bottom. Items whose boxes ([y − 0.1 em, y + 0.8 em]) overlap belong to one
 * row, so a label wrapped over two lines and the numbers centred beside it make one row; within a
 * row, runs whose spans overlap across lines (or lie close on one line) make one cell.
 */
export function pageRows(items: readonly PdfTextItem[], page: number): PdfRow[] {
  const runs = items.filter((i) => i.str.trim() !== '' && i.fontSize > 0).sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: PdfTextItem[][] = [];
  let low = Infinity;
  for (const it of runs) {
    const top = it.y + 0.8 * it.fontSize;
    const bottom = it.y - 0.1 * it.fontSize;
    if (groups.length && top >= low) {
      groups[groups.length - 1].push(it);
      low = Math.min(low, bottom);
    } else {
      groups.push([it]);
      low = bottom;
    }
  }
  return groups.map((g) => toRow(g, page));
}

function toRow(items: PdfTextItem[], page: number): PdfRow {
  const byX = [...items].sort((a, b) => a.x - b.x);
  const columns: { left: number; right: number; items: PdfTextItem[] }[] = [];
  for (const it of byX) {
    const col = columns[columns.length - 1];
    if (col && it.x <= col.right + CELL_GAP * it.fontSize) {
      col.items.push(it);
      col.right = Math.max(col.right, it.x + it.width);
    } else columns.push({ left: it.x, right: it.x + it.width, items: [it] });
  }
  return {
    page,
    top: Math.max(...items.map((i) => i.y)),
    bottom: Math.min(...items.map((i) => i.y)),
    left: byX[0].x,
    right: Math.max(...items.map((i) => i.x + i.width)),
    fontSize: median(items.map((i) => i.fontSize)),
    cells: columns.map((c) => cellText(c.items)),
    spans: columns.map((c) => ({ left: c.left, right: c.right })),
  };
}

/** A cell's runs in reading order: lines top to bottom (a baseline within 0.3 em is one line), left to right. */
function cellText(items: PdfTextItem[]): string {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  let out = '';
  let line = sorted[0].y;
  let right = -Infinity;
  for (const it of sorted) {
    const sameLine = Math.abs(it.y - line) < 0.3 * it.fontSize;
    if (!sameLine) line = it.y;
    else if (right > -Infinity && it.x < right - 0.3 * it.fontSize) line = it.y; // a run back to the left: a new line
    if (out && (!sameLine || it.x > right + 0.15 * it.fontSize) && wordBoundary(out, it.str)) out += ' ';
    out += it.str;
    right = it.x + it.width;
  }
  return out.trim();
}

/** Latin words and numbers keep a space between them; Chinese text joins without one. */
export function wordBoundary(before: string, after: string): boolean {
  return /[A-Za-z0-9.,;:%)]$/.test(before.trimEnd()) && /^[A-Za-z0-9(]/.test(after.trimStart());
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}
