import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, readReport, type Report } from '../../server/src/core';
import { ReportSession } from '../../server/src/core/incremental/session';
import { readState } from '../../server/src/core/reader/read';
import { LineIndex } from '../../server/src/core/text/positions';
import { readSource } from '../../server/src/core/text/source';
import { corpus, seed } from '../helpers/fixtures';

const SEEDS = ['000', '001', '002', '003', '004'];
const KEYS = ['overview', 'activeDisclosure', 'applications', 'reviewLitigation', 'problems', 'otherMatters'];

/** Each heading's numeral and title as the source text at its ranges. */
function headingTexts(text: string, r: Report): string[] {
  const index = new LineIndex(text);
  const at = (range: { start: { line: number; character: number }; end: { line: number; character: number } }) =>
    text.slice(index.offsetAt(range.start), index.offsetAt(range.end));
  return r.sections.map((s) => {
    assert.equal(at(s.title.range), s.title.text);
    return at(s.range);
  });
}

test('the seeds keep exactly their six headings, and no line of theirs is cut', () => {
  for (const p of SEEDS) {
    const text = seed(p);
    const state = readState(readSource(text));
    assert.deepEqual(state.report.sections.map((s) => s.key), KEYS, p);
    assert.equal(state.src.lines.length, state.src.index.lineCount, p);
  }
});

test('a whole report flattened onto one line (corpus 134): the six parts, in order, with exact ranges', () => {
  const text = corpus('134');
  const r = readReport(text);
  assert.deepEqual(r.sections.map((s) => s.key), KEYS);
  assert.deepEqual(headingTexts(text, r), [
    '一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况',
    '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项',
  ]);
  assert.ok(r.sections.every((s) => s.range.start.line === 9));
  // The table anchors inside the line open the three regions (the glued cells are the table reader's business).
  const { regions } = readState(readSource(text));
  assert.deepEqual(regions.map((g) => g.kind), ['active', 'applications', 'reviewLitigation']);
});

test('a seed flattened onto one line reads its six parts and its table regions', () => {
  for (const p of ['000', '001', '003']) {
    const text = seed(p).replace(/\s*\n\s*/g, '');
    const r = readReport(text);
    assert.deepEqual(r.sections.map((s) => s.key), KEYS, p);
    assert.ok(r.sections.every((s) => s.numeral?.value === s.ordinal), p);
    assert.deepEqual(readState(readSource(text)).regions.map((g) => g.kind), ['active', 'applications', 'reviewLitigation'], p);
  }
});

test('junk before a heading and prose after its title on the same line', () => {
  const base = seed('000');
  const cases: [string, string][] = [
    ['????一、总体情况', '一、总体情况'],
    ['一、总体情况 根据《条例》要求，现将本年度情况报告如下。', '一、总体情况'],
    ['一、总体情况2019年，我区认真贯彻落实《条例》。', '一、总体情况'],
    ['　　一、总体情况我区认真贯彻落实《条例》。', '一、总体情况'],
  ];
  for (const [line, heading] of cases) {
    const text = base.replace('一、总体情况', line);
    const r = readReport(text);
    assert.deepEqual(r.sections.map((s) => s.key), KEYS, line);
    assert.equal(headingTexts(text, r)[0], heading, line);
    assert.equal(r.sections[0].range.start.character, line.indexOf('一'), line);
    // The rest of the line is prose of part 一.
    const after = line.slice(line.indexOf(heading) + heading.length).trim();
    if (after) assert.ok(r.prose.some((x) => x.text === after && x.section === 'overview'), line);
  }
  const trad = seed('002').replace('一、總體情況', '????一、總體情況');
  assert.equal(readReport(trad).sections[0].key, 'overview');
});

test('no part heading is taken from prose or a table row inside a line', () => {
  const base = seed('000');
  const prose = [
    '其中二、三季度申请量较多，共计12件。',
    '本报告包括：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；四、政府信息公开行政复议、行政诉讼情况；五、存在的主要问题及改进情况；六、其他需要报告的事项。',
    '本报告分为一、总体情况、二、主动公开政府信息情况等六个部分。',
    '全年共办理三、本年度办理结果所列事项，四、结转下年度继续办理0件。',
    '按第二十条第（一）项公开规章0件。',
  ];
  for (const p of prose) {
    const text = base.replace('一、总体情况\n', `一、总体情况\n${p}\n`);
    const state = readState(readSource(text));
    assert.deepEqual(state.report.sections.map((s) => s.key), KEYS, p);
    assert.equal(state.src.lines.length, state.src.index.lineCount, p);
  }
  // Flattened: the table rows 三、本年度办理结果 and 四、结转下年度继续办理 stay rows.
  const flat = readReport(seed('000').replace(/\s*\n\s*/g, ''));
  assert.deepEqual(flat.sections.map((s) => s.title.text), [
    '总体情况', '主动公开政府信息情况', '收到和处理政府信息公开申请情况', '政府信息公开行政复议、行政诉讼情况',
    '存在的主要问题及改进情况', '其他需要报告的事项',
  ]);
});

test('a numeral out of order inside a line counts only with the template title', () => {
  const base = seed('000');
  // 五、 right after 一、 inside a line: worded as the template, it is part 五 (out of order, as the rules will say).
  const canonical = base.replace('一、总体情况\n', '一、总体情况\n前言。五、存在的主要问题及改进情况 无。\n');
  assert.equal(readReport(canonical).sections.filter((s) => s.key === 'problems').length, 2);
  // A variant wording needs the expected numeral.
  const variant = base.replace('一、总体情况\n', '一、总体情况\n前言。五、存在问题 无。\n');
  assert.equal(readReport(variant).sections.filter((s) => s.key === 'problems').length, 1);
});

test('editing a text whose lines are cut equals a fresh read (the session reads it in full)', () => {
  let text = corpus('134');
  const session = new ReportSession(text);
  const edits: [number, string][] = [[5000, '1'], [200, '。一、总体情况'], [120, '\n'], [9000, '五、存在的主要问题及改进情况 ']];
  for (const [at, insert] of edits) {
    const index = new LineIndex(text);
    const pos = index.positionAt(Math.min(at, text.length));
    text = text.slice(0, index.offsetAt(pos)) + insert + text.slice(index.offsetAt(pos));
    assert.equal(session.update({ range: { start: pos, end: pos }, text: insert }), 'full');
    const fresh = check(text);
    assert.equal(JSON.stringify({ r: session.report, f: session.findings }), JSON.stringify({ r: fresh.report, f: fresh.findings }));
  }
  // A plain report whose edit puts a heading inside a line goes the full way too, and back.
  let plain = seed('000');
  const s2 = new ReportSession(plain);
  const line = plain.split('\n').indexOf('一、总体情况');
  assert.equal(s2.update({ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '????' }), 'full');
  plain = plain.replace('一、总体情况', '????一、总体情况');
  assert.equal(JSON.stringify(s2.report), JSON.stringify(check(plain).report));
});
