/**
 * Shared machinery of the fuzz tier (test/fuzz): the documents to mutate, the mutations, the
 * run counts and seeds, and the invariants every property checks.
 *
 * Runs: each property has a small default count (the normal test run, a few seconds);
 * `NIANBAO_FUZZ_RUNS=100000 node test/run.mjs fuzz` runs that many cases per property instead.
 * Seeds are fixed (`NIANBAO_FUZZ_SEED` shifts them all); a failure prints its seed and path, and
 * `NIANBAO_FUZZ_SEED=… NIANBAO_FUZZ_PROPERTY=… NIANBAO_FUZZ_PATH=… node test/run.mjs fuzz` replays
 * exactly that case (the other properties run as usual).
 */
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { LineIndex, type Range, type Report } from '../../server/src/core';
import type { Position } from '../../server/src/core/text/positions';
import { renderReport } from '../../server/src/core/render/report';
import { CORPUS_DIR, SEEDS_DIR } from './fixtures';

// ── Runs and seeds ─────────────────────────────────────────────────────────

const envRuns = Number(process.env.NIANBAO_FUZZ_RUNS);
const BASE_SEED = Number(process.env.NIANBAO_FUZZ_SEED ?? 20260601);
/** Replaying one failure: its property's name and the path fast-check printed. */
const REPLAY = process.env.NIANBAO_FUZZ_PATH ? { property: process.env.NIANBAO_FUZZ_PROPERTY, path: process.env.NIANBAO_FUZZ_PATH } : null;

/** The number of cases of a property: its default, or NIANBAO_FUZZ_RUNS when set. */
export function runsFor(defaultRuns: number): number {
  return Number.isFinite(envRuns) && envRuns > 0 ? Math.floor(envRuns) : defaultRuns;
}

/** A stable seed per property name (so adding a property does not change the others' cases). */
export function seedFor(name: string): number {
  let h = 2166136261;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619);
  return (BASE_SEED ^ h) | 0;
}

export interface FuzzStats {
  name: string;
  /** Cases run (including shrinking attempts after a failure). */
  runs: number;
  ms: number;
  /** The slowest single case (ms) when the property records it. */
  slowest: number;
}

const stats: FuzzStats[] = [];

/** The per-property summary the fuzz tests print at the end (cases, time, slowest case). */
export function fuzzSummary(): FuzzStats[] {
  return stats;
}

/**
 * fc.assert with a fixed seed per property, the run count from the environment, and a failure
 * message that says how to replay the case. `record(ms)` lets the property report its slowest case.
 */
export function fuzz<T>(name: string, defaultRuns: number, arb: fc.Arbitrary<T>, predicate: (value: T, record: (ms: number) => void) => void): void {
  const run = start(name, defaultRuns);
  try {
    fc.assert(fc.property(arb, (v) => predicate(v, run.count())), run.params);
  } catch (e) {
    throw run.explain(e);
  } finally {
    run.done();
  }
}

/** The same for an asynchronous property (one that talks to the language server). */
export async function fuzzAsync<T>(name: string, defaultRuns: number, arb: fc.Arbitrary<T>, predicate: (value: T, record: (ms: number) => void) => Promise<void>): Promise<void> {
  const run = start(name, defaultRuns);
  try {
    await fc.assert(fc.asyncProperty(arb, (v) => predicate(v, run.count())), run.params);
  } catch (e) {
    throw run.explain(e);
  } finally {
    run.done();
  }
}

function start(name: string, defaultRuns: number) {
  const numRuns = runsFor(defaultRuns);
  const seed = seedFor(name);
  const s: FuzzStats = { name, runs: 0, ms: 0, slowest: 0 };
  const t0 = performance.now();
  const record = (ms: number) => {
    if (ms > s.slowest) s.slowest = ms;
  };
  return {
    // No time limit: a long run must run every case it announces.
    params: { seed, numRuns, ...(REPLAY && (!REPLAY.property || REPLAY.property === name) ? { path: REPLAY.path } : {}) },
    /** Counts a case (the cases actually run are reported, not the number asked for). */
    count() {
      s.runs++;
      return record;
    },
    explain(e: unknown): unknown {
      const m = /seed: (-?\d+), path: "([^"]*)"/.exec(String((e as Error)?.message));
      if (m) (e as Error).message += `\nReplay: NIANBAO_FUZZ_SEED=${BASE_SEED} NIANBAO_FUZZ_PROPERTY=${name} NIANBAO_FUZZ_PATH="${m[2]}" node test/run.mjs fuzz  (fast-check seed ${m[1]})`;
      return e;
    },
    done() {
      s.ms = performance.now() - t0;
      stats.push(s);
      if (process.env.NIANBAO_FUZZ_RUNS) {
        process.stdout.write(`# fuzz ${name}: ${s.runs} cases run (${numRuns} asked), ${(s.ms / 1000).toFixed(1)} s, slowest case ${s.slowest.toFixed(0)} ms, seed ${seed}\n`);
      }
    },
  };
}

// ── The documents ──────────────────────────────────────────────────────────

export interface BaseDoc {
  name: string;
  text: string;
}

function readDir(dir: string, prefix: string): BaseDoc[] {
  return readdirSync(dir).filter((n) => n.endsWith('.txt')).sort()
    .map((n) => ({ name: `${prefix}/${basename(n)}`, text: readFileSync(join(dir, n), 'utf8').replace(/^\uFEFF/, '') }));
}

/** A deterministic, mostly inconsistent filling so the rendered layouts carry arithmetic findings too. */
function someValue(row: string, col: string): string {
  let h = 0;
  for (const c of row + col) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return h % 7 === 0 ? '' : String(h % 5);
}

/** Every seed, every corpus report, and a generated report in every layout and both versions. */
export const BASES: BaseDoc[] = [
  ...readDir(SEEDS_DIR, 'examples'),
  ...readDir(CORPUS_DIR, 'corpus'),
  ...(['markdown', 'pipeRows', 'cellPerLine', 'tabbed', 'html'] as const).flatMap((layout) =>
    (['2019', '2021'] as const).map((version, i) => ({
      name: `rendered/${layout}-${version}`,
      text: renderReport({ issuer: '某某县人民政府办公室', year: version === '2019' ? 2020 : 2023, version, layout, value: i ? someValue : undefined }),
    })),
  ),
];

// ── Mutations ──────────────────────────────────────────────────────────────

/** Text an attacker, a converter or a clumsy paste might put into a report. */
export const HOSTILE_SNIPPETS = [
  '<script>alert(1)</script>', '<img src="http://evil.example/x.png">', '<iframe src="https://evil.example/">',
  '<a href="javascript:alert(1)">x</a>', '<link rel="stylesheet" href="http://evil.example/a.css">',
  'file:///etc/passwd', 'https://evil.example/report.pdf', '\\\\evil.example\\share\\x', '../../../../etc/shadow',
  '&#x1F600;', '&#0;', '&#99999999;', '&#xD800;', '&nbsp;', '&lt;td&gt;', '&amp;amp;', '&unknown;',
  '<td>', '</td>', '<tr>', '</tr>', '<table>', '</table>', '<!--', '-->', '<p>', '<br>', '<th colspan="99999">',
  '${process.exit(1)}', '{{constructor.constructor("return process")()}}', '__proto__', 'constructor', '{row}', '{expected}',
  '\x1b[31m', '\x1b]8;;http://evil.example\x07link\x1b]8;;\x07', '\u202e', '\u0000', '\u2028', '\u2029', '\u200b', '\ufffe',
  '99999999999999999999', '1e308', '-0', '+7', '１２３', '𝟙𝟚', '1,234,567', '0x1F', 'NaN', 'Infinity', '2.5', '减4', '251000元',
  '|', '｜', '||', ' | ', '\t', '| --- |', '**', '#',
  '一、总体情况', '三、收到和处理政府信息公开申请情况', '2、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况',
  '行政复议', '本年新收政府信息公开申请数量', '(七)总计', '结转下年度继续办理', '第二十条第(一)项', '申请人情况',
  '(三)不予公开', '1.属于国家秘密', '政府信息公開申請數量',
];

const COMBINING = ['\u0300', '\u0301', '\u0308', '\u0327', '\u20dd', '\u3099', '\u302a', '\ufe0f', '\u200d'];
const ASTRAL = ['😀', '𠀀', '𝟘', '𝟡', '🇨🇳', '👩‍👩‍👧', '\u{10FFFF}', '\u{E0001}'];

/** Random Unicode: any code point, combining marks, astral characters, lone surrogates, controls. */
export const unicodeArb: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.array(fc.constantFrom(...COMBINING), { minLength: 1, maxLength: 6 }).map((a) => a.join('')),
  fc.array(fc.constantFrom(...ASTRAL), { minLength: 1, maxLength: 4 }).map((a) => a.join('')),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0, max: 0x9f }).map((c) => String.fromCharCode(c)),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
);

const numberArb = fc.oneof(
  fc.nat({ max: 9 }).map(String),
  fc.nat({ max: 100000 }).map(String),
  fc.constantFrom('', ' ', '-1', '-12', '+3', '1.5', '2.', '１２', '𝟙', '9'.repeat(13), '9'.repeat(40), '1,000', '10,00', '0x10', '1e3', '/', '—', '无', '〇', '壹'),
);

export type Mutation =
  | { k: 'digit'; at: number; to: string }
  | { k: 'deleteLine'; at: number }
  | { k: 'duplicateLine'; at: number; times: number }
  | { k: 'swapLines'; a: number; b: number }
  | { k: 'truncate'; at: number }
  | { k: 'insert'; at: number; s: string }
  | { k: 'eol'; style: 'lf' | 'crlf' | 'cr' | 'mixed'; salt: number }
  | { k: 'bom'; at: number | null }
  | { k: 'tabs'; at: number; mode: 'indent' | 'pipes' | 'spaces' }
  | { k: 'longLine'; at: number; fragment: string; length: number }
  | { k: 'splice'; from: number; a: number; b: number; at: number };

const pos = fc.nat({ max: 1_000_000 });

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ k: fc.constant('digit' as const), at: pos, to: numberArb }) },
  { weight: 3, arbitrary: fc.record({ k: fc.constant('deleteLine' as const), at: pos }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('duplicateLine' as const), at: pos, times: fc.oneof(fc.constant(1), fc.integer({ min: 2, max: 300 })) }) },
  { weight: 3, arbitrary: fc.record({ k: fc.constant('swapLines' as const), a: pos, b: fc.oneof(fc.constant(-1), pos) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('truncate' as const), at: pos }) },
  { weight: 4, arbitrary: fc.record({ k: fc.constant('insert' as const), at: pos, s: fc.oneof(unicodeArb, fc.constantFrom(...HOSTILE_SNIPPETS)) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('eol' as const), style: fc.constantFrom('lf' as const, 'crlf' as const, 'cr' as const, 'mixed' as const), salt: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('bom' as const), at: fc.option(pos) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('tabs' as const), at: pos, mode: fc.constantFrom('indent' as const, 'pipes' as const, 'spaces' as const) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      k: fc.constant('longLine' as const), at: pos,
      fragment: fc.oneof(fc.constantFrom('0 ', '1', '|', ' | ', '很长的一行', '<td>', '&nbsp;', '\t', '一、', '( ', '1.', 'a', '<a', '<p', '<a "', '<script>x</script>', '&#1', '<!--', '1 三 ', '行政复议 '), unicodeArb.filter((s) => s.length > 0)),
      length: fc.constantFrom(10_000, 12_345),
    }),
  },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('splice' as const), from: fc.nat(), a: pos, b: pos, at: pos }) },
);

function lineBounds(text: string): number[] {
  return Array.from(new LineIndex(text).lineStarts as ArrayLike<number>);
}

/** Applies one mutation. Positions are taken modulo the text, so every mutation applies to any text. */
export function mutate(text: string, m: Mutation): string {
  const n = text.length;
  switch (m.k) {
    case 'digit': {
      const digits = [...text.matchAll(/[0-9０-９]+/g)];
      if (digits.length === 0) return text.slice(0, m.at % (n + 1)) + m.to + text.slice(m.at % (n + 1));
      const d = digits[m.at % digits.length];
      return text.slice(0, d.index) + m.to + text.slice(d.index! + d[0].length);
    }
    case 'deleteLine':
    case 'duplicateLine': {
      const starts = lineBounds(text);
      const i = m.at % starts.length;
      const a = starts[i];
      const b = i + 1 < starts.length ? starts[i + 1] : n;
      if (m.k === 'deleteLine') return text.slice(0, a) + text.slice(b);
      let line = text.slice(a, b);
      if (!/[\r\n]$/.test(line)) line = `\n${line}`;
      return text.slice(0, b) + line.repeat(m.times) + text.slice(b);
    }
    case 'swapLines': {
      const lines = text.split('\n');
      const i = m.a % lines.length;
      const j = m.b < 0 ? Math.min(i + 1, lines.length - 1) : m.b % lines.length;
      [lines[i], lines[j]] = [lines[j], lines[i]];
      return lines.join('\n');
    }
    case 'truncate':
      return text.slice(0, m.at % (n + 1));
    case 'insert': {
      const at = m.at % (n + 1);
      return text.slice(0, at) + m.s + text.slice(at);
    }
    case 'eol': {
      const lines = text.split(/\r\n|\r|\n/);
      if (m.style !== 'mixed') return lines.join({ lf: '\n', crlf: '\r\n', cr: '\r' }[m.style]);
      let s = m.salt >>> 0;
      return lines.reduce((acc, l, i) => {
        if (i === 0) return l;
        s = (Math.imul(s, 1103515245) + 12345) >>> 0;
        return acc + ['\n', '\r\n', '\r', '\n'][s >>> 30] + l;
      }, '');
    }
    case 'bom': {
      const at = m.at === null ? 0 : m.at % (n + 1);
      return text.slice(0, at) + '\uFEFF' + text.slice(at);
    }
    case 'tabs': {
      const starts = lineBounds(text);
      const i = m.at % starts.length;
      const a = starts[i];
      const b = i + 1 < starts.length ? starts[i + 1] : n;
      const line = text.slice(a, b);
      const changed = m.mode === 'indent' ? `\t${line}` : m.mode === 'pipes' ? line.replace(/\s*\|\s*/g, '\t') : line.replace(/ /g, '\t');
      return text.slice(0, a) + changed + text.slice(b);
    }
    case 'longLine': {
      const starts = lineBounds(text);
      const a = starts[m.at % starts.length];
      const long = m.fragment.repeat(Math.ceil(m.length / m.fragment.length)).slice(0, m.length);
      return `${text.slice(0, a)}${long}\n${text.slice(a)}`;
    }
    case 'splice': {
      const other = BASES[m.from % BASES.length].text;
      const a = m.a % (other.length + 1);
      const b = Math.min(other.length, a + (m.b % 2000));
      const at = m.at % (n + 1);
      return text.slice(0, at) + other.slice(a, b) + text.slice(at);
    }
  }
}

export interface MutatedDoc {
  base: string;
  mutations: Mutation[];
  text: string;
}

/** A seed, corpus or rendered report with a few random mutations applied in turn. */
export function mutatedDocArb(maxMutations = 4): fc.Arbitrary<MutatedDoc> {
  return fc.record({ b: fc.nat({ max: BASES.length - 1 }), mutations: fc.array(mutationArb, { minLength: 0, maxLength: maxMutations }) })
    .map(({ b, mutations }) => {
      let text = BASES[b].text;
      for (const m of mutations) text = mutate(text, m);
      const doc: MutatedDoc = { base: BASES[b].name, mutations, text };
      // Counterexamples print as the base and its mutations, not as a 10 KB text.
      Object.defineProperty(doc, fc.toStringMethod, { value: () => `${doc.base} + ${JSON.stringify(mutations)}`, enumerable: false });
      return doc;
    });
}

// ── Invariants ─────────────────────────────────────────────────────────────

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/**
 * A valid LSP position in this text: a line that exists, a character within that line's content
 * (not past it, not inside its line break), and not between the two halves of a surrogate pair.
 * Returns the position's offset.
 */
export function assertPosition(text: string, index: LineIndex, p: Position, what: string): number {
  const fail = (why: string) => {
    throw new Error(`${what}: invalid position ${JSON.stringify(p)}: ${why}`);
  };
  if (!p || !Number.isInteger(p.line) || !Number.isInteger(p.character)) fail('not integers');
  if (p.line < 0 || p.line >= index.lineCount) fail(`line outside 0…${index.lineCount - 1}`);
  const start = index.lineStarts[p.line];
  const length = index.lineEnd(p.line) - start;
  if (p.character < 0 || p.character > length) fail(`character outside 0…${length}`);
  const offset = start + p.character;
  if (p.character > 0 && isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset))) fail('splits a surrogate pair');
  return offset;
}

/** A valid range: both ends valid positions, start not after end. Returns its offsets. */
export function assertRange(text: string, index: LineIndex, r: Range, what: string): [number, number] {
  if (!r || !r.start || !r.end) throw new Error(`${what}: not a range: ${JSON.stringify(r)}`);
  const a = assertPosition(text, index, r.start, `${what} start`);
  const b = assertPosition(text, index, r.end, `${what} end`);
  if (a > b) throw new Error(`${what}: range ${JSON.stringify(r)} ends before it starts`);
  return [a, b];
}

/** An offset edit within the text that does not cut a surrogate pair in half. */
export function assertOffsets(text: string, start: number, end: number, what: string): void {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start > end) {
    throw new Error(`${what}: bad offsets ${start}…${end} (text length ${text.length})`);
  }
  for (const o of [start, end]) {
    if (o > 0 && o < text.length && isHigh(text.charCodeAt(o - 1)) && isLow(text.charCodeAt(o))) throw new Error(`${what}: offset ${o} splits a surrogate pair`);
  }
}

/** Every cell of every table (placed, misaligned and orphaned). */
export function allCells(report: Report) {
  const out = [];
  for (const t of [report.tables.active, report.tables.applications, report.tables.reviewLitigation]) {
    if (!t) continue;
    for (const r of t.rows) out.push(...r.cells);
    out.push(...t.orphanCells);
  }
  return out;
}

/** A short description of a failing case for assertion messages. */
export function describeDoc(d: MutatedDoc): string {
  return `${d.base} with ${JSON.stringify(d.mutations).slice(0, 400)}`;
}

// ── Edits (LSP content changes) ────────────────────────────────────────────

/** An edit as an editor sends it: a range by offsets into the current text (taken modulo its length), and the text typed or pasted. */
export interface EditSpec {
  a: number;
  /** Length of the replaced span (0: an insertion). */
  len: number;
  text: string;
  /** Send the range reversed (end before start), or with positions past the text (clients should not, some do). */
  odd: 'none' | 'reversed' | 'pastLineEnd' | 'pastEnd';
}

export const editArb: fc.Arbitrary<EditSpec> = fc.record({
  a: pos,
  len: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.nat({ max: 3 }) }, { weight: 1, arbitrary: fc.nat({ max: 400 }) }),
  text: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom('0', '1', '7', '12', '', ' ', '\t', '|', ' | ', '、', '年', '\n', '\r\n', '\r', '0 |\n', '\t5\n') },
    { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_SNIPPETS) },
    { weight: 2, arbitrary: unicodeArb },
    { weight: 1, arbitrary: fc.constantFrom('😀', '\u0301', '𠀀', '\ud83d', '\ude00') },
    { weight: 1, arbitrary: fc.record({ b: fc.nat(), from: fc.nat(), len: fc.nat({ max: 3000 }) }).map(({ b, from, len }) => {
      const t = BASES[b % BASES.length].text;
      const s = from % (t.length + 1);
      return t.slice(s, s + len);
    }) },
  ),
  odd: fc.oneof({ weight: 20, arbitrary: fc.constant('none' as const) }, { weight: 1, arbitrary: fc.constantFrom('reversed' as const, 'pastLineEnd' as const, 'pastEnd' as const) }),
});

/** The LSP change an edit spec makes on this text. */
export function toChange(text: string, e: EditSpec): { range: Range; text: string } {
  const index = new LineIndex(text);
  const start = e.a % (text.length + 1);
  const end = Math.min(text.length, start + e.len);
  let range: Range = { start: index.positionAt(start), end: index.positionAt(end) };
  if (e.odd === 'reversed') range = { start: range.end, end: range.start };
  else if (e.odd === 'pastLineEnd') range = { start: range.start, end: { line: range.end.line, character: range.end.character + 1000 } };
  else if (e.odd === 'pastEnd') range = { start: range.start, end: { line: index.lineCount + 5, character: 3 } };
  return { range, text: e.text };
}
