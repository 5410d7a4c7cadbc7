import { msg } from '../l10n/text';
import { tableName } from './names';
import { subject, type Finding, type Rule } from './types';

const MESSAGE = {
  zh: '“{label}”不是{table}（{version}年版格式）中的行。',
  en: '“{label}” is not a row of the {tableEn} ({version} format).',
};

export const tableRowUnexpected: Rule = {
  id: 'table-row-unexpected',
  severity: 2,
  inputs: ['active', 'applications'],
  description: { zh: '法定表格中没有多出的行', en: 'The statutory tables have no extra rows' },
  check({ report }) {
    const out: Finding[] = [];
    for (const t of [report.tables.active, report.tables.applications]) {
      if (!t) continue;
      const table = tableName(t.kind);
      for (const r of t.rows) {
        if (r.key) continue;
        out.push({
          ruleId: this.id, subject: subject.unknownRow(t.kind, r.label.text), severity: this.severity, range: r.label.range,
          message: msg(MESSAGE, { label: r.label.text, table: table.zh, tableEn: table.en, version: t.version ?? '2021' }),
        });
      }
    }
    return out;
  },
};
