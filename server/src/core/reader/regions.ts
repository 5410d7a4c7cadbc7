import type { SectionHeading, TableKind } from '../model';
import type { RowDef } from '../formats/types';
import { ACTIVE_HEADER_WORDS, ACTIVE_ROWS } from '../formats/activeTable';
import { APPLICATIONS_HEADER_WORDS, APPLICATIONS_ROWS } from '../formats/applicationsTable';
import { labelKey } from '../text/normalize';
import { isHeader } from './labels';
import type { SourceText } from '../text/source';

export interface TableRegion {
  kind: TableKind;
  /** Source line indices [from, to). */
  from: number;
  to: number;
  /** The anchor's line. Rows of the table written above it (a page that starts inside the table) put `from` before it. */
  anchor: number;
}

const ANCHORS: [TableKind, RegExp][] = [
  ['active', /^第?二十条第?[一五六八九]项?/],
  ['applications', /勾稽关系|^申请人情况|^本年新收政府信息公开申请/],
  ['reviewLitigation', /^行政复议(行政诉讼)?$/],
];

/** The first cell-like text of a line: up to the first '|' or tab after the indentation. */
function firstCellKey(text: string): string {
  const t = text.replace(/^[\s|｜]+/, '');
  const cut = t.search(/[|｜\t]/);
  return labelKey(cut < 0 ? t : t.slice(0, cut));
}

/** Every anchor has one of these characters (in either script): a cheap test before normalising. */
const ANCHOR_CHARS = /[条條稽申收复復複]/;

export function anchorKind(text: string): TableKind | null {
  if (text.length > 200 || !ANCHOR_CHARS.test(text)) return null;
  const key = firstCellKey(text);
  if (!key || key.length > 40) return null;
  for (const [kind, re] of ANCHORS) if (re.test(key)) return kind;
  return null;
}

/**
 * Splits the document into the line ranges where each statutory table may be:
 * a table starts at its anchor (its first header cell) and ends at the next
 * section heading or at another table's anchor. Each table is taken once.
 */
export function findTableRegions(src: SourceText, headings: SectionHeading[]): TableRegion[] {
  const headingLines = new Set(headings.map((h) => h.line));
  const regions: TableRegion[] = [];
  const seen = new Set<TableKind>();
  let open: TableRegion | null = null;
  let floor = 0;
  for (let i = 0; i < src.lines.length; i++) {
    if (headingLines.has(i)) {
      if (open) open.to = i;
      open = null;
      floor = i + 1;
      continue;
    }
    const kind = anchorKind(src.lines[i].text);
    if (!kind || seen.has(kind) || (open && open.kind === kind)) continue;
    const from: number = kind === 'reviewLitigation' ? i : rowsAbove(src, i, kind, Math.max(floor, open ? open.anchor + 1 : 0));
    if (open) open.to = from;
    open = { kind, from, to: src.lines.length, anchor: i };
    seen.add(kind);
    regions.push(open);
  }
  return regions;
}

const ROWS_OF: Record<'active' | 'applications', readonly RowDef[]> = { active: ACTIVE_ROWS, applications: APPLICATIONS_ROWS };
const HEADER_OF: Record<'active' | 'applications', readonly string[]> = { active: ACTIVE_HEADER_WORDS, applications: APPLICATIONS_HEADER_WORDS };
const NUMBER_WORD = /(?:^|\s)[\d０-９][\d０-９,.]*(?=\s|$)/;

/**
 * Where a table starts when the text begins inside it (a PDF page that starts with its last rows,
 * corpus 133): the lines right above its anchor that are rows of it — a row label and numbers —
 * with the header line above them. Never past `floor` (a heading, the previous table's anchor).
 */
function rowsAbove(src: SourceText, anchor: number, kind: 'active' | 'applications', floor: number): number {
  let from = anchor;
  let rows = 0;
  for (let j = anchor - 1; j >= floor; j--) {
    const t = src.lines[j].text.trim();
    if (!t || t.length > 160 || t.includes('。') || t.includes('|')) break;
    const key = labelKey(t.split(/\s+/)[0]);
    if (key && NUMBER_WORD.test(t) && ROWS_OF[kind].some((d) => !d.group && d.match.test(key))) rows++;
    else if (!(rows > 0 && key && isHeader(key, HEADER_OF[kind]))) break;
    from = j;
  }
  return rows > 0 ? from : anchor;
}
