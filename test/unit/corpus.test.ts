import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { check, readReport, toDiagnostic } from '../../server/src/core';
import { corpus, corpusFiles } from '../helpers/fixtures';

const ARITHMETIC = new Set(['row-total', 'column-total', 'carry-over-balance', 'review-litigation-total']);

test('every corpus report is read without an exception and without a false arithmetic error', () => {
  const files = corpusFiles();
  assert.ok(files.length >= 35);
  for (const f of files) {
    const { findings } = check(readFileSync(f, 'utf8'));
    const arithmetic = findings.filter((x) => ARITHMETIC.has(x.ruleId));
    assert.deepEqual(arithmetic.map((x) => toDiagnostic(x).message), [], basename(f));
    assert.ok(!findings.some((x) => x.ruleId === 'internal-error'), basename(f));
  }
});

const codes = (prefix: string) => check(corpus(prefix)).findings.map((f) => f.ruleId);
const messages = (prefix: string, code: string) =>
  check(corpus(prefix)).findings.filter((f) => f.ruleId === code).map((f) => toDiagnostic(f).message);

test('a table cut off in the corpus gets one missing-rows diagnostic, never an arithmetic one', () => {
  // 008 breaks off in table 三 at (五)1.
  const m = messages('008', 'table-row-missing');
  assert.equal(m.length, 1);
  assert.match(m[0], /在此处中断，其后的9行缺失/);
  // 023 breaks off right after the header of table 三.
  assert.match(messages('023', 'table-row-missing')[0], /其后的25行缺失/);
});

test('non-numeric cells are named: 减4 (022), / (011), and blank cells (026, 011)', () => {
  assert.deepEqual(messages('022', 'cell-not-number'), ['“行政许可”的“本年增/减”应填写整数（可带正负号），表中是“减4”。']);
  assert.equal(messages('011', 'cell-not-number').length, 3);
  assert.ok(messages('011', 'cell-not-number').every((m) => m.includes('“/”')));
  assert.deepEqual(messages('026', 'cell-blank'), ['“规章”行的“现行有效件数”列未填写。没有发生的事项应填0。']);
});

test('022: the (三) sub-row labels are lost, leaving 60 numbers without a row', () => {
  assert.match(messages('022', 'table-orphan-cells')[0], /有60个数字不属于任何一行/);
  assert.match(messages('022', 'table-row-missing')[0], /缺少8行/);
});

test('013: headings of parts 二, 三, 四 without their tables', () => {
  assert.equal(codes('013').filter((c) => c === 'table-missing').length, 3);
});

test('020 and 030: rows the statutory table does not have are warned about', () => {
  assert.equal(codes('020').filter((c) => c === 'table-row-unexpected').length, 1);
  assert.deepEqual(messages('030', 'table-row-unexpected').map((m) => m.slice(0, 6)), ['“行政检查”', '“行政确认”']);
});

test('006: rows that carry only 自然人 and 总计 are reported as short rows', () => {
  assert.deepEqual(messages('006', 'table-cell-count').slice(0, 1), ['“本年新收政府信息公开申请数量”一行应有7个数字，实际读到2个。']);
});

test('005: a template published without numbers is one diagnostic for table 三', () => {
  assert.match(messages('005', 'table-cell-count').find((m) => m.includes('收到和处理'))!, /没有填写任何数字/);
});

test('layouts of the corpus: pipe rows, blank-line cells, Traditional script, PDF text', () => {
  const laifeng = readReport(corpus('002_laifeng'));
  assert.equal(laifeng.tables.active?.layout, 'pipeRows');
  assert.deepEqual(laifeng.tables.active?.rows.find((r) => r.key === 'rules')?.cells.map((c) => c.value), [0, 0, 0]);
  const hebao = readReport(corpus('015'));
  assert.equal(hebao.tables.active?.version, '2019');
  assert.deepEqual(hebao.tables.active?.rows.find((r) => r.key === 'licensing')?.cells.map((c) => c.value), [0, 0, 0]);
  const trad = readReport(corpus('023'));
  assert.equal(trad.script, 'traditional');
  assert.deepEqual(trad.tables.active?.rows.find((r) => r.key === 'licensing')?.cells.map((c) => c.value), [2468]);
  assert.deepEqual(trad.tables.active?.rows.find((r) => r.key === 'fees')?.cells.map((c) => c.value), [2.02]);
  const pdf = readReport(corpus('009'));
  assert.deepEqual(pdf.tables.reviewLitigation?.rows.map((r) => r.cells.length), [5, 5, 5]);
  const haidian = readReport(corpus('008'));
  assert.deepEqual(haidian.tables.applications?.rows.find((r) => r.key === 'unable.notHeld')?.cells.map((c) => c.value), [54, 0, 0, 0, 0, 0, 54]);
});
