import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, readReport, render, ReportIndex, type CheckOptions } from '../../server/src/core';
import { applyEdits, fixAll, quickFixes } from '../../server/src/core/service/actions';
import { seed } from '../helpers/fixtures';

/** Seed 003 is临沂市国防动员办公室's 2023 report; its 2022 report has every year one less (2024's plans were 2023's). */
const THIS_YEAR = seed('003');
const lastYearOf = (text: string) => text.replace(/20[0-9]{2}(?=\s*年)/g, (y) => String(Number(y) - 1));
const LAST_URI = 'file:///reports/2022.txt';
const THIS_URI = 'file:///reports/2023.txt';

const pair = (last: string, now: string): CheckOptions => {
  const files: Record<string, string> = { [LAST_URI]: last, [THIS_URI]: now };
  return { workspace: new ReportIndex({ reports: () => Object.keys(files), read: (uri) => files[uri] ?? null }) };
};
const left = (now: string, last = lastYearOf(THIS_YEAR)) => {
  const options = pair(last, now);
  return { options, findings: check(now, options).findings.filter((f) => f.ruleId === 'year-left-behind') };
};
const zh = (f: { message: Parameters<typeof render>[0] }) => render(f.message, 'zh-CN');

test('year-left-behind: silent when every year moved on with the report', () => {
  assert.deepEqual(left(THIS_YEAR).findings, []);
});

test('year-left-behind: last year\'s own year in a sentence taken over, with a fix to this year\'s', () => {
  const now = THIS_YEAR.replace('2023年本机关共收到', '2022年本机关共收到');
  const { options, findings } = left(now);
  assert.equal(findings.length, 1);
  const [f] = findings;
  assert.equal(f.severity, 4);
  assert.equal(f.subject, 'section/overview');
  assert.equal(zh(f), '“2022年”与上年报告“2022.txt”中同一句话的年份相同，疑为沿用上年报告时未改的年份（本年报告应为2023年）。');
  assert.equal(render(f.message, 'en'), '“2022” is the year last year\'s report “2022.txt” writes in the same sentence: probably left from last year\'s text (2023 in this year\'s report).');
  const line = now.split('\n')[f.range.start.line];
  assert.equal(line.slice(f.range.start.character, f.range.end.character), '2022');
  assert.equal(f.related?.[0].uri, LAST_URI);
  const actions = quickFixes(check(now, options).report, f);
  assert.equal(actions.length, 1);
  assert.equal(render(actions[0].title, 'zh-CN'), '改为“2023年”');
  assert.equal(applyEdits(now, actions[0].edits), THIS_YEAR);
  // Never applied unattended: a year fixed in law may fall on last year's by chance.
  assert.equal(f.fix?.safe, undefined);
  const all = check(now, options);
  const start = actions[0].edits[0].start;
  assert.ok(!(fixAll(all.report, all.findings)?.edits ?? []).some((e) => e.start === start));
});

test('year-left-behind: next year\'s plans copied with last year\'s year (Y written where Y+1 is meant)', () => {
  const now = THIS_YEAR.replace('2024年,本机关将', '2023年,本机关将');
  const { findings } = left(now);
  assert.deepEqual(findings.map((f) => [f.subject, zh(f).slice(0, 7)]), [['section/otherMatters', '“2023年”']]);
  assert.match(zh(findings[0]), /应为2024年/);
});

test('year-left-behind: a comparison written fresh, a sentence last year did not have, and another body\'s report say nothing', () => {
  const sentence = (y: number) => `本年度受理申请数量较${y}年增长了百分之十，主要集中在人防工程方面。`;
  const at = '2024年,本机关将';
  const now = THIS_YEAR.replace(at, `${sentence(2022)}\n${at}`);
  const last = lastYearOf(THIS_YEAR).replace('2023年,本机关将', `${sentence(2021)}\n2023年,本机关将`);
  assert.deepEqual(left(now, last).findings, []);
  const fresh = THIS_YEAR.replace(at, `2022年12月起，本机关新设了政府信息公开专门窗口。\n${at}`);
  assert.deepEqual(left(fresh).findings, []);
  const taken = THIS_YEAR.replace('2023年本机关共收到', '2022年本机关共收到');
  assert.deepEqual(left(taken, lastYearOf(THIS_YEAR).replaceAll('临沂市国防动员办公室', '临沂市统计局')).findings, []);
  assert.deepEqual(check(taken).findings.filter((f) => f.ruleId === 'year-left-behind'), []);
});

test('year-left-behind: a year written in Chinese numerals is fixed in Chinese numerals', () => {
  const now = THIS_YEAR.replace('2023年本机关共收到', '二〇二二年本机关共收到');
  const last = lastYearOf(THIS_YEAR).replace('2022年本机关共收到', '二〇二二年本机关共收到');
  const { options, findings } = left(now, last);
  assert.equal(findings.length, 1);
  assert.equal(render(quickFixes(check(now, options).report, findings[0])[0].title, 'zh-CN'), '改为“二〇二三年”');
  assert.equal(readReport(now).year?.value, 2023);
});

test('year-left-behind on the corpus: each report with its year-shifted last year says nothing; one year planted back is found there', async () => {
  const { readFileSync } = await import('node:fs');
  const { corpusFiles } = await import('../helpers/fixtures');
  const { sentencesWithYears } = await import('../../server/src/core/workspace/sentences');
  let planted = 0;
  for (const file of corpusFiles()) {
    const text = readFileSync(file, 'utf8');
    const report = readReport(text);
    const year = report.year?.value;
    if (!year || report.html || !report.issuer) continue;
    assert.deepEqual(left(text, lastYearOf(text)).findings.map(zh), [], file);
    // This year's own year in a sentence, written back as last year's.
    const s = sentencesWithYears(report).find((x) => x.line.range.start.line > report.year!.range.end.line && x.years.some((y) => y.value === year && !y.chinese));
    if (!s) continue;
    const y = s.years.find((x) => x.value === year)!;
    const at = s.line.range.start;
    const lines = text.split('\n');
    const offset = lines.slice(0, at.line).reduce((n, l) => n + l.length + 1, 0) + at.character + y.start;
    if (text.slice(offset, offset + 4) !== String(year)) continue;
    const now = text.slice(0, offset) + String(year - 1) + text.slice(offset + 4);
    const found = left(now, lastYearOf(text)).findings;
    assert.equal(found.length, 1, file);
    assert.equal(found[0].range.start.line, at.line, file);
    planted++;
  }
  assert.ok(planted >= 10, `planted in ${planted} reports`);
});
