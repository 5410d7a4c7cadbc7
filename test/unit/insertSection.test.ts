// The missing-part fix (service/insert.ts): the heading goes where the part's text begins when that can be
// told — its own table standing in the part before, or prose after the part before's table — after a blank
// line; otherwise where the part belongs, as before.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, readReport } from '../../server/src/core';
import { applyEdits } from '../../server/src/core/service/actions';
import { insertSection } from '../../server/src/core/service/insert';
import { renderReport } from '../../server/src/core/render/report';
import { LineIndex } from '../../server/src/core/text/positions';
import type { SectionKey } from '../../server/src/core/model';
import { seed } from '../helpers/fixtures';

const LAYOUTS = ['markdown', 'pipeRows', 'cellPerLine', 'tabbed'] as const;

/** The text with the heading line that starts with `numeral、` removed. */
function withoutHeading(text: string, numeral: string): string {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.startsWith(`${numeral}、`) && !l.includes('|') && readReport(l).sections.length === 1);
  assert.ok(i >= 0, `${numeral}、 heading`);
  return [...lines.slice(0, i), ...lines.slice(i + 1)].join('\n');
}

function fixed(text: string, key: SectionKey): string {
  const edit = insertSection(readReport(text), text, new LineIndex(text), key);
  assert.ok(edit, 'a fix');
  return applyEdits(text, [edit]);
}

const noBlank = (t: string) => t.split('\n').filter((l) => l.trim()).join('\n');

for (const layout of LAYOUTS) {
  test(`${layout}: part 五's text after table 四 with no 五 heading: the heading goes above that text, after a blank line`, () => {
    const original = renderReport({ issuer: '某某局', year: 2023, layout });
    const out = fixed(withoutHeading(original, '五'), 'problems');
    assert.equal(noBlank(out), noBlank(original), 'the heading is back where it was');
    assert.match(out, /\n\n五、存在的主要问题及改进情况\n（请说明/);
    assert.deepEqual(check(out).findings.map((f) => f.ruleId), []);
  });

  test(`${layout}: part 三's table with no 三 heading: the heading goes above the table, which is not inserted twice`, () => {
    const original = renderReport({ issuer: '某某局', year: 2023, layout });
    const out = fixed(withoutHeading(original, '三'), 'applications');
    assert.equal(noBlank(out), noBlank(original));
    assert.equal(out.split('（七）总计').length, original.split('（七）总计').length, 'one table 三');
    assert.deepEqual(check(out).findings.map((f) => f.ruleId), []);
  });
}

test('part 六 missing after part 五 (prose, no table): where its text begins cannot be told, the heading goes after part 五', () => {
  const original = renderReport({ issuer: '某某局', year: 2023, layout: 'markdown' });
  const text = withoutHeading(original, '六');
  const edit = insertSection(readReport(text), text, new LineIndex(text), 'otherMatters')!;
  const five = readReport(text).sections.find((s) => s.key === 'problems')!;
  assert.equal(edit.start, new LineIndex(text).offsetAt(five.extent.end), 'at the end of part 五, as before');
});

test('a note under a table stays with the table: the heading goes below it', () => {
  const original = renderReport({ issuer: '某某局', year: 2023, layout: 'markdown' });
  const text = withoutHeading(original, '五').replace('\n\n（请说明', '\n注：本表数据截至12月31日。\n\n（请说明');
  const out = fixed(text, 'problems');
  assert.match(out, /注：本表数据截至12月31日。\n\n五、存在的主要问题及改进情况\n（请说明/);
});

test('seed 000 with its 五 heading removed: the heading goes back above part 五\'s first paragraph', () => {
  const original = seed('000');
  const text = withoutHeading(original, '五');
  assert.ok(check(text).findings.some((f) => f.ruleId === 'section-missing'));
  const out = fixed(text, 'problems');
  assert.equal(noBlank(out), noBlank(original));
  const lines = out.split('\n');
  const at = lines.indexOf('五、存在的主要问题及改进情况');
  assert.equal(lines[at - 1].trim(), '', 'a blank line above');
  assert.equal(lines[at + 1], original.split('\n')[original.split('\n').indexOf('五、存在的主要问题及改进情况') + 1]);
  assert.ok(!check(out).findings.some((f) => f.ruleId === 'section-missing'));
});
