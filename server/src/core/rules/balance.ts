import { APPLICANT_COLUMNS } from '../formats/applicationsTable';
import { msg } from '../l10n/text';
import { columnName, row } from './names';
import { totalMismatch, valueOf } from './arithmetic';
import type { Finding, Rule } from './types';

const MESSAGE = {
  zh: '“结转下年度继续办理”的“{column}”应为 {expected}(本年新收 {newReceived} + 上年结转 {carriedOver} − 办理结果总计 {total}),表中填写的是 {actual}。',
  en: '“Carried forward” for “{column}” should be {expected} (new {newReceived} + carried over {carriedOver} − total results {total}), but {actual} is written.',
};

/** Table B, every column: 本年新收 + 上年结转 = (七)总计 + 结转下年度继续办理 (the table's corner note). */
export const balance: Rule = {
  id: 'carry-over-balance',
  severity: 1,
  inputs: ['applications'],
  description: { zh: '本年新收加上年结转等于办理结果总计加结转下年度', en: 'New plus carried over equals total results plus carried forward' },
  check({ report }) {
    const t = report.tables.applications;
    const out: Finding[] = [];
    if (!t) return out;
    const [newRow, carriedRow, totalRow, forwardRow] = ['newReceived', 'carriedOver', 'total', 'carriedForward'].map((k) => row(t, k));
    for (const col of APPLICANT_COLUMNS) {
      const cell = forwardRow?.cells.find((c) => c.column === col.key);
      const newReceived = valueOf(newRow, col.key);
      const carriedOver = valueOf(carriedRow, col.key);
      const total = valueOf(totalRow, col.key);
      if (!cell || cell.value === null || newReceived === null || carriedOver === null || total === null) continue;
      const expected = newReceived + carriedOver - total;
      if (expected === cell.value) continue;
      const f = totalMismatch(balance, cell, {
        relation: 'balance', table: 'applications', row: 'carriedForward', column: col.key, expected, actual: cell.value,
      }, msg(MESSAGE, {
        column: columnName('applications', 'carriedForward', col.key, t.version), expected, actual: cell.value,
        newReceived, carriedOver, total,
      }));
      // A negative carry-forward cannot be written: the error is upstream, so no fix is offered.
      if (expected < 0) delete f.fix;
      out.push(f);
    }
    return out;
  },
};
