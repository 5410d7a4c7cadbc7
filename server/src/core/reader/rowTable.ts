import type { FormatVersion, Range, Table, TableKind, Unreadable } from '../model';
import { ACTIVE_HEADER_WORDS, ACTIVE_ROWS, activeColumns } from '../formats/activeTable';
import { APPLICATIONS_HEADER_WORDS, APPLICATIONS_ROWS } from '../formats/applicationsTable';
import type { CellToken } from './cells';
import { fit } from './fit';
import { labelPass, Role, type LabelPass } from './labelPass';
import { clip, placeRows, tableVersion } from './rows';
import { orderPass } from './templateOrder';

/** What the reader needs to know beyond the table's own text. */
export interface TableContext {
  /** A version forced by the user's setting. */
  forcedVersion: FormatVersion | null;
  /** The version other evidence suggests (the other tables, the report's year). */
  fallbackVersion: FormatVersion | null;
}

/** Reads table A or B: rows by their labels; when labels and numbers disagree, rows in template order. */
export function readRowTable(kind: TableKind, tokens: CellToken[], ctx: TableContext, endsDocument: boolean): Omit<Table, 'layout' | 'range' | 'firstLine' | 'endLine' | 'section'> & { lastConsumed: number } {
  const defs = kind === 'active' ? ACTIVE_ROWS : APPLICATIONS_ROWS;
  const pass = labelPass(tokens, defs, kind === 'active' ? ACTIVE_HEADER_WORDS : APPLICATIONS_HEADER_WORDS);
  const { version, versionFrom } = tableVersion(kind, pass.builds, pass.headerKeys, ctx);
  const base = { kind, version, versionFrom, lastConsumed: pass.lastConsumed };
  if (pass.glued) {
    return { ...base, rows: [], missingRows: [], orphanCells: [], unreadable: glued(pass.glued.token, pass.glued.sample) };
  }
  const cutAt = endsDocument && pass.end === tokens.length ? cutRow(pass, tokens, version, kind) : null;
  const byLabels = placeRows(kind, pass.builds, pass.orphans, version, tokens[0], cutAt);
  const clean = byLabels.bad.length === 0 && byLabels.orphanCells.length === 0 && !byLabels.unexpectedWithValues;
  if (clean) return { ...base, ...tableRows(byLabels), unreadable: null };
  const byOrder = kind === 'applications' ? orderPass(tokens, pass, version, ctx) : null;
  if (byOrder) {
    const placed = placeRows(kind, byOrder.builds, [], byOrder.version, tokens[0]);
    return { ...base, version: byOrder.version, versionFrom: ctx.forcedVersion ? 'setting' : 'table', ...tableRows(placed), unreadable: null };
  }
  // Labels bound every row: a short row or two, or a few stray numbers beside rows that are all there,
  // are said where they are; more than that and the numbers cannot be placed with confidence.
  const empty = byLabels.rows.every((r) => r.cells.every((c) => c.problem === 'blank'));
  const fewStrays = byLabels.orphanCells.length === 0 || (byLabels.orphanCells.length <= 7 && byLabels.missingRows.length === 0);
  if (empty || (byLabels.bad.length <= 2 && fewStrays)) return { ...base, ...tableRows(byLabels), unreadable: null };
  return { ...base, rows: [], missingRows: [], orphanCells: [], unreadable: misaligned(byLabels, tokens, pass) };
}

function tableRows({ rows, missingRows, orphanCells }: ReturnType<typeof placeRows>) {
  return { rows, missingRows, orphanCells };
}

/**
 * Where the text stops inside the table, its last row may be cut: only its label, or some of its
 * numbers, or its numbers and then the numeral of the next label ('2' of '2.其他法律…'). That row goes
 * with the missing ones, which are said at its label; nothing else is said of it.
 */
function cutRow(pass: LabelPass, tokens: CellToken[], version: FormatVersion, kind: TableKind): Range | null {
  const last = pass.builds[pass.builds.length - 1];
  if (!last?.def || last.def.group || pass.builds.length < 2) return null;
  const width = kind === 'active' ? activeColumns(last.def, version).length : last.def.columns.length;
  const strong = last.cells.filter((c) => !c.weak);
  const tail = strong[strong.length - 1];
  if (strong.length === width + 1 && tail === tokens[tokens.length - 1] && /^\d{1,2}$/.test(tail.text)) {
    last.cells = last.cells.slice(0, last.cells.indexOf(tail));
    return null;
  }
  if (strong.length >= width || fit(last.cells, width).length === width) return null;
  pass.builds.pop();
  return last.label.range;
}

// ── Verdicts ────────────────────────────────────────────────────────────────

function glued(token: CellToken, sample: string): Unreadable {
  return { reason: 'glued', range: clip(token.range), sample };
}

function misaligned(byLabels: ReturnType<typeof placeRows>, tokens: CellToken[], pass: LabelPass): Unreadable {
  const first = tokens.find((t, k) => pass.roles[k] === Role.Label) ?? tokens[0];
  const range = clip(first?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
  if (byLabels.orphanCells.length > 0 && byLabels.bad.length === 0) return { reason: 'orphans', range: clip(byLabels.orphanCells[0].range), count: byLabels.orphanCells.length };
  const b = byLabels.bad[0];
  return { reason: 'rowCounts', range: b ? clip(b.row.label.range) : range, rows: byLabels.bad.length, row: b?.row.key ?? '', found: b?.found ?? 0, expected: b?.expected ?? 0 };
}
