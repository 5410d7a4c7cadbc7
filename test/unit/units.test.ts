import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, toDiagnostic } from '../../server/src/core';
import { applyEdits, fixAll } from '../../server/src/core/service/actions';
import { renderTable } from '../../server/src/core/render/tables';

/** Table 二 alone in a format version, every cell 0 but one. */
function active(version: '2019' | '2021', row: string, column: string, text: string): string {
  return `二、主动公开政府信息情况\n${renderTable('active', version, 'pipeRows', (r, c) => (r === row && c === column ? text : '0'))}\n三、收到和处理政府信息公开申请情况\n`;
}
const cellFindings = (text: string) => check(text).findings.filter((f) => f.ruleId.startsWith('cell-'));

test('cell-unit: 12.5万元 in the 万元 column of table 二 is a warning with a safe fix to 12.5', () => {
  const text = active('2021', 'fees', 'feeAmount', '12.5万元');
  const fs = cellFindings(text);
  assert.deepEqual(fs.map((f) => [f.ruleId, f.severity]), [['cell-unit', 2]]);
  assert.equal(toDiagnostic(fs[0]).message, '“行政事业性收费”的“本年收费金额（单位：万元）”已在表头注明单位万元，表中只填数字：“12.5万元”应写作“12.5”。');
  assert.equal(fs[0].fix!.safe, true);
  const all = check(text);
  const fixed = applyEdits(text, fixAll(all.report, all.findings)!.edits);
  assert.ok(fixed.includes('| 12.5 |') || /\b12\.5\b/.test(fixed.split('\n').find((l) => l.startsWith('行政事业性收费'))!));
  assert.deepEqual(cellFindings(fixed), []);
});

test('cell-unit: 251000元 in a 万元 column is probably in 元 (a factor of 10⁴); the fix to 25.1 is offered, never unattended', () => {
  const text = active('2021', 'fees', 'feeAmount', '251000元');
  const [f] = cellFindings(text);
  assert.equal(f.ruleId, 'cell-unit');
  assert.equal(f.severity, 1);
  assert.match(toDiagnostic(f).message, /可能是按元填写的（相差10⁴倍），折合25\.1万元/);
  assert.equal(f.fix!.safe, false);
  assert.equal(f.fix!.edits[0].newText.trim(), '25.1');
});

test('cell-unit: in the 2019 format 采购总金额 has no unit in the national header: 251000元 is a warning, not an error', () => {
  const text = active('2019', 'procurement', 'procurementAmount', '251000元');
  const fs = cellFindings(text);
  assert.deepEqual(fs.map((f) => [f.ruleId, f.severity]), [['cell-unit', 2]]);
  assert.match(toDiagnostic(fs[0]).message, /国家格式的表头没有规定这一列的单位/);
  assert.equal(fs[0].fix, undefined);
});

test('a count with a unit is still not a number', () => {
  const text = active('2021', 'licensing', 'decisions', '5件');
  assert.deepEqual(cellFindings(text).map((f) => f.ruleId), ['cell-not-number']);
});
