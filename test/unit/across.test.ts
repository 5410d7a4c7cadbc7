import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bodyKey, check, readIdentity, readReport, render, ReportIndex, surveyOf, surveyReport, toDiagnostic, type CheckOptions, type CrossReports } from '../../server/src/core';
import { RULES } from '../../server/src/core/rules';
import { applyEdits, quickFixes } from '../../server/src/core/service/actions';
import { writeCell } from '../../server/src/core/service/cellEdit';
import { comparable, keptOf, NOT_KEPT, NUMBER, repeatedShare, sharedShare, shingles, sortedShingles } from '../../server/src/core/workspace/similarity';
import { CANDIDATE_SHARE, MAX_POSTING, ownNames, packPrints, printsOf, SKETCH_SIZE, sketchOf, sketchOfText, YearPrints } from '../../server/src/core/workspace/prints';
import { NEAR_COMPARED } from '../../server/src/core/workspace/workspace';
import { identityOf } from '../../server/src/core/workspace/identity';
import { readSkeleton } from '../../server/src/core/reader/read';
import { readSource } from '../../server/src/core/text/source';
import { readFileSync } from 'node:fs';
import { corpusFiles, seed } from '../helpers/fixtures';

/** Pairs of consecutive years built from the seeds: seed 003 is a 2023 report of 临沂市国防动员办公室. */
const THIS_YEAR = seed('003');
const lastYearOf = (text: string) => text.replaceAll('2023', '2022');
const LAST_URI = 'file:///reports/2022%E5%B9%B4.txt';
const THIS_URI = 'file:///reports/2023.txt';

function workspace(files: Record<string, string>): CheckOptions {
  return { workspace: new ReportIndex({ reports: () => Object.keys(files), read: (uri) => files[uri] ?? null }) };
}
const pair = (lastYear: string, thisYear = THIS_YEAR) => workspace({ [LAST_URI]: lastYear, [THIS_URI]: thisYear });

/** A text with one table cell written (by row and column key). */
function withCell(text: string, kind: 'active' | 'applications', row: string, column: string, value: number): string {
  const cell = readReport(text).tables[kind]!.rows.find((r) => r.key === row)!.cells.find((c) => c.column === column)!;
  return applyEdits(text, writeCell(cell, value));
}
const findings = (text: string, options: CheckOptions, rule: string) => check(text, options).findings.filter((f) => f.ruleId === rule);
const zh = (f: { message: Parameters<typeof render>[0] }) => render(f.message, 'zh-CN');

test('the body as a key: spacing, brackets and full-width forms make no difference', () => {
  const a = bodyKey('某市人民政府办公室（某市政务公开办）');
  assert.equal(bodyKey('某市人民政府办公室(某市政务公开办)'), a);
  assert.equal(bodyKey('某市人民政府办公室〔某市政务公开办〕'), a);
  assert.equal(bodyKey('某市 人民政府办公室 【某市政务公开办】'), a);
  assert.equal(bodyKey('某市人民政府辦公室（某市政務公開辦）'), a);
  assert.notEqual(bodyKey('某县人民政府办公室'), a);
});

test('identity: from a title split over two lines, from a quoted title, none without a body', () => {
  assert.deepEqual(readIdentity('北京市大兴区退役军人事务局\n2023年政府信息公开工作年度报告\n一、总体情况\n正文。'), { body: '北京市大兴区退役军人事务局', name: '北京市大兴区退役军人事务局', year: 2023 });
  assert.equal(readIdentity(THIS_YEAR)?.body, '临沂市国防动员办公室');
  assert.equal(readIdentity(THIS_YEAR)?.year, 2023);
  assert.equal(readIdentity('一、总体情况\n正文。'), null);
});

test('the index: last year of the same body, whatever its brackets; never another body or year', () => {
  const titled = (body: string, year: number) => `${body}${year}年政府信息公开工作年度报告\n一、总体情况\n正文。`;
  const index = new ReportIndex({
    reports: () => ['a', 'b', 'c', 'd', 'e'],
    read: (uri) => ({
      a: titled('某市人民政府办公室（某市政务公开办）', 2023),
      b: titled('某市人民政府办公室〔某市政务公开办〕', 2022),
      c: titled('某县人民政府办公室', 2022),
      d: titled('某市人民政府办公室（某市政务公开办）', 2021),
      e: '没有标题的文字',
    } as Record<string, string>)[uri] ?? null,
  });
  assert.equal(index.lastYear(readReport(titled('某市人民政府办公室(某市政务公开办)', 2023)))?.uri, 'b');
  assert.equal(index.lastYear(readReport(titled('某市人民政府办公室（某市政务公开办）', 2022)))?.uri, 'd');
  assert.equal(index.lastYear(readReport(titled('某县人民政府办公室', 2022))), null);
  assert.deepEqual(index.find(bodyKey('某县人民政府办公室'), 2022), ['c']);
});

test('the measure: years, dates and numbers folded; other words are not repeats', () => {
  const a = comparable(['2023年1月1日起，本机关共收到申请29件，已全部办理完毕，均按要求予以书面答复。']);
  const b = comparable(['二〇二二年１月１日起，本机关共收到申请31件，已全部办理完毕，均按要求予以书面答复。']);
  assert.equal(a, b);
  assert.equal(repeatedShare(shingles(a), shingles(b)), 1);
  const c = comparable(['本年度进一步规范了依申请公开的受理、登记和答复流程，建立了台账并定期检查。']);
  assert.ok(repeatedShare(shingles(a), shingles(c)) < 0.1);
  assert.equal(repeatedShare(new Set(), shingles(a)), 0);
});

test('carry-over-across-years: this year\'s 上年结转 against last year\'s 结转下年度; no fix where this year\'s balance would come to fail', () => {
  let last = lastYearOf(THIS_YEAR);
  last = withCell(last, 'applications', 'carriedForward', 'naturalPerson', 3);
  last = withCell(last, 'applications', 'carriedForward', 'total', 3);
  const options = pair(last);
  const fs = findings(THIS_YEAR, options, 'carry-over-across-years');
  assert.deepEqual(fs.map((f) => f.subject), ['table/applications/carriedOver/naturalPerson', 'table/applications/carriedOver/total']);
  assert.equal(fs[0].severity, 1);
  assert.equal(zh(fs[0]), '“上年结转政府信息公开申请数量”（自然人）为0，而上年报告“2022年.txt”的“结转下年度继续办理”为3，两者应当相等。');
  const lastCell = readReport(last).tables.applications!.rows.find((r) => r.key === 'carriedForward')!.cells[0];
  assert.deepEqual(fs[0].related?.map((r) => [r.uri, r.range]), [[LAST_URI, lastCell.range]]);
  const d = toDiagnostic(fs[0]);
  assert.deepEqual(d.related, [{ uri: LAST_URI, range: lastCell.range, message: '上年报告的“结转下年度继续办理”（自然人）：3' }]);
  // This year's table balances with 0 carried over: writing 3 would make its balance fail, so either year may be wrong.
  assert.equal(fs[0].fix, undefined);
  assert.deepEqual(quickFixes(check(THIS_YEAR, options).report, fs[0]), []);
});

test('carry-over-across-years: a figure typed wrong this year is fixed from last year\'s, passing the guard', () => {
  let thisYear = withCell(THIS_YEAR, 'applications', 'carriedOver', 'naturalPerson', 2);
  thisYear = withCell(thisYear, 'applications', 'carriedOver', 'total', 2);
  const options = pair(lastYearOf(THIS_YEAR), thisYear);
  const fs = findings(thisYear, options, 'carry-over-across-years');
  assert.equal(fs.length, 2);
  // Writing 自然人 alone would break the row total: the fix writes both differing cells.
  const actions = quickFixes(check(thisYear, options).report, fs[0]);
  assert.equal(actions.length, 1);
  assert.equal(render(actions[0].title, 'zh-CN'), '按上年报告的“结转下年度继续办理”改写本行2个数');
  const fixed = applyEdits(thisYear, actions[0].edits);
  assert.equal(fixed, THIS_YEAR);
  assert.deepEqual(check(fixed, options).findings.filter((f) => f.severity === 1), []);
});

test('carry-over-across-years: one cell off offers that cell alone; silent without a workspace, last year, or with the figures equal', () => {
  const thisYear = withCell(THIS_YEAR, 'applications', 'carriedOver', 'commercial', 2);
  const options = pair(lastYearOf(THIS_YEAR), thisYear);
  const [f, ...rest] = findings(thisYear, options, 'carry-over-across-years');
  // 商业企业 written alone breaks the row total: the fix writes the one differing cell back, which keeps it.
  assert.equal(rest.length, 0);
  assert.equal(render(quickFixes(check(thisYear, options).report, f)[0].title, 'zh-CN'), '按上年报告改为0');
  assert.deepEqual(findings(thisYear, {}, 'carry-over-across-years'), []);
  assert.deepEqual(findings(thisYear, workspace({ [THIS_URI]: thisYear }), 'carry-over-across-years'), []);
  assert.deepEqual(findings(THIS_YEAR, pair(lastYearOf(THIS_YEAR)), 'carry-over-across-years'), []);
  // Another body's report of last year is not last year's.
  const other = lastYearOf(THIS_YEAR).replaceAll('临沂市国防动员办公室', '临沂市统计局');
  assert.deepEqual(findings(thisYear, pair(other, thisYear), 'carry-over-across-years'), []);
});

test('carry-over-across-years: the body named with other brackets is the same body', () => {
  const named = (text: string, name: string) => text.replace('《临沂市国防动员办公室', `《${name}`);
  const thisYear = named(withCell(THIS_YEAR, 'applications', 'carriedOver', 'commercial', 2), '临沂市国防动员办公室（临沂市人民防空办公室）');
  const last = named(lastYearOf(THIS_YEAR), '临沂市国防动员办公室〔临沂市人民防空办公室〕');
  assert.equal(findings(thisYear, pair(last, thisYear), 'carry-over-across-years').length, 1);
});

test('stock-across-years (2021): 现行有效件数 continues last year\'s; silent where the prose explains a clean-up', () => {
  const last = withCell(lastYearOf(THIS_YEAR), 'active', 'rules', 'inForce', 4);
  let thisYear = withCell(THIS_YEAR, 'active', 'rules', 'issued', 2);
  thisYear = withCell(thisYear, 'active', 'rules', 'inForce', 5);
  const fs = findings(thisYear, pair(last, thisYear), 'stock-across-years');
  assert.equal(fs.length, 1);
  assert.equal(fs[0].severity, 2);
  assert.equal(fs[0].subject, 'table/active/rules/inForce');
  assert.equal(zh(fs[0]), '“规章”的“现行有效件数”为5，而上年报告“2022年.txt”的4件加本年制发2件、减本年废止0件为6件。');
  assert.equal(fs[0].related?.[0].uri, LAST_URI);
  const consistent = withCell(thisYear, 'active', 'rules', 'inForce', 6);
  assert.deepEqual(findings(consistent, pair(last, consistent), 'stock-across-years'), []);
  const explained = thisYear.replace('二、主动公开政府信息情况', '本年开展规章清理，调整了部分规章。\n二、主动公开政府信息情况');
  assert.deepEqual(findings(explained, pair(last, explained), 'stock-across-years'), []);
});

test('stock-across-years (2019): 上一年项目数量 is last year\'s plus its 本年增/减', () => {
  const text = (year: number, previous: number, change: string) => [
    `某县某局${year}年政府信息公开工作年度报告`, '一、总体情况', '正文。', '二、主动公开政府信息情况',
    '| 第二十条第(一)项 | | | |', '| 信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |', '| 规章 | 0 | 0 | 0 |', '| 规范性文件 | 0 | 0 | 0 |',
    '| 第二十条第(五)项 | | | |', '| 信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |', `| 行政许可 | ${previous} | ${change} | 3 |`, '| 其他对外管理服务事项 | 0 | 0 | 0 |',
    '三、收到和处理政府信息公开申请情况', '正文。',
  ].join('\n');
  const last = text(2019, 10, '+2');
  assert.equal(readReport(last).tables.active?.version, '2019');
  const wrong = text(2020, 11, '0');
  const fs = findings(wrong, workspace({ 'a/2019.txt': last, 'a/2020.txt': wrong }), 'stock-across-years');
  assert.deepEqual(fs.map((f) => [f.subject, zh(f)]), [['table/active/licensing/previousYear', '“行政许可”的“上一年项目数量”为11，而上年报告“2019.txt”的上一年项目数量10加本年增/减+2为12。']]);
  const right = text(2020, 12, '0');
  assert.deepEqual(findings(right, workspace({ 'a/2019.txt': last, 'a/2020.txt': right }), 'stock-across-years'), []);
});

test('copied-text: parts and tables copied from last year, part 五 identical said in its own words', () => {
  const options = pair(lastYearOf(THIS_YEAR));
  const fs = findings(THIS_YEAR, options, 'copied-text');
  const subjects = fs.map((f) => f.subject);
  assert.ok(subjects.includes('section/problems') && subjects.includes('section/overview'));
  const five = fs.find((f) => f.subject === 'section/problems')!;
  assert.equal(zh(five), '第五部分“存在的主要问题及改进情况”与上年报告“2022年.txt”的同一部分完全相同（年份、数字不计）：本年的问题和改进照抄上年，属于国办公开办函〔2021〕30号所说的“内容雷同”。');
  assert.equal(five.related?.[0].uri, LAST_URI);
  assert.equal(five.range.start.line, readReport(THIS_YEAR).sections.find((s) => s.key === 'problems')!.line);
  assert.ok(subjects.includes('table/active'), 'a table with figures other than 0, equal cell for cell');
});

test('copied-text: a part partly rewritten gives its share; a rewritten part and a changed table say nothing', () => {
  const report = readReport(THIS_YEAR);
  const overview = report.sections.find((s) => s.key === 'overview')!;
  const lines = THIS_YEAR.split('\n');
  // One paragraph of part 一 rewritten: the rest is still last year's.
  const paragraph = overview.line + 2;
  const rewritten = [...lines.slice(0, paragraph), '本年度新建政务公开专区，编制公开目录，组织培训三期，梳理事项清单并逐项落实到人，群众满意度明显提升。', ...lines.slice(paragraph + 1)].join('\n');
  const options = pair(lastYearOf(THIS_YEAR), rewritten);
  const part1 = findings(rewritten, options, 'copied-text').find((f) => f.subject === 'section/overview')!;
  assert.match(zh(part1), /^第一部分“总体情况”有[89]\d%的文字与上年报告“2022年\.txt”的同一部分相同（年份、数字不计），内容雷同。$/);
  // Part 五 written anew: not said.
  const problems = report.sections.find((s) => s.key === 'problems')!;
  const fresh = [...lines.slice(0, problems.line + 1), '本年度发现信息发布审核不够细致，已建立三级审核制度，并对全部栏目进行了回头看。', ...lines.slice(problems.endLine)].join('\n');
  const after = findings(fresh, pair(lastYearOf(THIS_YEAR), fresh), 'copied-text').map((f) => f.subject);
  assert.ok(!after.includes('section/problems'));
  const changed = withCell(THIS_YEAR, 'active', 'penalties', 'decisions', 99);
  assert.ok(!findings(changed, pair(lastYearOf(THIS_YEAR), changed), 'copied-text').some((f) => f.subject === 'table/active'));
});

test('copied-text: two all-zero tables are no copy', () => {
  const zero = seed('000');
  const year = readReport(zero).year!.value;
  const last = zero.replaceAll(String(year), String(year - 1));
  const subjects = findings(zero, workspace({ 'l.txt': last, 't.txt': zero }), 'copied-text').map((f) => f.subject);
  assert.ok(!subjects.includes('table/applications') && !subjects.includes('table/reviewLitigation'), subjects.join());
});

test('a part\'s sorted shingles are its shingle set, ascending, and share with another what the sets share', () => {
  const texts = [...['000', '001', '002', '003', '004'].map((p) => comparable(seed(p).split('\n'))), 'ab', '', 'abcdefgh', '一二三四五六七八九十'.repeat(40)];
  let r = 3;
  const next = () => ((r = Math.imul(r ^ (r >>> 13), 0x5bd1e995) + 0x9e3779b9) >>> 0);
  // A small alphabet repeats shingles within a text and across texts; a seed's part cut and mixed shares some of them.
  for (let i = 0; i < 300; i++) texts.push(Array.from({ length: next() % 300 }, () => '甲乙丙#'[next() % 4]).join(''));
  for (let i = 0; i < 40; i++) texts.push(texts[i % 5].slice(next() % 500, 1500 + (next() % 3000)) + texts[(i + 1) % 5].slice(0, next() % 800));
  for (const [i, a] of texts.entries()) {
    for (const k of [2, 8]) assert.deepEqual([...sortedShingles(a, k)], [...shingles(a, k)].sort((x, y) => x - y));
    const b = texts[next() % texts.length];
    for (const [x, y] of [[a, b], [b, a], [a, a], [a, texts[(i + 1) % texts.length]]]) {
      assert.equal(sharedShare(sortedShingles(x), sortedShingles(y)), repeatedShare(shingles(x), shingles(y)));
    }
  }
});

test('a part\'s sketch made in one pass equals the k smallest remixed hashes of its shingle set', () => {
  const texts = [...['000', '001', '002', '003', '004'].map((p) => seed(p)), 'ab', '', '一二三四五六七八九十'.repeat(40)];
  let r = 1;
  const next = () => ((r = Math.imul(r ^ (r >>> 13), 0x5bd1e995) + 0x9e3779b9) >>> 0);
  // Random texts over a small alphabet repeat shingles often: the de-duplication is exercised.
  for (let i = 0; i < 200; i++) texts.push(Array.from({ length: next() % 400 }, () => '甲乙丙丁#'[next() % 5]).join(''));
  for (const t of texts) {
    const text = comparable(t.split('\n'));
    for (const k of [1, 4, SKETCH_SIZE]) assert.deepEqual([...sketchOfText(text, k)], [...sketchOf(shingles(text), k)]);
  }
});

test('a skeleton (no table read) gives every seed and corpus report the prints, identity, parts and title of its model', () => {
  const texts = [...['000', '001', '002', '003', '004'].map((p) => seed(p)), ...corpusFiles().map((f) => readFileSync(f, 'utf8'))];
  let printed = 0;
  for (const text of texts) {
    const report = readReport(text);
    const skeleton = readSkeleton(readSource(text));
    // Each table lies within its region: the prose outside the regions holds no line of a table.
    const tableLines = new Set([...report.proseIn(0, Infinity)].map((l) => JSON.stringify(l.range)));
    for (const l of report.proseOutsideRegions(0, Infinity)) assert.ok(tableLines.has(JSON.stringify(l.range)), `a line of a table outside its region: ${l.text}`);
    assert.deepEqual(identityOf(skeleton), identityOf(report));
    // What a comparison takes from another report's skeleton (ws.open): its parts and its title, where the model has them.
    assert.deepEqual(skeleton.sections, report.sections);
    assert.deepEqual(skeleton.title, report.title);
    const fromModel = printsOf(report, ownNames(report));
    assert.deepEqual(printsOf(skeleton, ownNames(skeleton)).map((p) => [p.key, [...p.sketch]]), fromModel.map((p) => [p.key, [...p.sketch]]));
    printed += fromModel.length;
  }
  assert.ok(printed > texts.length, `${printed} parts printed`);
});

test('a report the index does not concern: every cross-report rule is silent on it, with a workspace that files all other reports', () => {
  const texts = [...['000', '001', '002', '003', '004'].map((p) => seed(p)), ...corpusFiles().map((f) => readFileSync(f, 'utf8'))];
  const reports = texts.map((text, i) => ({ uri: `r${i}`, text, report: readReport(text) }));
  const filed = reports.flatMap((r) => {
    const identity = identityOf(r.report);
    return identity ? [{ uri: r.uri, identity, report: r.report }] : [];
  });
  const across = new Set(RULES.filter((r) => r.across).map((r) => r.id));
  assert.ok(across.size >= 6, [...across].join());
  let checked = 0;
  for (const { uri, text, report } of reports) {
    const id = identityOf(report);
    if (!id) continue;
    // What `concerns` says no to: no report of the body for the year before, no other body's part near.
    const others = filed.filter((f) => f.uri !== uri && !(f.identity.body === id.body && f.identity.year === id.year - 1));
    const workspace: CrossReports = {
      lastYear: () => null,
      filed: (by) => others.filter((f) => ('year' in by ? f.identity.year === by.year : f.identity.body === by.body)),
      nearParts: () => [],
      open: (u) => others.find((f) => f.uri === u) ?? null,
    };
    const found = check(text, { workspace, self: uri }).findings.filter((f) => across.has(f.ruleId));
    assert.deepEqual(found.map((f) => f.ruleId), [], uri);
    checked++;
  }
  assert.ok(checked > 20, `${checked} reports`);
});

test('concerns: last year\'s report of the body, another body\'s near copy, or no identity; not a report alone in its body and year', () => {
  const mine = seed('003');
  const body = '临沂市国防动员办公室';
  const texts: Record<string, string> = {
    last: mine.replace(/20[0-9]{2}(?=年)/g, (y) => String(Number(y) - 1)),
    now: mine,
    copy: mine.replaceAll(body, '临沂市统计局'),
    draft: mine.replace(`《${body}2023年`, '《2023年'),
    alone: seed('001'),
  };
  const surveys = Object.entries(texts).map(([uri, text]) => surveyReport(uri, text));
  const index = new ReportIndex({ reports: () => Object.keys(texts), read: (u) => texts[u] ?? null }, {}, surveys);
  const concerned = surveys.filter((s) => index.concerns(s)).map((s) => s.uri);
  // last: no 2021 report, and no other body's 2022 part; alone: another body, another text.
  assert.deepEqual(concerned, ['now', 'copy', 'draft']);
  // A survey from the model equals the survey from the skeleton.
  for (const [uri, text] of Object.entries(texts)) assert.deepEqual(surveyOf(uri, readReport(text)), surveyReport(uri, text));
});

test('keptOf is the comparison\'s two patterns in one pass: numbers one #, only letters and # kept', () => {
  const reference = (s: string) => s.replace(NUMBER, '#').replace(NOT_KEPT, '');
  const texts = [...['000', '001', '002', '003', '004'].map((p) => seed(p)), ...corpusFiles().map((f) => readFileSync(f, 'utf8'))].flatMap((t) => t.split('\n'));
  let r = 7;
  const next = () => ((r = Math.imul(r ^ (r >>> 13), 0x5bd1e995) + 0x9e3779b9) >>> 0);
  // Digits and their separators, the year's numerals and 年, letters of several scripts, a surrogate pair and lone halves, '#', punctuation.
  const alphabet = ['1', '2', '0', '.', ',', '〇', '二', '零', '九', '年', '月', 'a', 'Z', 'é', 'Ж', '中', '\u{20000}', '\ud800', '\udc00', '#', ' ', '，', '%', '(', '１', '²', '\u3000'];
  for (let i = 0; i < 3000; i++) texts.push(Array.from({ length: next() % 24 }, () => alphabet[next() % alphabet.length]).join(''));
  texts.push('二〇二三年', '一二〇二三年', '二〇二年', '1,234.5元', '1.', '.5', '1,,2', '二〇二三', '#1#');
  for (const t of texts) assert.equal(keptOf(t), reference(t), JSON.stringify(t));
});

test('a year\'s prints in sorted typed arrays find what a map of postings finds, the first MAX_POSTING reports of a hash and part only', () => {
  const keys = ['overview', 'activeDisclosure', 'applications', 'reviewLitigation', 'problems', 'otherMatters'] as const;
  const ordinal = Object.fromEntries(keys.map((k, i) => [k, i + 1])) as Record<string, number>;
  let r = 11;
  const next = () => ((r = Math.imul(r ^ (r >>> 13), 0x5bd1e995) + 0x9e3779b9) >>> 0);
  // [reports, hashes in the pool, bodies, whether half of a report's hashes are its body's own (copies of one body's report)]
  for (const [reports, pool, bodies, owned] of [[40, 60, 13, false], [1500, 16, 13, false], [300, 100000, 13, false], [1200, 12, 3, true], [200, 40, 5, true]] as const) {
    // A small pool of hashes makes postings longer than MAX_POSTING; a large one, hashes of every size.
    const hash = (i: number) => ((next() % pool) + (owned && next() % 2 ? (1 + (i % bodies)) * pool : 0)) * 0x9e3779b1 >>> 0;
    const made = Array.from({ length: reports }, (_, i) => ({
      uri: `r${i}`, body: `b${i % bodies}`,
      prints: keys.filter(() => next() % 3 > 0).map((key) => ({ key, sketch: Uint32Array.from(new Set(Array.from({ length: 1 + (next() % SKETCH_SIZE) }, () => hash(i)))).sort() })),
    }));
    const year = new YearPrints();
    const postings = new Map<number, number[]>();
    for (const [at, m] of made.entries()) {
      year.add(m.uri, m.body, m.prints);
      for (const p of m.prints) for (const h of p.sketch) {
        const list = postings.get(h * 8 + ordinal[p.key]) ?? postings.set(h * 8 + ordinal[p.key], []).get(h * 8 + ordinal[p.key])!;
        if (list.length < MAX_POSTING) list.push(at);
      }
    }
    const reference = (body: string, print: { key: string; sketch: Uint32Array }, limit: number) => {
      const counts = new Map<number, number>();
      for (const h of print.sketch) for (const at of postings.get(h * 8 + ordinal[print.key]) ?? []) counts.set(at, (counts.get(at) ?? 0) + 1);
      const need = Math.max(2, Math.ceil(print.sketch.length * CANDIDATE_SHARE));
      return [...counts].filter(([at, n]) => n >= need && made[at].body !== body).map(([at, n]) => ({ uri: made[at].uri, key: print.key, estimate: n / print.sketch.length }))
        .sort((a, b) => b.estimate - a.estimate || (a.uri < b.uri ? -1 : 1)).slice(0, limit);
    };
    let found = 0;
    for (const m of made) for (const p of m.prints) {
      const got = year.near(m.body, p, NEAR_COMPARED);
      assert.deepEqual(got, reference(m.body, p, NEAR_COMPARED));
      found += got.length;
    }
    assert.ok(found > 0 || pool > 1000, `${found} near parts among ${reports} reports`);
    // Filed in batches with look-ups between them (a batch's looks): what was sorted is merged with what came since.
    const growing = new YearPrints();
    for (let from = 0; from < made.length; ) {
      const to = Math.min(made.length, from + 1 + (next() % Math.max(1, made.length >> 2)));
      for (const m of made.slice(from, to)) growing.add(m.uri, m.body, m.prints);
      from = to;
      const m = made[next() % from];
      if (m.prints.length) growing.near(m.body, m.prints[0], 1);
    }
    for (const m of made) for (const p of m.prints) assert.deepEqual(growing.near(m.body, p, NEAR_COMPARED), reference(m.body, p, NEAR_COMPARED));
  }
  // Adding after a look-up sorts again.
  const year = new YearPrints();
  const sketch = Uint32Array.from([1, 2, 3, 4]);
  year.add('a', 'A', [{ key: 'overview', sketch }]);
  assert.deepEqual(year.near('Z', { key: 'overview', sketch }, 3).map((n) => n.uri), ['a']);
  year.add('b', 'B', [{ key: 'overview', sketch }]);
  assert.deepEqual(year.near('Z', { key: 'overview', sketch }, 3).map((n) => n.uri), ['a', 'b']);
  // Hashes that were one body's alone are no longer once another body's report holds them.
  const copies = new YearPrints();
  copies.add('a1', 'A', [{ key: 'overview', sketch }]);
  copies.add('a2', 'A', [{ key: 'overview', sketch }]);
  assert.deepEqual(copies.near('A', { key: 'overview', sketch }, 3), []);
  copies.add('c', 'C', [{ key: 'overview', sketch }]);
  assert.deepEqual(copies.near('A', { key: 'overview', sketch }, 3).map((n) => n.uri), ['c']);
  assert.deepEqual(copies.near('C', { key: 'overview', sketch }, 3).map((n) => n.uri), ['a1', 'a2']);
});

test('a batch\'s index filed as its reports arrive answers, once settled, as one filed in URI order, in whatever order they came', () => {
  let r = 17;
  const next = () => ((r = Math.imul(r ^ (r >>> 13), 0x5bd1e995) + 0x9e3779b9) >>> 0);
  const keys = ['overview', 'problems'] as const;
  // One year: 600 reports of one body, then 100 of as many others, all holding the same passage. Past
  // MAX_POSTING, a hash counts for the first 512 reports filed: in URI order the first body's, whose
  // reports then find no other body near (a copy of its own is none); in another order, some others.
  const sketch = Uint32Array.from({ length: 24 }, (_, i) => i * 7919 + 1);
  const surveys = Array.from({ length: 700 }, (_, i) => {
    const body = i < 600 ? 'a' : `b${i}`;
    const prints = keys.map((key) => ({ key, sketch }));
    return { uri: `file:///r${String(i).padStart(4, '0')}.txt`, filedAs: { body, name: body, year: 2023 }, prints: { body, prints: packPrints(prints) } };
  });
  const none = { reports: () => [], read: () => null };
  const inOrder = new ReportIndex(none, {}, surveys);
  const answers = (index: ReportIndex) => surveys.map((s) => index.concerns(s));
  const expected = answers(inOrder);
  assert.ok(expected.some((c) => c) && expected.some((c) => !c), 'some reports concerned, some not');
  for (let round = 0; round < 3; round++) {
    const shuffled = [...surveys].sort(() => (next() & 1) - 0.5);
    const index = new ReportIndex(none, {}, []);
    shuffled.forEach((s, i) => {
      index.arriving(s);
      if (i % 50 === 49) index.concerns(s);
    });
    index.settle();
    assert.deepEqual(answers(index), expected);
  }
});
