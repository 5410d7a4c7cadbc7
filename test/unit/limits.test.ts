// Work limits (issue 14, item 1): time and memory follow a report's size, never its shape. Every bulk
// shape of test/helpers/bigShapes.ts is read at a few bytes of memory per character; what passes a
// limit (server/src/core/limits.ts) is said once and not read, and a table too large to be one is
// said unreadable and not checked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { check, render, type Finding } from '../../server/src/core';
import { ReportSession } from '../../server/src/core/incremental/session';
import { LIMITS } from '../../server/src/core/limits';
import { LineIndex } from '../../server/src/core/text/positions';
import { BULK_NAMES, withBulk } from '../helpers/bigShapes';
import { seed } from '../helpers/fixtures';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const memory = () => {
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};
const codes = (fs: Finding[]) => fs.map((f) => f.ruleId);
const zh = (f: Finding) => render(f.message, 'zh-CN');

test('every bulk shape of 4 MB: the open report costs a few bytes a character, and a keystroke in the bulk stays in step with a fresh check', () => {
  for (const name of BULK_NAMES) {
    const text = withBulk(name, 4 << 20);
    const before = memory();
    const session = new ReportSession(text);
    void session.findings;
    const perChar = (memory() - before) / text.length;
    // The text itself is 1–2 bytes a character; lines, cells and findings are bounded by LIMITS.
    assert.ok(perChar < 24, `${name}: ${perChar.toFixed(1)} bytes a character`);
    const mid = text.length >> 1;
    const at = session.index.positionAt(mid);
    session.update({ range: { start: at, end: at }, text: '7' });
    const edited = text.slice(0, mid) + '7' + text.slice(mid);
    assert.equal(session.text, edited, name);
    assert.deepEqual(session.index.positionAt(edited.length), new LineIndex(edited).positionAt(edited.length), name);
    assert.deepEqual(codes(session.findings), codes(check(edited).findings), name);
  }
});

test('more lines than LIMITS.lines: one file-too-large finding and nothing read; back under the limit, the whole check returns', () => {
  const report = seed('000');
  const bulk = '\n'.repeat(LIMITS.lines);
  const text = report + bulk;
  const { findings, report: model } = check(text);
  assert.deepEqual(codes(findings), ['file-too-large']);
  assert.match(zh(findings[0]), /^此文件有\d+行，超过可以检查的100000行（一份年度报告通常不到两千行），未作检查。$/);
  assert.equal(model.sections.length, 0);
  const session = new ReportSession(text);
  assert.deepEqual(codes(session.findings), ['file-too-large']);
  // Delete the blank lines: the session reads the report again, as a fresh check does.
  const end = session.index.positionAt(text.length);
  session.update({ range: { start: session.index.positionAt(report.length), end }, text: '' });
  assert.deepEqual(session.findings, check(report).findings);
});

test('HTML with more tags than LIMITS.htmlTags: one file-too-large finding, nothing read', () => {
  const html = `<html><body><p>一、总体情况</p><table>${'<tr><td>1</td></tr>'.repeat(LIMITS.htmlTags / 4 + 1)}</table></body></html>`;
  const { findings } = check(html);
  assert.deepEqual(codes(findings), ['file-too-large']);
  assert.match(zh(findings[0]), /^此网页文件有\d+个标记，超过可以检查的100000个（一份年度报告的网页通常不到五万个），未作检查。$/);
});

test('a table region with more cells than LIMITS.tableCells: the table is unreadable and nothing in it is checked', () => {
  for (const bulk of ['numbersOnOneLine', 'pipeCellsOnOneLine', 'numberPerLine', 'rowLabels']) {
    const { findings, report } = check(withBulk(bulk, 60_000));
    const unreadable = findings.filter((f) => f.ruleId === 'table-unreadable');
    assert.equal(unreadable.length, 1, bulk);
    assert.match(zh(unreadable[0]), /^“收到和处理政府信息公开申请情况”表的内容过多（超过5000个单元格，远多于法定格式的表格），无法作为表格读取。本表未作核对，请对照原件检查。$/, bulk);
    assert.equal(report.tables.applications?.rows.length, 0, bulk);
    assert.equal(report.tables.applications?.unreadable?.reason, 'oversized', bulk);
    // The other tables are read and checked as before.
    assert.ok(report.tables.active && report.tables.active.rows.length > 0, bulk);
  }
});

test('a whole table followed by more text than any table holds (no heading after it) is read as it is', () => {
  const report = seed('000');
  const clean = check(report);
  // The report up to part 五, then lines that are no cells of table 四 (its region now runs to the end), far past the cell limit.
  const head = report.slice(0, report.search(/^五、/m));
  const text = `${head}${'附：本机关政府信息公开工作的有关说明\n'.repeat(LIMITS.tableCells + 100)}`;
  const { report: model } = check(text);
  const values = (r: typeof model) => r.tables.reviewLitigation?.rows.map((row) => row.cells.map((c) => c.value));
  assert.equal(model.tables.reviewLitigation?.unreadable, null);
  assert.equal(values(model)?.length, 3);
  assert.deepEqual(values(model), values(clean.report));
});

test('a rule says at most LIMITS.findingsPerRule things, then how many more it left out', () => {
  const text = seed('000') + '\n' + '一、总体情况\n'.repeat(LIMITS.findingsPerRule + 250);
  const dup = check(text).findings.filter((f) => f.ruleId === 'section-duplicate');
  assert.equal(dup.length, LIMITS.findingsPerRule + 1);
  assert.match(zh(dup[dup.length - 1]), /^同类问题另有\d+处，未逐一列出。$/);
});
