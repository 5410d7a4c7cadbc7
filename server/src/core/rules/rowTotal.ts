import { APPLICANT_PART_COLUMNS } from '../formats/applicationsTable';
import { msg } from '../l10n/text';
import { rowName } from './names';
import { sum, totalMismatch, valueOf } from './arithmetic';
import type { Finding, Rule } from './types';

const MESSAGE = {
  zh: '“{row}”一行的总计应为 {expected}(自然人与各类法人或其他组织之和),表中填写的是 {actual}。',
  en: 'The total of row “{row}” should be {expected} (the sum of all applicant types), but {actual} is written.',
};

/** Table B, every row: 总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他. */
export const rowTotal: Rule = {
  id: 'row-total',
  severity: 1,
  inputs: ['applications'],
  description: { zh: '申请情况表每一行的总计等于各类申请人之和', en: 'Each row total of the applications table equals the sum of applicant types' },
  check({ report }) {
    const t = report.tables.applications;
    const out: Finding[] = [];
    if (!t) return out;
    for (const r of t.rows) {
      if (!r.key || r.group) continue;
      const total = r.cells.find((c) => c.column === 'total');
      const expected = sum(APPLICANT_PART_COLUMNS.map((k) => valueOf(r, k)));
      if (!total || total.value === null || expected === null || expected === total.value) continue;
      out.push(totalMismatch(rowTotal, total, {
        relation: 'row-total', table: 'applications', row: r.key, column: 'total', expected, actual: total.value,
      }, msg(MESSAGE, { row: rowName('applications', r.key), expected, actual: total.value })));
    }
    return out;
  },
};
