import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readReport, type Report } from '../../server/src/core';
import { fold, labelKey } from '../../server/src/core/text/normalize';
import { seed } from '../helpers/fixtures';

/** Every table's rows as key → values, and the part headings: what a variant must not change. */
function reading(r: Report) {
  const tables = Object.fromEntries(
    Object.entries(r.tables).map(([k, t]) => [k, t ? t.rows.map((row) => `${row.key}:${row.cells.map((c) => c.value).join(',')}`) : null]),
  );
  return { sections: r.sections.map((s) => s.key), version: r.tables.applications?.version, tables };
}

/** A seed with one wording replaced (it must be there) reads to the same numbers and parts. */
function sameReading(prefix: string, from: string, to: string) {
  const text = seed(prefix);
  assert.ok(text.includes(from), `seed ${prefix} has ${from}`);
  const base = readReport(text);
  assert.ok(base.tables.applications, 'table 三 is read');
  assert.deepEqual(reading(readReport(text.split(from).join(to))), reading(base), `${from} → ${to}`);
}

test('table 三 row wordings: 本年度新收…, 上一年结转…, 结转下一年度继续办理', () => {
  for (const prefix of ['000', '004']) {
    sameReading(prefix, '本年新收政府信息公开申请数量', '本年度新收政府信息公开申请数量');
    sameReading(prefix, '上年结转政府信息公开申请数量', '上一年结转政府信息公开申请数量');
    sameReading(prefix, '结转下年度继续办理', '结转下一年度继续办理');
  }
});

test('the row patterns stay anchored: a longer row label does not take another row', () => {
  const text = seed('000').split('结转下年度继续办理').join('结转下一年度继续办理');
  const rows = readReport(text).tables.applications!.rows.map((r) => r.key);
  assert.equal(rows.filter((k) => k === 'carriedForward').length, 1);
  assert.equal(rows.filter((k) => k === 'carriedOver').length, 1);
});

test('table 三 header cells: 申请人类型, 法人或者其他组织, 公益组织, a 注：（…勾稽关系…） note', () => {
  for (const prefix of ['000', '004']) {
    sameReading(prefix, '法人或其他组织', '法人或者其他组织');
    sameReading(prefix, '社会公益组织', '公益组织');
  }
  sameReading('000', '申请人情况', '申请人类型');
  sameReading('000', '(本列数据的勾稽关系为:', '注：（本列数据的勾稽关系为:');
  sameReading('004', '（本列数据的勾稽关系为：', '注：（本列数据的勾稽关系为：');
});

test('table 二 header cells 本年新制发件数 and 本年收费金额（万元） are headers, not rows', () => {
  for (const prefix of ['000', '004']) sameReading(prefix, '本年制发件数', '本年新制发件数');
  sameReading('000', '本年收费金额(单位:万元)', '本年收费金额（万元）');
  sameReading('004', '本年收费金额（单位：万元）', '本年收费金额（万元）');
});

test('a heading misspelt 三、收到的处理政府信息公开申请情况 is part 三', () => {
  sameReading('000', '三、收到和处理政府信息公开申请情况', '三、收到的处理政府信息公开申请情况');
});

test('Traditional text with inline pinyin from mirror sites: 規(guī)章, 數（shù）量', () => {
  assert.equal(labelKey('規(guī)章'), '规章');
  assert.equal(labelKey('數（shù）量'), '数量');
  // Not pinyin: no tone mark, or not Latin letters.
  assert.equal(fold('(PDF)'), '(PDF)');
  assert.equal(labelKey('(一)予以公开'), '予以公开');
  sameReading('002', '公開申請', '公開申(shēn)請');
  sameReading('002', '申請數量', '申請數(shù)量');
  sameReading('002', '四、因政府信息公開工作被申請行政複議', '四、因政府信息公開工作被申請行(xíng)政複議');
});

test('radical look-alikes from PDF extraction: Kangxi ⼀ and ⾏, CJK Radicals Supplement ⻓ ⻔ ⻚', () => {
  assert.equal(fold('⼀⼆⼋⼗'), '一二八十');
  assert.equal(fold('⻓⻔⻚⻛⻢'), '长门页风马');
  assert.equal(fold('⺟⻳'), '母龟');
  sameReading('000', '一、总体情况', '⼀、总体情况');
  sameReading('000', '行政许可', '⾏政许可');
  sameReading('000', '自然人', '⾃然⼈');
  const r = readReport(seed('000').replace('二、主动公开政府信息情况', '⼆、主动公开政府信息情况'));
  assert.equal(r.sections[1].numeral?.value, 2);
  assert.equal(r.sections[1].numeral?.text, '⼆、');
});
