import { msg, type Message } from '../l10n/text';
import type { Table } from '../model';
import { rowName, tableName } from './names';
import { subject, type Finding, type Rule } from './types';

const GLUED = {
  zh: '{table}的单元格之间没有分隔，数字与行名称粘连在一起（如“{sample}”），无法确定各数字属于哪一行、哪一列。本表未作核对，请对照原件检查。',
  en: 'The cells of the {tableEn} run together without separators (e.g. “{sample}”): which number belongs to which row and column cannot be told. Nothing in this table was checked; compare it with the original.',
};
const ROW_COUNTS = {
  zh: '{table}有{rows}行的数字个数与法定格式不符（如“{row}”一行应有{expected}个数字，读到{found}个），无法确定各数字所在的列。本表未作核对，请对照原件检查。',
  en: 'In the {tableEn}, {rows} row(s) have a different count of numbers than the format (e.g. “{rowEn}” should have {expected}, {found} were read): the numbers cannot be placed in their columns. Nothing in this table was checked; compare it with the original.',
};
const COUNTS = {
  zh: '{table}中的数字无法按法定格式分到各行（应为每组{expected}个，读到{found}个），无法确定各数字所在的行和列。本表未作核对，请对照原件检查。',
  en: 'The numbers of the {tableEn} cannot be divided into its rows ({expected} a group expected, {found} read): which row and column each belongs to cannot be told. Nothing in this table was checked; compare it with the original.',
};
const ORPHANS = {
  zh: '{table}中有{count}个数字不属于任何一行（行名称可能在转换中丢失），无法确定其归属。本表未作核对，请对照原件检查。',
  en: 'The {tableEn} has {count} numbers under no row label (labels may have been lost in conversion): they cannot be placed. Nothing in this table was checked; compare it with the original.',
};

const OVERSIZED = {
  zh: '{table}的内容过多（超过{limit}个单元格，远多于法定格式的表格），无法作为表格读取。本表未作核对，请对照原件检查。',
  en: 'The {tableEn} holds too much (over {limit} cells, far more than the format\'s table): it cannot be read as a table. Nothing in this table was checked; compare it with the original.',
};

/** A table whose numbers cannot be attributed to rows and columns: said once, and nothing in it is checked. */
export const tableUnreadable: Rule = {
  id: 'table-unreadable',
  severity: 2,
  inputs: ['active', 'applications', 'reviewLitigation'],
  description: { zh: '表格能够可靠读取（不能读取时本表不作核对）', en: 'Each table can be read unambiguously (a table that cannot is not checked)' },
  check({ report }) {
    const out: Finding[] = [];
    for (const t of [report.tables.active, report.tables.applications, report.tables.reviewLitigation]) {
      if (t?.unreadable) out.push({ ruleId: this.id, subject: subject.table(t.kind), severity: this.severity, range: t.unreadable.range, message: message(t) });
    }
    return out;
  },
};

function message(t: Table): Message {
  const u = t.unreadable!;
  const name = tableName(t.kind);
  const table = { table: name.zh, tableEn: name.en };
  if (u.reason === 'glued') return msg(GLUED, { ...table, sample: u.sample });
  if (u.reason === 'orphans') return msg(ORPHANS, { ...table, count: u.count });
  if (u.reason === 'oversized') return msg(OVERSIZED, { ...table, limit: u.limit });
  if (!u.row) return msg(COUNTS, { ...table, expected: u.expected, found: u.found });
  const row = rowName(t.kind, u.row);
  return msg(ROW_COUNTS, { ...table, rows: u.rows, row: row.zh, rowEn: row.en, expected: u.expected, found: u.found });
}
