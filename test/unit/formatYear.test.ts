import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, toDiagnostic } from '../../server/src/core';
import { renderReport } from '../../server/src/core/render/report';
import { renderTable } from '../../server/src/core/render/tables';
import { corpus, seed } from '../helpers/fixtures';

const RULES = new Set(['format-year', 'format-citation', 'active-table-plausibility']);
const mine = (text: string) => check(text).findings.filter((f) => RULES.has(f.ruleId)).map((f) => toDiagnostic(f));

test('format-year: seed 002 (2019 tables) made a 2021 report is an error on table 三’s single （六） row, saying which format applies', () => {
  const text = seed('002').replace(/2019/g, '2021');
  const ds = mine(text).filter((d) => d.code === 'format-year');
  assert.deepEqual(ds.map((d) => d.severity), [1]);
  assert.match(text.split('\n')[ds[0].range.start.line], /^\s*[(（]六[)）]其他[处處]理/);
  assert.match(ds[0].message, /^本报告是2021年度报告，应使用国办公开办函〔2021〕30号.*“收到和处理政府信息公开申请情况”表是2019年格式.*“（六）其他处理”只有一行/);
});

test('format-year: corpus 017 (2020, old table 二) made a 2022 report is an error on table 二, at its 2019-only row', () => {
  const text = corpus('017').replace(/2020/g, '2022');
  const [d, ...rest] = mine(text).filter((x) => x.code === 'format-year');
  assert.equal(rest.length, 0, 'table 三 is cut before （六）: its version is the year’s, not its own');
  assert.equal(d.severity, 1);
  assert.match(text.split('\n')[d.range.start.line], /其他对外管理服务事项/);
  assert.match(d.message, /“主动公开政府信息情况”表是2019年格式/);
});

test('format-year: seed 003 (2021 tables) made a 2020 report is a warning on each table', () => {
  const ds = mine(seed('003').replace(/2023/g, '2020')).filter((d) => d.code === 'format-year');
  assert.deepEqual(ds.map((d) => d.severity), [2, 2]);
  assert.match(ds[0].message, /2019、2020年度报告使用国办公开办函〔2019〕60号规定的格式，但“主动公开政府信息情况”表是国办公开办函〔2021〕30号格式/);
  assert.match(ds[1].message, /“（六）其他处理”分为三个细分项/);
});

test('format-year: silent where the version is the year’s, comes from the year, or the year is unknown or before 2019', () => {
  for (const p of ['000', '001', '002', '003', '004']) assert.deepEqual(mine(seed(p)).filter((d) => d.code === 'format-year'), [], `seed ${p}`);
  // A 2021-format table 三 cut before （六）: its version is not its own, so it cannot contradict 2020.
  const cut = `某某局2020年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n${renderTable('applications', '2021', 'pipeRows').split('\n').slice(0, 6).join('\n')}\n`;
  assert.deepEqual(mine(cut), []);
  assert.deepEqual(mine(renderReport({ issuer: '某某局', year: 2018, version: '2021' })).filter((d) => d.code === 'format-year'), []);
  assert.deepEqual(mine(seed('002').replace(/2019/g, '')).filter((d) => d.code === 'format-year'), []);
});

test('format-year: an unreadable table says nothing about its format (corpus 134, 2019, read as the year says)', () => {
  const text = corpus('134').replace(/2019年/g, '2022年');
  assert.deepEqual(mine(text).filter((d) => d.code === 'format-year'), []);
});

test('format-citation: a 2021+ report citing 〔2019〕60号 as its basis gets a hint on the citation; citing 30号 too, or a 2020 report, does not', () => {
  const text = seed('000');
  const [d, ...rest] = mine(text);
  assert.equal(rest.length, 0);
  assert.deepEqual([d.code, d.severity], ['format-citation', 4]);
  assert.equal(text.split('\n')[d.range.start.line].slice(d.range.start.character, d.range.end.character), '国办公开办函〔2019〕60号');
  assert.match(d.message, /^本报告是2023年度报告，所引依据是国办公开办函〔2019〕60号。自2021年度报告起.*〔2021〕30号），请引用该通知。$/);
  assert.deepEqual(mine(corpus('035')), [], 'corpus 035 cites both notices');
  assert.deepEqual(mine(renderReport({ issuer: '某某局', year: 2020 })), []);
  assert.deepEqual(mine(renderReport({ issuer: '某某局', year: 2023 })), []);
  const trad = renderReport({ issuer: '某某局', year: 2023, version: '2019' }).replace('国办公开办函〔2019〕60号', '國辦公開辦函〔2019〕60號');
  assert.ok(mine(trad).some((x) => x.code === 'format-citation'), 'a Traditional copy');
  const mention = renderReport({ issuer: '某某局', year: 2023 }).replace('（一）主动公开', '（一）主动公开\n对照国办公开办函〔2019〕60号的旧格式，今年的表格有所调整。');
  assert.deepEqual(mine(mention), [], 'a mention that is not the basis');
});

/** Table 二 in a format version, every cell 0 except those given. */
function active(version: '2019' | '2021', values: Record<string, string>): string {
  return `二、主动公开政府信息情况\n${renderTable('active', version, 'pipeRows', (r, c) => values[`${r}/${c}`] ?? '0')}\n三、收到和处理政府信息公开申请情况\n`;
}

test('active-table-plausibility: 2019, items last year plus the change below 0 is an error over both cells (corpus 022’s 6 and 减4, written -8)', () => {
  const text = active('2019', { 'licensing/previousYear': '6', 'licensing/change': '-8', 'licensing/decisions': '2' });
  const [d, ...rest] = mine(text);
  assert.equal(rest.length, 0);
  assert.deepEqual([d.code, d.severity], ['active-table-plausibility', 1]);
  const line = text.split('\n')[d.range.start.line];
  assert.equal(line.slice(d.range.start.character, d.range.end.character), '6 | -8');
  assert.equal(d.message, '“行政许可”的上一年项目数量加本年增/减为-2，项目数量不能小于0。请核对这两个数字。');
  assert.deepEqual(mine(active('2019', { 'licensing/previousYear': '6', 'licensing/change': '-6' })), []);
  assert.deepEqual(mine(active('2019', { 'licensing/previousYear': '6', 'licensing/change': '减8' })), [], 'a change that is not a number is cell-not-number’s');
});

test('active-table-plausibility: 2019, total published below newly published is a warning (corpus 020’s 4 and 47, written 3)', () => {
  const ds = mine(active('2019', { 'normativeDocuments/newlyMade': '34', 'normativeDocuments/newlyPublished': '4', 'normativeDocuments/totalPublished': '3' }));
  assert.deepEqual(ds.map((d) => [d.code, d.severity]), [['active-table-plausibility', 2]]);
  assert.equal(ds[0].message, '“行政规范性文件”的对外公开总数量（3）小于本年新公开数量（4）。对外公开总数量是累计数，包括本年新公开的文件，请核对。');
  assert.deepEqual(mine(active('2019', { 'normativeDocuments/newlyMade': '34', 'normativeDocuments/newlyPublished': '4', 'normativeDocuments/totalPublished': '47' })), []);
});

test('active-table-plausibility: 2021, in force below issued this year is a hint (corpus 010’s 4 and 4, written 2); equal or above is silent', () => {
  const ds = mine(active('2021', { 'normativeDocuments/issued': '4', 'normativeDocuments/inForce': '2' }));
  assert.deepEqual(ds.map((d) => [d.code, d.severity]), [['active-table-plausibility', 4]]);
  assert.match(ds[0].message, /^“行政规范性文件”的现行有效件数（2）小于本年制发件数（4）。/);
  assert.deepEqual(mine(active('2021', { 'normativeDocuments/issued': '4', 'normativeDocuments/inForce': '4' })), []);
  assert.deepEqual(mine(active('2021', { 'normativeDocuments/issued': '4', 'normativeDocuments/inForce': '' })), [], 'a blank is not judged');
  // The 2019 checks do not apply to 2021 tables, nor the 2021 one to 2019 tables.
  assert.deepEqual(mine(active('2019', { 'rules/newlyMade': '4', 'rules/newlyPublished': '0', 'rules/totalPublished': '0' })), []);
});
