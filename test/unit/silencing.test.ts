import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, render, type Finding } from '../../server/src/core';
import { ReportSession } from '../../server/src/core/incremental/session';
import { applyEdits } from '../../server/src/core/service/actions';
import { commentStyle, silenceActions } from '../../server/src/core/service/silence';
import { LineIndex } from '../../server/src/core/text/positions';
import { allShapes, fixedModel, HTML_SHAPES, reportValues, TODO, withCommentLines, type ReportModel } from '../helpers/layouts';
import { seed } from '../helpers/fixtures';

// Seed 004: prose against table 三 (line 9), a Word bookmark (line 13), part 三 numbered 2、 (line 63),
// and three totals written 0 (lines 91, 131, 342).
const ABOVE = ['9 prose-table-mismatch', '13 text-residue'];
const SEED = seed('004');
const lines = (t: string) => t.split('\n');
const at = (t: string, line: number, ...inserted: string[]) => {
  const l = lines(t);
  l.splice(line, 0, ...inserted);
  return l.join('\n');
};
const where = (fs: Finding[]) => fs.map((f) => `${f.range.start.line + 1} ${f.ruleId}`);

test('without comments nothing is silenced', () => {
  const r = check(SEED);
  assert.deepEqual(where(r.findings), [...ABOVE, '63 section-numeral', '91 row-total', '131 row-total', '342 row-total']);
  assert.deepEqual(r.silenced, []);
});

test('plain text: `// nianbao-disable-next-line` silences its rules on the next line only, and keeps them', () => {
  const r = check(at(SEED, 90, '// nianbao-disable-next-line row-total cell-blank'));
  assert.deepEqual(where(r.findings), [...ABOVE, '63 section-numeral', '132 row-total', '343 row-total']);
  assert.deepEqual(where(r.silenced), ['92 row-total']);
  // Another rule on that line is not silenced; a blank line between the comment and the finding ends it.
  assert.deepEqual(where(check(at(SEED, 90, '// nianbao-disable-next-line section-numeral')).silenced), []);
  assert.deepEqual(where(check(at(SEED, 90, '// nianbao-disable-next-line', '')).silenced), []);
});

test('a block: `disable` … `enable`, by rule or for all rules; the last comment above a line decides', () => {
  const block = check(at(at(SEED, 200, '// nianbao-enable row-total'), 60, '// nianbao-disable row-total'));
  assert.deepEqual(where(block.silenced), ['92 row-total', '132 row-total']);
  assert.deepEqual(where(block.findings), [...ABOVE, '64 section-numeral', '344 row-total']);
  // Below the comment only: the findings above it stay.
  const all = check(at(SEED, 60, '// nianbao-disable'));
  assert.deepEqual(where(all.findings), ABOVE);
  assert.equal(all.silenced.length, 4);
  const reEnabled = check(at(at(SEED, 300, '// nianbao-enable'), 60, '// nianbao-disable'));
  assert.deepEqual(where(reEnabled.findings), [...ABOVE, '344 row-total']);
});

test('the whole file: `disable-file`, anywhere in it', () => {
  const r = check(at(SEED, 400, '// nianbao-disable-file row-total, section-numeral'));
  assert.deepEqual(where(r.findings), ABOVE);
  assert.deepEqual(where(r.silenced), ['63 section-numeral', '91 row-total', '131 row-total', '342 row-total']);
});

test('Markdown: an HTML comment on a line of its own, read as a plain-text directive', () => {
  const r = check(at(SEED, 90, '<!-- nianbao-disable-next-line row-total -->'));
  assert.deepEqual(where(r.silenced), ['92 row-total']);
  // Not alone on its line (report text beside it), it is text: no directive.
  assert.deepEqual(check(at(SEED, 90, '说明 <!-- nianbao-disable-next-line row-total -->')).silenced, []);
});

/** A report with one wrong total (本年新收's 总计), in a given shape. */
function wrongTotal(shape: (m: ReportModel) => string): string {
  const m = fixedModel('2021');
  const row = m.cells['applications.newReceived'];
  row[6] = String(Number(row[6]) + 1);
  return shape(m);
}

test('HTML: comments anywhere (inside a table too); disable-next-line applies to the line after the comment ends', () => {
  const html = wrongTotal(HTML_SHAPES.html);
  const f = check(html).findings.find((x) => x.ruleId === 'row-total')!;
  const rowTotals = (fs: Finding[]) => fs.filter((x) => x.ruleId === 'row-total');
  const l = lines(html);
  const line = f.range.start.line;
  const silenced = check(at(html, line, '<!-- nianbao-disable-next-line\n  row-total -->'));
  assert.deepEqual(where(silenced.silenced), [`${line + 3} row-total`]);
  assert.deepEqual(rowTotals(silenced.findings), []);
  // On the finding's own line, a comment before the cell: a `disable` covers its own line.
  const inline = l.slice();
  inline[line] = inline[line].replace('<td', '<!-- nianbao-disable row-total --><td');
  assert.deepEqual(rowTotals(check(inline.join('\n')).findings), []);
  assert.equal(check(inline.join('\n')).silenced.length, 1);
  // A `//` line is text in HTML, not a directive.
  assert.equal(check(at(html, line, '// nianbao-disable-next-line row-total')).silenced.length, 0);
});

test('unused-disable: a comment that silences nothing, or names no rule, is a hint with a fix that removes it', () => {
  const text = at(SEED, 10, '// nianbao-disable-next-line row-total', '<!-- nianbao-disable-file rowtotal -->');
  const r = check(text);
  const hints = r.findings.filter((f) => f.ruleId === 'unused-disable');
  assert.deepEqual(hints.map((h) => [h.range.start.line, h.severity, render(h.message, 'zh-CN')]), [
    [10, 4, '忽略注释“nianbao-disable-next-line row-total”没有忽略任何问题，可以删除。'],
    [11, 4, '忽略注释中的“rowtotal”不是本工具的规则编号，不会忽略任何问题。'],
  ]);
  assert.equal(render(hints[0].message, 'en'), 'The silencing comment “nianbao-disable-next-line row-total” silences nothing and can be removed.');
  assert.equal(applyEdits(text, hints[0].fix!.edits), at(SEED, 10, '<!-- nianbao-disable-file rowtotal -->'));
  assert.equal(applyEdits(text, hints[1].fix!.edits), at(SEED, 10, '// nianbao-disable-next-line row-total'));
  // A comment that silences something is no hint; enable comments never are.
  assert.deepEqual(check(at(SEED, 90, '// nianbao-enable', '// nianbao-disable-next-line row-total')).findings.filter((f) => f.ruleId === 'unused-disable').length, 0);
  // Its severity follows the setting, `off` drops it.
  assert.equal(check(text, { severity: { 'unused-disable': 'warning' } }).findings[0].severity, 2);
  assert.equal(check(text, { severity: { 'unused-disable': 'off' } }).findings.filter((f) => f.ruleId === 'unused-disable').length, 0);
});

test('a directive line is nothing to the reader: no heading, no cell, no prose', () => {
  const text = at(SEED, 90, '// nianbao-disable-next-line row-total');
  const plain = check(SEED).report;
  const report = check(text).report;
  assert.deepEqual(reportValues(report), reportValues(plain));
  assert.deepEqual(report.prose.map((p) => p.text), plain.prose.map((p) => p.text));
  assert.deepEqual(report.sections.map((s) => s.key), plain.sections.map((s) => s.key));
});

// The layout property: a silencing comment between any two lines of any generated layout changes no
// reading (numbers, parts, prose, findings); only the comments' own hints are added.
for (const [name, shape] of Object.entries(allShapes())) {
  if (TODO[name]) continue;
  test(`layout ${name}: comment lines between its lines change no reading`, () => {
    const text = wrongTotal(shape);
    const html = name.startsWith('html');
    const plain = check(text);
    const comments = html
      ? [() => '<!-- nianbao-disable-next-line cell-blank -->']
      : [() => '// nianbao-disable-next-line cell-blank', (i: number) => (i % 2 ? '<!-- nianbao-disable-next-line cell-blank -->' : '  // nianbao-enable')];
    for (const comment of comments) {
      const commented = check(withCommentLines(text, comment));
      assert.deepEqual(reportValues(commented.report), reportValues(plain.report), 'numbers');
      assert.deepEqual(commented.report.sections.map((s) => s.key), plain.report.sections.map((s) => s.key), 'parts');
      assert.deepEqual(commented.report.prose.map((p) => p.text), plain.report.prose.map((p) => p.text), 'prose');
      const said = (fs: Finding[]) => fs.filter((f) => f.ruleId !== 'unused-disable').map((f) => `${f.ruleId} ${render(f.message, 'zh-CN')}`);
      assert.deepEqual(said(commented.findings), said(plain.findings), 'findings');
      assert.deepEqual(commented.silenced, []);
    }
  });
}

test('the session gives what a fresh check gives as comments are typed, and reads a text with one in full', () => {
  const session = new ReportSession(SEED);
  let text = SEED;
  const edit = (line: number, character: number, insert: string, endCharacter = character) => {
    session.update({ range: { start: { line, character }, end: { line, character: endCharacter } }, text: insert });
    const l = lines(text);
    l[line] = l[line].slice(0, character) + insert + l[line].slice(endCharacter);
    text = l.join('\n');
    const fresh = check(text);
    assert.equal(session.text, text);
    assert.deepEqual([session.findings, session.silenced], [fresh.findings, fresh.silenced], JSON.stringify(insert));
  };
  edit(90, 0, '// nianbao-disable-next-line row-tota\n');
  assert.equal(session.lastPath, 'full');
  edit(90, 37, 'l');
  assert.equal(session.silenced.length, 1);
  edit(92, 0, '约');
  edit(90, 0, '', 38);
});

test('quick fixes write the comment in the document\'s own syntax, and it silences exactly that finding', () => {
  const cases: [string, string, string][] = [
    ['plain text', SEED, 'report.txt'],
    ['Markdown pipe table', wrongTotal(allShapes().markdown), 'report.md'],
    ['pipe rows as text', wrongTotal(allShapes().pipeRows), 'report.txt'],
    ['HTML', wrongTotal(HTML_SHAPES.html), 'report.html'],
    ['HTML with CRLF', wrongTotal(HTML_SHAPES.html).replace(/\n/g, '\r\n'), 'report.html'],
  ];
  for (const [what, text, file] of cases) {
    const r = check(text);
    const f = r.findings.find((x) => x.ruleId === 'row-total')!;
    const style = commentStyle(r.report, file);
    const actions = silenceActions(text, new LineIndex(text), f, style);
    assert.equal(actions.length, 2, what);
    for (const a of actions) {
      const fixed = applyEdits(text, a.edits);
      const after = check(fixed);
      assert.deepEqual(reportValues(after.report), reportValues(r.report), `${what}: ${render(a.title, 'zh-CN')} keeps the reading`);
      const title = render(a.title, 'zh-CN');
      const silenced = after.silenced.map((x) => render(x.message, 'zh-CN'));
      // Here: that finding alone; in the file (or the table): every finding of its rule (there).
      const expected = title.startsWith('在此处') ? [f] : r.findings.filter((x) => x.ruleId === f.ruleId);
      assert.deepEqual(silenced, expected.map((x) => render(x.message, 'zh-CN')), `${what}: ${title}`);
      assert.equal(after.findings.length, r.findings.length - expected.length, `${what}: ${title}, nothing else silenced, no hint`);
      assert.match(fixed, style === 'html' ? /<!-- nianbao-disable[a-z-]* row-total -->/ : /^[ \t]*\/\/ nianbao-disable[a-z-]* row-total$/m);
      if (text.includes('\r\n')) assert.doesNotMatch(fixed, /[^\r]\n/, `${what}: line breaks as the document's`);
    }
    assert.deepEqual(actions.map((a) => render(a.title, 'zh-CN')), [
      what === 'Markdown pipe table' ? '在本表中忽略此规则（row-total）' : '在此处忽略此规则（row-total）',
      '在本文件中忽略此规则（row-total）',
    ], what);
  }
});
