import type { Report, SectionKey, TableKind, TableLayout } from '../model';
import { SECTIONS } from '../formats/sections';
import type { OffsetEdit } from '../rules/types';
import type { LineIndex } from '../text/positions';
import { sectionHeading } from '../render/report';
import { renderTable } from '../render/tables';

/**
 * The document's line break for inserted lines. A document with old Mac line breaks (CR only)
 * gets CR: a LF inserted right after one of its CRs would join it into one CRLF and swallow a line.
 */
export function eolOf(text: string): string {
  if (text.includes('\r\n')) return '\r\n';
  return text.includes('\r') ? '\r' : '\n';
}

/** The layout the document's tables already use (a new table should look like its neighbours). */
export function documentLayout(report: Report): TableLayout | 'markdown' {
  const t = report.tables.applications ?? report.tables.active ?? report.tables.reviewLitigation;
  if (t) return t.layout;
  return report.html ? 'html' : 'markdown';
}

function headingText(report: Report, ordinal: number): string {
  const h = sectionHeading(ordinal);
  return report.html ? `<p>${h}</p>` : h;
}

function emptyTable(report: Report, kind: TableKind, eol: string): string {
  return renderTable(kind, report.format.version ?? '2021', documentLayout(report), undefined, eol);
}

/** Inserts a missing part's heading (and, for parts 二/三/四, its empty table) where the part belongs. */
export function insertSection(report: Report, text: string, index: LineIndex, key: SectionKey): OffsetEdit | null {
  const def = SECTIONS.find((s) => s.key === key);
  if (!def || report.sections.some((s) => s.key === key)) return null;
  const eol = eolOf(text);
  const block = [headingText(report, def.ordinal), ...(def.table ? [emptyTable(report, def.table, eol)] : [])].join(eol);
  const prev = [...report.sections].reverse().find((s) => s.ordinal < def.ordinal);
  if (prev) {
    const at = index.offsetAt(prev.extent.end);
    return { start: at, end: at, newText: eol + block };
  }
  const next = report.sections.find((s) => s.ordinal > def.ordinal);
  if (next) {
    const at = index.lineStarts[next.range.start.line];
    return { start: at, end: at, newText: block + eol };
  }
  return { start: text.length, end: text.length, newText: (text && !/[\r\n]$/.test(text) ? eol : '') + block + eol };
}

/** Inserts a missing table right after its part's heading, in the layout the rest of the document uses. */
export function insertTable(report: Report, text: string, index: LineIndex, kind: TableKind): OffsetEdit | null {
  if (report.tables[kind]) return null;
  const def = SECTIONS.find((s) => s.table === kind)!;
  const heading = report.sections.find((s) => s.key === def.key);
  if (!heading) return null;
  const eol = eolOf(text);
  const at = index.offsetAt({ line: heading.range.end.line, character: Number.MAX_SAFE_INTEGER });
  return { start: at, end: at, newText: eol + emptyTable(report, kind, eol) };
}
