import { msg } from '../l10n/text';
import type { MissingRow, Table } from '../model';
import { rowName, tableName } from './names';
import { emptyTable } from './tableCellCount';
import { subject, type Finding, type Rule } from './types';

const ONE = {
  zh: '{table}缺少“{row}”一行。',
  en: 'The {tableEn} lacks the row “{rowEn}”.',
};
const SOME = {
  zh: '{table}缺少{count}行：{rows}。',
  en: 'The {tableEn} lacks {count} rows: {rowsEn}.',
};
const CUT = {
  zh: '{table}在此处中断，其后的{count}行缺失：{rows}。表格不完整，相关合计无法核对。',
  en: 'The {tableEn} breaks off here; the {count} rows after it are missing: {rowsEn}. Its totals cannot be checked.',
};
/** Table 二 has no totals: its cut-off says only what is missing. */
const CUT_ACTIVE = {
  zh: '{table}在此处中断，其后的{count}行缺失：{rows}。',
  en: 'The {tableEn} breaks off here; the {count} rows after it are missing: {rowsEn}.',
};

/** Rows of the format that the table lacks; a run of missing rows is one diagnostic. */
export const tableRowMissing: Rule = {
  id: 'table-row-missing',
  severity: 1,
  inputs: ['active', 'applications', 'reviewLitigation'],
  description: { zh: '法定表格的每一行都在', en: 'Every row of the statutory tables is present' },
  check({ report }) {
    const out: Finding[] = [];
    for (const t of [report.tables.active, report.tables.applications, report.tables.reviewLitigation]) {
      if (!t || t.missingRows.length === 0) continue;
      if (isEmptyTemplate(t)) {
        out.push(emptyTable(this, t));
        continue;
      }
      for (const run of runs(t.missingRows)) out.push(finding(this, t, run));
    }
    return out;
  },
};

/**
 * Table 四's groups are named in its header and read from its fifteen numbers: found by its header
 * with not one number, it is the blank template, not three missing rows. (Tables 二 and 三 are read
 * by their row labels: no row there means the table breaks off.)
 */
function isEmptyTemplate(t: Table): boolean {
  return t.kind === 'reviewLitigation' && !t.rows.some((r) => r.key) && t.orphanCells.every((c) => c.problem === 'blank');
}

function runs(missing: MissingRow[]): MissingRow[][] {
  const out: MissingRow[][] = [];
  for (const m of missing) {
    const last = out[out.length - 1];
    if (last && last[0].afterKey === m.afterKey) last.push(m);
    else out.push([m]);
  }
  return out;
}

function finding(rule: Rule, t: Table, run: MissingRow[]): Finding {
  const names = run.map((m) => rowName(t.kind, m.key));
  const table = tableName(t.kind);
  const lastFoundIndex = t.rows.reduce((acc, r) => (r.key ? Math.max(acc, r.label.range.start.line) : acc), -1);
  const atEnd = run[0].anchor.start.line >= lastFoundIndex && run.length > 1;
  const args = {
    table: table.zh, tableEn: table.en, count: run.length,
    row: names[0].zh, rowEn: names[0].en,
    rows: names.map((n) => `“${n.zh}”`).join(''), rowsEn: names.map((n) => `“${n.en}”`).join(', '),
  };
  return {
    ruleId: rule.id, subject: subject.row(t.kind, run[0].key), severity: rule.severity, range: run[0].anchor,
    message: msg(run.length === 1 ? ONE : atEnd ? (t.kind === 'active' ? CUT_ACTIVE : CUT) : SOME, args),
  };
}
