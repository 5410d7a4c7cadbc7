import type { Cell } from '../model';
import { msg } from '../l10n/text';
import { fold, foldDigits } from '../text/normalize';
import { fitsCell } from '../reader/values';
import { problemCells, type PlacedCell } from './cells';
import { columnsOf } from './names';
import { writeCell } from '../service/cellEdit';
import { subject, type Finding, type Rule } from './types';

const AMOUNT_WITH_UNIT = /^((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(万元|元)$/;

const SAME_UNIT = {
  zh: '“{row}”的“{column}”已在表头注明单位万元，表中只填数字：“{text}”应写作“{number}”。',
  en: '“{column}” of “{row}” is in 10,000 yuan as its header says: write the number only, “{number}” for “{text}”.',
};
const IN_YUAN = {
  zh: '“{row}”的“{column}”以万元为单位，表中的“{text}”可能是按元填写的（相差10⁴倍），折合{converted}万元。请核对后只填数字。',
  en: '“{column}” of “{row}” is in 10,000 yuan; “{text}” is probably in yuan (a factor of 10⁴), i.e. {converted}. Check it and write the number only.',
};
const NO_HEADER_UNIT = {
  zh: '“{row}”的“{column}”中写有单位（“{text}”）。国家格式的表头没有规定这一列的单位，请在表头或说明中注明单位，表中只填数字。',
  en: '“{column}” of “{row}” carries a unit (“{text}”). The national header gives this column no unit: state it in the header or a note and write the number only.',
};
const WRITE_NUMBER = { zh: '改为{number}', en: 'Change to {number}' };

/**
 * An amount written with its unit (`12.5万元`): in a column whose header says 万元 the unit is
 * dropped safely, and `251000元` there is probably in 元 (an error of 10⁴); where the national header
 * gives no unit (2019 采购总金额) a unit is only a warning.
 */
export const cellUnit: Rule = {
  id: 'cell-unit',
  severity: 2,
  inputs: ['active', 'applications', 'reviewLitigation'],
  description: { zh: '金额单元格只填数字，单位在表头', en: 'Amount cells hold the number only; the unit is in the header' },
  check({ report }) {
    const out: Finding[] = [];
    for (const p of problemCells(report, ['notNumber'])) {
      const m = amountWithUnit(p.cell);
      if (m) out.push(finding(p, m[1].replace(/,/g, ''), m[2]));
    }
    return out;
  },
};

/**
 * An amount cell written as a number and 元 or 万元: digits as values are read (full-width folded,
 * no look-alikes: '1²万元' is no amount), the unit as labels are ('萬元'), the number one a cell can hold.
 */
function amountWithUnit(cell: Cell): RegExpExecArray | null {
  if (cell.kind !== 'amount') return null;
  const m = AMOUNT_WITH_UNIT.exec(fold(foldDigits(cell.text)).trim());
  return m && foldDigits(cell.text).includes(m[1]) && fitsCell(m[1].replace(/,/g, '')) ? m : null;
}

export function isAmountWithUnit(cell: Cell): boolean {
  return amountWithUnit(cell) !== null;
}

/** The unit the column's national header gives (`本年收费金额（单位：万元）`), or null. */
function headerUnit(p: PlacedCell): string | null {
  const label = columnsOf(p.table.kind, p.row.key!, p.table.version).find((c) => c.key === p.cell.column)?.label ?? '';
  return label.includes('万元') ? '万元' : null;
}

function finding(p: PlacedCell, number: string, unit: string): Finding {
  const base = { ruleId: cellUnit.id, subject: subject.cell(p.table.kind, p.row.key!, p.cell.column!), range: p.cell.range };
  const args = { row: p.rowName, column: p.columnName, text: p.cell.text, number };
  if (headerUnit(p) === null) return { ...base, severity: 2, message: msg(NO_HEADER_UNIT, args) };
  if (unit === '万元') {
    return {
      ...base, severity: 2, message: msg(SAME_UNIT, args),
      fix: { title: msg(WRITE_NUMBER, { number }), edits: writeCell(p.cell, number), preferred: true, safe: true },
    };
  }
  const converted = String(Number((Number(number) / 10_000).toFixed(6)));
  return {
    ...base, severity: 1, message: msg(IN_YUAN, { ...args, converted }),
    fix: { title: msg(WRITE_NUMBER, { number: converted }), edits: writeCell(p.cell, converted), preferred: false, safe: false },
  };
}
