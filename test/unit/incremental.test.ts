import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { check, type Range } from '../../server/src/core';
import { ReportSession, type TextChange } from '../../server/src/core/incremental/session';
import { renderTable } from '../../server/src/core/render/tables';
import { LineIndex } from '../../server/src/core/text/positions';
import { corpusFiles, seed } from '../helpers/fixtures';
import { rng } from '../helpers/rng';

/**
 * In the style of rust-analyzer's reparsing tests: random edit sequences applied incrementally,
 * compared after every step with a fresh full read — model and diagnostics equal.
 * NIANBAO_INCREMENTAL_RUNS sets the number of sequences (default 1,000, 10 edits each).
 */
const RUNS = Number(process.env.NIANBAO_INCREMENTAL_RUNS ?? 1000);
const STEPS = 10;

const bases = [
  ...['000', '001', '002', '003', '004'].map((p) => seed(p)),
  seed('003').replace(/\n/g, '\r\n'),
  ...corpusFiles().filter((_, i) => i % 4 === 0).map((f) => readFileSync(f, 'utf8')),
  // A page that starts inside table 二 (rows above its anchor), and an excerpt that stops inside a heading.
  readFileSync(corpusFiles().find((f) => f.includes('133_'))!, 'utf8'),
  seed('003').slice(0, seed('003').indexOf('五、存在的主要问题') + '五、存在的主'.length),
];

function at(text: string, index: LineIndex, offset: number): Range['start'] {
  void text;
  return index.positionAt(offset);
}

/** One random edit of the kinds a clerk makes, as an LSP change on the current text. */
function randomEdit(text: string, r: () => number): TextChange {
  const index = new LineIndex(text);
  const pick = <T,>(xs: T[]): T => xs[Math.floor(r() * xs.length)];
  const offset = () => Math.floor(r() * (text.length + 1));
  const lineOf = () => Math.floor(r() * index.lineCount);
  const range = (s: number, e: number): Range => ({ start: at(text, index, s), end: at(text, index, e) });
  const kind = r();
  if (kind < 0.3) {
    // Type or delete a digit in a number.
    const digits = [...text.matchAll(/\d+/g)];
    if (digits.length) {
      const m = pick(digits);
      const p = m.index! + Math.floor(r() * (m[0].length + 1));
      return r() < 0.6 ? { range: range(p, p), text: String(Math.floor(r() * 10)) } : { range: range(m.index!, m.index! + 1), text: '' };
    }
  }
  if (kind < 0.45) {
    // Insert a line.
    const line = lineOf();
    const s = index.lineStarts[line];
    return { range: range(s, s), text: pick(['0 |', '\t5', '12', '新的一段说明文字。', '', '(七)总计 |', '三、收到和处理政府信息公开申请情况', '第二十条第(一)项 |', '行政处罚 12', '信息内容 本年处理决定数量', '五、存在的主', '// nianbao-disable-next-line row-total', '<!-- nianbao-disable -->']) + pick(['\n', '\r\n']) };
  }
  if (kind < 0.6) {
    // Delete a line (sometimes a heading).
    const line = lineOf();
    const s = index.lineStarts[line];
    const e = line + 1 < index.lineCount ? index.lineStarts[line + 1] : text.length;
    return { range: range(s, e), text: '' };
  }
  if (kind < 0.67) {
    // Paste a whole table.
    const line = lineOf();
    const s = index.lineStarts[line];
    return { range: range(s, s), text: renderTable(pick(['active', 'applications', 'reviewLitigation'] as const), '2021', pick(['cellPerLine', 'pipeRows', 'markdown'] as const)) + '\n' };
  }
  if (kind < 0.75) {
    // A surrogate pair or a combining mark, sometimes splitting an existing pair.
    const p = offset();
    return { range: range(p, p), text: pick(['😀', '\u0301', '𠀀', '\ud83d']) };
  }
  if (kind < 0.85) {
    // Replace a span (a selection overwritten by typing).
    const s = offset();
    const e = Math.min(text.length, s + Math.floor(r() * 40));
    return { range: range(s, e), text: pick(['', 'x', '1', '总计', '\n', '|', ' | 0 |']) };
  }
  // Type a character anywhere.
  const p = offset();
  return { range: range(p, p), text: pick(['0', '1', ' ', '|', '、', '年', '\t']) };
}

function snapshot(report: unknown, findings: unknown, silenced: unknown): string {
  return JSON.stringify({ report, findings, silenced });
}

test(`incremental re-reading equals a full read after every step (${RUNS} sequences × ${STEPS} edits)`, () => {
  const paths: Record<string, number> = { full: 0, table: 0, cell: 0, prose: 0 };
  for (let run = 0; run < RUNS; run++) {
    const r = rng(run + 1);
    let text = bases[run % bases.length];
    const session = new ReportSession(text);
    for (let step = 0; step < STEPS; step++) {
      const change = randomEdit(text, r);
      const index = new LineIndex(text);
      const s = index.offsetAt(change.range!.start);
      const e = index.offsetAt(change.range!.end);
      text = text.slice(0, s) + change.text + text.slice(Math.max(s, e));
      paths[session.update(change)]++;
      assert.equal(session.text, text, `run ${run} step ${step}: text`);
      const fresh = check(text);
      const got = snapshot(session.report, session.findings, session.silenced);
      const want = snapshot(fresh.report, fresh.findings, fresh.silenced);
      if (got !== want) {
        assert.fail(`run ${run} (seed ${run + 1}) step ${step}: incremental result differs from a full read after ${JSON.stringify(change)}\n${firstDifference(got, want)}`);
      }
    }
  }
  // The cheap paths must actually be taken.
  assert.ok(paths.table > RUNS / 2 && paths.cell > RUNS / 4 && paths.prose > RUNS / 2, JSON.stringify(paths));
  console.log(`paths taken: ${JSON.stringify(paths)}`);
});

test('a digit typed into a number updates that cell; other table edits re-read the table; prose edits re-read nothing', () => {
  const text = seed('003');
  const session = new ReportSession(text);
  const line = text.split('\n').indexOf('27 |');
  assert.equal(session.update({ range: { start: { line, character: 1 }, end: { line, character: 1 } }, text: '8' }), 'cell');
  assert.equal(session.report.tables.applications!.rows.find((r) => r.key === 'newReceived')!.cells[0].value, 287);
  assert.equal(session.update({ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '约' }), 'table');
  assert.equal(session.update({ range: { start: { line: 2, character: 5 }, end: { line: 2, character: 5 } }, text: '很好' }), 'prose');
  assert.equal(session.update({ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 1 } }, text: '' }), 'full');
  assert.equal(session.update({ text: 'x' }), 'full');
});

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `incremental: …${a.slice(Math.max(0, i - 120), i + 120)}…\nfull:        …${b.slice(Math.max(0, i - 120), i + 120)}…`;
}

/** Applies changes one by one to a session and to the text, and compares with a fresh read after each. */
function agreeAfter(text: string, changes: ((t: string) => TextChange)[]): void {
  const session = new ReportSession(text);
  for (const make of changes) {
    const change = make(text);
    const index = new LineIndex(text);
    text = text.slice(0, index.offsetAt(change.range!.start)) + change.text + text.slice(index.offsetAt(change.range!.end));
    session.update(change);
    const fresh = check(text);
    assert.equal(snapshot(session.report, session.findings, session.silenced), snapshot(fresh.report, fresh.findings, fresh.silenced), JSON.stringify(change));
  }
}

const endOf = (t: string): TextChange => {
  const p = new LineIndex(t).positionAt(t.length);
  return { range: { start: p, end: p }, text: '' };
};

test('edits that change what the text around them means: after a heading cut off at the end, above a table\'s first anchor', () => {
  const s = seed('003');
  const cut = s.slice(0, s.indexOf('五、存在的主要问题') + '五、存在的主'.length) + '\n';
  // Typing on the empty last line: the cut heading stops being one.
  agreeAfter(cut, [(t) => ({ ...endOf(t), text: '下' }), (t) => ({ ...endOf(t), text: '文。' })]);
  const page = readFileSync(corpusFiles().find((f) => f.includes('133_'))!, 'utf8');
  const line = (t: string, n: number) => ({ start: { line: n, character: 0 }, end: { line: n, character: t.split('\n')[n].length } });
  // The header above the rows above the anchor goes, then comes back; a row label above them is typed.
  agreeAfter(page, [
    (t) => ({ range: line(t, 1), text: '' }),
    (t) => ({ range: line(t, 1), text: '信息内容 本年处理决定数量' }),
    (t) => ({ range: line(t, 0), text: '行政许可 5' }),
  ]);
});
