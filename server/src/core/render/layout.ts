import type { FormatVersion, TableKind } from '../model';
import type { RowDef } from '../formats/types';
import { fullWidth } from '../l10n/text';
import { activeColumns } from '../formats/activeTable';
import { APPLICANT_COLUMNS, APPLICANT_HEADER, ORGANISATION_GROUP } from '../formats/applicationsTable';
import { OUTCOME_COLUMNS, REVIEW_LITIGATION_GROUPS } from '../formats/reviewLitigationTable';
import { BALANCE_NOTE, rowsOf } from './tables';

/**
 * The official layout of the statutory tables (国办公开办函〔2021〕30号, 〔2019〕60号) as a structure:
 * rows of cells with their spans, written once and drawn by every writer (web page, Word file, preview).
 */
export type LayoutRole = 'note' | 'header' | 'group' | 'label' | 'value';

export interface LayoutCell {
  role: LayoutRole;
  /** The printed text; a value cell's is empty here (the export fills it). */
  text: string;
  rowSpan: number;
  colSpan: number;
  /** A value cell's place in the model: the format's row and column keys. */
  key?: { row: string; column: string };
}

export interface StatutoryLayout {
  kind: TableKind;
  version: FormatVersion;
  /** Grid columns. */
  width: number;
  /** How many of the first rows are the header (a writer repeats them on every page). */
  headerRows: number;
  /** Each row holds the cells that start in it, left to right (as HTML's `<tr>` does). */
  rows: LayoutCell[][];
}

const cell = (role: LayoutRole, text: string, colSpan = 1, rowSpan = 1): LayoutCell => ({ role, text, rowSpan, colSpan });
const value = (row: string, column: string, colSpan = 1): LayoutCell => ({ role: 'value', text: '', rowSpan: 1, colSpan, key: { row, column } });

export function statutoryLayout(kind: TableKind, version: FormatVersion): StatutoryLayout {
  if (kind === 'active') return activeLayout(version);
  if (kind === 'applications') return applicationsLayout(version);
  return reviewLitigationLayout(version);
}

/** Table 二: each article item a full-width row, then its 信息内容 header and its rows; value columns share three places. */
function activeLayout(version: FormatVersion): StatutoryLayout {
  const rows: LayoutCell[][] = [];
  const places = 3;
  const spans = (n: number) => Array.from({ length: n }, (_, i) => (i === n - 1 ? places - (n - 1) : 1));
  let headed: string | undefined;
  for (const r of rowsOf('active', version)) {
    if (r.group) {
      rows.push([cell('group', fullWidth(r.label), places + 1)]);
      headed = undefined;
      continue;
    }
    const columns = activeColumns(r, version);
    const span = spans(columns.length);
    if (headed !== r.parent) {
      rows.push([cell('header', '信息内容'), ...columns.map((c, i) => cell('header', fullWidth(c.label), span[i]))]);
      headed = r.parent;
    }
    rows.push([cell('label', fullWidth(r.label)), ...columns.map((c, i) => value(r.key, c.key, span[i]))]);
  }
  return { kind: 'active', version, width: places + 1, headerRows: 0, rows };
}

/**
 * Table 三: the note over three header rows; 申请人情况 over 自然人, 法人或其他组织 (over its five
 * columns) and 总计; the row labels nested as the format nests them (三、本年度办理结果 over its
 * results, (三)不予公开 over its eight reasons), each leaf's label spanning to the values.
 */
function applicationsLayout(version: FormatVersion): StatutoryLayout {
  const defs = rowsOf('applications', version);
  const depth = (r: RowDef): number => (r.parent ? 1 + depth(defs.find((d) => d.key === r.parent)!) : 0);
  const labelWidth = 1 + Math.max(...defs.map(depth));
  const orgs: readonly string[] = ORGANISATION_GROUP.columns;
  const first = APPLICANT_COLUMNS.findIndex((c) => orgs.includes(c.key));
  const header: LayoutCell[][] = [
    [cell('note', BALANCE_NOTE, labelWidth, 3), cell('header', APPLICANT_HEADER, APPLICANT_COLUMNS.length)],
    [],
    APPLICANT_COLUMNS.filter((c) => orgs.includes(c.key)).map((c) => cell('header', c.label)),
  ];
  APPLICANT_COLUMNS.forEach((c, i) => {
    if (i === first) header[1].push(cell('header', ORGANISATION_GROUP.label, orgs.length));
    if (!orgs.includes(c.key)) header[1].push(cell('header', c.label, 1, 2));
  });
  const leaves = (key: string): number => defs.filter((d) => d.parent === key).reduce((n, d) => n + (d.group ? leaves(d.key) : 1), 0);
  const body: LayoutCell[][] = [];
  let pending: LayoutCell[] = [];
  for (const r of defs) {
    const label = cell(r.group ? 'group' : 'label', fullWidth(r.label));
    if (r.group) {
      label.rowSpan = leaves(r.key);
      pending.push(label);
      continue;
    }
    label.colSpan = labelWidth - depth(r);
    body.push([...pending, label, ...APPLICANT_COLUMNS.map((c) => value(r.key, c.key))]);
    pending = [];
  }
  return { kind: 'applications', version, width: labelWidth + APPLICANT_COLUMNS.length, headerRows: 3, rows: [...header, ...body] };
}

/**
 * Table 四: 行政复议 over its five outcomes (each over two rows), 行政诉讼 over its two kinds, each over
 * five outcomes; then the fifteen values. The group names come from the format (`行政诉讼:复议后起诉`).
 */
function reviewLitigationLayout(version: FormatVersion): StatutoryLayout {
  const n = OUTCOME_COLUMNS.length;
  const parts = REVIEW_LITIGATION_GROUPS.map((g) => g.label.split(':'));
  const top: LayoutCell[] = [];
  const middle: LayoutCell[] = [];
  const bottom: LayoutCell[] = [];
  parts.forEach(([name, sub], i) => {
    if (i > 0 && parts[i - 1][0] === name) top[top.length - 1].colSpan += n;
    else top.push(cell('header', name, n));
    if (sub === undefined) middle.push(...OUTCOME_COLUMNS.map((c) => cell('header', c.label, 1, 2)));
    else {
      middle.push(cell('header', sub, n));
      bottom.push(...OUTCOME_COLUMNS.map((c) => cell('header', c.label)));
    }
  });
  const values = REVIEW_LITIGATION_GROUPS.flatMap((g) => OUTCOME_COLUMNS.map((c) => value(g.key, c.key)));
  return { kind: 'reviewLitigation', version, width: n * parts.length, headerRows: 3, rows: [top, middle, bottom, values] };
}

/** Where each cell stands in the grid: `[row, column]` of its top-left corner, by the spans of the cells before it. */
export function placeCells(layout: StatutoryLayout): { cell: LayoutCell; row: number; column: number }[] {
  const taken: boolean[][] = [];
  const out: { cell: LayoutCell; row: number; column: number }[] = [];
  layout.rows.forEach((cells, row) => {
    let column = 0;
    for (const c of cells) {
      while (taken[row]?.[column]) column++;
      for (let r = row; r < row + c.rowSpan; r++) for (let k = column; k < column + c.colSpan; k++) (taken[r] ??= [])[k] = true;
      out.push({ cell: c, row, column });
      column += c.colSpan;
    }
  });
  return out;
}
