import type { Report, Table } from '../model';
import { APPLICANT_COLUMNS } from '../formats/applicationsTable';
import { readReport } from '../reader/read';
import { renderTable } from '../render/tables';
import type { OffsetEdit } from '../rules/types';
import type { LineIndex } from '../text/positions';
import { applyEdits } from './actions';
import { eolOf } from './insert';

/** Said after the converted table: where the old （六） went and what the new rows hold. */
export const CONVERSION_NOTE = '注：本表已按国办公开办函〔2021〕30号格式调整，原“（六）其他处理”一行的数字计入“3.其他”，“（六）其他处理”的第1、2项按0填写。';

const SUB_ROWS = ['other.noCorrection', 'other.noFee', 'other.other'];

/**
 * Table 三 from the 2019 rows to the 2021 rows: the single （六）其他处理 row becomes the group and its three
 * sub-rows (1 and 2 as 0, the old numbers in 3.其他), and a note follows the table. The edits are offered only
 * when the text they make reads back as that table exactly — every other row as it was, in the same layout —
 * and otherwise there are none: no conversion that is almost right.
 */
export function convertApplications2019(report: Report, text: string, index: LineIndex): OffsetEdit[] {
  const table = report.tables.applications;
  const old = table?.rows.find((r) => r.key === 'other');
  if (!table || !old || table.unreadable || table.orphanCells.length || old.cells.length !== APPLICANT_COLUMNS.length) return [];
  if (old.cells.some((c) => c.value === null || c.runs)) return [];
  const eol = eolOf(text);
  const byColumn = new Map(old.cells.map((c) => [c.column, c.text]));
  const rendered = renderTable('applications', '2021', table.layout, (row, column) => (row === 'other.other' ? byColumn.get(column) ?? '' : '0'), eol);
  const start = index.offsetAt(old.label.range.start);
  const rows = table.layout === 'html' ? htmlRows(text, table, start, rendered) : textRows(text, table, start, rendered, eol);
  if (!rows) return [];
  const edits = [rows, note(text, table, eol)];
  return readsBack(report, applyEdits(text, edits)) ? edits : [];
}

/** The rendered group row and sub-rows, from the group's label to the last number of 3.其他. */
function renderedRows(rendered: string, lastText: string): string | null {
  const start = rendered.indexOf('（六）其他处理');
  const end = rendered.indexOf('（七）总计');
  if (start < 0 || end < start) return null;
  const piece = rendered.slice(start, end);
  const last = piece.lastIndexOf(lastText);
  return last < 0 ? null : piece.slice(0, last + lastText.length);
}

/** Plain-text layouts: the old row from its label to its last number, replaced; what stands around it stays. */
function textRows(text: string, table: Table, start: number, rendered: string, eol: string): OffsetEdit | null {
  const old = table.rows.find((r) => r.key === 'other')!;
  const last = old.cells[old.cells.length - 1];
  let rows = renderedRows(rendered, last.text);
  if (rows && table.layout === 'cellPerLine') {
    // Each cell ends its line as the old row's last cell does (' |', or the spaces of seed 002).
    const after = text.slice(last.end);
    const suffix = after.slice(0, after.search(/\r\n|\r|\n|$/));
    rows = rows.split(eol).map((l) => l.replace(/ \|$/, suffix)).join(eol);
  }
  return rows ? { start, end: last.end, newText: rows } : null;
}

/** HTML: the old row's whole <tr>, replaced by the rendered rows (the table's other rows keep their markup). */
function htmlRows(text: string, table: Table, start: number, rendered: string): OffsetEdit | null {
  const old = table.rows.find((r) => r.key === 'other')!;
  const open = text.lastIndexOf('<tr', start);
  const close = text.indexOf('</tr>', old.cells[old.cells.length - 1].end);
  const first = rendered.indexOf('<tr><td>（六）其他处理');
  const next = rendered.indexOf('<tr><td>（七）总计');
  if (open < 0 || close < 0 || first < 0 || next < first) return null;
  return { start: open, end: close + '</tr>'.length, newText: rendered.slice(first, next).trimEnd() };
}

/** The note on a line of its own after the table (in HTML, a paragraph after the table's end). */
function note(text: string, table: Table, eol: string): OffsetEdit {
  const end = endOffset(text, table);
  if (table.layout === 'html') {
    const at = text.indexOf('</table>', end);
    const pos = at < 0 ? end : at + '</table>'.length;
    return { start: pos, end: pos, newText: `${eol}<p>${CONVERSION_NOTE}</p>` };
  }
  const lineEnd = text.slice(end).search(/\r\n|\r|\n|$/) + end;
  return { start: lineEnd, end: lineEnd, newText: `${eol}${CONVERSION_NOTE}` };
}

function endOffset(text: string, table: Table): number {
  const last = table.rows[table.rows.length - 1];
  const cell = last?.cells[last.cells.length - 1];
  return cell ? cell.end : 0;
}

/** The converted text reads as table 三 in the 2021 rows with every number where the conversion put it. */
function readsBack(before: Report, text: string): boolean {
  const after = readReport(text);
  const t = after.tables.applications;
  if (after.sections.length !== before.sections.length) return false;
  const was = before.tables.applications!;
  if (!t || t.unreadable || t.versionFrom !== 'table' || t.version !== '2021' || t.orphanCells.length) return false;
  if (t.missingRows.length !== was.missingRows.length || t.layout !== was.layout) return false;
  const values = (tb: Table, key: string) => tb.rows.find((r) => r.key === key)?.cells.map((c) => `${c.column}=${c.text}`).join('|');
  for (const r of was.rows) {
    if (r.group || !r.key) continue;
    if (values(t, r.key === 'other' ? 'other.other' : r.key) !== values(was, r.key)) return false;
  }
  const zeros = APPLICANT_COLUMNS.map((c) => `${c.key}=0`).join('|');
  return SUB_ROWS.slice(0, 2).every((k) => values(t, k) === zeros);
}
