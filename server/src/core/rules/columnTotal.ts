import { APPLICANT_COLUMNS, RESULT_ROWS } from '../formats/applicationsTable';
import { msg } from '../l10n/text';
import { columnName, row } from './names';
import { sum, totalMismatch, valueOf } from './arithmetic';
import type { Finding, Rule } from './types';

const MESSAGE = {
  zh: '“(七)总计”的“{column}”应为 {expected}(本年度各项办理结果之和),表中填写的是 {actual}。',
  en: '“(7) Total” for “{column}” should be {expected} (the sum of all results this year), but {actual} is written.',
};

/** Table B, every column: (七)总计 = the sum of every result row (一)…(六). */
export const columnTotal: Rule = {
  id: 'column-total',
  severity: 1,
  inputs: ['applications'],
  description: { zh: '申请情况表“(七)总计”等于各项办理结果之和', en: '“(7) Total” equals the sum of all results' },
  check({ report }) {
    const t = report.tables.applications;
    const out: Finding[] = [];
    if (!t || !t.version) return out;
    const totalRow = row(t, 'total');
    const results = RESULT_ROWS[t.version].map((k) => row(t, k));
    for (const col of APPLICANT_COLUMNS) {
      const cell = totalRow?.cells.find((c) => c.column === col.key);
      const expected = sum(results.map((r) => valueOf(r, col.key)));
      if (!cell || cell.value === null || expected === null || expected === cell.value) continue;
      out.push(totalMismatch(columnTotal, cell, {
        relation: 'column-total', table: 'applications', row: 'total', column: col.key, expected, actual: cell.value,
      }, msg(MESSAGE, { column: columnName('applications', 'total', col.key, t.version), expected, actual: cell.value })));
    }
    return out;
  },
};
