// Rules text-residue and traditional-script: damaged text found where it really is, removed exactly;
// Traditional Chinese converted with every number and line in place.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, readReport, render, type Finding } from '../../server/src/core';
import { applyEdits, fixAll, quickFixes } from '../../server/src/core/service/actions';
import { simplifyEdits } from '../../server/src/core/service/simplify';
import { corpus, corpusFiles, seed } from '../helpers/fixtures';
import { readFileSync } from 'node:fs';

const residue = (text: string): Finding[] => check(text).findings.filter((f) => f.ruleId === 'text-residue');

/** The residue of each kind as real reports carry it, put into a prose line (seed 003 has none and no finding). */
const KINDS: [string, string][] = [
  ['bookmark', '[bookmark: _GoBack]'],
  ['tag', '<span style="font-size:16px">'],
  ['tag', '</p>'],
  ['tag', '<o:p></o:p>'],
];

test('seed 003 and every report but those the corpus expectations name are free of residue', () => {
  assert.deepEqual(residue(seed('003')), []);
  for (const p of ['000', '001']) assert.deepEqual(residue(seed(p)), [], p);
  const said = corpusFiles().filter((f) => residue(readFileSync(f, 'utf8')).length).map((f) => f.split('/').pop());
  assert.deepEqual(said, ['008_haidian-dept-bjbahr.txt']);
});

test('residue put into any prose line is found there, and its fix gives back the text as it was, byte for byte', () => {
  const original = seed('003');
  const report = readReport(original);
  const lines = report.prose;
  let tried = 0;
  for (const p of lines) {
    for (const [kind, junk] of KINDS) {
      const lineStart = original.split('\n').slice(0, p.range.start.line).join('\n').length + (p.range.start.line ? 1 : 0);
      const at = lineStart + p.range.start.character + Math.min(3, p.text.length);
      const text = original.slice(0, at) + junk + original.slice(at);
      const found = residue(text);
      const pieces = kind === 'tag' ? junk.match(/<[^>]+>/g)!.length : 1;
      assert.equal(found.length, pieces, `${kind} at line ${p.range.start.line + 1}`);
      const fixed = applyEdits(text, found.flatMap((f) => quickFixes(readReport(text), f).flatMap((a) => a.edits)));
      assert.equal(fixed, original, `${kind} at line ${p.range.start.line + 1}`);
      const all = check(text);
      assert.equal(applyEdits(text, fixAll(all.report, all.findings)!.edits), original, 'fix-all removes it too');
      tried++;
    }
  }
  assert.ok(tried > 20, `${tried} tried`);
});

test('inline pinyin after an ideograph is residue; numbering, years and English in parentheses are not', () => {
  const text = seed('003').replace('一、总体情况\n', '一、总体情况\n本镇(zhèn)依法公开（一）类信息（2023年）(GB/T 9704)，数量<5，(a)项。\n');
  const found = residue(text);
  assert.deepEqual(found.map((f) => render(f.message, 'zh-CN')), ['文本中有网页转换残留的拼音注音“zhèn”，不属于报告内容。']);
  assert.equal(applyEdits(text, found[0].fix!.edits), seed('003').replace('一、总体情况\n', '一、总体情况\n本镇依法公开（一）类信息（2023年）(GB/T 9704)，数量<5，(a)项。\n'));
});

test('U+FFFD is a lost character: said, with no fix (deleting it would hide the loss)', () => {
  const text = seed('003').replace('一、总体情况\n', '一、总体情况\n本机关\uFFFD\uFFFD信息公开。\n');
  const [f] = residue(text);
  assert.equal(render(f.message, 'zh-CN'), '文本中有2个无法识别的字符“\uFFFD\uFFFD”，原文的字在转换中丢失，请对照原件补正。');
  assert.equal(f.fix, undefined);
});

test('site navigation after part 六 (seed 002) is removed up to the report\'s last line; nowhere else is a link label residue', () => {
  const text = seed('002');
  const [f] = residue(text);
  assert.equal(f.range.start.line, 235);
  const fixed = applyEdits(text, f.fix!.edits);
  assert.ok(fixed.endsWith('我廳暫無其他需要報告的事項。\n') || fixed.endsWith('我廳暫無其他需要報告的事項。'));
  assert.equal(text.slice(0, fixed.length - 1), fixed.slice(0, -1));
  // A link label inside a part, or at the end of an excerpt that stops before part 六, is left alone.
  assert.deepEqual(residue(seed('003').replace('一、总体情况\n', '一、总体情况\n打印\n')), []);
  const excerpt = seed('003').slice(0, seed('003').indexOf('五、')) + '\n相关词条\n联系我们\n';
  assert.deepEqual(residue(excerpt), []);
  // After the 落款 and the date, as sites print them.
  const signed = seed('000').trimEnd() + '\n\n分享到：\n【打印本页】【关闭窗口】\n';
  const nav = residue(signed);
  assert.equal(nav.length, 0, 'a line of two labels is no single link: left alone');
  const plain = residue(seed('000').trimEnd() + '\n\n分享到：\n打印本页\n关闭窗口\n');
  assert.equal(plain.length, 1);
  assert.equal(applyEdits(seed('000').trimEnd() + '\n\n分享到：\n打印本页\n关闭窗口\n', plain[0].fix!.edits), seed('000').trimEnd() + '\n');
});

test('a portal\'s pop-up (corpus 008): its two lines deleted with their line breaks, nothing else', () => {
  const text = corpus('008');
  const [f] = residue(text);
  const fixed = applyEdits(text, f.fix!.edits);
  assert.equal(fixed, text.split('\n').slice(2).join('\n'));
});

test('an HTML page is read by the HTML reader: its markup is never residue', () => {
  assert.deepEqual(residue(corpus('103')), []);
});

test('Traditional Chinese: one information on seed 002 and corpus 023, 032; the conversion keeps every number, line and length', () => {
  for (const text of [seed('002'), corpus('023'), corpus('032')]) {
    const f = check(text).findings.filter((x) => x.ruleId === 'traditional-script');
    assert.equal(f.length, 1);
    assert.equal(f[0].severity, 3);
    const edits = simplifyEdits(text);
    for (const e of edits) assert.doesNotMatch(text.slice(e.start, e.end) + e.newText, /[\x00-\x7f０-９]/);
    const after = applyEdits(text, edits);
    assert.equal(after.length, text.length);
    assert.deepEqual(after.match(/\d+/g), text.match(/\d+/g));
    const [r1, r2] = [readReport(text), readReport(after)];
    assert.equal(r2.script, 'simplified');
    assert.deepEqual(r2.sections.map((s) => [s.key, s.line]), r1.sections.map((s) => [s.key, s.line]));
    for (const k of ['active', 'applications', 'reviewLitigation'] as const) {
      assert.deepEqual(r2.tables[k]?.rows.map((r) => r.cells.map((c) => [c.value, c.range])), r1.tables[k]?.rows.map((r) => r.cells.map((c) => [c.value, c.range])));
    }
    assert.deepEqual(simplifyEdits(after), [], 'converting again changes nothing');
    assert.deepEqual(quickFixes(r1, f[0]).map((a) => a.edits), [edits], 'the diagnostic\'s fix is the conversion');
  }
  for (const p of ['000', '001', '003', '004']) assert.deepEqual(simplifyEdits(seed(p)), [], `seed ${p} is Simplified`);
});

test('the conversion is not applied unattended: fix-all leaves the script as it is', () => {
  const text = corpus('023');
  const { report, findings } = check(text);
  assert.equal(fixAll(report, findings), null);
});

test('CRLF text: the conversion edits characters only, never a line break', () => {
  const text = seed('002').replace(/\n/g, '\r\n');
  const edits = simplifyEdits(text);
  for (const e of edits) assert.doesNotMatch(text.slice(e.start, e.end), /[\r\n]/);
  assert.equal(applyEdits(text, edits).split('\r\n').length, text.split('\r\n').length);
});
