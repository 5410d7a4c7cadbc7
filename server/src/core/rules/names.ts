import type { Cell, FormatVersion, Table, TableKind, TableRow } from '../model';
import type { ColumnDef, RowDef } from '../formats/types';
import { ACTIVE_ROWS, activeColumns, ACTIVE_TABLE } from '../formats/activeTable';
import { APPLICATIONS_ROWS, APPLICATIONS_TABLE, OTHER_2019_ROW } from '../formats/applicationsTable';
import { REVIEW_LITIGATION_GROUPS, REVIEW_LITIGATION_TABLE } from '../formats/reviewLitigationTable';
import { SECTIONS } from '../formats/sections';
import { fullWidth, type Text } from '../l10n/text';
import type { Range } from '../text/positions';

const ALL_ROWS: Record<TableKind, readonly RowDef[]> = {
  active: ACTIVE_ROWS,
  applications: [...APPLICATIONS_ROWS, OTHER_2019_ROW],
  reviewLitigation: REVIEW_LITIGATION_GROUPS,
};

export function rowDef(kind: TableKind, key: string): RowDef | undefined {
  return ALL_ROWS[kind].find((r) => r.key === key);
}

const NUMBERING = /^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d+\.)/;

/** A row's name for messages: its label without numbering, and its group for sub-rows. */
export function rowName(kind: TableKind, key: string): Text {
  const d = rowDef(kind, key);
  if (!d) return { zh: key, en: key };
  // Names are quoted in messages: quotes inside them become single ones (“危及‘三安全一稳定’”).
  const zh = fullWidth(d.label.replace(NUMBERING, '').replace(/\(区分处理的.*\)$/, '')).replace(/“/g, '‘').replace(/”/g, '’');
  const parent = d.parent ? rowDef(kind, d.parent) : undefined;
  if (parent && /^\d/.test(d.label)) {
    return { zh: `${fullWidth(parent.label.replace(NUMBERING, ''))}—${zh}`, en: `${parent.labelEn.replace(/^\(\d+\)\s*/, '')} — ${d.labelEn.replace(/^\d+\.\s*/, '')}` };
  }
  if (key === 'total') return { zh: '（七）总计', en: '(7) Total' };
  return { zh, en: d.labelEn.replace(/^[IVX]+\.\s*|^\(\d+\)\s*/, '') };
}

export function columnsOf(kind: TableKind, key: string, version: FormatVersion | null): readonly ColumnDef[] {
  const d = rowDef(kind, key);
  if (!d) return [];
  return kind === 'active' ? activeColumns(d, version ?? '2021') : d.columns;
}

export function columnName(kind: TableKind, rowKey: string, column: string, version: FormatVersion | null): Text {
  const c = columnsOf(kind, rowKey, version).find((x) => x.key === column);
  return c ? { zh: fullWidth(c.label), en: c.labelEn } : { zh: column, en: column };
}

/**
 * A table by its official name: the part's title in quotes, then 表 (“收到和处理政府信息公开申请情况”表).
 * The format has no official English; in English the Chinese name (what the reader sees in the report)
 * comes with its part's title as a gloss: “收到和处理政府信息公开申请情况” table (applications received and handled).
 */
export function tableName(kind: TableKind): Text {
  const t = { active: ACTIVE_TABLE, applications: APPLICATIONS_TABLE, reviewLitigation: REVIEW_LITIGATION_TABLE }[kind];
  const part = SECTIONS.find((s) => s.key === t.section)!;
  const name = fullWidth(t.title).replace(/表$/, '');
  return { zh: `“${name}”表`, en: `“${name}” table (${part.titleEn.charAt(0).toLowerCase()}${part.titleEn.slice(1)})` };
}

export function row(table: Table | null, key: string): TableRow | undefined {
  return table?.rows.find((r) => r.key === key);
}

export function cell(table: Table | null, rowKey: string, column: string): Cell | undefined {
  return row(table, rowKey)?.cells.find((c) => c.column === column);
}

export function span(a: Range, b: Range): Range {
  return { start: a.start, end: b.end };
}
