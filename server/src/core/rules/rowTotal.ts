import { totalFindings } from './arithmetic';
import type { Rule } from './types';

/** Table 三, every row: 总计 = the six applicant columns (formats/relations.ts, row-total). */
export const rowTotal: Rule = {
  id: 'row-total',
  severity: 1,
  inputs: ['applications'],
  description: { zh: '“收到和处理政府信息公开申请情况”表每一行的总计等于各类申请人之和', en: 'Each row total of the “收到和处理政府信息公开申请情况” table (applications received and handled) equals the sum of the applicant columns' },
  check(ctx) {
    return totalFindings(rowTotal, ctx, ctx.report.tables.applications, ['row-total']);
  },
};
