import { test } from 'node:test';
import type { ProseLine } from '../../server/src/core';
import assert from 'node:assert/strict';
import { check, readReport, toDiagnostic } from '../../server/src/core';
import { renderReport } from '../../server/src/core/render/report';
import { renderTable } from '../../server/src/core/render/tables';
import { applyEdits, quickFixes } from '../../server/src/core/service/actions';
import { CONVERSION_NOTE } from '../../server/src/core/service/convert';
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
  // A title year the statistics period contradicts is no year to judge the format by (seed 002's title made 2021).
  const title = seed('002').split('\n');
  const t = title.findIndex((l) => /2019年.*年度報告/.test(l));
  assert.ok(t >= 0 && !/2021/.test(seed('002')));
  assert.deepEqual(mine([...title.slice(0, t), title[t].replace('2019', '2021'), ...title.slice(t + 1)].join('\n')).filter((d) => d.code === 'format-year'), []);
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

/** A 2023 report on the 2019 tables, in a layout, with 2 applications from natural persons handled under （六）. */
function oldTables(layout: 'cellPerLine' | 'pipeRows' | 'tabbed' | 'html' | 'markdown', other = '2'): string {
  const two = new Set(['newReceived', 'other', 'total']);
  return renderReport({
    issuer: '某某局', year: 2023, version: '2019', layout,
    value: (r, c) => (two.has(r) && (c === 'naturalPerson' || c === 'total') ? (r === 'other' && c === 'naturalPerson' ? other : '2') : '0'),
  });
}

test('format-year fix: table 三 converted to the 2021 rows in every layout — 1 and 2 as 0, the old （六） in 3.其他, a note — and nothing else changes', () => {
  for (const layout of ['cellPerLine', 'pipeRows', 'tabbed', 'html', 'markdown'] as const) {
    const text = oldTables(layout);
    const { report, findings } = check(text);
    const f = findings.find((x) => x.ruleId === 'format-year' && x.subject === 'table/applications')!;
    const [action] = quickFixes(report, f);
    assert.ok(action, layout);
    assert.equal(f.fix!.safe, false, 'never unattended');
    const fixed = applyEdits(text, action.edits);
    const after = check(fixed);
    const t = after.report.tables.applications!;
    assert.deepEqual([t.version, t.versionFrom], ['2021', 'table'], layout);
    const values = (key: string) => t.rows.find((r) => r.key === key)!.cells.map((c) => c.value);
    assert.deepEqual(values('other.noCorrection'), [0, 0, 0, 0, 0, 0, 0], layout);
    assert.deepEqual(values('other.noFee'), [0, 0, 0, 0, 0, 0, 0], layout);
    assert.deepEqual(values('other.other'), [2, 0, 0, 0, 0, 0, 2], layout);
    assert.ok(fixed.includes(CONVERSION_NOTE), layout);
    const rest = (fs: typeof findings) => fs.filter((x) => !(x.ruleId === 'format-year' && x.subject === 'table/applications')).map((x) => x.ruleId);
    assert.deepEqual(rest(after.findings), rest(findings), `${layout}: only table 三's finding goes`);
  }
});

test('format-year fix: seed 002 made a 2021 report converts in its own layout (cells ending in spaces), its other numbers as they were', () => {
  const text = seed('002').replace(/2019/g, '2021');
  const { report, findings } = check(text);
  const f = findings.find((x) => x.ruleId === 'format-year')!;
  const fixed = applyEdits(text, quickFixes(report, f)[0].edits);
  const before = report.tables.applications!.rows.filter((r) => r.key && r.key !== 'other').map((r) => [r.key, r.cells.map((c) => c.text)]);
  const t = check(fixed).report.tables.applications!;
  assert.deepEqual(t.rows.filter((r) => r.key && before.some(([k]) => k === r.key)).map((r) => [r.key, r.cells.map((c) => c.text)]), before);
  assert.ok(!/ \|\n/.test(fixed), 'no “ |” cell ends in a report whose cells end in spaces');
});

test('format-year fix: not offered where the old （六） row is not all numbers (nothing to carry over exactly)', () => {
  const text = oldTables('pipeRows', '/');
  const { report, findings } = check(text);
  const f = findings.find((x) => x.ruleId === 'format-year' && x.subject === 'table/applications')!;
  assert.ok(f);
  assert.deepEqual(quickFixes(report, f), []);
});

test('the opening is the prose’s first lines before any part but 一, whether or not the prose was read first', () => {
  for (const p of ['000', '001', '002', '003', '004']) {
    const a = readReport(seed(p));
    const opening = a.opening;
    const end = a.sections.find((s) => s.key !== 'overview')?.line ?? Infinity;
    const plain = (ls: ProseLine[]) => ls.map(({ text, range, section }) => ({ text, range, section }));
    assert.deepEqual(plain(opening), plain(a.prose.filter((l) => l.range.start.line < end).slice(0, 48)), `seed ${p}`);
    const b = readReport(seed(p));
    void b.prose;
    assert.deepEqual(plain(b.opening), plain(opening), `seed ${p}, prose first`);
  }
});
