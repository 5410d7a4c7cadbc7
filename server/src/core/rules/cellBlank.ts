import { msg } from '../l10n/text';
import { placedCells, visibleRange } from './cells';
import type { Finding, Rule } from './types';

const MESSAGE = {
  zh: '“{row}”的“{column}”未填写。没有发生的事项应填 0。',
  en: '“{column}” of “{row}” is blank. Write 0 where nothing happened.',
};

export const cellBlank: Rule = {
  id: 'cell-blank',
  severity: 2,
  description: { zh: '表格中没有空白单元格', en: 'No table cell is blank' },
  check({ report }) {
    const out: Finding[] = [];
    for (const p of placedCells(report)) {
      if (p.cell.problem !== 'blank') continue;
      out.push({
        ruleId: this.id, severity: this.severity, range: visibleRange(p.cell),
        message: msg(MESSAGE, { row: p.rowName, column: p.columnName }),
      });
    }
    return out;
  },
};
