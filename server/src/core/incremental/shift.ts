import type { Cell, MissingRow, Position, Range, SectionHeading, Table, TableRow } from '../model';
import type { Finding } from '../rules/types';

/**
 * Moving what lies after an edit: lines by `dLines`, source offsets by `delta`. The incremental
 * reader only moves things that start on a line after the edited block, so characters never change.
 */
export interface Shift {
  /** Things on lines after this one (old numbering) move. */
  afterLine: number;
  dLines: number;
  delta: number;
}

export function movesPosition(p: Position, s: Shift): Position {
  return p.line > s.afterLine ? { line: p.line + s.dLines, character: p.character } : p;
}

export function movesRange(r: Range, s: Shift): Range {
  return { start: movesPosition(r.start, s), end: movesPosition(r.end, s) };
}

function cell(c: Cell, s: Shift): Cell {
  const out = { ...c, range: movesRange(c.range, s) };
  moveOffsets(out, s.delta);
  return out;
}

/** Moves a cell's source offsets (its text's pieces too) in place. */
export function moveOffsets(c: Cell, delta: number): void {
  c.start += delta;
  c.end += delta;
  if (c.runs) c.runs = c.runs.map((o) => o + delta);
}

function row(r: TableRow, s: Shift): TableRow {
  return { ...r, label: { text: r.label.text, range: movesRange(r.label.range, s) }, cells: r.cells.map((c) => cell(c, s)) };
}

function missing(m: MissingRow, s: Shift): MissingRow {
  return { ...m, anchor: movesRange(m.anchor, s), insertAt: m.insertAt + s.delta };
}

/** A copy of a table that lies wholly after the edited block. */
export function shiftTable(t: Table, s: Shift): Table {
  if (s.dLines === 0 && s.delta === 0) return t;
  return {
    ...t,
    range: movesRange(t.range, s),
    firstLine: t.firstLine + s.dLines,
    endLine: t.endLine + s.dLines,
    rows: t.rows.map((r) => row(r, s)),
    missingRows: t.missingRows.map((m) => missing(m, s)),
    orphanCells: t.orphanCells.map((c) => cell(c, s)),
    unreadable: t.unreadable ? { ...t.unreadable, range: movesRange(t.unreadable.range, s) } : null,
  };
}

export function shiftHeading(h: SectionHeading, s: Shift): SectionHeading {
  return {
    ...h,
    numeral: h.numeral ? { ...h.numeral, range: movesRange(h.numeral.range, s) } : null,
    title: { text: h.title.text, range: movesRange(h.title.range, s) },
    range: movesRange(h.range, s),
    line: h.line + s.dLines,
    endLine: h.endLine + s.dLines,
    extent: movesRange(h.extent, s),
  };
}

/** A finding of a table the edit did not touch, moved with it (ranges, related ranges, fix edits). */
export function shiftFinding(f: Finding, s: Shift, afterOffset: number): Finding {
  const out: Finding = { ...f, range: movesRange(f.range, s) };
  if (f.related) out.related = f.related.map((r) => (r.uri === undefined ? { ...r, range: movesRange(r.range, s) } : r));
  if (f.fix) {
    const edits = f.fix.edits.map((e) => (e.start >= afterOffset ? { ...e, start: e.start + s.delta, end: e.end + s.delta } : e));
    out.fix = { ...f.fix, edits };
  }
  return out;
}
