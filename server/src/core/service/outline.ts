import type { Range, Report, Table } from '../model';
import { SECTIONS } from '../formats/sections';
import { rowName, tableName } from '../rules/names';
import type { Text } from '../l10n/text';

export interface OutlineItem {
  name: Text | string;
  detail?: Text;
  kind: 'section' | 'table' | 'row';
  range: Range;
  selectionRange: Range;
  children: OutlineItem[];
}

/** The outline: the parts in document order, each with the tables inside it and their rows. */
export function outline(report: Report): OutlineItem[] {
  const tables = [report.tables.active, report.tables.applications, report.tables.reviewLitigation].filter((t): t is Table => !!t);
  const placed = new Set<Table>();
  const items: OutlineItem[] = report.sections.map((s, i) => {
    const next = report.sections[i + 1];
    const inside = tables.filter((t) => t.firstLine >= s.line && (!next || t.firstLine < next.line));
    inside.forEach((t) => placed.add(t));
    return {
      name: `${s.numeral?.text ?? ''}${s.title.text}`,
      detail: { zh: `第${SECTIONS[s.ordinal - 1].numeral}部分`, en: `part ${s.ordinal}` },
      kind: 'section',
      range: s.extent,
      selectionRange: s.range,
      children: inside.map(tableItem),
    };
  });
  // Tables outside any part (no headings found) still appear.
  for (const t of tables) if (!placed.has(t)) items.push(tableItem(t));
  return items.sort((a, b) => a.range.start.line - b.range.start.line);
}

function tableItem(t: Table): OutlineItem {
  return {
    name: tableName(t.kind),
    detail: t.version ? { zh: `${t.version}年版格式`, en: `${t.version} format` } : undefined,
    kind: 'table',
    range: t.range,
    selectionRange: { start: t.range.start, end: t.range.start },
    children: t.rows
      .filter((r) => r.key && !r.group)
      .map((r) => {
        const last = r.cells[r.cells.length - 1];
        return {
          name: rowName(t.kind, r.key!),
          kind: 'row' as const,
          range: { start: r.label.range.start, end: last ? last.range.end : r.label.range.end },
          selectionRange: r.label.range,
          children: [],
        };
      }),
  };
}

/** Folding ranges (0-based inclusive lines) for every part and every table. */
export function foldingRanges(report: Report): { startLine: number; endLine: number }[] {
  const out: { startLine: number; endLine: number }[] = [];
  for (const s of report.sections) {
    const end = s.extent.end.line;
    if (end > s.range.start.line) out.push({ startLine: s.range.start.line, endLine: end });
  }
  for (const t of [report.tables.active, report.tables.applications, report.tables.reviewLitigation]) {
    if (t && t.range.end.line > t.range.start.line) out.push({ startLine: t.range.start.line, endLine: t.range.end.line });
  }
  return out;
}
