import type { Cell, Report, Table, TableRow } from '../model';
import { APPLICANT_COLUMNS, APPLICANT_PART_COLUMNS, RESULT_ROWS } from '../formats/applicationsTable';
import { OUTCOME_PART_COLUMNS } from '../formats/reviewLitigationTable';
import type { ArithmeticData, OffsetEdit } from '../rules/types';

/**
 * Recomputes every total of a table so that all its relations hold at once:
 * table 三 in the order row totals → (七)总计 → 结转下年度 (each step uses the previous
 * step's results); table 四 each group's total. Only cells whose value changes are edited,
 * and only where every part of the relation is a usable number. A negative carry-forward
 * is never written: the error is elsewhere.
 */
export function recomputeTable(table: Table | null): OffsetEdit[] {
  return planRecompute(table).edits;
}

export interface RecomputePlan {
  edits: OffsetEdit[];
  /** Does this relation hold once the edits are applied? (Not every relation can be settled: a blank or missing cell.) */
  holds(data: ArithmeticData): boolean;
}

/** The edits of recomputing a table, and which relations hold afterwards. */
export function planRecompute(table: Table | null): RecomputePlan {
  if (!table || (table.kind !== 'applications' && table.kind !== 'reviewLitigation')) return { edits: [], holds: () => false };
  const values = new Values(table.rows);
  const edits = table.kind === 'applications' ? recomputeApplications(table, values) : recomputeReviewLitigation(table, values);
  const results = RESULT_ROWS[table.version ?? '2021'];
  const same = (a: number | null, b: number | null) => a !== null && b !== null && a === b;
  return {
    edits,
    holds(d) {
      if (d.table !== table.kind) return false;
      if (d.relation === 'row-total') return same(values.sum([d.row], APPLICANT_PART_COLUMNS), values.get(d.row, 'total'));
      if (d.relation === 'column-total') return same(values.sum(results, [d.column]), values.get('total', d.column));
      if (d.relation === 'balance') {
        const sum = values.sum(['newReceived', 'carriedOver'], [d.column]);
        const total = values.get('total', d.column);
        return same(sum === null || total === null ? null : sum - total, values.get('carriedForward', d.column));
      }
      return same(values.sum([d.row], OUTCOME_PART_COLUMNS), values.get(d.row, 'total'));
    },
  };
}

export function recomputeAll(report: Report): OffsetEdit[] {
  return [...recomputeTable(report.tables.applications), ...recomputeTable(report.tables.reviewLitigation)];
}

/** Values of a table by row and column, updated as totals are recomputed. */
class Values {
  private readonly v = new Map<string, number | null>();
  constructor(rows: TableRow[]) {
    for (const r of rows) {
      if (!r.key) continue;
      for (const c of r.cells) if (c.column) this.v.set(`${r.key}/${c.column}`, c.value);
    }
  }
  get(row: string, col: string): number | null {
    return this.v.get(`${row}/${col}`) ?? null;
  }
  set(row: string, col: string, value: number): void {
    this.v.set(`${row}/${col}`, value);
  }
  sum(rows: readonly string[], cols: readonly string[]): number | null {
    let s = 0;
    for (const r of rows) {
      for (const c of cols) {
        const x = this.get(r, c);
        if (x === null) return null;
        s += x;
      }
    }
    return s;
  }
}

function recomputeApplications(t: Table, values: Values): OffsetEdit[] {
  const cells = cellIndex(t.rows);
  const edits: OffsetEdit[] = [];
  const write = (row: string, col: string, value: number | null) => {
    const cell = cells.get(`${row}/${col}`);
    if (!cell || value === null || value < 0) return;
    values.set(row, col, value);
    if (cell.value !== value) edits.push(writeCell(cell, value));
  };
  const version = t.version ?? '2021';
  const results = RESULT_ROWS[version];
  // 1. Row totals of every row but the two the next steps derive.
  for (const r of t.rows) {
    if (!r.key || r.group || r.key === 'total' || r.key === 'carriedForward') continue;
    write(r.key, 'total', values.sum([r.key], APPLICANT_PART_COLUMNS));
  }
  // 2. (七)总计, column by column (its row total then holds by construction). Where a result row
  //    is missing or unreadable, its 总计 column is at least the sum of its own applicant columns.
  for (const c of APPLICANT_COLUMNS) {
    write('total', c.key, values.sum(results, [c.key]) ?? (c.key === 'total' ? values.sum(['total'], APPLICANT_PART_COLUMNS) : null));
  }
  // 3. The balance: 结转下年度 = 新收 + 上年结转 − (七)总计. Where its 总计 column cannot be
  //    balanced (a blank above it), it is at least the sum of its own applicant columns, which
  //    this step may just have filled (else a second fix-all would fill it from them).
  let balancedTotal = false;
  for (const c of APPLICANT_COLUMNS) {
    const a = values.get('newReceived', c.key);
    const b = values.get('carriedOver', c.key);
    const total = values.get('total', c.key);
    if (a === null || b === null || total === null) continue;
    write('carriedForward', c.key, a + b - total);
    if (c.key === 'total') balancedTotal = true;
  }
  if (!balancedTotal) write('carriedForward', 'total', values.sum(['carriedForward'], APPLICANT_PART_COLUMNS));
  return edits;
}

function recomputeReviewLitigation(t: Table, values: Values): OffsetEdit[] {
  const edits: OffsetEdit[] = [];
  for (const r of t.rows) {
    if (!r.key) continue;
    const cell = r.cells.find((c) => c.column === 'total');
    const s = values.sum([r.key], OUTCOME_PART_COLUMNS);
    if (cell && s !== null) values.set(r.key, 'total', s);
    if (cell && s !== null && cell.value !== s) edits.push(writeCell(cell, s));
  }
  return edits;
}

function cellIndex(rows: TableRow[]): Map<string, Cell> {
  const m = new Map<string, Cell>();
  for (const r of rows) {
    if (!r.key) continue;
    for (const c of r.cells) if (c.column) m.set(`${r.key}/${c.column}`, c);
  }
  return m;
}

/** Writes a number into a cell: over its digits, or into a blank cell in the way its layout needs. */
export function writeCell(cell: Cell, value: number | string): OffsetEdit {
  const v = String(value);
  if (cell.problem !== 'blank') return { start: cell.start, end: cell.end, newText: v };
  if (cell.fill === 'beforePipe') return { start: cell.start, end: cell.end, newText: `${v} ` };
  if (cell.fill === 'spaced' && cell.end > cell.start) return { start: cell.start, end: cell.end, newText: ` ${v} ` };
  return { start: cell.start, end: cell.end, newText: v };
}
