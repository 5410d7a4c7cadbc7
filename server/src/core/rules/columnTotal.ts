import { totalFindings } from './arithmetic';
import type { Rule } from './types';

/** Table 三, every column: (七)总计 = the sum of every result row (formats/relations.ts, column-total). */
export const columnTotal: Rule = {
  id: 'column-total',
  severity: 1,
  inputs: ['applications'],
  description: { zh: '“收到和处理政府信息公开申请情况”表“（七）总计”等于各项办理结果之和', en: '“(7) Total” equals the sum of all results' },
  check(ctx) {
    return totalFindings(columnTotal, ctx, ctx.report.tables.applications, ['column-total']);
  },
};
