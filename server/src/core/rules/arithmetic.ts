import type { Cell, TableRow } from '../model';
import { msg, type Message } from '../l10n/text';
import type { ArithmeticData, Finding, Rule } from './types';

export const SET_TOTAL = { zh: '将此格改为 {value}', en: 'Change this cell to {value}' };

/** A total that does not add up: the diagnostic sits on the cell that states it; the fix writes the computed value. */
export function totalMismatch(rule: Rule, cell: Cell, data: ArithmeticData, message: Message): Finding {
  return {
    ruleId: rule.id,
    severity: rule.severity,
    range: cell.range,
    message,
    data,
    fix: {
      title: msg(SET_TOTAL, { value: data.expected }),
      edits: [{ start: cell.start, end: cell.end, newText: String(data.expected) }],
      preferred: true,
      safe: true,
    },
  };
}

/** The value of a row's cell in a column, or null when it cannot be used (blank, not a number, misaligned). */
export function valueOf(row: TableRow | undefined, column: string): number | null {
  return row?.cells.find((c) => c.column === column)?.value ?? null;
}

export function sum(values: (number | null)[]): number | null {
  let s = 0;
  for (const v of values) {
    if (v === null) return null;
    s += v;
  }
  return s;
}
