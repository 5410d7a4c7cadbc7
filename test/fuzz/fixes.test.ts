// Property: quick fixes are exact and idempotent on any mutated report. A fix changes only the
// cells (or the part numeral) it names, never prose or labels, and its diagnostic is gone
// afterwards; inserting a missing part or table is a pure insertion at a line boundary;
// fix-all reaches a fixed point in one application. In every layout the generator writes
// (test/helpers/layouts.ts: HTML, Markdown, pipes, tabs, plain text …), with cell values changed,
// every fix edits only inside cells' own text, leaves the markup and separators byte-identical, reads
// back to the same table shape and makes no relation fail that held (service/consistency.ts).
import { test, after } from 'node:test';
import fc from 'fast-check';
import { check, LineIndex, type Finding, type OffsetEdit, type Report, type Table } from '../../server/src/core';
import { applyEdits, fixAll, quickFixes, type Action } from '../../server/src/core/service/actions';
import { relationDef, relationInstances, type RelationInstance } from '../../server/src/core/formats/relations';
import { TableValues } from '../../server/src/core/rules/arithmetic';
import { toSimplified } from '../../server/src/core/text/normalize';
import { allCells, BASES, describeDoc, fuzz, fuzzSummary, mutatedDocArb, type MutatedDoc } from '../helpers/fuzz';
import { consistentModel, readableShapes, type ReportModel } from '../helpers/layouts';

/** Fixes that add a whole part heading or table: structural insertions, not cell edits. */
const STRUCTURAL = new Set(['section-missing', 'table-missing']);
/** Rules whose fix rewrites the prose its diagnostic marks (a damaged date), inside that range only. */
const TEXTUAL = new Set(['report-period']);
/** Fixes of the text itself, not of cells: residue removed, Traditional converted (verifyTextFix). */
const TEXT_FIXES = new Set(['text-residue', 'traditional-script']);

/** Every cell's text, in order, in Simplified script: what a text fix must leave as it is (a unit 萬元 becomes 万元). */
const cellTexts = (report: Report) => JSON.stringify(allCells(report).map((c) => toSimplified(c.text)));

/**
 * A text fix changes the residue's characters and nothing else (what it deletes, white space aside, is
 * the diagnostic's text), or converts the script and nothing else (no digit, no ASCII character edited);
 * the cells and the tables' shapes read the same afterwards and the diagnostic is gone.
 */
function verifyTextFix(where: string, text: string, index: LineIndex, report: Report, f: Finding, edits: OffsetEdit[]): void {
  const fail = (why: string): never => {
    throw new Error(`${where}: ${f.ruleId} at ${JSON.stringify(f.range.start)}: ${why}`);
  };
  if (edits.length === 0) fail('no edits');
  if (f.ruleId === 'text-residue') {
    const deleted = edits.map((e) => (e.newText === '' ? text.slice(e.start, e.end) : fail(`writes ${JSON.stringify(e.newText)}`))).join('');
    const marked = text.slice(index.offsetAt(f.range.start), index.offsetAt(f.range.end));
    if (deleted.replace(/\s/g, '') !== marked.replace(/\s/g, '')) fail(`deletes ${JSON.stringify(deleted)}, not the residue ${JSON.stringify(marked)}`);
  } else {
    for (const e of edits) {
      const old = text.slice(e.start, e.end);
      if (/[\x00-\x7f０-９]/.test(old + e.newText)) fail(`the conversion edits ${JSON.stringify(old)} → ${JSON.stringify(e.newText)}`);
    }
  }
  const after = applyEdits(text, edits);
  const r2 = check(after);
  if (cellTexts(r2.report) !== cellTexts(report)) fail('the cells read differently afterwards');
  if (tableShapes(r2.report) !== tableShapes(report)) fail(`the tables read differently: ${tableShapes(report)} → ${tableShapes(r2.report)}`);
  const left = stillThere(f, index, [...edits].sort((a, b) => a.start - b.start), r2.findings, new LineIndex(after));
  if (left || (f.ruleId === 'traditional-script' && r2.findings.some((g) => g.ruleId === f.ruleId))) fail('the diagnostic is still there after the fix');
}

type Span = [number, number];

/** Where a cell edit may write: every cell of every table, and every part heading's numeral (or where it goes). */
function writable(report: Report, index: LineIndex): Span[] {
  const out: Span[] = allCells(report).map((c) => [c.start, c.end]);
  for (const s of report.sections) {
    const r = s.numeral?.range ?? { start: s.title.range.start, end: s.title.range.start };
    out.push([index.offsetAt(r.start), index.offsetAt(r.end)]);
  }
  return out;
}

/** What no fix may touch: prose lines, row labels and part titles. */
function untouchable(report: Report, index: LineIndex): Span[] {
  const out: Span[] = [];
  const add = (r: { start: { line: number; character: number }; end: { line: number; character: number } }) => out.push([index.offsetAt(r.start), index.offsetAt(r.end)]);
  for (const p of report.prose) add(p.range);
  for (const s of report.sections) add(s.title.range);
  for (const t of [report.tables.active, report.tables.applications, report.tables.reviewLitigation]) {
    if (t) for (const r of t.rows) add(r.label.range);
  }
  return out;
}

/** Edits applied independently of applyEdits: ascending, each after the previous one. */
function splice(text: string, edits: OffsetEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    if (e.start < at) throw new Error(`overlapping edits ${JSON.stringify(sorted)}`);
    out += text.slice(at, e.start) + e.newText;
    at = e.end;
  }
  return out + text.slice(at);
}

const lines = (t: string) => t.split(/\r\n|\r|\n/);

/**
 * Diffs the texts. A cell edit leaves everything before its first edit and after its last one
 * identical, and changes no line that no edit touches; a structural insertion changes no line
 * of the original: its lines are a common prefix and a common suffix around one block of new lines.
 */
function diffTexts(before: string, after: string, index: LineIndex, edits: OffsetEdit[], structural: boolean): string | null {
  const a = lines(before);
  const b = lines(after);
  if (structural) {
    let p = 0;
    while (p < a.length && p < b.length && a[p] === b[p]) p++;
    let q = 0;
    while (q < a.length - p && q < b.length - p && a[a.length - 1 - q] === b[b.length - 1 - q]) q++;
    return p + q === a.length ? null : `line ${p + 1} of the original changed: ${JSON.stringify(a[p]).slice(0, 80)} → ${JSON.stringify(b[p]).slice(0, 80)}`;
  }
  const lo = Math.min(...edits.map((e) => e.start));
  const hi = Math.max(...edits.map((e) => e.end));
  if (before.slice(0, lo) !== after.slice(0, lo)) return `the text before the first edit (${lo}) changed`;
  if (before.slice(hi) !== after.slice(after.length - (before.length - hi))) return `the text after the last edit (${hi}) changed`;
  // Line by line: where no edit spans a line break, a line no edit touches is unchanged.
  if (edits.some((e) => /[\r\n]/.test(before.slice(e.start, e.end)))) return null;
  if (a.length !== b.length) return `the line count changed from ${a.length} to ${b.length}`;
  const touched = new Set(edits.map((e) => index.positionAt(e.start).line));
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i] && !touched.has(i)) return `line ${i + 1} changed though no edit touches it`;
  }
  return null;
}

function isLineBoundary(text: string, index: LineIndex, at: number): 'start' | 'end' | 'both' | null {
  const line = index.positionAt(at).line;
  const start = index.lineStarts[line] === at;
  const end = index.lineEnd(line) === at;
  return start && end ? 'both' : start ? 'start' : end ? 'end' : null;
}

/** How many <table>s are open at an offset (never below 0, as the reader counts them). */
function tableDepth(text: string, at: number): number {
  let depth = 0;
  for (const m of text.slice(0, at).matchAll(/<(\/?)table\b[^>]*>/gi)) depth = Math.max(0, depth + (m[1] ? -1 : 1));
  return depth;
}

/** The offset a finding's start moves to when the edits are applied. */
function mapOffset(o: number, edits: OffsetEdit[]): number {
  let delta = 0;
  for (const e of edits) {
    if (e.end <= o && !(e.start === e.end && e.start === o)) delta += e.newText.length - (e.end - e.start);
    else if (e.start < o) return e.start + delta;
  }
  return o + delta;
}

/** Is this finding (or its equivalent after the edits) still reported? */
function stillThere(f: Finding, index: LineIndex, edits: OffsetEdit[], findings: Finding[], after: LineIndex): Finding | undefined {
  if (f.data) {
    const d = f.data;
    return findings.find((g) => g.ruleId === f.ruleId && g.data?.relation === d.relation && g.data.row === d.row && g.data.column === d.column);
  }
  if (STRUCTURAL.has(f.ruleId)) {
    return findings.find((g) => g.ruleId === f.ruleId && g.message.args.ordinal === f.message.args.ordinal);
  }
  const at = mapOffset(index.offsetAt(f.range.start), edits);
  return findings.find((g) => g.ruleId === f.ruleId && after.offsetAt(g.range.start) === at);
}

function verifyAction(doc: MutatedDoc, text: string, index: LineIndex, report: Report, f: Finding, action: Action, writableSpans: Span[], untouchableSpans: Span[]): void {
  const where = `${describeDoc(doc)}: ${action.kind} “${action.title.template.en}” for ${f.ruleId} at ${JSON.stringify(f.range.start)}`;
  const fail = (why: string): never => {
    throw new Error(`${where}: ${why}`);
  };
  if (action.edits.length === 0) fail('no edits');
  const after = applyEdits(text, action.edits);
  if (splice(text, action.edits) !== after) fail('applyEdits differs from applying the edits one by one');
  const structural = STRUCTURAL.has(f.ruleId) && action.edits === f.fix?.edits;
  // The cells the action names: for a finding's own fix, the cell (or numeral) the diagnostic
  // marks; for "recompute this table", that table's cells.
  let named = writableSpans;
  const textual = TEXTUAL.has(f.ruleId) && action.edits === f.fix?.edits;
  if (textual) {
    named = [[index.offsetAt(f.range.start), index.offsetAt(f.range.end)]];
  } else if (!structural && action.edits === f.fix?.edits) {
    const [fa, fb] = [index.offsetAt(f.range.start), index.offsetAt(f.range.end)];
    named = writableSpans.filter(([a, b]) => a <= fb && fa <= b);
    if (named.length === 0) fail('the diagnostic marks no cell or part numeral');
  } else if (f.data && !structural) {
    const t = report.tables[f.data.table];
    named = t ? [...t.rows.flatMap((r) => r.cells), ...t.orphanCells].map((c): Span => [c.start, c.end]) : [];
  }
  for (const e of action.edits) {
    if (structural) {
      if (e.start !== e.end) fail(`a structural insertion deletes ${JSON.stringify(text.slice(e.start, e.end))}`);
      if (report.html) {
        // HTML: a pure insertion at a line or tag boundary, outside every table.
        const before = text[e.start - 1];
        const next = text[e.start];
        if (!isLineBoundary(text, index, e.start) && before !== '>' && next !== '<') fail(`HTML insertion at ${e.start} is at no line or tag boundary`);
        const depth = tableDepth(text, e.start);
        if (depth !== 0) fail(`HTML insertion at ${e.start} is inside a <table>`);
        if (!/^(\r\n|\n|\r)/.test(e.newText) && !/(\r\n|\n|\r)$/.test(e.newText)) fail('an HTML insertion is not a line of its own');
        continue;
      }
      // Inside a line only where a heading stands inside it (a flattened report): then on lines of its own.
      const b = isLineBoundary(text, index, e.start) || /^(\r\n|\n|\r)[^]*(\r\n|\n|\r)$/.test(e.newText);
      if (!b) fail(`insertion at ${e.start} is not at a line boundary (${JSON.stringify(text.slice(Math.max(0, e.start - 20), e.start + 20))})`);
      const startsWithEol = /^(\r\n|\n|\r)/.test(e.newText);
      const endsWithEol = /(\r\n|\n|\r)$/.test(e.newText);
      if (b === 'end' && !startsWithEol) fail('insertion at a line end does not start a new line');
      if (b === 'start' && !endsWithEol) fail('insertion at a line start does not end its own line');
      if (b === 'both' && !startsWithEol && !endsWithEol) fail('insertion on an empty line is not a line of its own');
      continue;
    }
    if (!named.some(([a, b]) => a <= e.start && e.end <= b)) {
      fail(`edit ${e.start}…${e.end} ${JSON.stringify(text.slice(e.start, e.end))} → ${JSON.stringify(e.newText)} is in no cell or part numeral the action names`);
    }
    for (const [a, b] of textual ? [] : untouchableSpans) {
      const hits = e.start === e.end ? a < e.start && e.start < b : e.start < b && a < e.end;
      if (hits) fail(`edit ${e.start}…${e.end} touches prose or a label: ${JSON.stringify(text.slice(a, b))}`);
    }
    if (/[\r\n]/.test(e.newText)) fail(`a cell edit writes a line break: ${JSON.stringify(e.newText)}`);
  }
  // (An HTML insertion may split a source line at a tag boundary: its purity is checked above.)
  // A part inserted inside a line (beside a heading within it) splits that line: its purity is checked above.
  const splitsLine = structural && action.edits.some((e) => !isLineBoundary(text, index, e.start));
  const d = (structural && report.html) || splitsLine ? null : diffTexts(text, after, index, action.edits, structural);
  if (d) fail(d);
  // Afterwards the diagnostic the action resolves is gone.
  const r2 = check(after);
  const left = stillThere(f, index, [...action.edits].sort((a, b) => a.start - b.start), r2.findings, new LineIndex(after));
  if (left) fail(`the diagnostic is still there after the fix: ${left.ruleId} ${JSON.stringify(left.range)} ${JSON.stringify(left.data ?? left.message.args)}`);
}

function verifyDoc(doc: MutatedDoc, pick: number): void {
  const text = doc.text;
  const index = new LineIndex(text);
  const { report, findings } = check(text);
  const writableSpans = writable(report, index);
  const untouchableSpans = untouchable(report, index);
  // Every fixable finding of a small document; a sample of at most 8 of a large one.
  const fixable = findings.filter((f) => f.fix || f.data);
  const chosen = fixable.length <= 8 ? fixable : Array.from({ length: 8 }, (_, i) => fixable[(pick + i * 7919) % fixable.length]);
  for (const f of new Set(chosen)) {
    for (const action of quickFixes(report, f)) {
      if (TEXT_FIXES.has(f.ruleId)) verifyTextFix(describeDoc(doc), text, index, report, f, action.edits);
      else verifyAction(doc, text, index, report, f, action, writableSpans, untouchableSpans);
    }
  }
  // Fix-all: only cells, numerals and residue, and one application reaches a fixed point.
  const all = fixAll(report, findings);
  if (!all) return;
  const residue = findings.filter((f) => f.ruleId === 'text-residue' && f.fix).flatMap((f) => f.fix!.edits);
  for (const e of all.edits) {
    if (residue.some((r) => r.start === e.start && r.end === e.end && e.newText === '')) continue;
    if (!writableSpans.some(([a, b]) => a <= e.start && e.end <= b)) throw new Error(`${describeDoc(doc)}: fix-all edit ${JSON.stringify(e)} is in no cell or part numeral`);
  }
  const once = applyEdits(text, all.edits);
  if (splice(text, all.edits) !== once) throw new Error(`${describeDoc(doc)}: fix-all edits overlap`);
  const r2 = check(once);
  const again = fixAll(r2.report, r2.findings);
  if (again && applyEdits(once, again.edits) !== once) {
    throw new Error(`${describeDoc(doc)}: fix-all is not idempotent; the second application changes ${JSON.stringify(again.edits.filter((e) => once.slice(e.start, e.end) !== e.newText).slice(0, 5))}`);
  }
}

test('fixes on every seed, corpus and rendered report are exact, and fix-all is idempotent', () => {
  for (const b of BASES) {
    for (let pick = 0; pick < 3; pick++) verifyDoc({ base: b.name, mutations: [], text: b.text }, pick);
  }
});

test('fuzz: every quick fix on a mutated report changes only its cells, and its diagnostic goes; fix-all is idempotent', () => {
  fuzz('fixes', 300, fc.tuple(mutatedDocArb(), fc.nat()), ([doc, pick], record) => {
    const t0 = performance.now();
    verifyDoc(doc, pick);
    record(performance.now() - t0);
  });
});

// ── Every layout: a fix writes inside its cells only ───────────────────────

const SHAPES = readableShapes();

/** A cell value a reviewer sends back: a wrong number (so a wrong total), a blank, a negative, a decimal, a unit, text. */
const cellValueArb = fc.oneof(
  { weight: 4, arbitrary: fc.nat({ max: 30 }).map(String) },
  { weight: 2, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.constantFrom('-2', '1.5', '3万元', '无', '0', '100000') },
);

interface LayoutCase {
  shape: string;
  model: ReportModel;
  /** The cells changed: `${table}.${row}` and a column index, with the text written there. */
  changes: { key: string; column: number; to: string }[];
}

const layoutCaseArb: fc.Arbitrary<LayoutCase> = fc.record({
  shape: fc.nat({ max: SHAPES.length - 1 }),
  version: fc.constantFrom('2019' as const, '2021' as const),
  counts: fc.array(fc.nat({ max: 9 }), { minLength: 1, maxLength: 12 }),
  changes: fc.array(fc.record({ key: fc.nat(), column: fc.nat(), to: cellValueArb }), { minLength: 1, maxLength: 4 }),
}).map(({ shape, version, counts, changes }) => {
  let n = 0;
  const model = consistentModel(version, () => counts[n++ % counts.length]);
  const keys = Object.keys(model.cells).sort();
  const c: LayoutCase = {
    shape: SHAPES[shape][0], model,
    changes: changes.map((x) => {
      const key = keys[x.key % keys.length];
      return { key, column: x.column % model.cells[key].length, to: x.to };
    }),
  };
  for (const x of c.changes) model.cells[x.key][x.column] = x.to;
  Object.defineProperty(c, fc.toStringMethod, { value: () => `layout ${c.shape} ${version} drawn from ${JSON.stringify(counts)}, cells changed ${JSON.stringify(c.changes)}`, enumerable: false });
  return c;
});

/** Table cells and their source spans, in text order. */
function cellSpans(report: Report): Span[] {
  return allCells(report).map((c): Span => [c.start, c.end]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

/** The text with every cell's text (each of its pieces, and the white space around them) taken out: the markup and separators alone. */
function masked(text: string, report: Report): string {
  const pieces = allCells(report).flatMap((c) => {
    const runs = c.runs ?? [c.start, c.end];
    return Array.from({ length: runs.length / 2 }, (_, k): Span => [runs[2 * k], runs[2 * k + 1]]);
  }).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let out = '';
  let at = 0;
  for (const [a, b] of pieces) {
    if (a < at) continue;
    out += text.slice(at, a) + '\u0001';
    at = b;
  }
  return (out + text.slice(at)).replace(/(?:[ \u00a0\u3000]|&nbsp;)*\u0001(?:[ \u00a0\u3000]|&nbsp;)*/g, '');
}

/** Each table's shape: whether it was read, why not, its rows' keys and cell counts, its stray numbers. */
function tableShapes(report: Report): string {
  return JSON.stringify(['active', 'applications', 'reviewLitigation'].map((k) => {
    const t = report.tables[k as 'active'];
    return t && [t.unreadable?.reason ?? null, t.rows.map((r) => `${r.key}:${r.cells.length}`), t.orphanCells.length];
  }));
}

/** The cells whose text changed, by `row/column`, in the relation tables. */
function changedCells(before: Report, afterReport: Report): Set<string> {
  const out = new Set<string>();
  for (const k of ['applications', 'reviewLitigation'] as const) {
    const cells = (r: Report) => new Map((r.tables[k]?.rows ?? []).flatMap((row) => row.cells.filter((c) => c.column).map((c) => [`${row.key}/${c.column}`, c.text] as const)));
    const a = cells(before);
    const b = cells(afterReport);
    for (const [ref, t] of b) if (a.get(ref) !== t) out.add(ref);
  }
  return out;
}

/**
 * (a) every edit lies inside one cell's own span and neither removes nor writes a tag, a '|', a tab or a
 * line break; (b) outside the cells the text is byte-identical; (c) it reads as the same table shape;
 * (d) no relation with a changed cell newly fails (below), and an arithmetic finding's fix settles it.
 */
function verifyLayoutFix(c: LayoutCase, text: string, report: Report, what: string, edits: OffsetEdit[], resolves?: Finding): void {
  const fail = (why: string): never => {
    throw new Error(`layout ${c.shape} (${c.model.version}), cells changed ${JSON.stringify(c.changes)}: ${what}: ${why}`);
  };
  const spans = cellSpans(report);
  for (const e of edits) {
    if (!spans.some(([a, b]) => a <= e.start && e.end <= b)) fail(`edit ${e.start}…${e.end} ${JSON.stringify(text.slice(e.start, e.end))} is in no cell`);
    if (/[<>|\t\r\n]/.test(text.slice(e.start, e.end))) fail(`edit removes markup or a separator: ${JSON.stringify(text.slice(e.start, e.end))}`);
    if (/[<>|\t\r\n]/.test(e.newText)) fail(`edit writes markup or a separator: ${JSON.stringify(e.newText)}`);
  }
  const fixed = applyEdits(text, edits);
  const r2 = check(fixed);
  if (masked(fixed, r2.report) !== masked(text, report)) {
    const [m1, m2] = [masked(text, report), masked(fixed, r2.report)];
    let i = 0;
    while (m1[i] === m2[i]) i++;
    fail(`the text outside the cells changed at ${i}: ${JSON.stringify(m1.slice(Math.max(0, i - 30), i + 30))} → ${JSON.stringify(m2.slice(Math.max(0, i - 30), i + 30))}`);
  }
  if (tableShapes(r2.report) !== tableShapes(report)) fail(`the tables read differently: ${tableShapes(report)} → ${tableShapes(r2.report)}`);
  const d = resolves?.data;
  if (d && r2.findings.some((g) => g.data?.relation === d.relation && g.data.row === d.row && g.data.column === d.column)) fail('its diagnostic is still there');
  for (const k of ['applications', 'reviewLitigation'] as const) {
    const broken = newlyFailing(report.tables[k], r2.report.tables[k], changedCells(report, r2.report));
    if (broken) fail(`the fix makes ${broken.relation} of ${broken.stated.row}/${broken.stated.column} fail`);
  }
}

/**
 * A relation with a changed cell that held (or could not be evaluated) before and fails in the text
 * read again — unless one of its cells, unchanged, is a total another relation finds wrong, or it is
 * the balance and its 结转下年度 was not changed.
 */
function newlyFailing(before: Table | null, afterTable: Table | null, changed: Set<string>): RelationInstance | null {
  if (!before || !afterTable || (afterTable.kind !== 'applications' && afterTable.kind !== 'reviewLitigation')) return null;
  const [was, now] = [new TableValues(before), new TableValues(afterTable)];
  const instances = relationInstances(afterTable.kind, afterTable.version);
  const key = (r: { row: string; column: string }) => `${r.row}/${r.column}`;
  const wrongTotals = instances.filter((j) => relationDef(j.relation).derived && now.holds(j) === false);
  for (const i of instances) {
    const cells = [i.stated, ...i.parts, ...i.besides];
    if (!cells.some((c) => changed.has(key(c))) || now.holds(i) !== false || was.holds(i) === false) continue;
    if (!relationDef(i.relation).derived && !changed.has(key(i.stated))) continue;
    if (cells.some((c) => !changed.has(key(c)) && wrongTotals.some((j) => j !== i && key(j.stated) === key(c)))) continue;
    return i;
  }
  return null;
}

function verifyLayoutCase(c: LayoutCase): void {
  const text = SHAPES.find(([n]) => n === c.shape)![1](c.model);
  const { report, findings } = check(text);
  for (const f of findings) {
    if (STRUCTURAL.has(f.ruleId) || f.ruleId === 'section-numeral') continue;
    if (TEXT_FIXES.has(f.ruleId)) {
      for (const a of quickFixes(report, f)) verifyTextFix(`layout ${c.shape}`, text, new LineIndex(text), report, f, a.edits);
      continue;
    }
    for (const a of quickFixes(report, f)) {
      verifyLayoutFix(c, text, report, `${a.title.template.en} for ${f.ruleId} at ${JSON.stringify(f.range.start)}`, a.edits, f);
    }
  }
  const all = fixAll(report, findings);
  if (!all) return;
  verifyLayoutFix(c, text, report, 'fix-all', all.edits);
  // One application reaches a fixed point: fix-all offers nothing more (or only what is already written).
  const once = applyEdits(text, all.edits);
  const r2 = check(once);
  const again = fixAll(r2.report, r2.findings);
  if (again && applyEdits(once, again.edits) !== once) throw new Error(`layout ${c.shape} (${c.model.version}), cells changed ${JSON.stringify(c.changes)}: fix-all is not idempotent`);
}

test('fuzz: in every layout (text, tabs, pipes, Markdown, HTML, one line, blank lines …) a fix writes inside its cells only, keeps the table\'s shape and breaks no relation; fix-all is idempotent', () => {
  fuzz('fixes-layouts', 150, layoutCaseArb, (c, record) => {
    const t0 = performance.now();
    verifyLayoutCase(c);
    record(performance.now() - t0);
  });
});

after(() => {
  for (const s of fuzzSummary()) process.stdout.write(`# ${s.name}: ${s.runs} cases in ${(s.ms / 1000).toFixed(1)} s, slowest ${s.slowest.toFixed(0)} ms\n`);
});
