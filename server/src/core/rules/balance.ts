import { relationInstances, sameRef, type RelationInstance } from '../formats/relations';
import { msg } from '../l10n/text';
import { arithmeticData, failures, relationMessage, totalMismatch } from './arithmetic';
import type { Finding, Rule } from './types';
import { fitsCell } from '../reader/values';

const SET_FORWARD = { zh: '将“结转下年度继续办理”改为{value}', en: 'Change “carried forward” to {value}' };

/**
 * Table 三, every column: 本年新收 + 上年结转 = (七)总计 + 结转下年度继续办理 (the table's corner note).
 * 结转下年度 is a count in its own right, not a derived total: where (七)总计 itself does not add up
 * in a column, the balance of that column says nothing new and is not reported; otherwise all four
 * terms are named. Writing 结转下年度 is offered only when the column's other relations hold, and
 * never unattended.
 */
export const balance: Rule = {
  id: 'carry-over-balance',
  severity: 1,
  inputs: ['applications'],
  description: { zh: '本年新收加上年结转等于（七）总计加结转下年度继续办理', en: 'New plus carried over equals total results plus carried forward' },
  check(ctx) {
    const t = ctx.report.tables.applications;
    const out: Finding[] = [];
    for (const { i, cell, expected, values } of failures(t, ctx, ['balance'])) {
      const column = i.stated.column;
      const others = relationInstances('applications', t!.version).filter((x) => concerns(x, column));
      // (七)总计 fails in this column: its column total, or (in the 总计 column) its row total.
      const totalFails = others.some((x) => sameRef(x.stated, { row: 'total', column }) && values.holds(x) === false);
      if (totalFails) continue;
      const [newReceived, carriedOver, total] = [...i.parts, ...i.besides].map((r) => values.get(r)!);
      const f = totalMismatch(balance, cell, arithmeticData(i, expected, cell.value!),
        relationMessage(i, values, expected, cell.value!, { newReceived, carriedOver, total }),
        { title: msg(SET_FORWARD, { value: expected }), preferred: false, safe: false });
      if (expected < 0 || !fitsCell(expected) || !others.every((x) => values.holds(x) === true)) delete f.fix;
      out.push(f);
    }
    return out;
  },
};

/** The relations the balance of a column rests on: (七)总计 in that column, and the row totals of its three input rows. */
function concerns(x: RelationInstance, column: string): boolean {
  if (x.relation === 'column-total') return x.stated.column === column;
  return x.relation === 'row-total' && ['newReceived', 'carriedOver', 'total'].includes(x.stated.row);
}
