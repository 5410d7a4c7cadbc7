import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, toDiagnostic } from '../../server/src/core';
import { applyEdits, fixAll, quickFixes } from '../../server/src/core/service/actions';
import { renderTable } from '../../server/src/core/render/tables';
import { seed } from '../helpers/fixtures';

/** Table 三 alone, every cell 0 but the given ones (`row/column` → value). */
function table(cells: Record<string, number>): string {
  return `三、收到和处理政府信息公开申请情况\n${renderTable('applications', '2021', 'pipeRows', (row, col) => String(cells[`${row}/${col}`] ?? 0))}`;
}
const arithmetic = (text: string) => check(text).findings.filter((f) => f.data).map((f) => `${f.ruleId}/${f.data!.row}/${f.data!.column}`);

test('seed 002: (七)总计 fails in the 总计 column, so that column\'s balance is not reported: exactly its row and column totals', () => {
  assert.deepEqual(arithmetic(seed('002')), ['row-total/total/total', 'column-total/total/total']);
});

test('repro fixall-balance: a result with no application; fix-all does not write 结转下年度 against its own row', () => {
  // 本年新收 自然人 5; 属于国家秘密 商业企业 1 (and its totals); 结转下年度 自然人 5.
  const text = table({
    'newReceived/naturalPerson': 5, 'newReceived/total': 5, 'denied.stateSecret/commercial': 1, 'denied.stateSecret/total': 1,
    'total/commercial': 1, 'total/total': 1, 'carriedForward/naturalPerson': 5, 'carriedForward/total': 5,
  });
  const r = check(text);
  const balances = r.findings.filter((f) => f.ruleId === 'carry-over-balance');
  assert.deepEqual(balances.map((f) => f.data!.column), ['commercial', 'total']);
  assert.equal(toDiagnostic(balances[1]).message,
    '“结转下年度继续办理”行“总计”列与勾稽关系不符：本年新收（5）加上年结转（0）应等于（七）总计（1）加结转下年度继续办理（5）。请逐项核对这四个数字。');
  // The commercial column would need −1: no fix. The 总计 column: offered (the column's other relations hold), never unattended.
  assert.equal(balances[0].fix, undefined);
  assert.equal(balances[1].fix!.safe, false);
  assert.equal(balances[1].fix!.preferred, false);
  // Fix-all has nothing safe to do here; in particular it does not write 4 into 结转下年度's 总计.
  assert.equal(fixAll(r.report, r.findings), null);
});

test('the balance fix is offered only when the column\'s other relations hold', () => {
  // 新收 3, 结转下年度 written 0: the balance asks for 3 there.
  const ok = table({ 'newReceived/naturalPerson': 3, 'newReceived/total': 3 });
  let f = check(ok).findings.filter((x) => x.ruleId === 'carry-over-balance');
  assert.deepEqual(f.map((x) => [x.data!.column, x.data!.expected, !!x.fix]), [['naturalPerson', 3, true], ['total', 3, true]]);
  const after = applyEdits(ok, f[0].fix!.edits);
  assert.ok(!arithmetic(after).includes('carry-over-balance/carriedForward/naturalPerson'));
  // The same with 本年新收's own row total wrong: the balance is still named, but no single cell is blamed.
  const bad = table({ 'newReceived/naturalPerson': 3, 'newReceived/total': 4 });
  f = check(bad).findings.filter((x) => x.ruleId === 'carry-over-balance');
  assert.deepEqual(f.map((x) => [x.data!.column, !!x.fix]), [['naturalPerson', false], ['total', false]]);
  for (const x of f) for (const a of quickFixes(check(bad).report, x)) assert.notEqual(a.title.template.zh, '将“结转下年度继续办理”改为{value}');
});
