// The review outputs: the page (a pure function of per-report summaries), CSV and SARIF.
import { test } from 'node:test';
import { createHash } from 'node:crypto';
import assert from 'node:assert/strict';
import { reviewPage } from '../../server/src/core/review/page';
import { reviewEntry, worstFirst, type ReviewEntry, type ReviewFinding } from '../../server/src/core/review/summary';
import { BOM, csvField, csvHeader, csvRows } from '../../server/src/cli/csv';
import { reviewWriter, type ReviewFormat } from '../../server/src/cli/review';
import { artifactUri } from '../../server/src/cli/sarif';
import { sarifProblems, sarifSchemaProblems } from '../helpers/sarifShape';

const f = (rule: string, severity: 1 | 2 | 3 | 4, message = `${rule} 的消息`, line = 3): ReviewFinding => ({ line, column: 5, endLine: line, endColumn: 9, rule, severity, message });
const ENTRIES: ReviewEntry[] = [
  { file: 'a/clean.txt', body: '甲县人民政府', year: 2023, findings: [] },
  { file: 'a/warned.txt', body: '乙县人民政府', year: 2023, findings: [f('fee-statement-missing', 2)] },
  { file: 'a/bad.txt', body: '丙县人民政府', year: 2022, findings: [f('row-total', 1), f('row-total', 1, '又一处', 9), f('fee-statement-missing', 2)] },
  { file: 'a/worse.txt', findings: [f('row-total', 1), f('column-total', 1), f('carry-over-balance', 1)] },
  { file: 'a/scan.pdf', findings: [], error: '无法导入“a/scan.pdf”：其中没有可提取的文字。' },
];
const page = (entries = ENTRIES, lang: 'zh-CN' | 'en' = 'zh-CN') => reviewPage({ entries, folders: ['a'], date: '2025-03-07', lang, ruleHref: (id) => `file:///docs/rules.md#${id}` });
const rowsOf = (html: string) => [...html.matchAll(/<tr class="report (\w+)" data-file="([^"]*)" data-errors="(\d+)" data-warnings="(\d+)"/g)].map((m) => ({ verdict: m[1], file: m[2], errors: +m[3], warnings: +m[4] }));

test('the page: a row per checked report, worst first (errors, warnings, name), verdicts 建议退回 / 通过', () => {
  const html = page();
  assert.deepEqual(rowsOf(html), [
    { verdict: 'returned', file: 'a/worse.txt', errors: 3, warnings: 0 },
    { verdict: 'returned', file: 'a/bad.txt', errors: 2, warnings: 1 },
    { verdict: 'passed', file: 'a/warned.txt', errors: 0, warnings: 1 },
    { verdict: 'passed', file: 'a/clean.txt', errors: 0, warnings: 0 },
  ]);
  assert.equal((html.match(/<td class="verdict">建议退回<\/td>/g) ?? []).length, 2);
  assert.equal((html.match(/<td class="verdict">通过<\/td>/g) ?? []).length, 2);
  assert.match(html, /<title>政府信息公开工作年度报告审查清单<\/title>/);
  assert.match(html, /审查日期：2025年3月7日/);
  assert.match(html, /共审查4份报告：建议退回2份，通过2份。共发现5个错误，2个警告。另有1个文件未能检查。/);
  // An unrecognised body: the file name; a known one: the body with its file under it.
  assert.match(html, /<span class="body">丙县人民政府<\/span><span class="file">a\/bad\.txt<\/span>/);
  assert.match(html, /<span class="file only">a\/worse\.txt<\/span>/);
  // Each problem under its report: place, severity, the rule linking to its section, the message.
  assert.match(html, /<span class="place">9:5<\/span> <span class="severity">错误<\/span> <a class="rule" href="file:\/\/\/docs\/rules\.md#row-total">row-total<\/a> <span class="message">又一处<\/span>/);
  assert.ok(html.indexOf('a/worse.txt') < html.indexOf('column-total 的消息') && html.indexOf('column-total 的消息') < html.indexOf('a/bad.txt'));
});

test('the page: the files not checked are listed apart, with why; no verdict for them', () => {
  const html = page();
  assert.match(html, /三、未能检查的文件/);
  assert.match(html, /<tr class="unchecked" data-file="a\/scan\.pdf"><td class="file">a\/scan\.pdf<\/td><td>无法导入“a\/scan\.pdf”：其中没有可提取的文字。<\/td><\/tr>/);
  assert.ok(!rowsOf(html).some((r) => r.file === 'a/scan.pdf'));
  assert.doesNotMatch(page(ENTRIES.slice(0, 4)), /未能检查/);
});

test('the page: a chart of the rules most often broken (errors and warnings), with counts, in HTML and CSS only', () => {
  const html = page([...ENTRIES, { file: 'b.txt', findings: [f('format-citation', 3), f('format-citation', 4)] }]);
  const bars = [...html.matchAll(/<tr data-rule="([^"]+)" data-count="(\d+)">.*?<div class="bar w(\d+)">.*?<td class="count">([^<]*)<\/td>/g)].map((m) => [m[1], +m[2], +m[3], m[4]]);
  assert.deepEqual(bars, [
    ['row-total', 3, 100, '3处，涉及2份报告'],
    ['fee-statement-missing', 2, 67, '2处，涉及2份报告'],
    ['carry-over-balance', 1, 33, '1处，涉及1份报告'],
    ['column-total', 1, 33, '1处，涉及1份报告'],
  ]);
  assert.match(page([ENTRIES[0]]), /未发现错误或警告。/);
});

test('the page is self-contained: a strict CSP (its style by hash), no script, no remote resource; prints on A4 with the header repeated and rows unbroken', () => {
  const html = page();
  const css = /<style>([\s\S]*?)<\/style>/.exec(html)![1];
  const hash = createHash('sha256').update(css).digest('base64');
  assert.match(html, new RegExp(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-${hash.replace(/[+/]/g, '\\$&')}'">`));
  assert.equal((html.match(/<style>/g) ?? []).length, 1);
  assert.doesNotMatch(html, /\sstyle=/, 'no style attribute (the policy allows the hashed element only)');
  assert.doesNotMatch(html, /<script|<link|<img|<iframe|@import|url\(/i);
  assert.doesNotMatch(html, /(src|href)="(https?:)?\/\//);
  assert.match(html, /@page \{ size: A4;/);
  assert.match(html, /thead \{ display: table-header-group; \}/);
  assert.match(html, /tr \{ break-inside: avoid;/);
});

test('the page escapes every text: a report\'s own title, file name, message and rule cannot become markup', () => {
  const evil = '<script>alert(1)</script>"><img src=x onerror=alert(2)>';
  const html = page([
    { file: `${evil}.txt`, body: evil, year: 2023, findings: [{ ...f('row-total', 1), message: evil, rule: `x"><script>` }] },
    { file: `${evil}.pdf`, findings: [], error: evil },
  ]);
  assert.doesNotMatch(html, /<script|<img/i);
  assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;&quot;&gt;&lt;img src=x onerror=alert\(2\)&gt;/);
  assert.doesNotMatch(html, /href="[^"]*"[^>]*"/, 'no attribute broken out of');
});

test('the page in English', () => {
  const html = page(ENTRIES, 'en');
  assert.match(html, /<html lang="en">/);
  assert.match(html, /4 reports reviewed: 2 to send back, 2 passed\. 5 errors and 2 warnings found\. 1 files could not be checked\./);
  assert.match(html, /<td class="verdict">Send back<\/td>/);
  assert.match(html, /Date: 2025-03-07/);
  assert.doesNotMatch(html.replace(/<span class="(body|message)">[^<]*<\/span>|<td>无法[^<]*<\/td>|data-file="[^"]*"/g, ''), /[审查建议退回通过错误警告]/);
});

test('an entry keeps what the page shows: body (title, else 落款), year, 1-based places; no text', () => {
  const range = { start: { line: 2, character: 4 }, end: { line: 2, character: 8 } };
  const e = reviewEntry('r.txt', { issuer: { text: '某局', range } as never, signatory: null, year: { value: 2024, range } }, [{ range, severity: 1, code: 'row-total', source: 'nianbao', message: 'm' }], 2);
  assert.deepEqual(e, { file: 'r.txt', body: '某局', year: 2024, silenced: 2, findings: [{ line: 3, column: 5, endLine: 3, endColumn: 9, rule: 'row-total', severity: 1, message: 'm' }] });
  assert.deepEqual(reviewEntry('x.txt', { issuer: null, signatory: null, year: null }, []), { file: 'x.txt', findings: [] });
  assert.deepEqual(worstFirst([{ file: 'b', findings: [] }, { file: 'a', findings: [] }]).map((x) => x.file), ['a', 'b']);
});

test('CSV fields: RFC 4180 quoting, and a cell starting with = + - @ made text (CSV injection)', () => {
  assert.equal(csvField('plain 文本'), 'plain 文本');
  assert.equal(csvField('a,b'), '"a,b"');
  assert.equal(csvField('say "hi"'), '"say ""hi"""');
  assert.equal(csvField('two\nlines'), '"two\nlines"');
  assert.equal(csvField(' padded'), '" padded"');
  for (const c of ['=', '+', '-', '@', '\t']) assert.equal(csvField(`${c}1+1`).replace(/^"|"$/g, ''), `'${c}1+1`, JSON.stringify(c));
  assert.equal(csvField('=HYPERLINK("http://x","y")'), `"'=HYPERLINK(""http://x"",""y"")"`);
  assert.equal(csvField(42), '42');
  assert.equal(csvField(undefined), '');
});

test('CSV: BOM and header (English with --lang en), a row per finding and per file not checked, CRLF', () => {
  assert.equal(csvHeader('zh-CN'), `${BOM}文件,发布机关,年度,行,列,严重程度,规则,消息\r\n`);
  assert.equal(csvHeader('en'), `${BOM}File,Issuing body,Year,Line,Column,Severity,Rule,Message\r\n`);
  assert.equal(csvRows(ENTRIES[2], 'zh-CN').split('\r\n')[1], 'a/bad.txt,丙县人民政府,2022,9,5,错误,row-total,又一处');
  assert.equal(csvRows(ENTRIES[2], 'zh-CN').split('\r\n').length, 4);
  assert.equal(csvRows(ENTRIES[0], 'zh-CN'), '');
  assert.equal(csvRows(ENTRIES[4], 'en'), 'a/scan.pdf,,,,,not checked,,无法导入“a/scan.pdf”：其中没有可提取的文字。\r\n');
});

async function written(format: ReviewFormat, entries: ReviewEntry[], lang: 'zh-CN' | 'en' = 'zh-CN'): Promise<string> {
  let out = '';
  const w = reviewWriter(format, async (s) => void (out += s), { lang, version: '0.1.0', paths: ['a'], cwd: '/work/x', now: new Date(2025, 2, 7) });
  for (const e of entries) await w.file(JSON.stringify(e));
  await w.end('');
  return out;
}

test('SARIF 2.1.0: results with rule, level, message and 1-based regions; rules with help; files not checked as notifications; valid', async () => {
  const log = JSON.parse(await written('sarif', ENTRIES.map((e) => ({ ...e, file: `/work/x/${e.file}` }))));
  assert.deepEqual(sarifProblems(log), []);
  assert.deepEqual(sarifSchemaProblems(log), []);
  const run = log.runs[0];
  assert.equal(run.results.length, 7);
  assert.deepEqual(run.results[1], {
    ruleId: 'row-total', level: 'error', message: { text: 'row-total 的消息' },
    locations: [{ physicalLocation: { artifactLocation: { uri: 'a/bad.txt', uriBaseId: '%SRCROOT%' }, region: { startLine: 3, startColumn: 5, endLine: 3, endColumn: 9 } } }],
  });
  assert.equal(run.tool.driver.name, 'nianbao');
  const rowTotal = run.tool.driver.rules.find((r: { id: string }) => r.id === 'row-total');
  assert.match(rowTotal.helpUri, /rules\.md#row-total$/);
  assert.equal(rowTotal.defaultConfiguration.level, 'error');
  assert.ok(rowTotal.shortDescription.text.length > 0);
  assert.deepEqual(run.invocations[0].toolExecutionNotifications.map((n: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => n.locations[0].physicalLocation.artifactLocation.uri), ['a/scan.pdf']);
  assert.equal(run.invocations[0].executionSuccessful, false);
  assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, 'file:///work/x/');
  const empty = JSON.parse(await written('sarif', []));
  assert.deepEqual(sarifProblems(empty), []);
  assert.deepEqual(sarifSchemaProblems(empty), []);
  assert.deepEqual(empty.runs[0].results, []);
});

test('the SARIF checker finds what a wrong log gets wrong (so the test above can fail)', () => {
  const bad = { version: '2.1.0', $schema: 'x sarif-2.1.0', runs: [{ tool: { driver: {} }, results: [{ level: 'fatal', locations: [{ physicalLocation: { artifactLocation: { uri: 'a b' }, region: { startLine: 0 } } }] }], invocations: [{}] }] };
  assert.deepEqual(sarifProblems(bad).sort(), [
    'runs[0].invocations[0].executionSuccessful', 'runs[0].results[0].level', 'runs[0].results[0].locations[0].artifactLocation.uri: a URI reference',
    'runs[0].results[0].locations[0].region.startLine ≥ 1', 'runs[0].results[0].message: text or id', 'runs[0].tool.driver.name',
  ].sort());
  // The schema itself refuses it too: no driver name, no message, a level it does not know, a line 0.
  const schema = sarifSchemaProblems(bad).join('\n');
  for (const what of [/driver.*name/, /results\/0.*message/, /level.*allowed values/, /startLine.*>= 1/]) assert.match(schema, what);
});

test('SARIF URIs: relative to the folder, forward slashes, segments percent-encoded', () => {
  assert.equal(artifactUri('/work/x/报告 1/a#b.txt', '/work/x'), '%E6%8A%A5%E5%91%8A%201/a%23b.txt');
  assert.equal(artifactUri('/work/y/r.txt', '/work/x'), '../y/r.txt');
});

test('the CSV and page writers: the CSV streams a file\'s rows as it comes; the page comes at the end, whole', async () => {
  const csv = await written('csv', ENTRIES);
  assert.ok(csv.startsWith(BOM));
  assert.equal(csv.split('\r\n').length - 2, 1 + 3 + 3 + 1);
  assert.equal(await written('csv', []), csvHeader('zh-CN'));
  const html = await written('html', ENTRIES);
  assert.equal(rowsOf(html).length, 4);
  assert.match(html, /审查日期：2025年3月7日/);
});

test('the header the VS Code command reads (headings and header only) names the body and year the full read does', async () => {
  const { readFileSync } = await import('node:fs');
  const { check } = await import('../../server/src/core');
  const { readReviewHeader } = await import('../../server/src/core/review/summary');
  const { seedPath, corpusFiles } = await import('../helpers/fixtures');
  for (const file of [...['000', '001', '002', '003', '004'].map(seedPath), ...corpusFiles()]) {
    const text = readFileSync(file, 'utf8');
    const full = reviewEntry(file, check(text).report, []);
    assert.deepEqual(reviewEntry(file, readReviewHeader(text), []), full, file);
  }
});
