import type { Cell, FormatVersion, MissingRow, Range, Table, TableKind, TableRow } from '../model';
import type { ColumnDef, RowDef } from '../formats/types';
import { ACTIVE_HEADER_2019, ACTIVE_HEADER_2021, ACTIVE_ROWS, activeColumns } from '../formats/activeTable';
import { APPLICATIONS_ROWS, OTHER_2019_ROW } from '../formats/applicationsTable';
import type { CellToken } from './cells';
import { fit } from './fit';
import type { TableContext } from './rowTable';
import { parseValue } from './values';

/** A row as read: its format row (null for a label the format does not know), its label and its cells. */
export interface RowBuild {
  def: RowDef | null;
  label: { text: string; range: Range };
  cells: CellToken[];
}

/** A row whose count of cells differs from its columns'. */
export interface BadRow {
  row: TableRow;
  found: number;
  expected: number;
}

/** The table's version: the user's setting, else its own rows and headers, else the rest of the report. */
export function tableVersion(
  kind: TableKind, builds: RowBuild[], headerKeys: string[], ctx: TableContext,
): { version: FormatVersion; versionFrom: Table['versionFrom'] } {
  const own = kind === 'active' ? activeVersion(builds, headerKeys) : applicationsVersion(builds);
  return {
    version: ctx.forcedVersion ?? own ?? ctx.fallbackVersion ?? '2021',
    versionFrom: ctx.forcedVersion ? 'setting' : own ? 'table' : 'report',
  };
}

/** Builds become the table's rows: cells fitted to the version's columns; missing rows listed. */
export function placeRows(
  kind: TableKind, builds: RowBuild[], orphans: CellToken[], version: FormatVersion, first: CellToken | undefined, cutAt: Range | null = null,
) {
  const rows: TableRow[] = [];
  const bad: BadRow[] = [];
  const orphanCells: Cell[] = orphans.map((t) => toCell(t, null));
  let unexpectedWithValues = false;
  for (const b of builds) {
    let def = b.def;
    if (kind === 'applications' && def?.key === 'otherHandling' && version === '2019') def = OTHER_2019_ROW;
    const columns = def ? columnsFor(kind, def, version) : [];
    const expected = def ? columns.length : b.cells.length;
    const cells = fit(b.cells, expected);
    const lined = cells.length === expected && def !== null;
    const row: TableRow = {
      key: def && inVersion(def, version) ? def.key : null,
      group: def?.group === true,
      label: { text: b.label.text, range: b.label.range },
      cells: [],
      expectedCells: expected,
    };
    if (def && !inVersion(def, version)) row.expectedCells = cells.length;
    if (row.group && cells.length > 0) {
      orphanCells.push(...cells.filter((c) => !c.blank).map((t) => toCell(t, null)));
    } else {
      row.cells = cells.map((t, i) => toCell(t, lined ? columns[i] : null));
    }
    if (!def && cells.some((c) => !c.blank)) unexpectedWithValues = true;
    if (row.key && !row.group && row.cells.length !== row.expectedCells) bad.push({ row, found: row.cells.length, expected: row.expectedCells });
    rows.push(row);
  }
  const defs = kind === 'active' ? ACTIVE_ROWS : APPLICATIONS_ROWS;
  return { rows, bad, orphanCells, unexpectedWithValues, missingRows: missingRows(defs, rows, version, kind, first, cutAt) };
}

function columnsFor(kind: TableKind, def: RowDef, version: FormatVersion): readonly ColumnDef[] {
  if (def.group) return [];
  return kind === 'active' ? activeColumns(def, version) : def.columns;
}

function inVersion(def: RowDef, version: FormatVersion): boolean {
  return !def.versions || def.versions.includes(version);
}

function activeVersion(builds: RowBuild[], headerKeys: string[]): FormatVersion | null {
  let v2021 = 0;
  let v2019 = 0;
  for (const k of headerKeys) {
    if (ACTIVE_HEADER_2021.test(k)) v2021++;
    else if (ACTIVE_HEADER_2019.test(k)) v2019++;
  }
  for (const b of builds) {
    const key = b.def?.key;
    if (key === 'otherServices' || key === 'procurement' || key === 'article20.9') v2019 += 2;
    if (key === 'licensing' || key === 'penalties') {
      const n = b.cells.filter((c) => !c.weak).length;
      if (n === 3) v2019++;
      else if (n === 1) v2021++;
    }
  }
  if (v2021 === v2019) return null;
  return v2021 > v2019 ? '2021' : '2019';
}

function applicationsVersion(builds: RowBuild[]): FormatVersion | null {
  if (builds.some((b) => b.def?.parent === 'otherHandling')) return '2021';
  const other = builds.find((b) => b.def?.key === 'otherHandling');
  if (other && other.cells.some((c) => !c.blank)) return '2019';
  return null;
}

export function toCell(t: CellToken, column: ColumnDef | null): Cell {
  const kind = column?.kind ?? null;
  const parsed = kind ? parseValue(t.text, kind) : null;
  const cell: Cell = {
    text: t.text,
    range: t.range,
    start: t.start,
    end: t.end,
    column: column?.key ?? null,
    kind,
    value: parsed?.value ?? null,
    problem: parsed?.problem ?? (t.blank ? 'blank' : null),
    fill: t.fill,
  };
  if (t.runs) cell.runs = t.runs;
  return cell;
}

function missingRows(
  defs: readonly RowDef[], rows: TableRow[], version: FormatVersion, kind: TableKind, first: CellToken | undefined, cutAt: Range | null,
): MissingRow[] {
  const lastRead = rows[rows.length - 1] ?? null;
  const found = new Map<string, TableRow>();
  for (const r of rows) if (r.key) found.set(r.key, r);
  const out: MissingRow[] = [];
  let before: TableRow | null = null;
  for (const d0 of defs) {
    const d = kind === 'applications' && d0.key === 'otherHandling' && version === '2019' ? OTHER_2019_ROW : d0;
    if (!inVersion(d, version)) continue;
    const row = found.get(d.key);
    if (row) {
      before = row;
      continue;
    }
    if (d.group) continue;
    const last = before ? before.cells[before.cells.length - 1] : null;
    const anchor = (cutAt && before === lastRead ? cutAt : before?.label.range) ?? first?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    out.push({
      key: d.key,
      label: d.label,
      afterKey: before?.key ?? null,
      anchor,
      insertAt: last ? last.end : (first?.start ?? 0),
    });
  }
  return out;
}

/** A diagnostic's range on one line, at most 40 characters (a glued table can be a whole line long). */
export function clip(range: Range): Range {
  const { start, end } = range;
  if (start.line !== end.line) return { start, end: { line: start.line, character: start.character + 1 } };
  return { start, end: { line: end.line, character: Math.min(end.character, start.character + 40) } };
}
