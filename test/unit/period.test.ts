// Issue 16, rules 2 and 3: the statistics period is the report's year (report-period), and a report
// dated after the deadline of 条例第四十九条 gets a hint (report-deadline). Each on a real report or a
// minimal change to one; silent wherever the header cannot be read with certainty.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, type Finding } from '../../server/src/core';
import { render } from '../../server/src/core/l10n/text';
import { readReport } from '../../server/src/core/reader/read';
import { issuerKind } from '../../server/src/core/rules/reportDeadline';
import { ReportSession } from '../../server/src/core/incremental/session';
import { LineIndex } from '../../server/src/core/text/positions';
import { corpus, seed } from '../helpers/fixtures';

const of = (text: string, id: string): Finding[] => check(text).findings.filter((f) => f.ruleId === id);
const zh = (f: Finding) => render(f.message, 'zh-CN');
const applyFix = (text: string, f: Finding): string =>
  [...f.fix!.edits].sort((a, b) => b.start - a.start).reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);
const lineOf = (f: Finding) => f.range.start.line + 1;

test('the seeds state the period of their year and are dated in time: neither rule speaks', () => {
  for (const p of ['000', '001', '002', '003', '004']) {
    assert.deepEqual(of(seed(p), 'report-period'), [], p);
    assert.deepEqual(of(seed(p), 'report-deadline'), [], p);
  }
});

test('a damaged period is said, with the dates it should have; the fix writes them where the digits left are theirs', () => {
  const cases: [string, number, string, string][] = [
    ['018', 14, '2020年1月1日起至202020年12月31日', '2020年1月1日起至2020年12月31日'],
    ['037', 12, '201911日起至1231日', '2019年1月1日起至2019年12月31日'],
    ['038', 7, '202111日起至20211231日', '2021年1月1日起至2021年12月31日'],
  ];
  for (const [file, line, damaged, fixed] of cases) {
    const text = corpus(file);
    const [f, ...more] = of(text, 'report-period');
    assert.equal(more.length, 0, file);
    assert.equal(lineOf(f), line, file);
    assert.equal(f.severity, 2);
    assert.match(zh(f), new RegExp(`^统计期限“${damaged}”中的日期残缺或有误，无法识别，应为\\d{4}年1月1日至\\d{4}年12月31日。$`));
    assert.equal(f.fix!.safe, false);
    const after = applyFix(text, f);
    assert.ok(after.includes(fixed), file);
    assert.equal(after.length - text.length, fixed.length - damaged.length, `${file}: only the period changes`);
    assert.deepEqual(of(after, 'report-period'), [], `${file}: fixed`);
    assert.equal(readReport(after).period?.from.slice(0, 4), fixed.slice(0, 4));
  }
});

test('a damaged period whose digits are not those of 1 January and 31 December gets no fix', () => {
  const text = corpus('038').replace('202111日起至20211231日', '202131日起至20211130日');
  const [f] = of(text, 'report-period');
  assert.ok(f && !f.fix);
});

test('a period of another year than the title, or not a whole year, is said on the period', () => {
  const other = seed('004').replace('自2023年1月1日起至2023年12月31日止', '自2022年1月1日起至2022年12月31日止');
  const [f] = of(other, 'report-period');
  assert.equal(zh(f), '标题年份为2023年，统计期限却是2022年1月1日至2022年12月31日。两者应为同一年度，请核对标题年份和统计期限。');
  assert.equal(f.related![0].range.start.line, readReport(other).title!.range.start.line);

  const short = seed('001').replace('到2022年12月31日', '到2022年12月20日');
  assert.match(zh(of(short, 'report-period')[0]), /^统计期限为2022年1月1日至2022年12月20日，不是一个完整的年度。/);
  const across = seed('003').replace('自2023年1月1日起至2023年12月31日止', '自2022年1月1日起至2023年12月31日止');
  assert.equal(of(across, 'report-period').length, 1);
  // Without a title the year comes from the period itself: nothing to compare (seed 000).
  assert.deepEqual(of(seed('000').replace(/2023年1月1日至2023年12月31日/, '2022年1月1日至2022年12月31日'), 'report-period'), []);
});

test('a date range the text does not name as the statistics period is not judged', () => {
  const text = seed('004').replace('本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。', '2023年3月1日至3月31日开展专项检查。');
  assert.deepEqual(of(text, 'report-period'), []);
  const damaged = seed('004').replace('本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。', '202331日至331日开展专项检查。');
  assert.deepEqual(of(damaged, 'report-period'), []);
  // Words of statistics nearby, or 期间 after an event's dates, do not make them the period.
  const nearby = seed('004').replace('本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。', '统计数据显示，2023年3月1日至3月31日期间，开展专项检查。');
  assert.deepEqual(of(nearby, 'report-period'), []);
});

test('who reports decides the deadline; townships, streets, zones and unknown issuers are left alone', () => {
  for (const n of ['辽源市西安区退役军人事务局', '阿尔山市政务服务局', '山西省人民政府外事办公室', '临沂市国防动员办公室', '北京市通州区信访办', '和平区发展改革委', '浙江省国有资产监督管理委员会', '某县乡村振兴局']) {
    assert.equal(issuerKind(n), 'department', n);
  }
  for (const n of ['华容县人民政府', '梅县区人民政府办公室', '上海市人民政府办公厅', '贵阳市人民政府(市人民政府办公厅)', '上海市', '浙江省']) {
    assert.equal(issuerKind(n), 'government', n);
  }
  for (const n of ['中埠镇人民政府', '大五里镇', '五常市民意乡', '佳荣里街', '重庆市九龙坡区二郎街道办事处', '某经济开发区管理委员会', '七家子镇司法所', '某某']) {
    assert.equal(issuerKind(n), null, n);
  }
});

test('a department dated after 31 January: a hint on the 落款 naming the deadline (seed 000, the issuer read from its 落款)', () => {
  assert.equal(readReport(seed('000')).signatory?.text, '辽源市西安区退役军人事务局');
  const late = seed('000').replace(/2024年1月5日\s*$/, '2024年2月5日\n');
  const [f, ...more] = of(late, 'report-deadline');
  assert.equal(more.length, 0);
  assert.equal(f.severity, 4);
  assert.equal(lineOf(f), 339);
  assert.equal(zh(f), '本报告落款日期为2024年2月5日，晚于部门年度报告的公布期限2024年1月31日。《中华人民共和国政府信息公开条例》第四十九条：县级以上人民政府部门应当在每年1月31日前公布本部门上一年度政府信息公开工作年度报告。');
  assert.deepEqual(of(seed('000').replace(/2024年1月5日\s*$/, '2024年1月31日\n'), 'report-deadline'), [], 'the last day is in time');
});

test('a published date on the page: a department by 31 January, a government office by 31 March at the latest', () => {
  const anhui = corpus('038');
  assert.deepEqual(of(anhui, 'report-deadline'), []);
  const [f] = of(anhui.replace('2022-01-21', '2022-02-21'), 'report-deadline');
  assert.match(zh(f), /^本报告发布日期为2022年2月21日，晚于部门年度报告的公布期限2022年1月31日。/);

  const meixian = corpus('037');
  assert.deepEqual(of(meixian.replace('2020-01-23', '2020-02-23'), 'report-deadline'), [], 'an office may report for its government: 31 March');
  const [g] = of(meixian.replace('2020-01-23', '2020-04-02'), 'report-deadline');
  assert.match(zh(g), /^本报告发布日期为2020年4月2日，晚于本级人民政府年度报告的公布期限2020年3月31日。/);
});

test('no hint where the deadline or the date is uncertain', () => {
  // A township: article 49 sets no date.
  assert.deepEqual(of(corpus('017').replace('2021-01-29', '2021-05-01'), 'report-deadline'), []);
  // A date two years on is a copy's or an update's, not the report's.
  assert.deepEqual(of(corpus('038').replace('2022-01-21', '2023-02-21'), 'report-deadline'), []);
  // A crawl time or a page's generation time is no publication date (the saved page 103).
  assert.deepEqual(readReport(corpus('103')).dates.map((d) => `${d.kind} ${d.date}`), ['signed 2024-01-17']);
  // A date alone after part 六 with no body's name above it is not read as the 落款.
  assert.deepEqual(readReport(seed('000').replace('辽源市西安区退役军人事务局\n2024年1月5日', '以上。\n2024年2月5日')).dates, []);
  // One date in time and one late: no hint.
  const both = corpus('038').replace('2022-01-21', '2022-02-21').replace('发布时间', '成文日期:2022-01-20 发布时间');
  assert.deepEqual(of(both, 'report-deadline'), []);
});

test('editing the 落款 date or the period through a session equals a fresh check', () => {
  const text = seed('000');
  const session = new ReportSession(text);
  const index = new LineIndex(text);
  const at = text.lastIndexOf('1月5日');
  const p = index.positionAt(at);
  session.update({ range: { start: p, end: { line: p.line, character: p.character + 1 } }, text: '2' });
  const fresh = check(session.text);
  assert.deepEqual(session.findings.filter((f) => f.ruleId === 'report-deadline').map(lineOf), [339]);
  assert.equal(JSON.stringify(session.findings), JSON.stringify(fresh.findings));
});
