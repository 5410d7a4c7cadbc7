import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../server/src/core';
import { ReportSession } from '../../server/src/core/incremental/session';
import { readReport } from '../../server/src/core/reader/read';
import { paragraphs } from '../../server/src/core/text/paragraphs';
import { LineIndex } from '../../server/src/core/text/positions';
import { selectIndices, spliceOf, spliced } from '../../server/src/core/text/spliced';
import { seed } from '../helpers/fixtures';
import { rng } from '../helpers/rng';

/**
 * Typing in prose keeps the prose lines and paragraphs of before but for the line typed in
 * (reader/read.ts `proseAgain`, text/paragraphs.ts `again`), and the prose rules test only the new
 * items (text/spliced.ts). After every keystroke the paragraphs and the prose rules' findings equal
 * those of a fresh read, on reports whose sentences wrap over lines as PDF text does.
 */

/** A report's long prose lines cut every `width` characters, as a PDF's text comes out. */
function wrapped(text: string, width: number): string {
  return text.split('\n').map((l) => {
    if (l.length <= width * 1.5 || !l.includes('。')) return l;
    const out: string[] = [];
    for (let i = 0; i < l.length; i += width) out.push(l.slice(i, i + width));
    return out.join('\n');
  }).join('\n');
}

/** What a clerk types in prose: sentence ends, counts, shares, claims, residue, or a deletion. */
const PIECES = ['。', '，', '1', '23件', '其中', '占12.5%', '（', '）', '行政复议均获维持', '[bookmark: _GoBack]', ' ', '依申请公开'];

const PROSE_RULES = new Set(['prose-table-mismatch', 'prose-percentage', 'text-residue']);

function proseFindings(findings: ReturnType<typeof check>['findings']) {
  return findings.filter((f) => PROSE_RULES.has(f.ruleId)).map((f) => ({ id: f.ruleId, range: f.range, message: f.message.template.zh, args: f.message.args }));
}

function shape(report: ReturnType<typeof readReport>) {
  return paragraphs(report).map((p) => ({ raw: p.raw, section: p.section, range: p.rangeOf(0, p.raw.length) }));
}

test('typing in wrapped prose: paragraphs and the prose rules equal a fresh read after every keystroke', () => {
  const bases = [wrapped(seed('003'), 28), wrapped(seed('001'), 35), seed('000')];
  let spliceSteps = 0;
  let steps = 0;
  for (let run = 0; run < 60; run++) {
    const r = rng(run + 1);
    const session = new ReportSession(bases[run % bases.length]);
    for (let k = 0; k < 12; k++) {
      const text = session.text;
      const index = new LineIndex(text);
      const prose = session.report.prose;
      const line = prose[Math.floor(r() * prose.length)];
      const from = line.range.start.character + Math.floor(r() * (line.text.length + 1));
      const change = r() < 0.65
        ? { range: { start: { line: line.range.start.line, character: from }, end: { line: line.range.start.line, character: from } }, text: PIECES[Math.floor(r() * PIECES.length)] }
        : { range: { start: { line: line.range.start.line, character: line.range.start.character + Math.floor(r() * line.text.length) }, end: { line: line.range.start.line, character: Math.min(index.lineEnd(line.range.start.line) - index.lineStarts[line.range.start.line], from + 1 + Math.floor(r() * 6)) } }, text: '' };
      if (change.range.end.character < change.range.start.character) continue;
      session.update(change);
      steps++;
      if (spliceOf(session.report.prose)) spliceSteps++;
      const fresh = readReport(session.text);
      const where = `run ${run} step ${k} after ${JSON.stringify(change)}`;
      assert.deepEqual(shape(session.report), shape(fresh), `paragraphs differ, ${where}`);
      assert.deepEqual(proseFindings(session.findings), proseFindings(check(session.text).findings), `prose findings differ, ${where}`);
    }
  }
  // The test means something only if the spliced paths ran: most keystrokes take them.
  assert.ok(spliceSteps > steps / 2, `spliced prose in ${spliceSteps} of ${steps} steps`);
});

test('selectIndices on a spliced list tests only the new items and equals a fresh selection', () => {
  const r = rng(7);
  let list = Array.from({ length: 200 }, (_, i) => ({ v: i % 7 }));
  const even = (x: { v: number }) => x.v % 2 === 0;
  selectIndices(list, 'even', even);
  for (let k = 0; k < 500; k++) {
    const at = Math.floor(r() * (list.length + 1));
    const removed = Math.min(list.length - at, Math.floor(r() * 3));
    const insert = Array.from({ length: Math.floor(r() * 3) }, () => ({ v: Math.floor(r() * 7) }));
    list = spliced(list, at, removed, insert);
    let tested = 0;
    const got = selectIndices(list, 'even', (x) => (tested++, even(x)));
    assert.equal(tested, insert.length, 'only the inserted items are tested');
    assert.deepEqual([...got], list.flatMap((x, i) => (even(x) ? [i] : [])));
  }
});
