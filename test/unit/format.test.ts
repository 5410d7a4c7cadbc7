// Format Document (core/service/format.ts): pipe tables aligned by display width, no cell's text
// changed, the report read the same afterwards, formatting twice the same as once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { check, readReport, render } from '../../server/src/core';
import { formatDocument } from '../../server/src/core/service/format';
import { renderReport } from '../../server/src/core/render/report';
import { pipeRow } from '../../server/src/core/text/pipeTable';
import { displayWidth } from '../../server/src/core/text/width';
import type { OffsetEdit } from '../../server/src/core';
import { allShapes, BLANK_SHAPES, consistentModel, fixedModel, reportValues, TODO, withBlankZeros, type Shape } from '../helpers/layouts';

function apply(text: string, edits: OffsetEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

const format = (text: string) => apply(text, formatDocument(text));

/** Every pipe row's cells, line by line (null: not a pipe row): what formatting must keep. */
function cellsOf(text: string) {
  return text.split(/\r\n|\r|\n/).map((l) => pipeRow(l)?.cells.filter((c) => !/^:?-+:?$/.test(c)) ?? l);
}

/** What a reader and the rules make of a text, without positions. */
function meaning(text: string) {
  const { report, findings } = check(text);
  return {
    values: reportValues(report),
    version: report.tables.applications?.version,
    sections: report.sections.map((s) => s.key),
    findings: findings.map((f) => `${f.ruleId}: ${render(f.message, 'zh-CN')}`),
  };
}

function holdsFor(text: string, what: string): void {
  const once = format(text);
  assert.deepEqual(cellsOf(once), cellsOf(text), `${what}: every cell's text and every other line kept`);
  assert.deepEqual(meaning(once), meaning(text), `${what}: read the same`);
  assert.deepEqual(formatDocument(once), [], `${what}: formatting twice is formatting once`);
}

test('display width: CJK and full-width two columns, combining marks none, the rest one', () => {
  assert.equal(displayWidth('总计'), 4);
  assert.equal(displayWidth('（七）'), 6);
  assert.equal(displayWidth('１２'), 4);
  assert.equal(displayWidth('12'), 2);
  assert.equal(displayWidth('⼀'), 2, 'a Kangxi radical');
  assert.equal(displayWidth('“a”'), 3, 'ambiguous quotes: one');
  assert.equal(displayWidth('e\u0301'), 1);
  assert.equal(displayWidth('a\u200bb'), 2);
  assert.equal(displayWidth('𠀀'), 2, 'an ideograph beyond the BMP');
});

test('a table is aligned by display width; delimiter dashes follow; only the spaces around cells change', () => {
  const text = '三、收到和处理\n|类别|自然人|总计|\n|---|:-:|--:|\n|（一）予以公开|1|12|\n| 二、上年结转 |  | 3 |\n正文';
  assert.equal(format(text), [
    '三、收到和处理',
    '| 类别           | 自然人 | 总计 |',
    '| -------------- | :----: | ---: |',
    '| （一）予以公开 |   1    |   12 |',
    '| 二、上年结转   |        |    3 |',
    '正文',
  ].join('\n'));
});

test('what is not a pipe table is left alone: prose, a lone row, an escaped pipe, HTML; line breaks and indentation stay', () => {
  const lone = '正文\n|a|b|\n正文';
  assert.deepEqual(formatDocument(lone), []);
  assert.deepEqual(formatDocument('<table>\n|a|b|\n|c|d|\n</table>'), []);
  assert.equal(format('  |a|b\\|c|\r\n  |dd|e|\r\n'), '  | a  | b\\|c |\r\n  | dd | e    |\r\n');
  assert.equal(format('|a|b\\|\n|c|d|'), '|a|b\\|\n|c|d|', 'a row whose last pipe is escaped is no row');
  assert.equal(format('|a|-|\n|b|-|\n|c|-|'), '| a | - |\n| b | - |\n| c | - |', 'a value “-” stays');
  assert.equal(format('|a|\n|b|c|d|'), '| a |\n| b | c | d |', 'no cell is added to a short row');
});

test('the skeleton and the tables it is made of are written aligned', () => {
  for (const year of [2020, 2024]) {
    const text = renderReport({ issuer: '某县人民政府办公室', year, layout: 'markdown' });
    assert.deepEqual(formatDocument(text), [], `${year}`);
    assert.deepEqual(check(text).findings, []);
  }
});

// The property over the generated layouts: every shape (and its blank-cell variants) of the fixed
// model, then random consistent reports in random readable shapes.
const shapes: [string, Shape][] = Object.entries(allShapes()).filter(([name]) => !TODO[name]);

test('every layout of the generator: formatted, it reads the same, keeps every cell, and is a fixed point', () => {
  for (const [name, shape] of shapes) for (const v of ['2021', '2019'] as const) holdsFor(shape(fixedModel(v)), `${name} ${v}`);
  for (const [name, shape] of Object.entries(BLANK_SHAPES)) {
    if (!TODO[name]) for (const v of ['2021', '2019'] as const) holdsFor(shape(withBlankZeros(fixedModel(v))), `${name} ${v} (blank)`);
  }
});

test('random consistent reports in random layouts: formatting keeps the report and is idempotent', () => {
  fc.assert(fc.property(
    fc.constantFrom(...shapes), fc.constantFrom('2021' as const, '2019' as const), fc.array(fc.nat(120), { minLength: 400, maxLength: 400 }),
    ([name, shape], version, numbers) => {
      let i = 0;
      holdsFor(shape(consistentModel(version, () => numbers[i++ % numbers.length])), name);
    },
  ), { numRuns: 60, seed: 15 });
});

test('a report with mistakes reads the same mistakes after formatting', () => {
  const text = renderReport({ issuer: '某局', year: 2024, layout: 'markdown', value: (row, col) => (row === 'granted' && col === 'naturalPerson' ? '2' : row === 'newReceived' && col === 'total' ? '减1' : '0') });
  assert.ok(check(text).findings.length >= 2);
  holdsFor(text.replace(/\| 0 /g, '|0'), 'mistakes, unaligned');
  assert.ok(readReport(format(text)).tables.applications);
});
