import type { SectionHeading, TableKind } from '../model';
import { labelKey } from '../text/normalize';
import type { SourceText } from '../text/source';

export interface TableRegion {
  kind: TableKind;
  /** Source line indices [from, to). */
  from: number;
  to: number;
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
  for (let i = 0; i < src.lines.length; i++) {
    if (headingLines.has(i)) {
      if (open) open.to = i;
      open = null;
      continue;
    }
    const kind = anchorKind(src.lines[i].text);
    if (!kind || seen.has(kind) || (open && open.kind === kind)) continue;
    if (open) open.to = i;
    open = { kind, from: i, to: src.lines.length };
    seen.add(kind);
    regions.push(open);
  }
  return regions;
}
