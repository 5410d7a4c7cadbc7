import { msg } from '../l10n/text';
import type { Table } from '../model';
import { rowName, span, tableName } from './names';
import { subject, type Finding, type Rule } from './types';

const MESSAGE = {
  zh: '“{row}”一行应有{expected}个数字，实际读到{found}个。',
  en: 'Row “{rowEn}” should have {expected} numbers; {found} were read.',
};
const EMPTY = {
  zh: '{table}中没有填写任何数字（可能是未填写的空白模板）。',
  en: 'The {tableEn} has no numbers at all (perhaps an unfilled template).',
};

export const tableCellCount: Rule = {
  id: 'table-cell-count',
  severity: 1,
  inputs: ['active', 'applications', 'reviewLitigation'],
  description: { zh: '表格每一行的数字个数与法定格式一致', en: 'Each table row has as many numbers as the format has columns' },
  check({ report }) {
    const out: Finding[] = [];
    for (const t of [report.tables.active, report.tables.applications, report.tables.reviewLitigation]) {
      if (!t) continue;
      const dataRows = t.rows.filter((r) => r.key && !r.group && r.expectedCells > 0);
      if (dataRows.length > 1 && dataRows.every((r) => r.cells.every((c) => c.problem === 'blank'))) {
        out.push(emptyTable(this, t));
        continue;
      }
      for (const r of dataRows) {
        if (r.cells.length === r.expectedCells) continue;
        const last = r.cells[r.cells.length - 1];
        const name = rowName(t.kind, r.key!);
        out.push({
          ruleId: this.id, subject: subject.row(t.kind, r.key!), severity: this.severity,
          range: last ? span(r.label.range, last.range) : r.label.range,
          message: msg(MESSAGE, { row: name.zh, rowEn: name.en, expected: r.expectedCells, found: r.cells.length }),
        });
      }
    }
    return out;
  },
};

/** A table with no numbers at all (also table-row-missing's, when no row could be read). */
export function emptyTable(rule: { id: string; severity: 1 | 2 | 3 | 4 }, t: Table): Finding {
  const name = tableName(t.kind);
  return { ruleId: rule.id, subject: subject.table(t.kind), severity: rule.severity, range: t.range, message: msg(EMPTY, { table: name.zh, tableEn: name.en }) };
}
