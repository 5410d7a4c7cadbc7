import type { Cell, FormatVersion, Range, Table, TableKind, TableRow, Unreadable } from '../model';
import type { RowDef } from '../formats/types';
import { ACTIVE_HEADER_WORDS, ACTIVE_ROWS, activeColumns } from '../formats/activeTable';
import { APPLICATIONS_HEADER_WORDS, APPLICATIONS_ROWS } from '../formats/applicationsTable';
import { labelKey } from '../text/normalize';
import type { CellToken } from './cells';
import { fit } from './fit';
import { assembleLabel, canonicalKey, gluedLabel, isHeader, isNoise, isCutTail, isNumberingOnly, isProse, looksLikeCell, matchCutLabel, matchRow, type LabelState } from './labels';
import { placeRows, tableVersion, type RowBuild } from './rows';
import { isPlainNumber } from './values';

/** What the reader needs to know beyond the table's own text. */
export interface TableContext {
  /** A version forced by the user's setting. */
  forcedVersion: FormatVersion | null;
  /** The version other evidence suggests (the other tables, the report's year). */
  fallbackVersion: FormatVersion | null;
}

const NO_WORDS: readonly string[] = [];

/** What each token turned out to be in the label pass (the order pass walks the same tokens). */
const enum Role { Skip, Value, Blank, Label, Text, Header }

interface LabelPass {
  builds: RowBuild[];
  orphans: CellToken[];
  headerKeys: string[];
  roles: Role[];
  labels: Map<number, RowBuild>;
  lastConsumed: number;
  end: number;
  glued: { token: CellToken; sample: string } | null;
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

function labelPass(tokens: CellToken[], defs: readonly RowDef[], headerWords: readonly string[]): LabelPass {
  const lastKey = defs[defs.length - 1].key;
  const state: LabelState = { defs, seen: new Set(), started: false };
  const out: LabelPass = {
    builds: [], orphans: [], headerKeys: [], roles: new Array(tokens.length).fill(Role.Skip), labels: new Map(),
    lastConsumed: -1, end: tokens.length, glued: null,
  };
  let current: RowBuild | null = null;
  const value = (k: number) => {
    const tok = tokens[k];
    out.roles[k] = tok.blank ? Role.Blank : Role.Value;
    if (current) current.cells.push(tok);
    else if (state.started && !tok.blank) out.orphans.push(tok);
    else return;
    out.lastConsumed = k;
  };
  for (let k = 0; k < tokens.length; k++) {
    const tok = tokens[k];
    if (tok.blank || (isPlainNumber(tok.text) && !isNumberingOnly(tok.text))) {
      value(k);
      continue;
    }
    if (isNoise(tok.text)) continue;
    if (!tok.text.includes('。')) {
      const sample = gluedLabel(tok.text, defs);
      if (sample && (state.started || labelKey(tok.text).length <= 200)) {
        out.glued = { token: tok, sample };
        out.end = k;
        break;
      }
    }
    const key = labelKey(tok.text);
    const isValue = looksLikeCell(tok.text) && !isHeader(key, NO_WORDS);
    // A header word after a header cell on its line is a header, though it names a row too ('| 类别 | 数据1 | … | 总计 |').
    const afterHeader = k > 0 && tokens[k - 1].line === tok.line && out.roles[k - 1] === Role.Header;
    const mayLabel = !(afterHeader && isHeader(key, headerWords));
    let def = key && mayLabel ? matchRow(state, key) : null;
    let label: { text: string; range: Range } = { text: tok.text, range: tok.range };
    if (!def && !isValue && key && isHeader(key, headerWords)) {
      out.roles[k] = Role.Header;
      out.headerKeys.push(key);
      if (state.started) out.lastConsumed = k;
      continue;
    }
    if (!def && !isValue && mayLabel) def = matchCutLabel(state, tok.text, key);
    if (!def && !isValue && mayLabel) {
      const joined = assembleLabel(state, tokens, k);
      if (joined) {
        def = joined.def;
        const last = tokens[joined.last];
        label = { text: tokens.slice(k, joined.last + 1).map((t) => t.text).join(''), range: { start: tok.range.start, end: last.range.end } };
        for (let j = k; j <= joined.last; j++) out.roles[j] = Role.Label;
        k = joined.last;
      }
    }
    if (def) {
      current = { def, label, cells: [] };
      out.builds.push(current);
      out.roles[k] = Role.Label;
      out.labels.set(k, current);
      state.seen.add(def.key);
      state.started = true;
      out.lastConsumed = k;
      continue;
    }
    if (isValue) {
      value(k);
      continue;
    }
    // Text the format does not know: before the first row a header fragment; right after a label,
    // the rest of that label wrapped onto the next cell or line; else an extra row, or the end.
    if (isNumberingOnly(tok.text) || isCutTail(state, key)) continue;
    if (!state.started) {
      if (isProse(tok.text)) {
        out.end = k;
        break;
      }
      continue;
    }
    if (current && current.cells.length === 0 && current.def && continuesLabel(current, tok.text)) {
      current.label = { text: current.label.text + tok.text, range: { start: current.label.range.start, end: tok.range.end } };
      out.roles[k] = Role.Label;
      out.lastConsumed = k;
      continue;
    }
    if (isProse(tok.text) || (state.seen.has(lastKey) && rowComplete(current))) {
      out.end = k;
      break;
    }
    out.roles[k] = Role.Text;
    current = { def: null, label, cells: [] };
    out.builds.push(current);
    out.lastConsumed = k;
  }
  return out;
}

/** Text after a label that completes it: the label's wording goes on, or a bracket is still open. */
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

function continuesLabel(row: RowBuild, text: string): boolean {
  if (isProse(text)) return false;
  const joined = row.label.text + text;
  const open = (joined.match(/[（(]/g)?.length ?? 0) - (joined.match(/[）)]/g)?.length ?? 0);
  if (open > 0 || (open === 0 && /[（(]/.test(row.label.text) && !/[）)]/.test(row.label.text))) return true;
  return canonicalKey(row.def!).startsWith(labelKey(joined));
}

function rowComplete(row: RowBuild | null): boolean {
  if (!row || !row.def) return true;
  return row.cells.filter((c) => !c.weak).length >= row.def.columns.length;
}

// ── Rows in template order ──────────────────────────────────────────────────

interface Run {
  cells: CellToken[];
  /** A label written on the same line just before the run's first cell. */
  label: RowBuild | null;
}

/**
 * Table B from a converter that displaced labels from their numbers (corpus 101): the rows of numbers
 * are taken in template order. Accepted only when every row has exactly its number of cells, the
 * count of rows is the format's, the labels written beside numbers agree with their place, and at
 * most a stray number or two is left over.
 */
function orderPass(
  tokens: CellToken[], pass: LabelPass, version: FormatVersion, ctx: TableContext,
): { builds: RowBuild[]; version: FormatVersion } | null {
  const runs = valueRuns(tokens, pass);
  const width = APPLICATIONS_ROWS[0].columns.length;
  const full: Run[] = [];
  const odd: CellToken[] = [];
  for (const r of runs) {
    const strong = r.cells.filter((c) => !c.weak);
    if (strong.length === 0) continue;
    const cells = fit(r.cells, width);
    if (cells.length === width) full.push({ cells, label: r.label });
    else odd.push(...strong);
  }
  if (odd.length > 2 || odd.some((c) => runs.some((r) => r.cells.includes(c) && r.cells.length > 1))) return null;
  const versions: FormatVersion[] = ctx.forcedVersion ? [ctx.forcedVersion] : [version, version === '2021' ? '2019' : '2021'];
  for (const v of versions) {
    const defs = dataRows(v);
    if (defs.length !== full.length) continue;
    let agree = 0;
    let disagree = false;
    full.forEach((r, i) => {
      if (!r.label?.def) return;
      if (sameRow(r.label.def, defs[i])) agree++;
      else disagree = true;
    });
    if (disagree || agree < Math.max(3, Math.floor(defs.length / 3))) continue;
    const builds = defs.map((def, i) => ({
      def,
      label: full[i].label?.label ?? { text: def.label, range: { start: full[i].cells[0].range.start, end: full[i].cells[0].range.start } },
      cells: full[i].cells,
    }));
    // What is left over is a stray number or two on text lines (page furniture), not a cell.
    return { builds, version: v };
  }
  return null;
}

function sameRow(a: RowDef, b: RowDef): boolean {
  return a.key === b.key || (a.key === 'otherHandling' && b.key === 'other');
}

function dataRows(version: FormatVersion): RowDef[] {
  const out: RowDef[] = [];
  for (const d of APPLICATIONS_ROWS) {
    if (d.key === 'otherHandling' && version === '2019') out.push({ ...d, key: 'other', group: false, columns: APPLICATIONS_ROWS[0].columns });
    else if (!d.group && (!d.versions || d.versions.includes(version))) out.push(d);
  }
  return out;
}

/**
 * The runs of cells between labels and text. A run does not go on past a line that holds a row of
 * cells (a pipe row, PDF numbers after a label): there each line is its own run.
 */
function valueRuns(tokens: CellToken[], pass: LabelPass): Run[] {
  const perLine = new Map<number, number>();
  for (let k = 0; k < pass.end; k++) {
    if (pass.roles[k] === Role.Value || pass.roles[k] === Role.Blank) perLine.set(tokens[k].line, (perLine.get(tokens[k].line) ?? 0) + 1);
  }
  const runs: Run[] = [];
  let run: Run | null = null;
  let label: { build: RowBuild; line: number } | null = null;
  let prevLine = -1;
  for (let k = 0; k < pass.end; k++) {
    const role = pass.roles[k];
    const tok = tokens[k];
    if (role === Role.Value || role === Role.Blank) {
      if (run && tok.line !== prevLine && ((perLine.get(prevLine) ?? 0) >= 2 || (perLine.get(tok.line) ?? 0) >= 2)) run = null;
      if (!run) {
        run = { cells: [], label: label && label.line === tok.line ? label.build : null };
        runs.push(run);
      }
      run.cells.push(tok);
      prevLine = tok.line;
    } else if (role === Role.Label || role === Role.Text) {
      run = null;
      const build = pass.labels.get(k);
      if (build) label = { build, line: tok.lastLine };
    }
  }
  return runs;
}

// ── Verdicts ────────────────────────────────────────────────────────────────

function clip(range: Range): Range {
  const { start, end } = range;
  if (start.line !== end.line) return { start, end: { line: start.line, character: start.character + 1 } };
  return { start, end: { line: end.line, character: Math.min(end.character, start.character + 40) } };
}

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

export type { Cell, TableRow };
