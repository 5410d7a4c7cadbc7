import { msg } from '../l10n/text';
import { problemCells } from './cells';
import { subject, type Finding, type Rule } from './types';

const MESSAGE = {
  zh: '“{row}”的“{column}”是件数或金额，不能为负数（表中是“{text}”）。',
  en: '“{column}” of “{row}” is a count or an amount and cannot be negative (“{text}” is written).',
};

export const cellNegative: Rule = {
  id: 'cell-negative',
  severity: 1,
  inputs: ['active', 'applications', 'reviewLitigation'],
  description: { zh: '件数和金额不为负数', en: 'Counts and amounts are not negative' },
  check({ report }) {
    const out: Finding[] = [];
    for (const p of problemCells(report, ['negative'])) {
      if (p.cell.problem !== 'negative') continue;
      out.push({
        ruleId: this.id, subject: subject.cell(p.table.kind, p.row.key!, p.cell.column!), severity: this.severity, range: p.cell.range,
        message: msg(MESSAGE, { row: p.rowName, column: p.columnName, text: p.cell.text }),
      });
    }
    return out;
  },
};
