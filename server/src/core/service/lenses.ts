import type { Report, Table } from '../model';
import type { Range } from '../text/positions';
import type { Finding } from '../rules/types';
import { msg, type Message } from '../l10n/text';
import { relationInstances } from '../formats/relations';
import { TableValues } from '../rules/arithmetic';
import { recomputeTable } from './recompute';

/** A line above a table with totals: whether its relations hold, and (when they can be) recomputing it. */
export interface TableLens {
  table: 'applications' | 'reviewLitigation';
  range: Range;
  title: Message;
  /** Recomputing this table changes cells (recompute.ts). */
  recompute: boolean;
}

const TEXT = {
  failingFix: { zh: '{count}处合计不符 · 重新计算本表', en: '{count} total(s) do not add up · Recompute this table' },
  failing: { zh: '{count}处合计不符', en: '{count} total(s) do not add up' },
  unchecked: { zh: '{count}处合计未能核对（有空白、不是数字或缺少的单元格）', en: '{count} total(s) could not be checked (blank, non-numeric or missing cells)' },
  holds: { zh: '合计均相符', en: 'All totals add up' },
};

/**
 * One lens per read table 三 and 四. Its count is the arithmetic diagnostics of that table (what the
 * Problems panel shows, under the user's rule settings); "all add up" only when every relation could
 * be evaluated. A table that is unreadable or has no rows gets none: its own diagnostic says why.
 */
export function tableLenses(report: Report, findings: readonly Finding[], blankAsZero = false): TableLens[] {
  const out: TableLens[] = [];
  for (const kind of ['applications', 'reviewLitigation'] as const) {
    const table = report.tables[kind];
    if (!table || table.unreadable || table.rows.length === 0) continue;
    const failing = findings.filter((f) => f.data?.table === kind).length;
    const recompute = failing > 0 && recomputeTable(table).length > 0;
    const unchecked = uncheckedRelations(table, kind, blankAsZero);
    const title = failing > 0
      ? msg(recompute ? TEXT.failingFix : TEXT.failing, { count: failing })
      : unchecked > 0 ? msg(TEXT.unchecked, { count: unchecked }) : msg(TEXT.holds);
    const line = table.range.start.line;
    out.push({ table: kind, range: { start: { line, character: 0 }, end: { line, character: 0 } }, title, recompute });
  }
  return out;
}

function uncheckedRelations(table: Table, kind: TableLens['table'], blankAsZero: boolean): number {
  const values = new TableValues(table, blankAsZero);
  return relationInstances(kind, table.version).filter((i) => values.holds(i) === null).length;
}
