import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, readReport, toDiagnostic } from '../../server/src/core';
import { renderTable } from '../../server/src/core/render/tables';
import { allShapes, BLANK_SHAPES, fixedModel, modelValues, reportValues, TODO, withBlankZeros, type ReportModel } from '../helpers/layouts';

/** Reads a shape's text and checks it gives the model's numbers back, with only the findings allowed. */
function readsBack(text: string, m: ReportModel, what: string, allowed: readonly string[] = []): void {
  const { report, findings } = check(text);
  const unexpected = findings.filter((f) => !allowed.includes(f.ruleId)).map((f) => `${f.ruleId}: ${toDiagnostic(f).message}`);
  assert.deepEqual(unexpected, [], `${what}: findings`);
  assert.deepEqual(reportValues(report), modelValues(m), `${what}: numbers`);
  assert.equal(report.sections.length, 6, `${what}: parts`);
  assert.equal(report.tables.applications?.version, m.version, `${what}: format version`);
}

/** A shape written in Traditional Chinese is said to be so (an information), and nothing else. */
const traditional = (name: string) => /traditional|\+all$/i.test(name);

// One test per shape: the fixed model in both formats reads back to the same numbers, with no finding.
for (const [name, shape] of Object.entries(allShapes())) {
  test(`shape ${name}`, TODO[name] ? { todo: TODO[name] } : {}, () => {
    for (const version of ['2021', '2019'] as const) {
      const m = fixedModel(version);
      const text = shape(m);
      readsBack(text, m, `${name} ${version}`, traditional(name) ? ['traditional-script'] : []);
      const said = check(text).findings.some((f) => f.ruleId === 'traditional-script');
      assert.equal(said, traditional(name), `${name} ${version}: traditional-script`);
    }
  });
}

// Blank cells: the blanks come back as blanks (null), and nothing but the blank-cell finding is said.
for (const [name, shape] of Object.entries(BLANK_SHAPES)) {
  test(`shape ${name} (blank cells)`, TODO[name] ? { todo: TODO[name] } : {}, () => {
    for (const version of ['2021', '2019'] as const) {
      const m = withBlankZeros(fixedModel(version));
      readsBack(shape(m), m, `${name} ${version}`, ['cell-blank']);
    }
  });
}

test('the fixed model has every relation hold, zeros and numbers that differ from row to row', () => {
  for (const version of ['2021', '2019'] as const) {
    const v = modelValues(fixedModel(version));
    const rows = Object.entries(v).filter(([k]) => k.startsWith('applications.'));
    assert.equal(new Set(rows.map(([, cells]) => cells.join())).size, rows.length, 'rows differ');
    assert.ok(rows.some(([, cells]) => cells.includes(0)), 'zeros');
    assert.deepEqual(v['reviewLitigation.review'].slice(0, 4).reduce((a, b) => a! + b!, 0), v['reviewLitigation.review'][4]);
  }
});

test('an HTML table with rowspan, colspan, &nbsp; blanks and cells split over tags', () => {
  const html = [
    '<html><body><p>一、总体情况</p><p>正文。</p><p>三、收到和处理政府信息公开申请情况</p>',
    '<table border="1"><tr><td colspan="3" rowspan="2">(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)</td><td colspan="7">申请人情况</td></tr>',
    '<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>',
    '<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>',
    '<tr><td colspan="3">一、本年新收政府信息公开申请数量</td><td><span>1</span></td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td><b>1</b></td></tr>',
    '<tr><td colspan="3">二、上年结转政府信息公开申请数量</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>',
    '<tr><td rowspan="22">三、本年度办理结果</td><td colspan="2">(一)予以公开</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>&nbsp;</td></tr>',
    '</table></body></html>',
  ].join('\n');
  const rep = readReport(html);
  assert.ok(rep.html);
  const t = rep.tables.applications!;
  assert.deepEqual(t.rows.find((r) => r.key === 'newReceived')!.cells.map((c) => c.value), [1, 0, 0, 0, 0, 0, 1]);
  const granted = t.rows.find((r) => r.key === 'granted')!;
  assert.equal(granted.cells[6].problem, 'blank');
  // The blank cell's range is the &nbsp; entity in the source, so a fix writes over exactly that.
  assert.equal(html.slice(granted.cells[6].start, granted.cells[6].end), '&nbsp;');
  const one = t.rows.find((r) => r.key === 'newReceived')!.cells[0];
  assert.equal(html.slice(one.start, one.end), '1');
  assert.deepEqual(rep.sections.map((s) => s.key), ['overview', 'applications']);
});

test('a Markdown table with a row label and its group label in one row', () => {
  const md = [
    '三、收到和处理政府信息公开申请情况',
    '| (本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) | | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |',
    '|---|---|---|---|---|---|---|---|---|',
    '| 一、本年新收政府信息公开申请数量 | | 2 | 0 | 0 | 0 | 0 | 0 | 2 |',
    '| 三、本年度办理结果 | (一)予以公开 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |',
    '| | (二)部分公开(区分处理的,只计这一情形,不计其他情形) | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
    '| (三)不予公开 | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
  ].join('\n');
  const t = readReport(md).tables.applications!;
  assert.deepEqual(t.rows.filter((r) => !r.group).map((r) => [r.key, r.cells.map((c) => c.value)]), [
    ['newReceived', [2, 0, 0, 0, 0, 0, 2]],
    ['granted', [2, 0, 0, 0, 0, 0, 2]],
    ['partiallyGranted', [0, 0, 0, 0, 0, 0, 0]],
    ['denied.stateSecret', [0, 0, 0, 0, 0, 0, 0]],
  ]);
});

test('Traditional Chinese labels are matched through OpenCC', () => {
  const text = renderTable('applications', '2021', 'cellPerLine')
    .replace(/政府信息公开申请数量/g, '政府信息公開申請數量').replace(/结转/g, '結轉').replace(/总计/g, '總計').replace(/属于国家秘密/g, '屬於國家秘密');
  const rep = readReport(text);
  assert.equal(rep.tables.applications?.rows.filter((r) => r.key && !r.group).length, 25);
  assert.equal(rep.script, 'traditional');
});

test('labels with spaces inside and shortened header cells are still matched', () => {
  const text = renderTable('applications', '2021', 'cellPerLine')
    .replace('(三)不予公开', '(三)不予 公开').replace('商业企业', '商业 企业').replace('5.要求行政机关确认或重新出具已获取信息', '5.要求行政机关确认或重新 出具已获取信息');
  const { findings } = check(text);
  assert.deepEqual(findings.filter((f) => f.ruleId.startsWith('table-')).map((f) => f.ruleId), []);
});

test('a very long line and hostile text never throw and give in-range diagnostics', () => {
  const long = '一、总体情况\n' + '很长的一行'.repeat(20000) + '\n' + '|'.repeat(50000) + '\n' + '0 |\n'.repeat(1000);
  for (const text of [long, '', '\uFEFF', '\r\r\n\n', '<table><tr><td>', '|||\n|\n\t\n', '\ud800\udc00\ud800', '&#99999999;<td>1</td>']) {
    const { findings } = check(text);
    const lines = text.split(/\r\n|\r|\n/);
    for (const f of findings) {
      assert.ok(f.range.start.line < lines.length && f.range.end.line < lines.length);
      assert.ok(f.range.end.character <= lines[f.range.end.line].length + 1);
    }
  }
});
