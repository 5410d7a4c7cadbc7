import { msg } from '../l10n/text';
import { problemCells, visibleRange, type PlacedCell } from './cells';
import { derivedValue, writeCell } from '../service/recompute';
import type { Finding, Fix, Rule } from './types';

const MESSAGE = {
  zh: '“{row}”的“{column}”未填写。没有发生的事项应填 0。',
  en: '“{column}” of “{row}” is blank. Write 0 where nothing happened.',
};
const FILL_ZERO = { zh: '填写 0', en: 'Write 0' };
const FILL_TOTAL = { zh: '填写合计 {value}', en: 'Write the total {value}' };

export const cellBlank: Rule = {
  id: 'cell-blank',
  severity: 2,
  inputs: ['active', 'applications', 'reviewLitigation'],
  description: { zh: '表格中没有空白单元格', en: 'No table cell is blank' },
  check({ report, index }) {
    const out: Finding[] = [];
    for (const p of problemCells(report, ['blank'])) {
      if (p.cell.problem !== 'blank') continue;
      out.push({
        ruleId: this.id, severity: this.severity, range: visibleRange(p.cell, index),
        message: msg(MESSAGE, { row: p.rowName, column: p.columnName }),
        fix: fillFix(p),
      });
    }
    return out;
  },
};

/** A blank total whose parts are all numbers gets their sum (safe); any other blank may get 0 (a guess: never unattended). */
function fillFix(p: PlacedCell): Fix {
  const sum = derivedValue(p.table, { row: p.row.key!, column: p.cell.column! });
  if (sum !== null) return { title: msg(FILL_TOTAL, { value: sum }), edits: [writeCell(p.cell, sum)], preferred: true, safe: true };
  return { title: msg(FILL_ZERO), edits: [writeCell(p.cell, 0)], preferred: true, safe: false };
}
