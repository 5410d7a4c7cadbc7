import type { Cell, Report, Table } from '../model';
import { RELATIONS, sameRef, type CellRef, type RelationInstance } from '../formats/relations';
import { TableValues } from '../rules/arithmetic';
import type { ArithmeticData, OffsetEdit } from '../rules/types';
import { writeCell } from './cellEdit';
import { fitsCell } from '../reader/values';
import { consistentEdits, settles } from './consistency';

/**
 * Recomputes every total of a table so that all its total relations hold at once, in the order of
 * formats/relations.ts: table 三's row totals, then (七)总计 (whose 总计 cell falls back to its own
 * row total where a result row is unusable); table 四 each group's total. Only cells whose value
 * changes are edited, and only where every part is a usable number and the total fits a cell
 * (reader/values.ts, MAX_DIGITS). 结转下年度继续办理 is a count,
 * not a total: the balance is never written (its row total is).
 */
export function recomputeTable(table: Table | null): OffsetEdit[] {
  return planRecompute(table).edits;
}

export interface RecomputePlan {
  edits: OffsetEdit[];
  /** Does this relation hold once the edits are applied? (Not every relation can be settled: a blank or missing cell.) */
  holds(data: ArithmeticData): boolean;
}

/** The edits of recomputing a table (the consistent part of them: service/consistency.ts), and which relations hold afterwards. */
export function planRecompute(table: Table | null): RecomputePlan {
  if (!table || (table.kind !== 'applications' && table.kind !== 'reviewLitigation')) return { edits: [], holds: () => false };
  const version = table.version ?? '2021';
  const values = new TableValues(table);
  const instances = RELATIONS.filter((r) => r.table === table.kind).flatMap((r) => r.instances(version));
  // Totals stated by a later relation are derived there (the row total of (七)总计 comes last).
  const derived = instances.filter((i) => RELATIONS.find((r) => r.id === i.relation)!.derived);
  const later = derived.filter((i) => i.relation === 'row-total' && derived.some((j) => j !== i && j.relation !== 'row-total' && sameRef(j.stated, i.stated)));
  const written = new Set<Cell>();
  const edits: OffsetEdit[] = [];
  for (const i of [...derived.filter((x) => !later.includes(x)), ...later]) {
    const cell = values.cell(i.stated);
    const value = values.expected(i);
    if (!cell || value === null || value < 0 || !fitsCell(value) || written.has(cell)) continue;
    written.add(cell);
    values.set(i.stated, value);
    if (cell.value !== value) edits.push(...writeCell(cell, value));
  }
  const kept = consistentEdits([table], edits);
  return { edits: kept, holds: (d) => settles(table, kept, d) };
}

export function recomputeAll(report: Report): OffsetEdit[] {
  return [...recomputeTable(report.tables.applications), ...recomputeTable(report.tables.reviewLitigation)];
}

/** Is this cell a total some relation derives (not a count of its own)? */
export function isDerived(table: Table, ref: CellRef): boolean {
  return RELATIONS.some((r) => r.table === table.kind && r.derived && r.instances(table.version ?? '2021').some((i) => sameRef(i.stated, ref)));
}

/** The value of a total from the first of its relations whose other cells are all numbers. */
export function derivedValue(table: Table, ref: CellRef, values = new TableValues(table)): number | null {
  if (table.kind !== 'applications' && table.kind !== 'reviewLitigation') return null;
  for (const r of RELATIONS) {
    if (r.table !== table.kind || !r.derived) continue;
    const i = r.instances(table.version ?? '2021').find((x: RelationInstance) => sameRef(x.stated, ref));
    const v = i ? values.expected(i) : null;
    if (v !== null && v >= 0) return v;
  }
  return null;
}

