import { msg } from '../l10n/text';
import { span, tableName } from './names';
import { subject, type Finding, type Rule } from './types';

const MESSAGE = {
  zh: '{table}中有{count}个数字不属于任何一行（可能丢失了行名称）。',
  en: 'The {tableEn} has {count} numbers that belong to no row (row labels may have been lost).',
};

export const tableOrphanCells: Rule = {
  id: 'table-orphan-cells',
  severity: 1,
  inputs: ['active', 'applications', 'reviewLitigation'],
  description: { zh: '表格中的每个数字都有对应的行', en: 'Every number in a table belongs to a row' },
  check({ report }) {
    const out: Finding[] = [];
    for (const t of [report.tables.active, report.tables.applications, report.tables.reviewLitigation]) {
      if (!t || t.orphanCells.length === 0) continue;
      const name = tableName(t.kind);
      const first = t.orphanCells[0];
      const last = t.orphanCells[t.orphanCells.length - 1];
      out.push({
        ruleId: this.id, subject: subject.table(t.kind), severity: this.severity, range: span(first.range, last.range),
        message: msg(MESSAGE, { table: name.zh, tableEn: name.en, count: t.orphanCells.length }),
      });
    }
    return out;
  },
};
