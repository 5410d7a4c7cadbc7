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
  const own = prev && !report.html ? partTextStart(report, text, index, def, prev) : null;
  if (own) {
    // The part's text is there without its heading: the heading goes where that text begins, after a blank line.
    const lineStart = index.lineStarts[own.line];
    const blankAbove = own.line === 0 || !lineAt(text, index, own.line - 1).trim();
    const heading = headingText(report, def.ordinal);
    const body = own.ownTable ? heading + eol + eol : [heading, ...(def.table ? [emptyTable(report, def.table, eol)] : [])].join(eol) + eol;
    return { start: lineStart, end: lineStart, newText: (blankAbove ? '' : eol) + body };
  }
  if (prev) {
    const at = report.html ? afterClosingTags(text, index.offsetAt(prev.extent.end)) : index.offsetAt(prev.extent.end);
    if (report.html && insideMarkup(text, at)) return null;
    // A part that ends inside a line (the next heading follows on it): the new part gets lines of its own.
    return { start: at, end: at, newText: eol + block + (report.html || atLineEnd(text, at) ? '' : eol) };
  }
  const next = report.sections.find((s) => s.ordinal > def.ordinal);
  if (next) {
    if (report.html) {
      const at = beforeOpeningTags(text, index.offsetAt(next.range.start));
      return insideMarkup(text, at) ? null : { start: at, end: at, newText: block + eol };
    }
    const lineStart = index.lineStarts[next.range.start.line];
    const headingAt = index.offsetAt(next.range.start);
    // Decoration before the heading ('## ', indentation) stays with it; other text keeps its line.
    if (/^[\s#*>\uFEFF\u3000]*$/.test(text.slice(lineStart, headingAt))) return { start: lineStart, end: lineStart, newText: block + eol };
    return { start: headingAt, end: headingAt, newText: eol + block + eol };
  }
  return { start: text.length, end: text.length, newText: (text && !/[\r\n]$/.test(text) ? eol : '') + block + eol };
}

/** A note under a table (注：…, 说明：…, 单位：…) belongs to the table, not to the next part. */
const TABLE_NOTE = /^[（(]?(?:注|说明|备注|单位|数据来源)/;

/**
 * Where a missing part's text begins inside the part before it, when that can be told (plain text only):
 * its own table standing there without a heading (the heading goes right above it), or prose after the
 * previous part's table (part 五's text after table 四: that prose is no longer part 四's). Null: unknown.
 */
function partTextStart(report: Report, text: string, index: LineIndex, def: (typeof SECTIONS)[number], prev: Report['sections'][number]): { line: number; ownTable: boolean } | null {
  const inPrev = (line: number) => line > prev.range.start.line && line <= prev.extent.end.line;
  const ownTable = def.table ? report.tables[def.table] : null;
  if (ownTable && inPrev(ownTable.range.start.line)) return { line: ownTable.range.start.line, ownTable: true };
  const prevDef = SECTIONS.find((s) => s.key === prev.key);
  const prevTable = prevDef?.table ? report.tables[prevDef.table] : null;
  if (!prevTable || !inPrev(prevTable.range.start.line)) return null;
  for (let line = prevTable.range.end.line + 1; line <= prev.extent.end.line; line++) {
    const t = lineAt(text, index, line).trim();
    if (!t || TABLE_NOTE.test(t) || /^[|｜]/.test(t) || !/[\u3400-\u9fff]/.test(t)) continue;
    return { line, ownTable: false };
  }
  return null;
}

function lineAt(text: string, index: LineIndex, line: number): string {
  const start = index.lineStarts[line];
  const end = line + 1 < index.lineStarts.length ? index.lineStarts[line + 1] : text.length;
  return text.slice(start, end);
}

/** Inserts a missing table right after its part's heading, in the layout the rest of the document uses. */
export function insertTable(report: Report, text: string, index: LineIndex, kind: TableKind): OffsetEdit | null {
  if (report.tables[kind]) return null;
  const def = SECTIONS.find((s) => s.table === kind)!;
  const heading = report.sections.find((s) => s.key === def.key);
  if (!heading) return null;
  const eol = eolOf(text);
  if (report.html) {
    const at = afterClosingTags(text, index.offsetAt(heading.range.end));
    return insideMarkup(text, at) ? null : { start: at, end: at, newText: eol + emptyTable(report, kind, eol) };
  }
  // After the heading's line; a heading with more text after it on its line (a flattened report) gets the table right after its title.
  const titleEnd = index.offsetAt(heading.range.end);
  const lineEnd = index.offsetAt({ line: heading.range.end.line, character: Number.MAX_SAFE_INTEGER });
  if (/^[\s\u3000]*$/.test(text.slice(titleEnd, lineEnd))) return { start: lineEnd, end: lineEnd, newText: eol + emptyTable(report, kind, eol) };
  return { start: titleEnd, end: titleEnd, newText: eol + emptyTable(report, kind, eol) + eol };
}

function atLineEnd(text: string, at: number): boolean {
  return at >= text.length || text[at] === '\n' || text[at] === '\r';
}

// HTML: a part's text ends inside the elements that hold it (`…0</td></tr>\n</table>`, `…情况</p>`),
// and a source line may hold a whole document. New parts and tables go after those elements close,
// or before the opening tags of the heading they precede, never inside a table or a paragraph;
// where that is impossible (a table or a tag left open by a truncated file) no fix is offered.

const CLOSING = /^<\/([a-zA-Z][a-zA-Z0-9]*)\s*>/;
const OPENING = /^<([a-zA-Z][a-zA-Z0-9]*)\b(?:[^<>"']|"[^"]*"|'[^']*')*>$/;
const DOCUMENT_TAGS = new Set(['html', 'body', 'head']);

function afterClosingTags(text: string, at: number): number {
  let last = at;
  let i = at;
  for (;;) {
    while (i < text.length && /[ \t\r\n\u00a0]/.test(text[i])) i++;
    const m = CLOSING.exec(text.slice(i, i + 64));
    if (!m || DOCUMENT_TAGS.has(m[1].toLowerCase())) return last;
    i += m[0].length;
    last = i;
  }
}

/** Would an insertion here land inside an unfinished tag, a comment, a script or style, or an open <table>? */
function insideMarkup(text: string, at: number): boolean {
  const lt = text.lastIndexOf('<', at - 1);
  if (lt >= 0 && lt > text.lastIndexOf('>', at - 1) && /^<[a-zA-Z/!]/.test(text.slice(lt, lt + 2))) return true;
  const head = text.slice(0, at);
  if (head.lastIndexOf('<!--') > head.lastIndexOf('-->')) return true;
  const lower = head.toLowerCase();
  for (const tag of ['script', 'style']) if (lower.lastIndexOf(`<${tag}`) > lower.lastIndexOf(`</${tag}`)) return true;
  let depth = 0;
  for (const m of text.slice(0, at).matchAll(/<(\/?)table\b(?:[^>"']|"[^"]*"|'[^']*')*>/gi)) depth = Math.max(0, depth + (m[1] ? -1 : 1));
  return depth > 0;
}

function beforeOpeningTags(text: string, at: number): number {
  let last = at;
  for (;;) {
    let j = last;
    while (j > 0 && (text[j - 1] === ' ' || text[j - 1] === '\t')) j--;
    if (text[j - 1] !== '>') return last;
    const open = text.lastIndexOf('<', j - 1);
    const m = open < 0 || j - open > 512 ? null : OPENING.exec(text.slice(open, j));
    if (!m || DOCUMENT_TAGS.has(m[1].toLowerCase())) return last;
    last = open;
  }
}
