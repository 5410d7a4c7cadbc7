import { relationInstances, sameRef, type RelationInstance } from '../formats/relations';
import { msg } from '../l10n/text';
import type { Cell, Table } from '../model';
import { derivedValue } from '../service/recompute';
import { writeCell } from '../service/cellEdit';
import { arithmeticData, failures, relationMessage, TableValues, totalMismatch } from './arithmetic';
import type { Finding, Fix, Rule } from './types';
import { fitsCell } from '../reader/values';

const SET_FORWARD = { zh: '将“结转下年度继续办理”改为{value}', en: 'Change “carried forward” to {value}' };
const SET_FORWARD_AND_TOTAL = {
  zh: '将“结转下年度继续办理”改为{value}，其总计改为{total}',
  en: 'Change “carried forward” to {value} and its total to {total}',
};

/**
 * Table 三, every column: 本年新收 + 上年结转 = (七)总计 + 结转下年度继续办理 (the table's corner note).
 * 结转下年度 is a count in its own right, not a derived total: where (七)总计 itself does not add up
 * in a column, the balance of that column says nothing new and is not reported; otherwise all four
 * terms are named. Writing 结转下年度 is offered only when the column's other relations hold (and,
 * in an applicant's column, with its row total, so that the row still adds up), and never unattended.
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
        { ...forwardFix(t!, cell, column, expected), preferred: false, safe: false });
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

/** 结转下年度 in one column written as the balance asks, and its row total with it, so that the row still adds up. */
function forwardFix(table: Table, cell: Cell, column: string, value: number): Pick<Fix, 'title' | 'edits'> {
  const own = { title: msg(SET_FORWARD, { value }), edits: writeCell(cell, value) };
  const totalRef = { row: 'carriedForward', column: 'total' };
  const values = new TableValues(table);
  const totalCell = values.cell(totalRef);
  if (column === 'total' || !totalCell) return own;
  values.set({ row: 'carriedForward', column }, value);
  const total = derivedValue(table, totalRef, values);
  if (total === null || total === totalCell.value) return own;
  return { title: msg(SET_FORWARD_AND_TOTAL, { value, total }), edits: [...own.edits, ...writeCell(totalCell, total)] };
}
