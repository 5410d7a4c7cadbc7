import type { Cell, FormatVersion, MissingRow, Table, TableKind, TableLayout, TableRow } from '../model';
import type { ColumnDef, RowDef } from '../formats/types';
import { ACTIVE_HEADER_WORDS, ACTIVE_HEADER_2019, ACTIVE_HEADER_2021, ACTIVE_ROWS, activeColumns } from '../formats/activeTable';
import { APPLICATIONS_HEADER_WORDS, APPLICATIONS_ROWS, OTHER_2019_ROW } from '../formats/applicationsTable';
import { REVIEW_LITIGATION_GROUPS, REVIEW_LITIGATION_HEADER } from '../formats/reviewLitigationTable';
import { labelKey } from '../text/normalize';
import type { SourceText } from '../text/source';
import { isTabbedRegion, tokenizeLines, type CellToken } from './cells';
import type { TableRegion } from './regions';
import { isPlainNumber, looksLikeValue, parseValue } from './values';

/** What the reader needs to know beyond the table's own text. */
export interface TableContext {
  /** A version forced by the user's setting. */
  forcedVersion: FormatVersion | null;
  /** The version other evidence suggests (the other tables, the report's year). */
  fallbackVersion: FormatVersion | null;
}

interface RowBuild {
  def: RowDef | null;
  label: CellToken;
  cells: CellToken[];
}

export function readTable(src: SourceText, region: TableRegion, ctx: TableContext): Table {
  const tabbed = isTabbedRegion(src, region.from, region.to);
  const tokens = tokenizeLines(src, region.from, region.to, tabbed);
  const layout = layoutOf(src, tokens, tabbed);
  if (region.kind === 'reviewLitigation') return readReviewLitigation(src, region, tokens, layout);
  return readRowTable(src, region, tokens, layout, ctx);
}

function layoutOf(src: SourceText, tokens: CellToken[], tabbed: boolean): TableLayout {
  if (src.html) return 'html';
  if (tabbed) return 'tabbed';
  let shared = 0;
  for (let k = 1; k < tokens.length; k++) if (tokens[k].line === tokens[k - 1].line) shared++;
  return shared * 3 >= tokens.length ? 'pipeRows' : 'cellPerLine';
}

// ── Tables A and B: labelled rows ───────────────────────────────────────────

function readRowTable(
  src: SourceText, region: TableRegion, tokens: CellToken[], layout: TableLayout, ctx: TableContext,
): Table {
  const kind = region.kind;
  const defs = kind === 'active' ? ACTIVE_ROWS : APPLICATIONS_ROWS;
  const header = kind === 'active' ? ACTIVE_HEADER_WORDS : APPLICATIONS_HEADER_WORDS;
  const lastKey = defs[defs.length - 1].key;
  const builds: RowBuild[] = [];
  const orphans: CellToken[] = [];
  const headerKeys: string[] = [];
  const seen = new Set<string>();
  let current: RowBuild | null = null;
  let started = false;
  let lastConsumed = -1;

  for (let k = 0; k < tokens.length; k++) {
    const tok = tokens[k];
    if (tok.blank) {
      // A kept blank is part of the table: its line is no prose (a fix may write into it).
      if (current) {
        current.cells.push(tok);
        lastConsumed = k;
      }
      continue;
    }
    if (isPlainNumber(tok.text)) {
      if (current) current.cells.push(tok);
      else if (started) orphans.push(tok);
      else continue;
      lastConsumed = k;
      continue;
    }
    const key = labelKey(tok.text);
    let def = key ? matchRow(defs, key, seen, started) : null;
    const value = looksLikeValue(tok.text);
    if (!def && !value && key && isHeader(key, header)) {
      headerKeys.push(key);
      if (started) lastConsumed = k;
      continue;
    }
    // A label cut short ('(二)部分公', '三、本年度办') is the first expected row it begins.
    if (!def && !value && key.length >= 2) def = matchRowPrefix(defs, key, seen, started);
    if (def) {
      current = { def, label: tok, cells: [] };
      builds.push(current);
      seen.add(def.key);
      started = true;
      lastConsumed = k;
      continue;
    }
    if (value) {
      if (current) current.cells.push(tok);
      else if (started) orphans.push(tok);
      else continue;
      lastConsumed = k;
      continue;
    }
    // Text the format does not know: prose ends the table, a short label is an extra row.
    if (!started || isProse(tok.text) || (seen.has(lastKey) && rowComplete(current))) break;
    current = { def: null, label: tok, cells: [] };
    builds.push(current);
    lastConsumed = k;
  }

  const own = kind === 'active' ? activeVersion(builds, headerKeys) : applicationsVersion(builds);
  const version = ctx.forcedVersion ?? own ?? ctx.fallbackVersion ?? '2021';
  const versionFrom = ctx.forcedVersion ? 'setting' : own ? 'table' : 'report';
  const rows: TableRow[] = [];
  const orphanCells: Cell[] = orphans.map((t) => toCell(t, null));
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
    rows.push(row);
  }
  const lastTok = lastConsumed >= 0 ? tokens[lastConsumed] : null;
  return {
    kind, version, versionFrom, layout,
    range: {
      start: tokens[0]?.range.start ?? lineStart(src, region.from),
      end: lastTok ? lastTok.range.end : (tokens[0]?.range.start ?? lineStart(src, region.from)),
    },
    firstLine: region.from,
    endLine: lastTok ? lastTok.lastLine + 1 : region.from + 1,
    section: null,
    rows,
    missingRows: missingRows(defs, rows, version, kind, tokens[0]),
    orphanCells,
  };
}

function matchRow(defs: readonly RowDef[], key: string, seen: Set<string>, started: boolean): RowDef | null {
  for (const d of defs) {
    if (seen.has(d.key)) continue;
    if (!started && !d.entry) continue;
    if (d.after && !d.after.some((a) => seen.has(a))) continue;
    if (d.match.test(key)) return d;
  }
  return null;
}

function matchRowPrefix(defs: readonly RowDef[], key: string, seen: Set<string>, started: boolean): RowDef | null {
  for (const d of defs) {
    if (seen.has(d.key) || (!started && !d.entry)) continue;
    if (d.after && !d.after.some((a) => seen.has(a))) continue;
    if (canonicalKey(d).startsWith(key)) return d;
  }
  return null;
}

const canonicalKeys = new Map<RowDef, string>();
function canonicalKey(d: RowDef): string {
  let k = canonicalKeys.get(d);
  if (k === undefined) canonicalKeys.set(d, (k = labelKey(d.label)));
  return k;
}

/** A header cell, whole, with extra words, or cut short. */
export function isHeader(key: string, words: readonly string[]): boolean {
  for (const w of words) if (key.startsWith(w) || (key.length >= 2 && w.startsWith(key))) return true;
  return false;
}

function isProse(text: string): boolean {
  return text.includes('。') || text.length > 90;
}

function rowComplete(row: RowBuild | null): boolean {
  if (!row || !row.def) return true;
  return row.cells.filter((c) => !c.weak).length >= row.def.columns.length;
}

/** Drops layout filler until the cells fit the columns: trailing weak blanks first, then leading ones. */
function fit(cells: CellToken[], expected: number): CellToken[] {
  const out = cells.slice();
  while (out.length > expected && out[out.length - 1].weak) out.pop();
  while (out.length > expected && out[0].weak) out.shift();
  return out;
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

function toCell(t: CellToken, column: ColumnDef | null): Cell {
  const kind = column?.kind ?? null;
  const parsed = kind ? parseValue(t.text, kind) : null;
  return {
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
}

function missingRows(
  defs: readonly RowDef[], rows: TableRow[], version: FormatVersion, kind: TableKind, first: CellToken | undefined,
): MissingRow[] {
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
    const anchor = before?.label.range ?? first?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
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

function lineStart(src: SourceText, i: number) {
  const l = src.lines[Math.min(i, src.lines.length - 1)];
  return l.line >= 0 ? { line: l.line, character: 0 } : src.index.positionAt(l.offset);
}

// ── Table C: a header, then fifteen numbers ─────────────────────────────────

const GROUP_SIZE = 5;

function readReviewLitigation(src: SourceText, region: TableRegion, tokens: CellToken[], layout: TableLayout): Table {
  const headers: CellToken[] = [];
  let values: CellToken[] = [];
  let lastConsumed = -1;
  for (let k = 0; k < tokens.length; k++) {
    const tok = tokens[k];
    if (tok.blank) {
      if (headers.length) {
        values.push(tok);
        lastConsumed = k;
      }
      continue;
    }
    const key = labelKey(tok.text);
    if (key && REVIEW_LITIGATION_HEADER.test(key)) {
      headers.push(tok);
      values = [];
      lastConsumed = k;
      continue;
    }
    if (!looksLikeValue(tok.text)) break;
    values.push(tok);
    lastConsumed = k;
  }
  const needed = GROUP_SIZE * REVIEW_LITIGATION_GROUPS.length;
  while (values.length > needed && values[0].weak) values.shift();
  while (values.length > needed && values[values.length - 1].weak) values.pop();
  const extra = values.slice(needed);
  values = values.slice(0, needed);

  const rows: TableRow[] = [];
  const missing: MissingRow[] = [];
  const anchorTok = headers[0] ?? tokens[0];
  REVIEW_LITIGATION_GROUPS.forEach((g, gi) => {
    const cells = values.slice(gi * GROUP_SIZE, gi * GROUP_SIZE + GROUP_SIZE);
    const labelTok = headers.find((h) => g.match.test(labelKey(h.text))) ?? anchorTok;
    if (cells.length === 0) {
      const prev = rows[rows.length - 1];
      const lastCell = prev?.cells[prev.cells.length - 1];
      missing.push({
        key: g.key, label: g.label, afterKey: prev?.key ?? null,
        anchor: labelTok?.range ?? lineStart2(src, region.from),
        insertAt: lastCell ? lastCell.end : (headers[headers.length - 1]?.end ?? anchorTok?.end ?? 0),
      });
      return;
    }
    const lined = cells.length === GROUP_SIZE;
    rows.push({
      key: g.key,
      group: false,
      label: { text: labelTok?.text ?? g.label, range: labelTok?.range ?? lineStart2(src, region.from) },
      cells: cells.map((t, i) => toCell(t, lined ? g.columns[i] : null)),
      expectedCells: GROUP_SIZE,
    });
  });
  const lastTok = lastConsumed >= 0 ? tokens[lastConsumed] : null;
  return {
    kind: 'reviewLitigation', version: null, versionFrom: 'report', layout,
    range: {
      start: tokens[0]?.range.start ?? lineStart(src, region.from),
      end: lastTok ? lastTok.range.end : (tokens[0]?.range.start ?? lineStart(src, region.from)),
    },
    firstLine: region.from,
    endLine: lastTok ? lastTok.lastLine + 1 : region.from + 1,
    section: null,
    rows,
    missingRows: missing,
    orphanCells: extra.filter((t) => !t.blank).map((t) => toCell(t, null)),
  };
}

function lineStart2(src: SourceText, i: number) {
  const p = lineStart(src, i);
  return { start: p, end: p };
}
