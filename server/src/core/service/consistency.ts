import type { Cell, Table } from '../model';
import { relationDef, relationInstances, type CellRef, type RelationInstance } from '../formats/relations';
import { parseValue } from '../reader/values';
import { TableValues } from '../rules/arithmetic';
import type { ArithmeticData, OffsetEdit } from '../rules/types';

/**
 * The one guard every fix passes (a finding's own fix, recompute, fix-all): its edits are applied to
 * the model's values, every relation with a written cell is evaluated again, and a fix that would make
 * one of them fail — one that held, or could not be evaluated, before — contradicts itself. Not
 * contradictions: a relation that already failed and still fails; one that fails because another of
 * its totals, not written by the fix, fails its own sum (that total's finding says what is wrong);
 * and the balance once a total in it is corrected, as long as the fix does not write its count
 * 结转下年度 (the balance's finding then names its four terms).
 */

type RelationTable = Table & { kind: 'applications' | 'reviewLitigation' };

interface Write {
  table: RelationTable;
  ref: CellRef;
  cell: Cell;
  edit: OffsetEdit;
}

const hasRelations = (t: Table | null): t is RelationTable => !!t && (t.kind === 'applications' || t.kind === 'reviewLitigation');

/** The cells of relation tables, by their start offset, for finding the cell an edit writes. */
function placedCells(tables: readonly (Table | null)[]): { table: RelationTable; ref: CellRef; cell: Cell }[] {
  const out = [];
  for (const table of tables) {
    if (!hasRelations(table)) continue;
    for (const row of table.rows) {
      if (!row.key) continue;
      for (const cell of row.cells) if (cell.column) out.push({ table, ref: { row: row.key, column: cell.column }, cell });
    }
  }
  return out.sort((a, b) => a.cell.start - b.cell.start);
}

/** The relation cells the edits write (an edit inside a cell's own span writes that cell). */
function writes(tables: readonly (Table | null)[], edits: readonly OffsetEdit[]): Write[] {
  const cells = placedCells(tables);
  const out: Write[] = [];
  for (const edit of edits) {
    // The last cell starting at or before the edit.
    let lo = 0;
    let hi = cells.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cells[mid].cell.start <= edit.start) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo - 1; k >= 0 && cells[k].cell.start === cells[lo - 1].cell.start; k--) {
      const { table, ref, cell } = cells[k];
      if (edit.end <= cell.end) out.push({ table, ref, cell, edit });
    }
  }
  return out;
}

/**
 * The value the reader finds in a cell after its edits: known when the edits replace each piece of the
 * cell's text whole (service/cellEdit.ts), or the cell's text is its source span.
 */
function valueAfter(cell: Cell, edits: readonly OffsetEdit[]): number | null {
  const kind = cell.kind ?? 'count';
  const runs = cell.runs ?? [cell.start, cell.end];
  const pieces: string[] = [];
  for (let k = 0; k < runs.length; k += 2) {
    const e = edits.find((x) => x.start === runs[k] && x.end === runs[k + 1]);
    if (!e) break;
    pieces.push(e.newText);
  }
  if (pieces.length * 2 === runs.length && edits.length === pieces.length) return parseValue(pieces.join(''), kind).value;
  if (cell.runs || cell.end - cell.start !== cell.text.length) return null;
  let text = cell.text;
  for (const e of [...edits].sort((x, y) => y.start - x.start)) text = text.slice(0, e.start - cell.start) + e.newText + text.slice(e.end - cell.start);
  return parseValue(text, kind).value;
}

/** A table's values once the edits are applied. */
function valuesAfter(table: RelationTable, mine: readonly Write[]): TableValues {
  const after = new TableValues(table);
  const byCell = new Map<Cell, { ref: CellRef; edits: OffsetEdit[] }>();
  for (const w of mine) {
    // A row written twice: the relations see one of its cells (the other is another finding's).
    if (after.cell(w.ref) !== w.cell) continue;
    const entry = byCell.get(w.cell) ?? byCell.set(w.cell, { ref: w.ref, edits: [] }).get(w.cell)!;
    entry.edits.push(w.edit);
  }
  for (const [cell, { ref, edits }] of byCell) after.set(ref, valueAfter(cell, edits));
  return after;
}

/** The relations the edits would make fail, each with the writes into its cells. */
function broken(tables: readonly (Table | null)[], edits: readonly OffsetEdit[]): { i: RelationInstance; writes: Write[] }[] {
  const all = writes(tables, edits);
  const out = [];
  for (const table of new Set(all.map((w) => w.table))) {
    const mine = all.filter((w) => w.table === table);
    const written = new Map<string, Write[]>();
    for (const w of mine) written.set(key(w.ref), [...(written.get(key(w.ref)) ?? []), w]);
    const before = new TableValues(table);
    const after = valuesAfter(table, mine);
    const instances = relationInstances(table.kind, table.version);
    let failing: RelationInstance[] | undefined;
    for (const i of instances) {
      const touching = cellsOf(i).flatMap((c) => written.get(key(c)) ?? []);
      if (!touching.length || after.holds(i) !== false || before.holds(i) === false) continue;
      // The balance checks 结转下年度, a count: a corrected total in it may leave it failing, writing the count may not.
      if (!relationDef(i.relation).derived && !written.has(key(i.stated))) continue;
      // A total in it, not written, that fails another sum of its own afterwards is what is wrong there (its finding says so).
      failing ??= instances.filter((j) => relationDef(j.relation).derived && after.holds(j) === false);
      const doubted = (c: CellRef) => !written.has(key(c)) && failing!.some((j) => j !== i && key(j.stated) === key(c));
      if (cellsOf(i).some(doubted)) continue;
      out.push({ i, writes: touching });
    }
  }
  return out;
}

const key = (r: CellRef) => `${r.row}/${r.column}`;
const cellsOf = (i: RelationInstance) => [i.stated, ...i.parts, ...i.besides];

/** Does this fix leave every relation it touches holding (or failing only where it failed already)? */
export function keepsRelations(tables: readonly (Table | null)[], edits: readonly OffsetEdit[]): boolean {
  return broken(tables, edits).length === 0;
}

/**
 * The consistent part of a set of edits (recompute, fix-all): the edits writing into a relation they
 * would make fail are dropped, and again, until none is. Each round restores at least one relation,
 * so it ends; the edits outside every relation table are kept as they are.
 */
export function consistentEdits(tables: readonly (Table | null)[], edits: readonly OffsetEdit[]): OffsetEdit[] {
  let kept = [...edits];
  for (;;) {
    const bad = broken(tables, kept);
    if (bad.length === 0) return kept;
    const drop = new Set(bad.flatMap((b) => b.writes.map((w) => w.edit)));
    kept = kept.filter((e) => !drop.has(e));
  }
}

/** Does the relation of an arithmetic finding hold once the edits are applied? */
export function settles(table: Table | null, edits: readonly OffsetEdit[], d: ArithmeticData): boolean {
  if (!hasRelations(table) || table.kind !== d.table) return false;
  const i = relationInstances(table.kind, table.version).find((x) => x.relation === d.relation && x.stated.row === d.row && x.stated.column === d.column);
  return !!i && valuesAfter(table, writes([table], edits)).holds(i) === true;
}
