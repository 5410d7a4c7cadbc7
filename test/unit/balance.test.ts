import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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

test('repro fixall-balance: a result with no application; no fix writes 结转下年度 against its own row', () => {
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
  // The commercial column would need −1: no fix. The 总计 column: 4 would leave 结转下年度's row failing its own total (5): not offered.
  assert.equal(balances[0].fix, undefined);
  for (const f of balances) assert.deepEqual(quickFixes(r.report, f), []);
  assert.equal(fixAll(r.report, r.findings), null);
});

test('the repro input as filed (test/fixtures/repro/fixall-balance.txt): its findings, no action on them, no fix-all', () => {
  const dir = join(__dirname, '..', 'fixtures', 'repro');
  const text = readFileSync(join(dir, 'fixall-balance.txt'), 'utf8');
  const want = JSON.parse(readFileSync(join(dir, 'fixall-balance.txt.expect.json'), 'utf8'));
  const { report, findings } = check(text);
  const got = findings.map((f) => ({
    rule: f.ruleId, row: f.data?.row, column: f.data?.column, expected: f.data?.expected, actual: f.data?.actual,
    actions: quickFixes(report, f).map((a) => a.title.template.zh),
  }));
  assert.deepEqual(got, want.findings);
  assert.equal(fixAll(report, findings), want.fixAll);
});

test('the balance fix is offered only when the column\'s other relations hold, and keeps 结转下年度\'s row adding up', () => {
  // 新收 3, 结转下年度 written 0: the balance asks for 3 there, and 结转下年度's total becomes 3 with it.
  const ok = table({ 'newReceived/naturalPerson': 3, 'newReceived/total': 3 });
  let r = check(ok);
  let f = r.findings.filter((x) => x.ruleId === 'carry-over-balance');
  assert.deepEqual(f.map((x) => [x.data!.column, x.data!.expected, !!x.fix]), [['naturalPerson', 3, true], ['total', 3, true]]);
  const [own] = quickFixes(r.report, f[0]);
  assert.deepEqual(own.title.args, { value: 3, total: 3 });
  assert.deepEqual(arithmetic(applyEdits(ok, own.edits)), []);
  // Writing only 结转下年度's total would leave its row failing its own total: not offered.
  assert.deepEqual(quickFixes(r.report, f[1]), []);
  // The same with 本年新收's own row total wrong: the balance is still named, but no single cell is blamed.
  const bad = table({ 'newReceived/naturalPerson': 3, 'newReceived/total': 4 });
  r = check(bad);
  f = r.findings.filter((x) => x.ruleId === 'carry-over-balance');
  assert.deepEqual(f.map((x) => [x.data!.column, !!x.fix]), [['naturalPerson', false], ['total', false]]);
  for (const x of f) for (const a of quickFixes(r.report, x)) assert.doesNotMatch(a.title.template.zh, /结转下年度继续办理/);
});

test('a row total whose correction reveals the balance is still offered; one contradicting a held total is not', () => {
  // Seed 004's shape: 本年新收, 属于国家秘密 and (七)总计 all written 0 in the 总计 column instead of 1.
  const text = table({ 'newReceived/naturalPerson': 1, 'denied.stateSecret/naturalPerson': 1, 'total/naturalPerson': 1, 'carriedForward/naturalPerson': 0 });
  const r = check(text);
  const rows = r.findings.filter((f) => f.ruleId === 'row-total');
  assert.deepEqual(rows.map((f) => f.data!.row), ['newReceived', 'denied.stateSecret', 'total']);
  // Each is offered alone: what fails afterwards fails because of another total that does not add up (its own finding).
  for (const f of rows) assert.equal(quickFixes(r.report, f)[0].title.template.zh, '将此格改为{value}');
  // A blank part filled with 0 where its row's total says otherwise contradicts that total: only the total's own fill is offered.
  const v = (row: string, col: string) => (row === 'granted' && col === 'naturalPerson' ? '' : row === 'granted' && col === 'total' ? '2' : '0');
  const blank = `三、收到和处理政府信息公开申请情况\n${renderTable('applications', '2021', 'pipeRows', v)}`;
  const b = check(blank);
  const fill = b.findings.find((f) => f.ruleId === 'cell-blank')!;
  assert.ok(fill.fix, 'the fill is a candidate');
  assert.deepEqual(quickFixes(b.report, fill), []);
});
