import type { FormatVersion, Position, Range, Report, SectionKey, Table, TableKind } from '../model';
import type { Finding } from '../rules/types';
import { check, type CheckOptions } from '../engine';
import { SECTIONS } from '../formats/sections';
import { fullWidth } from '../l10n/text';
import { foldDigits } from '../text/normalize';
import { statutoryLayout, type LayoutCell, type StatutoryLayout } from '../render/layout';
import { officialPunctuation } from './punctuation';

/**
 * The report as a document to publish: its title, the part headings, the prose as paragraphs and
 * the three statutory tables in their official layout with every value filled — what the web page
 * and the Word file both write, in the order the text has them.
 */
export type Block =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string; section: SectionKey }
  /** A numbered lead line of its own, `（一）主动公开`. */
  | { kind: 'subheading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; table: FilledTable };

export interface FilledTable {
  kind: TableKind;
  version: FormatVersion;
  /** The layout with each value cell's text filled from the report. */
  layout: StatutoryLayout;
}

export interface ExportDocument {
  title: string | null;
  blocks: Block[];
}

export interface ExportOptions extends CheckOptions {
  /** Blank cells of rows that are there are written as 0, and the totals checked so (only with the user’s consent). */
  blankAsZero?: boolean;
}

export interface ExportPlan {
  document: ExportDocument;
  /** What stops a faithful export: every error, and every table whose numbers could not be read. */
  problems: Finding[];
  /** Value cells written blank in the text (written as 0 with `blankAsZero`). */
  blanks: number;
}

/** Reads and checks `text` and makes its document (the problems say whether it should be published). */
export function planExport(text: string, options: ExportOptions = {}): ExportPlan {
  const result = check(text, options);
  const problems = result.findings.filter((f) => f.severity === 1 || f.ruleId === 'table-unreadable');
  const counter = { blanks: 0 };
  const document = exportDocument(result.report, !!options.blankAsZero, counter);
  return { document, problems, blanks: counter.blanks };
}

const SUBHEADING = /^[（(][一二三四五六七八九十]{1,3}[)）][^。；;，,：:]{1,30}[。]?$/;
const NOT_CONTENT = /^\s*(<!--[\s\S]*-->|\/\/\s*nianbao-)|^\s*\|*\s*$/;

export function exportDocument(report: Report, blankAsZero: boolean, counter = { blanks: 0 }): ExportDocument {
  // Placed by source position (line, then character): a saved page holds many paragraphs on one line.
  const placed: { at: Position; block: Block }[] = [];
  const title = report.title ? officialPunctuation(report.title.text.trim()) : null;
  const titleRange = standaloneTitle(report);
  if (title && titleRange) placed.push({ at: titleRange.start, block: { kind: 'title', text: title } });
  for (const s of report.sections) {
    const def = SECTIONS[s.ordinal - 1];
    placed.push({ at: s.range.start, block: { kind: 'heading', text: `${def.numeral}、${officialPunctuation(s.title.text.trim())}`, section: s.key } });
  }
  for (const p of report.prose) {
    // Page furniture above the title is not the report's; the title's own lines are its title block.
    if (titleRange && before(p.range.start, titleRange.end)) continue;
    const text = officialPunctuation(p.text.replace(/^\s*#{1,6}\s+/, '').replace(/\s*\|+\s*$/, '').trim());
    if (!text || NOT_CONTENT.test(p.text)) continue;
    placed.push({ at: p.range.start, block: { kind: SUBHEADING.test(text) ? 'subheading' : 'paragraph', text } });
  }
  for (const t of Object.values(report.tables)) {
    if (!t) continue;
    placed.push({ at: t.range.start, block: { kind: 'table', table: fillTable(t, report.format.version ?? '2021', blankAsZero, counter) } });
  }
  // Stable: a heading and the prose at its place keep the reader's order.
  placed.sort((a, b) => a.at.line - b.at.line || a.at.character - b.at.character);
  return { title, blocks: placed.map((p) => p.block) };
}

const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character < b.character);

/**
 * The range of a title that stands on its own (on one line or split over two), or null: a title only
 * named inside the preamble's sentence (seeds 000, 003) stays in its paragraph, and no title is invented.
 */
function standaloneTitle(report: Report): Range | null {
  if (!report.title) return null;
  const { range } = report.title;
  const squash = (s: string) => s.replace(/\s+/g, '');
  const within = report.opening.filter((p) => !before(p.range.start, range.start) && !before(range.end, p.range.end));
  return within.length && squash(within.map((p) => p.text).join('')) === squash(report.title.text) ? range : null;
}

/** The table's official layout with the text's values; cells of missing rows or an unreadable table stay empty. */
export function fillTable(t: Table, reportVersion: FormatVersion, blankAsZero: boolean, counter = { blanks: 0 }): FilledTable {
  const version = t.version ?? reportVersion;
  const layout = statutoryLayout(t.kind, version);
  const values = new Map<string, string>();
  for (const row of t.rows) {
    if (!row.key || row.group) continue;
    for (const c of row.cells) {
      if (!c.column) continue;
      let text = foldDigits(c.text.trim());
      if (c.problem === 'blank') {
        counter.blanks++;
        text = blankAsZero ? '0' : '';
      }
      values.set(`${row.key}\u0000${c.column}`, fullWidth(text));
    }
  }
  const fill = (c: LayoutCell): LayoutCell => (c.key ? { ...c, text: values.get(`${c.key.row}\u0000${c.key.column}`) ?? '' } : c);
  return { kind: t.kind, version, layout: { ...layout, rows: layout.rows.map((r) => r.map(fill)) } };
}
