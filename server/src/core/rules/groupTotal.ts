import { OUTCOME_PART_COLUMNS } from '../formats/reviewLitigationTable';
import { msg } from '../l10n/text';
import { rowName } from './names';
import { sum, totalMismatch, valueOf } from './arithmetic';
import type { ArithmeticData, Finding, Rule } from './types';

const MESSAGE = {
  zh: '“{group}”的总计应为 {expected}(结果维持、结果纠正、其他结果、尚未审结之和),表中填写的是 {actual}。',
  en: 'The total of “{group}” should be {expected} (upheld + corrected + other + pending), but {actual} is written.',
};

/** Table C, each of the three groups: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结. */
export const groupTotal: Rule = {
  id: 'review-litigation-total',
  severity: 1,
  inputs: ['reviewLitigation'],
  description: { zh: '行政复议、行政诉讼各组的总计等于四项结果之和', en: 'Each reconsideration/litigation group total equals its four results' },
  check({ report }) {
    const t = report.tables.reviewLitigation;
    const out: Finding[] = [];
    if (!t) return out;
    for (const r of t.rows) {
      if (!r.key) continue;
      const total = r.cells.find((c) => c.column === 'total');
      const expected = sum(OUTCOME_PART_COLUMNS.map((k) => valueOf(r, k)));
      if (!total || total.value === null || expected === null || expected === total.value) continue;
      const relation = `${r.key}-total` as ArithmeticData['relation'];
      out.push(totalMismatch(groupTotal, total, {
        relation, table: 'reviewLitigation', row: r.key, column: 'total', expected, actual: total.value,
      }, msg(MESSAGE, { group: rowName('reviewLitigation', r.key), expected, actual: total.value })));
    }
    return out;
  },
};
