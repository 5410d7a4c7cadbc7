import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, toDiagnostic, readReport } from '../../server/src/core';
import { seed } from '../helpers/fixtures';

const r = (l1: number, c1: number, l2: number, c2: number) => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });

function diagnostics(prefix: string) {
  return check(seed(prefix)).findings.map((f) => toDiagnostic(f));
}

test('seeds 000, 001 and 003 have consistent tables: 001 no diagnostic; 000 and 003 start without a title line, 000 cites 〔2019〕60号 for a 2023 report and has no fee statement', () => {
  assert.deepEqual(diagnostics('001'), []);
  const ds = diagnostics('000');
  assert.deepEqual(ds.map((d) => [d.code, d.range, d.severity]), [
    ['preamble-missing', r(0, 0, 0, 0), 2],
    ['format-citation', r(0, 113, 0, 128), 4],
    ['fee-statement-missing', r(335, 0, 335, 11), 2],
  ]);
  assert.equal(ds[0].message, '报告开头没有标题（“机关名称＋年份＋政府信息公开工作年度报告”）。');
  assert.match(ds[1].message, /〔2021〕30号），请引用该通知。$/);
  assert.match(ds[2].message, /^第六部分“其他需要报告的事项”没有报告信息处理费收取情况/);
  assert.deepEqual(diagnostics('003').map((d) => [d.code, d.range]), [['preamble-missing', r(0, 0, 0, 0)]]);
});

test('seed 002: Traditional script, the two missing tables, row total and column total on (七)总计 (the balance does not blame 结转下年度), site navigation after the end', () => {
  const ds = diagnostics('002');
  assert.deepEqual(ds.map((d) => [d.code, d.range]), [
    ['traditional-script', r(0, 0, 0, 25)],
    ['intro-part-count', r(2, 185, 2, 188)],
    ['table-missing', r(28, 0, 28, 12)],
    ['row-total', r(219, 0, 219, 1)],
    ['column-total', r(219, 0, 219, 1)],
    ['table-missing', r(228, 0, 228, 27)],
    ['text-residue', r(235, 0, 239, 4)],
  ]);
  assert.deepEqual(ds.filter((d) => d.data).map((d) => d.data), [
    { relation: 'row-total', table: 'applications', row: 'total', column: 'total', expected: 2, actual: 0 },
    { relation: 'column-total', table: 'applications', row: 'total', column: 'total', expected: 2, actual: 0 },
  ]);
  const msg = (code: string, k = 0) => ds.filter((d) => d.code === code)[k].message;
  assert.equal(msg('intro-part-count'), '引言称本报告包括“八部分”，正文实有六个部分。引言所述部分应与正文各部分标题一致。');
  assert.match(msg('table-missing'), /第二部分.*没有“主动公开政府信息情况”表/);
  assert.match(msg('table-missing', 1), /第四部分.*没有“政府信息公开行政复议、行政诉讼情况”表/);
  assert.equal(ds[0].severity, 3);
  assert.equal(msg('text-residue'), '报告正文结束后有3行网站导航等页面残留（“相關詞條”等），不属于报告内容。');
});

test('seed 004: the prose\'s 1 application against the 总计 0, a Word bookmark left in the text, three row totals written 0 instead of 1, and part 三 numbered 2、', () => {
  const ds = diagnostics('004');
  assert.deepEqual(ds.map((d) => [d.code, d.range, d.severity]), [
    ['prose-table-mismatch', r(8, 31, 8, 32), 2],
    ['text-residue', r(12, 0, 12, 19), 2],
    ['section-numeral', r(62, 0, 62, 2), 2],
    ['row-total', r(90, 1, 90, 2), 1],
    ['row-total', r(130, 1, 130, 2), 1],
    ['row-total', r(341, 1, 341, 2), 1],
  ]);
  assert.equal(ds[0].message, '正文写明本年新收政府信息公开申请数量为1，而“收到和处理政府信息公开申请情况”表中“本年新收政府信息公开申请数量”的“总计”为0，两者不一致。');
  assert.equal(ds[1].message, '文本中有格式转换残留“[bookmark: _GoBack]”（Word文档的书签标记），不属于报告内容。');
  assert.equal(ds[2].message, '第三部分“收到和处理政府信息公开申请情况”的序号应为“三、”，实际为“2、”。');
  assert.deepEqual(ds.slice(3).map((d) => d.data), ['newReceived', 'denied.stateSecret', 'total'].map((row) => ({
    relation: 'row-total', table: 'applications', row, column: 'total', expected: 1, actual: 0,
  })));
  assert.equal(ds[3].message, '“本年新收政府信息公开申请数量”行“总计”列应为1（自然人与法人或其他组织各列之和），表中填写的是0。');
  assert.equal(diagnostics('002').find((d) => d.code === 'column-total')?.message, '“（七）总计”行“总计”列应为2（本年度各项办理结果之和），表中填写的是0。');
});

test('the reader finds title, issuer, year, period and format on the seeds', () => {
  const expect: Record<string, [string | null, number, string, '2019' | '2021', 'simplified' | 'traditional']> = {
    '000': [null, 2023, '2023-01-01..2023-12-31', '2021', 'simplified'],
    '001': ['阿尔山市政务服务局', 2022, '2022-01-01..2022-12-31', '2021', 'simplified'],
    '002': ['山西省退役军人事务厅', 2019, '2019-01-01..2019-12-31', '2019', 'traditional'],
    '003': ['临沂市国防动员办公室', 2023, '2023-01-01..2023-12-31', '2021', 'simplified'],
    '004': ['北京市大兴区退役军人事务局', 2023, '2023-01-01..2023-12-31', '2021', 'simplified'],
  };
  for (const [p, [issuer, year, period, version, script]] of Object.entries(expect)) {
    const rep = readReport(seed(p));
    assert.equal(rep.issuer?.text ?? null, issuer, `issuer ${p}`);
    assert.equal(rep.year?.value, year, `year ${p}`);
    assert.equal(`${rep.period?.from}..${rep.period?.to}`, period, `period ${p}`);
    assert.equal(rep.format.version, version, `format ${p}`);
    assert.equal(rep.script, script, `script ${p}`);
  }
});

test('the reader reads every cell of the seeds with its exact range', () => {
  const rep = readReport(seed('003'));
  const t = rep.tables.applications!;
  const row = (k: string) => t.rows.find((x) => x.key === k)!;
  assert.deepEqual(row('newReceived').cells.map((c) => c.value), [27, 2, 0, 0, 0, 0, 29]);
  assert.deepEqual(row('newReceived').cells[0].range, r(51, 0, 51, 2));
  assert.deepEqual(row('total').cells.map((c) => c.value), [27, 2, 0, 0, 0, 0, 29]);
  assert.deepEqual(row('unable.notHeld').cells.map((c) => c.value), [6, 0, 0, 0, 0, 0, 6]);
  const c = rep.tables.reviewLitigation!;
  assert.deepEqual(c.rows.map((x) => x.cells.map((y) => y.value)), [[0, 0, 0, 0, 0], [0, 0, 0, 1, 1], [0, 0, 0, 0, 0]]);
  const a = rep.tables.active!;
  assert.deepEqual(a.rows.filter((x) => !x.group).map((x) => [x.key, x.cells.map((y) => y.value)]), [
    ['rules', [0, 0, 0]], ['normativeDocuments', [0, 0, 0]], ['licensing', [0]], ['penalties', [1]], ['enforcement', [0]], ['fees', [0]],
  ]);
  // Seed 004: a number that Word pushed onto the next line is still its cell, with its own range.
  const t4 = readReport(seed('004')).tables.applications!;
  const conf = t4.rows.find((x) => x.key === 'notProcessed.confirmation')!;
  assert.deepEqual(conf.cells.map((x) => x.value), [0, 0, 0, 0, 0, 0, 0]);
  assert.deepEqual(conf.cells[5].range, r(295, 0, 295, 1));
  // Seed 002: the 2019 format's single (六)其他处理 row.
  const t2 = readReport(seed('002')).tables.applications!;
  assert.equal(t2.version, '2019');
  assert.deepEqual(t2.rows.find((x) => x.key === 'other')!.cells.map((x) => x.value), [0, 0, 0, 0, 0, 0, 0]);
});
