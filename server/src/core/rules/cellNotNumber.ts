import { msg } from '../l10n/text';
import { problemCells } from './cells';
import { isAmountWithUnit } from './cellUnit';
import { subject, type Finding, type Rule } from './types';
import { isTooLarge, MAX_DIGITS } from '../reader/values';

const KIND = {
  count: { zh: '非负整数', en: 'a whole number' },
  signed: { zh: '整数（可带正负号）', en: 'a whole number (signed)' },
  amount: { zh: '数字金额（不带单位）', en: 'an amount without a unit' },
};
const MESSAGE = {
  zh: '“{row}”的“{column}”应填写{kind}，表中是“{text}”。',
  en: '“{column}” of “{row}” should be {kind}, but “{text}” is written.',
};
const TOO_LARGE = {
  zh: '“{row}”的“{column}”填写的“{text}”超过{max}位数字，数值过大，无法核对。',
  en: '“{column}” of “{row}”: “{text}” has more than {max} digits, too large to be checked.',
};

/** '减4', '251000元', '/', '2.5', '1²' in a count column: the cell is not a usable number; a number of more than 12 digits is too large. */
export const cellNotNumber: Rule = {
  id: 'cell-not-number',
  severity: 1,
  inputs: ['active', 'applications', 'reviewLitigation'],
  description: { zh: '表格中的数字格式正确', en: 'Table cells hold numbers of the right kind' },
  check({ report }) {
    const out: Finding[] = [];
    for (const p of problemCells(report, ['notNumber', 'notWhole'])) {
      if (p.cell.problem !== 'notNumber' && p.cell.problem !== 'notWhole') continue;
      if (isAmountWithUnit(p.cell)) continue; // cell-unit's
      out.push({
        ruleId: this.id, subject: subject.cell(p.table.kind, p.row.key!, p.cell.column!), severity: this.severity, range: p.cell.range,
        message: isTooLarge(p.cell.text)
          ? msg(TOO_LARGE, { row: p.rowName, column: p.columnName, text: p.cell.text, max: MAX_DIGITS })
          : msg(MESSAGE, { row: p.rowName, column: p.columnName, kind: KIND[p.cell.kind ?? 'count'], text: p.cell.text }),
      });
    }
    return out;
  },
};
