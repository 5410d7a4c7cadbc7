import { totalFindings } from './arithmetic';
import type { Rule } from './types';

/** Table 四, each of the three groups: 总计 = its four results (formats/relations.ts, *-total). */
export const groupTotal: Rule = {
  id: 'review-litigation-total',
  severity: 1,
  inputs: ['reviewLitigation'],
  description: { zh: '行政复议、行政诉讼各组的总计等于四项结果之和', en: 'Each reconsideration/litigation group total equals its four results' },
  check(ctx) {
    return totalFindings(groupTotal, ctx, ctx.report.tables.reviewLitigation, ['review-total', 'litigationDirect-total', 'litigationAfterReview-total']);
  },
};
