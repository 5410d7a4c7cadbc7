import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, render, ReportIndex, type CheckOptions } from '../../server/src/core';
import { seed } from '../helpers/fixtures';
import { NameIndex, bigramsOf } from '../../server/src/core/workspace/names';
import { repeatedShare, shingles } from '../../server/src/core/workspace/similarity';
import { bodyKey, readIdentity } from '../../server/src/core/workspace/identity';
import type { FiledReport } from '../../server/src/core/workspace/workspace';
import { NAME_SIMILAR } from '../../server/src/core/rules/reportIdentity';

/** Seed 003: 临沂市国防动员办公室's 2023 report, its title quoted in the preamble. */
const THIS_YEAR = seed('003');
const QUOTED = '《临沂市国防动员办公室2023年政府信息公开工作年度报告》';
/** The same report with no body in its title: its preamble still names the body (请与临沂市国防动员办公室联系). */
const NO_BODY = THIS_YEAR.replace(QUOTED, '《2023年政府信息公开工作年度报告》');
/** A report whose body is in its 落款 and whose year is nowhere (its 落款's date is no report year). */
const NO_YEAR = '政府信息公开工作年度报告\n一、总体情况\n本机关认真落实政府信息公开工作。\n六、其他需要报告的事项\n无。\n临沂市国防动员办公室\n2024年1月20日\n';

function workspace(files: Record<string, string>): CheckOptions {
  return { workspace: new ReportIndex({ reports: () => Object.keys(files), read: (uri) => files[uri] ?? null }) };
}
const identity = (text: string, options: CheckOptions) => check(text, options).findings.filter((f) => f.ruleId === 'report-identity');
const zh = (f: { message: Parameters<typeof render>[0] }) => render(f.message, 'zh-CN');

test('report-identity: no body, and another report of the year whose body the preamble names: said on line 1, naming it', () => {
  const options = workspace({ 'r/2023.txt': THIS_YEAR, 'r/draft.txt': NO_BODY });
  const [f, ...rest] = identity(NO_BODY, options);
  assert.equal(rest.length, 0);
  assert.equal(f.severity, 3);
  assert.deepEqual(f.range.start, { line: 0, character: 0 });
  assert.equal(zh(f), '无法从标题和落款识别本报告的发布机关，本报告未参加跨报告检查（如与上年报告比对）。“2023.txt”是名称相近的临沂市国防动员办公室的2023年报告：如为同一机关，请在标题中写明机关全称。');
  assert.match(render(f.message, 'en'), /^The issuing body of this report cannot be recognised .* “2023\.txt” is the 2023 report of 临沂市国防动员办公室, a similar name/);
  assert.equal(f.related?.[0].uri, 'r/2023.txt');
  assert.equal(render(f.related![0].message, 'zh-CN'), '临沂市国防动员办公室的2023年报告');
  // The recognised report says nothing of itself.
  assert.deepEqual(identity(THIS_YEAR, options), []);
});

test('report-identity: silent alone, beside another year only, or beside a body whose name it does not hold', () => {
  assert.deepEqual(identity(NO_BODY, workspace({ 'r/draft.txt': NO_BODY })), []);
  assert.deepEqual(identity(NO_BODY, {}), []);
  assert.deepEqual(identity(NO_BODY, workspace({ 'r/2022.txt': THIS_YEAR.replaceAll('2023', '2022'), 'r/draft.txt': NO_BODY })), []);
  const other = THIS_YEAR.replace(QUOTED, '《临沂市统计局2023年政府信息公开工作年度报告》');
  assert.deepEqual(identity(NO_BODY, workspace({ 'r/stats.txt': other, 'r/draft.txt': NO_BODY })), []);
  // Neither body nor year: nothing to say which reports it would be compared with.
  const bare = '一、总体情况\n本机关认真落实政府信息公开工作。\n';
  assert.deepEqual(identity(bare, workspace({ 'r/2023.txt': THIS_YEAR, 'r/bare.txt': bare })), []);
});

test('report-identity: a body (from the 落款) without a year, beside a report of the same body', () => {
  const [f] = identity(NO_YEAR, workspace({ 'r/2023.txt': THIS_YEAR, 'r/x.txt': NO_YEAR }));
  assert.equal(zh(f), '无法从标题识别本报告的年度，本报告未参加跨报告检查（如与上年报告比对）。“2023.txt”是同一机关（临沂市国防动员办公室）的2023年报告：请在标题中写明年度。');
  assert.deepEqual(identity(NO_YEAR, workspace({ 'r/stats.txt': THIS_YEAR.replace(QUOTED, '《临沂市统计局2023年政府信息公开工作年度报告》'), 'r/x.txt': NO_YEAR })), []);
});

test('the bodies a text names are found by their rarest bigrams exactly as by comparing the text with every body', () => {
  let r = 17;
  const next = () => ((r = Math.imul(r ^ (r >>> 13), 0x5bd1e995) + 0x9e3779b9) >>> 0);
  const chars = '市县区人民政府办公室局委员会财政教育卫生交通统计国防动员司法审计';
  const word = (n: number) => Array.from({ length: n }, () => chars[next() % chars.length]).join('');
  for (const share of [NAME_SIMILAR, 0.5, 1]) {
    const filed: FiledReport[] = Array.from({ length: 400 }, (_, i) => {
      const name = word(2 + (next() % 12));
      return { uri: `r${String(i).padStart(3, '0')}`, identity: { body: bodyKey(name), name, year: 2023 } };
    });
    const index = new NameIndex(filed, share);
    let held = 0;
    for (let q = 0; q < 300; q++) {
      // A text that holds a body's name, some of it, or none of it, among other words.
      const f = filed[next() % filed.length];
      const cut = f.identity.body.slice(0, f.identity.body.length - (next() % 3));
      const text = shingles(bodyKey(word(next() % 20) + (next() % 4 ? cut : '') + word(next() % 20)), 2);
      const linear = filed.filter((x) => repeatedShare(bigramsOf(x.identity), text) >= share);
      assert.deepEqual(index.held(text), linear);
      held += linear.length;
    }
    assert.ok(held > 100, `${held} bodies held at ${share}`);
  }
});

test('an identity keeps nothing of its report’s text alive: 40 reports of 2 MB, their identities kept (a batch’s index keeps one a report)', async () => {
  const { setFlagsFromString } = await import('node:v8');
  const { runInNewContext } = await import('node:vm');
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  // A name of 13 characters or more: V8 keeps a shorter cut as a copy anyway.
  const body = '临沂市人民政府国防动员办公室政务公开科';
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept = Array.from({ length: 40 }, (_, i) =>
    readIdentity(`${body}2023年政府信息公开工作年度报告\n一、总体情况\n${'本机关认真落实政府信息公开工作。'.repeat(60_000)}${i}\n`));
  gc();
  const grown = process.memoryUsage().heapUsed - before;
  assert.deepEqual(kept.map((k) => k?.name), kept.map(() => body));
  // Each text is 1.9 MB: kept, they would be 77 MB.
  assert.ok(grown < 10e6, `the heap grew by ${(grown / 1e6).toFixed(1)} MB`);
});
