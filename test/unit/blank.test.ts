import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, toDiagnostic } from '../../server/src/core';
import { applyEdits, fixAll } from '../../server/src/core/service/actions';
import { renderTable } from '../../server/src/core/render/tables';
import { seed } from '../helpers/fixtures';

const base = seed('003');
const lines = base.split('\n');
const at = (text: string) => lines.findIndex((l) => l === text);
/** Seed 003 with the given lines replaced. */
const edit = (changes: Record<number, string>) => lines.map((l, i) => changes[i] ?? l).join('\n');
const blanks = (text: string, options = {}) => check(text, options).findings.filter((f) => f.ruleId === 'cell-blank');

test('cell-blank: one finding per row that names its blank columns and says its totals could not be checked', () => {
  const l = at('27 |'); // 本年新收 自然人; the next line is 商业企业
  const text = edit({ [l]: '|', [l + 1]: '|' });
  const fs = blanks(text);
  assert.equal(fs.length, 1);
  assert.equal(toDiagnostic(fs[0]).message, '“本年新收政府信息公开申请数量”行的“自然人”“商业企业”列未填写，该行的合计无法核对。没有发生的事项应填0。');
  assert.equal(fs[0].range.start.line, l);
  assert.equal(fs[0].range.end.line, l + 1);
  // The row's fix writes 0 into both: offered, never unattended.
  assert.equal(fs[0].fix!.safe, false);
  assert.deepEqual(applyEdits(text, fs[0].fix!.edits).split('\n').slice(l, l + 2), ['0 |', '0 |']);
  assert.ok(!check(text).findings.some((f) => f.ruleId === 'row-total'), 'a row with a blank part is not added up');
});

test('cell-blank: a blank total whose parts are numbers is filled with their sum, safely, also by fix-all', () => {
  const l = at('29 |');
  const text = edit({ [l]: '|' });
  const [f] = blanks(text);
  assert.equal(f.fix!.safe, true);
  assert.equal(f.fix!.title.template.zh, '填写合计{value}');
  const all = check(text);
  assert.equal(applyEdits(text, fixAll(all.report, all.findings)!.edits), base);
});

test('cell-blank: a table mostly blank gets one finding for the table (the real HTML report 103 got 125)', () => {
  const v = (row: string, col: string) => (['naturalPerson', 'total'].includes(col) ? '0' : '');
  const text = `三、收到和处理政府信息公开申请情况\n${renderTable('applications', '2021', 'html', v)}`;
  const fs = blanks(text);
  assert.equal(fs.length, 1);
  assert.equal(toDiagnostic(fs[0]).message,
    '“收到和处理政府信息公开申请情况”表大部分单元格未填写：25行共125个空白单元格，在“商业企业”“科研机构”“社会公益组织”“法律服务机构”“其他”列，这些行的合计无法核对。没有发生的事项应填0。');
  // Its fix fills the whole table; afterwards nothing is blank and every total holds.
  const after = applyEdits(text, fs[0].fix!.edits);
  assert.deepEqual(check(after).findings.filter((f) => f.ruleId !== 'section-missing').map((f) => f.ruleId), []);
});

test('blankAsZero: the sums are checked counting blanks as 0, and the messages say so', () => {
  const l = at('27 |');
  const text = edit({ [l]: '|' }); // 本年新收: 自然人 blank, 总计 29 → 2 with blanks as 0
  assert.ok(!check(text).findings.some((f) => f.data), 'off by default: nothing added up');
  const on = check(text, { blankAsZero: true }).findings;
  const row = on.find((f) => f.ruleId === 'row-total')!;
  assert.deepEqual(row.data, { relation: 'row-total', table: 'applications', row: 'newReceived', column: 'total', expected: 2, actual: 29 });
  assert.match(toDiagnostic(row).message, /应为2.*表中填写的是29。（按“空白按0计算”设置，空白单元格按0计入。）$/);
  assert.match(toDiagnostic(on.find((f) => f.ruleId === 'cell-blank')!).message, /（已按设置将空白按0核对合计）/);
  assert.match(toDiagnostic(row, 'en').message, /Blank cells counted as 0/);
});

test('an all-blank table 四 is an empty template, not three missing rows', () => {
  for (const layout of ['pipeRows', 'tabbed', 'cellPerLine', 'html', 'markdown'] as const) {
    const text = `四、政府信息公开行政复议、行政诉讼情况\n${renderTable('reviewLitigation', '2021', layout, () => '')}\n五、存在的主要问题及改进情况\n`;
    const ds = check(text).findings.filter((f) => f.ruleId.startsWith('table-')).map((f) => toDiagnostic(f).message);
    assert.deepEqual(ds, ['“政府信息公开行政复议、行政诉讼情况”表中没有填写任何数字（可能是未填写的空白模板）。'], layout);
  }
});

test('table 二 cut off: the message names the missing rows and does not speak of totals', () => {
  const a = renderTable('active', '2021', 'pipeRows').split('\n');
  const cut = a.slice(0, a.findIndex((l) => l.startsWith('行政许可'))).join('\n');
  const m = check(`二、主动公开政府信息情况\n${cut}\n三、收到和处理政府信息公开申请情况\n`).findings
    .filter((f) => f.ruleId === 'table-row-missing').map((f) => toDiagnostic(f).message);
  assert.deepEqual(m, ['“主动公开政府信息情况”表在此处中断，其后的4行缺失：“行政许可”“行政处罚”“行政强制”“行政事业性收费”。']);
});
