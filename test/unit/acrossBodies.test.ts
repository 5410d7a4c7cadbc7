import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { check, readReport, render, ReportIndex, type CheckOptions } from '../../server/src/core';
import { identityOf } from '../../server/src/core/workspace/identity';
import { MIN_PART_CHARS, partText, partsOf } from '../../server/src/core/workspace/prints';
import { corpusFiles, seed } from '../helpers/fixtures';

/** Seed 003: 临沂市国防动员办公室's 2023 report. Another body's report of 2023 written over it: its name changed throughout. */
const MINE = seed('003');
const BODY = '临沂市国防动员办公室';
const asBody = (text: string, body: string) => text.replaceAll(BODY, body);

function workspace(files: Record<string, string>, reads?: string[]): CheckOptions {
  return { workspace: new ReportIndex({ reports: () => Object.keys(files), read: (uri) => (reads?.push(uri), files[uri] ?? null) }) };
}
const copied = (text: string, options: CheckOptions) => check(text, options).findings.filter((f) => f.ruleId === 'copied-across-bodies');
const zh = (f: { message: Parameters<typeof render>[0] }) => render(f.message, 'zh-CN');

/** One part of a report replaced by new prose. */
function rewritten(text: string, key: string, prose: string): string {
  const h = readReport(text).sections.find((s) => s.key === key)!;
  const lines = text.split('\n');
  return [...lines.slice(0, h.line + 1), prose, ...lines.slice(h.endLine)].join('\n');
}

test('copied-across-bodies: another body\'s report of the year written over this one, its name changed: each long part said', () => {
  const theirs = asBody(MINE, '临沂市统计局');
  const options = workspace({ 'r/fangkong.txt': MINE, 'r/tongji.txt': theirs });
  const fs = copied(MINE, options);
  const long = partsOf(readReport(MINE)).filter((h) => partText(readReport(MINE), h, [BODY]).length >= MIN_PART_CHARS).map((h) => `section/${h.key}`);
  assert.deepEqual(fs.map((f) => f.subject), long);
  assert.ok(long.includes('section/problems'));
  const five = fs.find((f) => f.subject === 'section/problems')!;
  assert.equal(five.severity, 2);
  assert.equal(zh(five), '第五部分“存在的主要问题及改进情况”有100%的文字与同年度临沂市统计局的报告“tongji.txt”的同一部分相同（机关名称、年份、数字不计），内容雷同。');
  assert.equal(five.related?.[0].uri, 'r/tongji.txt');
  assert.equal(render(five.related![0].message, 'zh-CN'), '临沂市统计局的报告的第五部分（100%相同）');
  // The same body's other copy is not another body; last year's report is copied-text's.
  assert.deepEqual(copied(MINE, workspace({ a: MINE, b: MINE.replace('一、总体情况', '一、总体情况\n（修订稿）') })), []);
  assert.deepEqual(copied(MINE, workspace({ a: MINE, b: asBody(MINE, '临沂市统计局').replaceAll('2023', '2022') })), []);
  assert.deepEqual(copied(MINE, {}), []);
});

test('copied-across-bodies: a part written anew is not said; three alike are counted; other reports of the year are no copy', () => {
  const fresh = rewritten(asBody(MINE, '临沂市统计局'), 'problems', '本年度统计数据发布审核不够细致，已建立三级审核制度，并对全部栏目进行了回头看，逐条整改到位，确保发布的每一项数据准确无误。同时加强了对统计人员的培训，开展了三期专题培训，覆盖全部科室，下一步将继续完善审核流程，做到发布前两级复核，发布后定期抽查。');
  const three = { 'r/a.txt': MINE, 'r/b.txt': fresh, 'r/c.txt': asBody(MINE, '临沂市民政局'), 'r/d.txt': asBody(MINE, '临沂市司法局') };
  const fs = copied(MINE, workspace(three));
  const five = fs.find((f) => f.subject === 'section/problems')!;
  assert.match(zh(five), /另有1份同年度其他机关的报告与之雷同。$/);
  assert.deepEqual(five.related?.map((r) => r.uri).sort(), ['r/c.txt', 'r/d.txt']);
  const one = fs.find((f) => f.subject === 'section/overview')!;
  assert.equal(one.related?.length, 3, 'part 一 of all three');
  // Other seeds given this year and another body: no part is a copy.
  const others = Object.fromEntries(['000', '001', '002', '004'].map((p) => {
    const t = seed(p);
    const y = readReport(t).year!.value;
    return [`s/${p}.txt`, t.replaceAll(String(y), '2023')];
  }));
  assert.deepEqual(copied(MINE, workspace({ ...others, 'r/a.txt': MINE })).map(zh), []);
});

test('copied-across-bodies: one index asked again and again (its kept reports\' parts compared once) says what a new index says each time', () => {
  const fresh = rewritten(asBody(MINE, '临沂市统计局'), 'overview', '本年度，本局围绕统计数据发布做好信息公开，全年主动公开统计公报、月度数据解读和专项调查结果，均在网站统计数据栏目及时发布，并同步推送至政务新媒体，确保社会公众第一时间获取权威统计信息。');
  const files = { 'r/a.txt': MINE, 'r/b.txt': fresh, 'r/c.txt': asBody(MINE, '临沂市民政局'), 'r/d.txt': asBody(MINE, '临沂市司法局') };
  const shared = workspace(files);
  const said = (uri: keyof typeof files, options: CheckOptions) => copied(files[uri], options).map((f) => [f.subject, zh(f), f.related?.map((r) => r.uri)]);
  const order = ['r/a.txt', 'r/b.txt', 'r/c.txt', 'r/a.txt', 'r/d.txt', 'r/b.txt'] as const;
  const once = order.map((uri) => said(uri, workspace(files)));
  assert.deepEqual(order.map((uri) => said(uri, shared)), once);
  // Each part of a copy is said, each from its own part of the others: part 一 of b is its own.
  assert.ok(once[0].length >= 3, `${once[0].length} parts said`);
  assert.deepEqual(once[0].find(([s]) => s === 'section/overview')?.[2], ['r/c.txt', 'r/d.txt']);
});

test('the index keeps other reports\' compared parts, the last asked first, within its bound of shingles (about 8 MB), not their texts', () => {
  const one = new ReportIndex({ reports: () => ['a'], read: () => MINE }).compared('a')!;
  const perReport = [...one.parts.values()].reduce((n, p) => n + p.shingles.buffer.byteLength / 4, 0);
  // A third more reports than the bound holds.
  const count = Math.ceil(((1 << 21) / perReport) * 1.3);
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) files[`r/${String(i).padStart(5, '0')}.txt`] = asBody(MINE, `临沂市${[...String(i)].map((d) => '甲乙丙丁戊己庚辛壬癸'[Number(d)]).join('')}分局`);
  const reads: string[] = [];
  const index = new ReportIndex({ reports: () => Object.keys(files), read: (uri) => (reads.push(uri), files[uri] ?? null) });
  const uris = Object.keys(files);
  const first = index.compared(uris[0])!;
  assert.deepEqual([...first.parts.keys()], partsOf(readReport(MINE)).map((h) => h.key));
  for (const uri of uris) index.compared(uri);
  assert.ok(index.comparedShinglesKept <= 1 << 21, `${index.comparedShinglesKept} shingles kept`);
  // The last asked are kept: asked again, nothing is read; the first was let go, and is read again.
  reads.length = 0;
  for (const uri of uris.slice(-100)) index.compared(uri);
  assert.deepEqual(reads, []);
  const again = index.compared(uris[0])!;
  assert.deepEqual(reads, [uris[0]]);
  assert.deepEqual([...again.parts].map(([k, p]) => [k, [...p.shingles]]), [...first.parts].map(([k, p]) => [k, [...p.shingles]]));
  assert.equal(again.identity.name, '临沂市甲分局');
});

test('copied-across-bodies: a folder of 2,000 reports of one year reads each once and compares at most three a part in full', () => {
  const renamed = (t: string, i: number) => {
    const name = readReport(t).issuer!.text;
    return t.replaceAll(name, `${name}${[...String(i)].map((d) => '甲乙丙丁戊己庚辛壬癸'[Number(d)]).join('')}分局`).replace(/20[0-9]{2}(?=\s*年)/g, '2023');
  };
  // Corpus reports each renamed as many bodies of one year: every report of a source is a copy of the others.
  const texts = corpusFiles().map((f) => readFileSync(f, 'utf8')).filter((t) => readReport(t).issuer && identityOf(readReport(renamed(t, 1)))?.name.endsWith('乙分局'));
  const files: Record<string, string> = {};
  for (let i = 0; i < 2000; i++) files[`r/${i}.txt`] = renamed(texts[i % texts.length], i);
  files['r/mine.txt'] = MINE;
  const reads: string[] = [];
  const options = workspace(files, reads);
  const first = Date.now();
  copied(MINE, options);
  const built = reads.length;
  // Filing reads each text once (its header), fingerprinting the year once more.
  assert.ok(built <= 2 * 2001 + 10, `${built} reads to build`);
  const mid = Date.now();
  let verified = 0;
  let said = 0;
  for (const uri of Object.keys(files).slice(0, 50)) {
    reads.length = 0;
    const fs = copied(files[uri], options);
    verified = Math.max(verified, reads.length);
    said += fs.length;
    assert.ok(fs.every((f) => (f.related?.length ?? 0) <= 3));
  }
  assert.ok(said > 0, 'copies are found among them');
  // Each check compares at most NEAR_COMPARED (3) reports a part in full: at most 6 × 3 models read.
  assert.ok(verified <= 18, `${verified} models read by one check`);
  process.stdout.write(`# 2,000 reports of one year: fingerprints ${mid - first} ms; 50 checks ${Date.now() - mid} ms\n`);
});

test('the checked report\'s own URI (`self`): its saved text under another name is not another body', () => {
  const saved = asBody(MINE, '临沂市统计局');
  const files = { 'r/mine.txt': saved, 'r/other.txt': MINE.replace('一、总体情况', '一、总体情况\n（本机关自查稿）') };
  // The editor's text changed the body's name; the index still holds the saved text under the old one.
  assert.ok(copied(MINE, workspace(files)).length > 0);
  assert.deepEqual(copied(MINE, { ...workspace(files), self: 'r/mine.txt' }), []);
});

test('the corpus as one reviewer\'s folder: real reports of different bodies, up to six a year, are no copies of one another', () => {
  const files = Object.fromEntries(corpusFiles().map((f) => [f, readFileSync(f, 'utf8')]));
  const options = workspace(files);
  const said = Object.entries(files).flatMap(([f, t]) => copied(t, options).map((x) => `${f}: ${zh(x)}`));
  assert.deepEqual(said, []);
});
